package store

import (
	"context"
	"errors"
	"fmt"

	"caseload/model"
)

const courtEventColumns = `ce.id, ce.client_id, ce.kind, ce.at, ce.court, ce.courtroom, ce.judge, ce.officer_attends,
	ce.report_due_on, ce.outcome, ce.outcome_note, ce.created_at, ce.updated_at`

func scanCourtEvent(row scanner) (model.CourtEvent, error) {
	var e model.CourtEvent
	var at, due, created, updated string
	if err := row.Scan(&e.ID, &e.ClientID, &e.Kind, &at, &e.Court, &e.Courtroom, &e.Judge, &e.OfficerAttends, &due,
		&e.Outcome, &e.OutcomeNote, &created, &updated); err != nil {
		return e, err
	}
	var d decoder
	e.At, e.CreatedAt, e.UpdatedAt = d.time(at), d.time(created), d.time(updated)
	e.ReportDueOn = d.date(due)
	return e, d.err
}

// AddCourtEvent records a hearing.
func (s *Store) AddCourtEvent(ctx context.Context, e model.CourtEvent) (model.CourtEvent, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		e, err = w.AddCourtEvent(e)
		return err
	})
	return e, err
}

// UpdateCourtEvent saves a change to a hearing: a new date, the outcome
// afterwards.
func (s *Store) UpdateCourtEvent(ctx context.Context, e model.CourtEvent) (model.CourtEvent, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		e, err = w.UpdateCourtEvent(e)
		return err
	})
	return e, err
}

// AddCourtEvent records a hearing in the writer's transaction.
func (w *Writer) AddCourtEvent(e model.CourtEvent) (model.CourtEvent, error) {
	if err := e.Validate(w.now); err != nil {
		return e, err
	}
	if e.ID == "" {
		e.ID = newID()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = w.now
	}
	e.UpdatedAt = e.CreatedAt
	_, err := w.exec(`INSERT INTO court_events (id, client_id, kind, at, court, courtroom, judge, officer_attends,
		report_due_on, outcome, outcome_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.ClientID, e.Kind, fmtTime(e.At), e.Court, e.Courtroom, e.Judge, boolInt(e.OfficerAttends),
		e.ReportDueOn.String(), e.Outcome, e.OutcomeNote, fmtTime(e.CreatedAt), fmtTime(e.UpdatedAt))
	if err != nil {
		return e, fmt.Errorf("save court event: %w", explain(err))
	}
	return e, w.recordCreate(SyncCourtEvents, e.ID, e.ClientID)
}

// UpdateCourtEvent saves a change to a hearing in the writer's transaction.
func (w *Writer) UpdateCourtEvent(e model.CourtEvent) (model.CourtEvent, error) {
	if err := e.Validate(w.now); err != nil {
		return e, err
	}
	e.UpdatedAt = w.now
	before, err := w.fieldsBeforeEdit(SyncCourtEvents, e.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return e, err
	}
	res, err := w.exec(`UPDATE court_events SET kind = ?, at = ?, court = ?, courtroom = ?, judge = ?, officer_attends = ?,
		report_due_on = ?, outcome = ?, outcome_note = ?, updated_at = ? WHERE id = ? AND client_id = ?`,
		e.Kind, fmtTime(e.At), e.Court, e.Courtroom, e.Judge, boolInt(e.OfficerAttends), e.ReportDueOn.String(),
		e.Outcome, e.OutcomeNote, fmtTime(e.UpdatedAt), e.ID, e.ClientID)
	if err != nil {
		return e, fmt.Errorf("save court event: %w", explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return e, fmt.Errorf("save court event %s: %w", e.ID, ErrNotFound)
	}
	return e, w.recordUpdate(SyncCourtEvents, e.ID, e.ClientID, before)
}

// CourtEvents returns a client's hearings, latest first.
func (s *Store) CourtEvents(ctx context.Context, clientID string) ([]model.CourtEvent, error) {
	out, err := queryList(ctx, s.db, scanCourtEvent, "SELECT "+courtEventColumns+` FROM court_events ce
		WHERE ce.client_id = ? ORDER BY ce.at DESC, ce.id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read court events: %w", explain(err))
	}
	return out, nil
}
