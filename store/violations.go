package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"caseload/model"
)

const violationColumns = `v.id, v.client_id, v.kind, v.at, v.seriousness, v.description, coalesce(v.checkin_id, ''),
	coalesce(v.condition_id, ''), v.sensitive, v.created_at`

func scanViolation(row scanner) (model.Violation, error) {
	var v model.Violation
	var at, created string
	if err := row.Scan(&v.ID, &v.ClientID, &v.Kind, &at, &v.Seriousness, &v.Description, &v.CheckInID, &v.ConditionID,
		&v.Sensitive, &created); err != nil {
		return v, err
	}
	var d decoder
	v.At, v.CreatedAt = d.time(at), d.time(created)
	return v, d.err
}

const responseColumns = `rs.id, rs.violation_id, rs.client_id, rs.at, rs.step_key, rs.step_label, rs.tier, rs.suggested,
	rs.note, rs.created_at`

func scanResponse(row scanner) (model.Response, error) {
	var r model.Response
	var at, created string
	if err := row.Scan(&r.ID, &r.ViolationID, &r.ClientID, &at, &r.StepKey, &r.StepLabel, &r.Tier, &r.Suggested, &r.Note,
		&created); err != nil {
		return r, err
	}
	var d decoder
	r.At, r.CreatedAt = d.time(at), d.time(created)
	return r, d.err
}

// nullable stores "" as NULL, for an optional reference.
func nullable(id string) sql.NullString { return sql.NullString{String: id, Valid: id != ""} }

// RecordViolation records a violation and, when resp is not nil, the
// response to it, in one transaction: the form that records one offers the
// other.
func (s *Store) RecordViolation(ctx context.Context, v model.Violation, resp *model.Response) (model.Violation, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		v, err = w.RecordViolation(v, resp)
		return err
	})
	return v, err
}

