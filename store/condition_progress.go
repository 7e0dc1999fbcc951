package store

import (
	"context"
	"fmt"

	"caseload/model"
)

const progressColumns = `p.id, p.condition_id, p.client_id, p.kind, p.at, p.amount, p.place, p.receipt, p.status,
	p.from_status, p.note, p.created_at`

func scanProgress(row scanner) (model.ProgressEntry, error) {
	var e model.ProgressEntry
	var at, created string
	if err := row.Scan(&e.ID, &e.ConditionID, &e.ClientID, &e.Kind, &at, &e.Amount, &e.Where, &e.Receipt, &e.Status,
		&e.From, &e.Note, &created); err != nil {
		return e, err
	}
	var d decoder
	e.At, e.CreatedAt = d.time(at), d.time(created)
	return e, d.err
}

// AddProgress records a step on a condition (hours, a payment, a session,
// a change of status) and brings the condition's status, total and next
// due date up to date in the same transaction.
func (s *Store) AddProgress(ctx context.Context, e model.ProgressEntry) (model.ProgressEntry, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		e, err = w.AddProgress(e)
		return err
	})
	return e, err
}

// AddProgress records a step on a condition in the writer's transaction.
func (w *Writer) AddProgress(e model.ProgressEntry) (model.ProgressEntry, error) {
	var done int64
	var status model.ClientStatus
	c, err := scanCondition(rowWithExtras{w.queryRow("SELECT "+conditionColumns+`, cd.done, c.status FROM conditions cd
		JOIN clients c ON c.id = cd.client_id WHERE cd.id = ?`, e.ConditionID), []any{&done, &status}})
	if err != nil {
		return e, fmt.Errorf("record progress on condition %s: %w", e.ConditionID, notFound(err))
	}
	if e.At.IsZero() {
		e.At = w.now
	}
	if err := e.ValidateFor(c, w.now); err != nil {
		return e, err
	}
	e.ClientID = c.ClientID
	if e.Kind == model.ProgressStatus {
		e.From = c.Status
	}
	if e.ID == "" {
		e.ID = newID()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = w.now
	}
	_, err = w.exec(`INSERT INTO condition_progress (id, condition_id, client_id, kind, at, amount, place, receipt,
		status, from_status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.ConditionID, e.ClientID, e.Kind, fmtTime(e.At), e.Amount, e.Where, e.Receipt, e.Status, e.From, e.Note,
		fmtTime(e.CreatedAt))
	if err != nil {
		return e, fmt.Errorf("save progress: %w", explain(err))
	}
	switch e.Kind {
	case model.ProgressHours, model.ProgressPayment:
		done += e.Amount
	case model.ProgressAttended:
		done++
	}
	next := c.Apply(e)
	before, err := w.fieldsBeforeEdit(SyncConditions, c.ID)
	if err != nil {
		return e, err
	}
	if _, err := w.exec(`UPDATE conditions SET status = ?, done = ?, next_due_on = ? WHERE id = ?`,
		next.Status, done, conditionDue(next, done, status), c.ID); err != nil {
		return e, fmt.Errorf("save condition progress: %w", explain(err))
	}
	// The status travels as the condition's own field; the total and the
	// due date each laptop works out from the progress.
	if err := w.recordUpdate(SyncConditions, c.ID, c.ClientID, before); err != nil {
		return e, err
	}
	if next.Status != c.Status {
		return e, w.countNotCompliant(c.ClientID)
	}
	return e, nil
}

// ConditionEntries returns a condition's progress, oldest first.
func (s *Store) ConditionEntries(ctx context.Context, conditionID string) ([]model.ProgressEntry, error) {
	out, err := queryList(ctx, s.db, scanProgress, "SELECT "+progressColumns+` FROM condition_progress p
		WHERE p.condition_id = ? ORDER BY p.at, p.id`, conditionID)
	if err != nil {
		return nil, fmt.Errorf("read condition progress: %w", explain(err))
	}
	return out, nil
}
