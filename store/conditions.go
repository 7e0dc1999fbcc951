package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"caseload/model"
)

const conditionColumns = `cd.id, cd.client_id, cd.kind, cd.wording, cd.ordered_on, cd.due_by, cd.target, cd.instalment,
	cd.first_instalment_on, cd.whom, cd.status, cd.created_at`

func scanCondition(row scanner) (model.Condition, error) {
	var c model.Condition
	var on, due, first, created string
	if err := row.Scan(&c.ID, &c.ClientID, &c.Kind, &c.Wording, &on, &due, &c.Target, &c.Instalment, &first, &c.Whom,
		&c.Status, &created); err != nil {
		return c, err
	}
	var d decoder
	c.OrderedOn, c.DueBy, c.FirstInstalmentOn = d.date(on), d.date(due), d.date(first)
	c.CreatedAt = d.time(created)
	return c, d.err
}

const insertConditionSQL = `INSERT INTO conditions (id, client_id, kind, wording, ordered_on, due_by, target, instalment,
	first_instalment_on, whom, status, at, created_at, done, next_due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`

// conditionArgs are insertConditionSQL's arguments for a new condition,
// with nothing done yet.
func conditionArgs(c model.Condition) []any {
	next, _ := c.NextDue(0)
	return []any{c.ID, c.ClientID, c.Kind, c.Wording, c.OrderedOn.String(), c.DueBy.String(), c.Target, c.Instalment,
		c.FirstInstalmentOn.String(), c.Whom, c.Status, fmtTime(c.OrderedOn.In(time.UTC)), fmtTime(c.CreatedAt), next.String()}
}

// AddCondition records a condition the court ordered.
func (s *Store) AddCondition(ctx context.Context, c model.Condition) (model.Condition, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.AddCondition(c)
		return err
	})
	return c, err
}

// AddCondition records a condition in the writer's transaction.
func (w *Writer) AddCondition(c model.Condition) (model.Condition, error) {
	if c.Status == "" {
		c.Status = model.ConditionNotStarted
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = w.now
	}
	if _, err := w.exec(insertConditionSQL, conditionArgs(c)...); err != nil {
		return c, fmt.Errorf("save condition: %w", explain(err))
	}
	if err := w.recordCreate(SyncConditions, c.ID, c.ClientID); err != nil {
		return c, err
	}
	if err := w.refreshConditionsDue(c.ClientID); err != nil {
		return c, err
	}
	return c, w.countNotCompliant(c.ClientID)
}

