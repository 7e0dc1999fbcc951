package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// supportJSON is how a support person is stored.
type supportJSON struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
}

const relapsePlanColumns = `p.id, p.client_id, p.version, p.people, p.places, p.feelings, p.situations, p.warning_signs,
	p.coping, p.supports, p.note, p.at`

func scanRelapsePlan(row scanner) (model.RelapsePlan, error) {
	var p model.RelapsePlan
	var people, places, feelings, situations, signs, coping, supports, at string
	if err := row.Scan(&p.ID, &p.ClientID, &p.Version, &people, &places, &feelings, &situations, &signs, &coping,
		&supports, &p.Note, &at); err != nil {
		return p, err
	}
	var d decoder
	p.People, p.Places = decodeList[string](&d, people), decodeList[string](&d, places)
	p.Feelings, p.Situations = decodeList[string](&d, feelings), decodeList[string](&d, situations)
	p.WarningSigns, p.Coping = decodeList[string](&d, signs), decodeList[string](&d, coping)
	for _, s := range decodeList[supportJSON](&d, supports) {
		p.Supports = append(p.Supports, model.SupportPerson{Name: s.Name, Phone: s.Phone})
	}
	p.At = d.time(at)
	return p, d.err
}

// SaveRelapsePlan saves the client's relapse-prevention plan as a whole, as
// its next version; earlier versions stay readable.
func (s *Store) SaveRelapsePlan(ctx context.Context, p model.RelapsePlan) (model.RelapsePlan, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		p, err = w.SaveRelapsePlan(p)
		return err
	})
	return p, err
}

// SaveRelapsePlan saves a plan version in the writer's transaction.
func (w *Writer) SaveRelapsePlan(p model.RelapsePlan) (model.RelapsePlan, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	var latest int
	var lastAt string
	if err := w.queryRow("SELECT coalesce(max(version), 0), coalesce(max(at), '') FROM relapse_plans WHERE client_id = ?",
		p.ClientID).Scan(&latest, &lastAt); err != nil {
		return p, fmt.Errorf("save relapse-prevention plan: %w", explain(err))
	}
	p.Version = latest + 1
	if p.ID == "" {
		p.ID = newID()
	}
	// A version is never dated before the one it follows.
	if p.At.IsZero() || fmtTime(p.At) <= lastAt {
		p.At = w.now
	}
	supports := make([]supportJSON, len(p.Supports))
	for i, s := range p.Supports {
		supports[i] = supportJSON(s)
	}
	_, err := w.exec(`INSERT INTO relapse_plans (id, client_id, version, people, places, feelings, situations,
		warning_signs, coping, supports, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.ClientID, p.Version, jsonList(p.People), jsonList(p.Places), jsonList(p.Feelings), jsonList(p.Situations),
		jsonList(p.WarningSigns), jsonList(p.Coping), jsonList(supports), p.Note, fmtTime(p.At))
	if err != nil {
		return p, fmt.Errorf("save relapse-prevention plan: %w", explain(err))
	}
	return p, nil
}

// RelapsePlan returns the client's current relapse-prevention plan (its
// latest version); ErrNotFound when the client has none.
func (s *Store) RelapsePlan(ctx context.Context, clientID string) (model.RelapsePlan, error) {
	p, err := scanRelapsePlan(s.db.QueryRowContext(ctx, "SELECT "+relapsePlanColumns+` FROM relapse_plans p
		WHERE p.client_id = ? ORDER BY p.version DESC LIMIT 1`, clientID))
	if err != nil {
		return p, fmt.Errorf("read relapse-prevention plan: %w", notFound(err))
	}
	return p, nil
}

// RelapsePlanHistory returns every version of the client's plan, newest
// first.
func (s *Store) RelapsePlanHistory(ctx context.Context, clientID string) ([]model.RelapsePlan, error) {
	var out []model.RelapsePlan
	err := eachRow(ctx, s.db, "SELECT "+relapsePlanColumns+` FROM relapse_plans p WHERE p.client_id = ?
		ORDER BY p.version DESC`, clientID, func(row scanner) error {
		p, err := scanRelapsePlan(row)
		out = append(out, p)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read relapse-prevention plan history: %w", explain(err))
	}
	return out, nil
}
