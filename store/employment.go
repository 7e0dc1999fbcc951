package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caseload/model"
)

const employmentColumns = `em.id, em.client_id, em.employer, em.position, em.start_on, em.end_on, em.hours_per_week,
	em.verified_by, em.verified_on, em.created_at, em.updated_at`

func scanEmployment(row scanner) (model.Employment, error) {
	var e model.Employment
	var start, end, verified, created, updated string
	if err := row.Scan(&e.ID, &e.ClientID, &e.Employer, &e.Position, &start, &end, &e.HoursPerWeek, &e.VerifiedBy,
		&verified, &created, &updated); err != nil {
		return e, err
	}
	var d decoder
	e.StartOn, e.EndOn, e.VerifiedOn = d.date(start), d.date(end), d.date(verified)
	e.CreatedAt, e.UpdatedAt = d.time(created), d.time(updated)
	return e, d.err
}

// AddEmployment records a job.
func (s *Store) AddEmployment(ctx context.Context, e model.Employment) (model.Employment, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		e, err = w.AddEmployment(e)
		return err
	})
	return e, err
}

// UpdateEmployment saves a change to a job: its end, a new verification.
func (s *Store) UpdateEmployment(ctx context.Context, e model.Employment) (model.Employment, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		e, err = w.UpdateEmployment(e)
		return err
	})
	return e, err
}

// AddEmployment records a job in the writer's transaction.
func (w *Writer) AddEmployment(e model.Employment) (model.Employment, error) {
	if err := e.Validate(model.DateOf(w.now)); err != nil {
		return e, err
	}
	if e.ID == "" {
		e.ID = newID()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = w.now
	}
	e.UpdatedAt = e.CreatedAt
	at := fmtTime(e.StartOn.In(time.UTC))
	_, err := w.exec(`INSERT INTO employment (id, client_id, employer, position, start_on, end_on, hours_per_week,
		verified_by, verified_on, at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.ClientID, e.Employer, e.Position, e.StartOn.String(), e.EndOn.String(), e.HoursPerWeek, e.VerifiedBy,
		e.VerifiedOn.String(), at, fmtTime(e.CreatedAt), fmtTime(e.UpdatedAt))
	if err != nil {
		return e, fmt.Errorf("save job: %w", explain(err))
	}
	return e, w.recordCreate(SyncEmployment, e.ID, e.ClientID)
}

// UpdateEmployment saves a change to a job in the writer's transaction.
func (w *Writer) UpdateEmployment(e model.Employment) (model.Employment, error) {
	if err := e.Validate(model.DateOf(w.now)); err != nil {
		return e, err
	}
	at := fmtTime(e.StartOn.In(time.UTC))
	e.UpdatedAt = w.now
	before, err := w.fieldsBeforeEdit(SyncEmployment, e.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return e, err
	}
	res, err := w.exec(`UPDATE employment SET employer = ?, position = ?, start_on = ?, end_on = ?, hours_per_week = ?,
		verified_by = ?, verified_on = ?, at = ?, updated_at = ? WHERE id = ? AND client_id = ?`,
		e.Employer, e.Position, e.StartOn.String(), e.EndOn.String(), e.HoursPerWeek, e.VerifiedBy, e.VerifiedOn.String(),
		at, fmtTime(e.UpdatedAt), e.ID, e.ClientID)
	if err != nil {
		return e, fmt.Errorf("save job: %w", explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return e, fmt.Errorf("save job %s: %w", e.ID, ErrNotFound)
	}
	return e, w.recordUpdate(SyncEmployment, e.ID, e.ClientID, before)
}

// Employment returns a client's jobs, latest start first.
func (s *Store) Employment(ctx context.Context, clientID string) ([]model.Employment, error) {
	out, err := queryList(ctx, s.db, scanEmployment, "SELECT "+employmentColumns+` FROM employment em
		WHERE em.client_id = ? ORDER BY em.at DESC, em.id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read jobs: %w", explain(err))
	}
	return out, nil
}