// RecordViolation records a violation and its response in the writer's
// transaction.
func (w *Writer) RecordViolation(v model.Violation, resp *model.Response) (model.Violation, error) {
	if err := v.Validate(w.now); err != nil {
		return v, err
	}
	if v.ID == "" {
		v.ID = newID()
	}
	if v.CreatedAt.IsZero() {
		v.CreatedAt = w.now
	}
	_, err := w.exec(`INSERT INTO violations (id, client_id, kind, at, seriousness, description, checkin_id, condition_id,
		sensitive, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.ID, v.ClientID, v.Kind, fmtTime(v.At), v.Seriousness, v.Description, nullable(v.CheckInID),
		nullable(v.ConditionID), boolInt(v.Sensitive), fmtTime(v.CreatedAt))
	if err != nil {
		return v, fmt.Errorf("save violation: %w", explain(err))
	}
	if resp != nil {
		resp.ViolationID, resp.ClientID = v.ID, v.ClientID
		saved, err := w.AddResponse(*resp)
		*resp = saved
		if err != nil {
			return v, err
		}
	}
	return v, nil
}

// AddResponse records what was done about a violation.
func (s *Store) AddResponse(ctx context.Context, r model.Response) (model.Response, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		r, err = w.AddResponse(r)
		return err
	})
	return r, err
}

// AddResponse records a response in the writer's transaction, taking the
// step's label and tier from the agency's ladder as it is today.
func (w *Writer) AddResponse(r model.Response) (model.Response, error) {
	set, err := readResponseSettings(w.ctx, w.tx)
	if err != nil {
		return r, err
	}
	if r.At.IsZero() {
		r.At = w.now
	}
	if err := r.Validate(set.Sanctions, w.now); err != nil {
		return r, err
	}
	step, _ := set.Sanctions.Step(r.StepKey)
	r.StepLabel, r.Tier = step.Label, step.Tier
	if r.ID == "" {
		r.ID = newID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = w.now
	}
	_, err = w.exec(`INSERT INTO responses (id, violation_id, client_id, at, step_key, step_label, tier, suggested, note,
		created_at) SELECT ?, id, client_id, ?, ?, ?, ?, ?, ?, ? FROM violations WHERE id = ? AND client_id = ?`,
		r.ID, fmtTime(r.At), r.StepKey, r.StepLabel, r.Tier, r.Suggested, r.Note, fmtTime(r.CreatedAt), r.ViolationID, r.ClientID)
	if err != nil {
		return r, fmt.Errorf("save response: %w", explain(err))
	}
	res, err := w.exec(`UPDATE violations SET answered = 1 WHERE id = ? AND answered = 0`, r.ViolationID)
	if err != nil {
		return r, fmt.Errorf("save response: %w", explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// Either answered before (fine) or no such violation of the client.
		var ok int
		if err := w.queryRow(`SELECT count(*) FROM responses WHERE id = ?`, r.ID).Scan(&ok); err != nil || ok == 0 {
			return r, fmt.Errorf("response to violation %s: %w", r.ViolationID, ErrNotFound)
		}
	}
	return r, nil
}

// SuggestResponse suggests a response to a violation not yet saved, from
// its seriousness, the client's level and the client's violations in the
// history window before it with the last response to each.
func (s *Store) SuggestResponse(ctx context.Context, v model.Violation) (model.Suggestion, error) {
	set, err := readResponseSettings(ctx, s.db)
	if err != nil {
		return model.Suggestion{}, err
	}
	var level model.Level
	if err := s.db.QueryRowContext(ctx, `SELECT level FROM clients WHERE id = ?`, v.ClientID).Scan(&level); err != nil {
		return model.Suggestion{}, fmt.Errorf("suggest a response: %w", notFound(err))
	}
	var history []model.PriorResponse
	err = eachRowArgs(ctx, s.db, `SELECT v.at, coalesce((SELECT rs.step_key FROM responses rs WHERE rs.violation_id = v.id
		ORDER BY rs.at DESC, rs.id DESC LIMIT 1), '') FROM violations v WHERE v.client_id = ? AND v.at >= ? AND v.at < ? AND v.id <> ?`,
		[]any{v.ClientID, fmtTime(v.At.AddDate(0, 0, -model.HistoryWindowDays)), fmtTime(v.At), v.ID}, func(row scanner) error {
			var at string
			var p model.PriorResponse
			if err := row.Scan(&at, &p.StepKey); err != nil {
				return err
			}
			var d decoder
			p.At = d.time(at)
			history = append(history, p)
			return d.err
		})
	if err != nil {
		return model.Suggestion{}, fmt.Errorf("suggest a response: %w", explain(err))
	}
	return set.Suggest(v, level, history), nil
}

// Violations returns a client's violations, latest first, each with its
// responses.
func (s *Store) Violations(ctx context.Context, clientID string) ([]model.Violation, map[string][]model.Response, error) {
	list, err := queryList(ctx, s.db, scanViolation, "SELECT "+violationColumns+` FROM violations v
		WHERE v.client_id = ? ORDER BY v.at DESC, v.id DESC`, clientID)
	if err != nil {
		return nil, nil, fmt.Errorf("read violations: %w", explain(err))
	}
	resp, err := queryList(ctx, s.db, scanResponse, "SELECT "+responseColumns+` FROM responses rs
		WHERE rs.client_id = ? ORDER BY rs.at, rs.id`, clientID)
	if err != nil {
		return nil, nil, fmt.Errorf("read responses: %w", explain(err))
	}
	byViolation := map[string][]model.Response{}
	for _, r := range resp {
		byViolation[r.ViolationID] = append(byViolation[r.ViolationID], r)
	}
	return list, byViolation, nil
}

// IncentiveRatio counts the client's incentives and sanctions in the
// model.RatioWindowDays up to now.
func (s *Store) IncentiveRatio(ctx context.Context, clientID string, now time.Time) (model.Ratio, error) {
	var r model.Ratio
	from, to := fmtTime(now.AddDate(0, 0, -model.RatioWindowDays)), fmtTime(now)
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM incentives WHERE client_id = ?1 AND at >= ?2 AND at <= ?3),
		(SELECT count(*) FROM responses WHERE client_id = ?1 AND at >= ?2 AND at <= ?3)`, clientID, from, to).
		Scan(&r.Incentives, &r.Sanctions)
	if err != nil {
		return r, fmt.Errorf("count incentives and sanctions: %w", explain(err))
	}
	return r, nil
}