// refreshConditionsDue keeps each of a client's conditions' next due date:
// what the model says is due next, or nothing while the client is not
// active (an absconder's instalments are not the officer's agenda), so
// that the agenda reads the dates alone from their index.
func (w *Writer) refreshConditionsDue(clientID string) error {
	st, err := w.stmt("SELECT " + conditionColumns + `, cd.done, cd.next_due_on, c.status FROM conditions cd
		JOIN clients c ON c.id = cd.client_id WHERE cd.client_id = ?`)
	if err != nil {
		return fmt.Errorf("read conditions: %w", explain(err))
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return fmt.Errorf("read conditions: %w", explain(err))
	}
	changed := map[string]string{}
	for rows.Next() {
		var done int64
		var kept string
		var status model.ClientStatus
		c, err := scanCondition(rowWithExtras{rows, []any{&done, &kept, &status}})
		if err != nil {
			rows.Close()
			return fmt.Errorf("read conditions: %w", err)
		}
		if due := conditionDue(c, done, status); due != kept {
			changed[c.ID] = due
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read conditions: %w", err)
	}
	for id, due := range changed {
		if _, err := w.exec(`UPDATE conditions SET next_due_on = ? WHERE id = ?`, due, id); err != nil {
			return fmt.Errorf("save condition due date: %w", explain(err))
		}
	}
	return nil
}

// conditionDue is the kept next due date of a condition: "" when nothing is
// due or the client is not active.
func conditionDue(c model.Condition, done int64, status model.ClientStatus) string {
	if status != model.StatusActive {
		return ""
	}
	due, _ := c.NextDue(done)
	return due.String()
}

// conditionsFromText records, as conditions, the parts of a client's
// free-text conditions not already recorded in the same words: the text
// the client form keeps and the condition records stay in step without a
// condition ever being deleted.
func (w *Writer) conditionsFromText(c model.Client) error {
	if strings.TrimSpace(c.Conditions) == "" {
		return nil
	}
	on := c.SupervisionFrom
	if on.IsZero() {
		on = model.DateOf(c.CreatedAt)
	}
	st, err := w.stmt(`SELECT wording FROM conditions WHERE client_id = ?`)
	if err != nil {
		return fmt.Errorf("read conditions: %w", explain(err))
	}
	rows, err := st.QueryContext(w.ctx, c.ID)
	if err != nil {
		return fmt.Errorf("read conditions: %w", explain(err))
	}
	have := map[string]bool{}
	for rows.Next() {
		var wording string
		if err := rows.Scan(&wording); err != nil {
			rows.Close()
			return fmt.Errorf("read conditions: %w", err)
		}
		have[wording] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read conditions: %w", err)
	}
	for _, cd := range model.ConditionsFromText(c.ID, c.Conditions, on) {
		if have[cd.Wording] {
			continue
		}
		have[cd.Wording] = true
		cd.CreatedAt = c.UpdatedAt
		if _, err := w.AddCondition(cd); err != nil {
			return err
		}
	}
	return nil
}

// countNotCompliant keeps the client's count of conditions not in
// compliance, which the caseload shows.
func (w *Writer) countNotCompliant(clientID string) error {
	_, err := w.exec(`UPDATE clients SET not_compliant = (SELECT count(*) FROM conditions
		WHERE client_id = ?1 AND status = 'not_in_compliance') WHERE id = ?1`, clientID)
	if err != nil {
		return fmt.Errorf("count conditions not in compliance: %w", explain(err))
	}
	return nil
}

// Condition returns one condition.
func (s *Store) Condition(ctx context.Context, id string) (model.Condition, error) {
	c, err := scanCondition(s.db.QueryRowContext(ctx, "SELECT "+conditionColumns+" FROM conditions cd WHERE cd.id = ?", id))
	if err != nil {
		return c, fmt.Errorf("read condition %s: %w", id, notFound(err))
	}
	return c, nil
}

// ConditionState is a condition with its progress, as the Conditions tab
// shows it.
type ConditionState struct {
	Condition model.Condition
	Progress  model.Progress
	Entries   []model.ProgressEntry
}

// Conditions returns a client's conditions in the order ordered, each with
// its entries and the progress they add up to as of today.
func (s *Store) Conditions(ctx context.Context, clientID string, today model.Date) ([]ConditionState, error) {
	list, err := queryList(ctx, s.db, scanCondition, "SELECT "+conditionColumns+` FROM conditions cd
		WHERE cd.client_id = ? ORDER BY cd.at, cd.id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read conditions: %w", explain(err))
	}
	entries, err := queryList(ctx, s.db, scanProgress, "SELECT "+progressColumns+` FROM condition_progress p
		WHERE p.client_id = ? ORDER BY p.at, p.id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read condition progress: %w", explain(err))
	}
	byCondition := map[string][]model.ProgressEntry{}
	for _, e := range entries {
		byCondition[e.ConditionID] = append(byCondition[e.ConditionID], e)
	}
	out := make([]ConditionState, len(list))
	for i, c := range list {
		out[i] = ConditionState{Condition: c, Entries: byCondition[c.ID], Progress: model.ProgressOf(c, byCondition[c.ID], today)}
	}
	return out, nil
}

// ClientConditions returns a client's conditions in the order ordered,
// inside the writer's transaction (a batch that adds progress to the
// conditions it just made).
func (w *Writer) ClientConditions(clientID string) ([]model.Condition, error) {
	st, err := w.stmt("SELECT " + conditionColumns + " FROM conditions cd WHERE cd.client_id = ? ORDER BY cd.at, cd.id")
	if err != nil {
		return nil, fmt.Errorf("read conditions: %w", explain(err))
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return nil, fmt.Errorf("read conditions: %w", explain(err))
	}
	defer rows.Close()
	var out []model.Condition
	for rows.Next() {
		c, err := scanCondition(rows)
		if err != nil {
			return nil, fmt.Errorf("read conditions: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ModifyCondition records a change the court made to a condition: the old
// one is marked modified, with the reason (the hearing's outcome), and the
// new one is recorded in its place, in one transaction.
func (s *Store) ModifyCondition(ctx context.Context, oldID string, replacement model.Condition, reason string) (model.Condition, error) {
	err := s.write(ctx, func(w *Writer) error {
		old, err := scanCondition(w.queryRow("SELECT "+conditionColumns+" FROM conditions cd WHERE cd.id = ?", oldID))
		if err != nil {
			return fmt.Errorf("modify condition %s: %w", oldID, notFound(err))
		}
		if replacement.ClientID != old.ClientID {
			return &model.ValidationError{Fields: []model.FieldError{{Field: "client", Message: "a condition is replaced for the same client"}}}
		}
		if _, err := w.AddProgress(model.ProgressEntry{ConditionID: old.ID, Kind: model.ProgressStatus,
			Status: model.ConditionModified, Note: reason}); err != nil {
			return err
		}
		replacement, err = w.AddCondition(replacement)
		return err
	})
	return replacement, err
}
