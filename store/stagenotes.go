package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"caseload/model"
)

const stageNoteColumns = `n.id, n.client_id, coalesce(n.checkin_id, ''), n.at, n.stage, n.note, n.sensitive, n.created_at`

func scanStageNote(row scanner) (model.StageNote, error) {
	var n model.StageNote
	var at, created string
	if err := row.Scan(&n.ID, &n.ClientID, &n.CheckInID, &at, &n.Stage, &n.Note, &n.Sensitive, &created); err != nil {
		return n, err
	}
	var d decoder
	n.At, n.CreatedAt = d.time(at), d.time(created)
	return n, d.err
}

// AddStageNote records a stage of change on its own (not at a check-in).
func (s *Store) AddStageNote(ctx context.Context, n model.StageNote) (model.StageNote, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		n, err = w.AddStageNote(n)
		return err
	})
	return n, err
}

// AddStageNote records a stage note in the writer's transaction.
func (w *Writer) AddStageNote(n model.StageNote) (model.StageNote, error) {
	n, err := w.insertStageNote(n)
	if err != nil {
		return n, err
	}
	return n, w.refresh(n.ClientID)
}

func (w *Writer) insertStageNote(n model.StageNote) (model.StageNote, error) {
	if err := n.Validate(w.now); err != nil {
		return n, err
	}
	if n.ID == "" {
		n.ID = newID()
	}
	if n.CreatedAt.IsZero() {
		n.CreatedAt = w.now
	}
	var checkin any
	if n.CheckInID != "" {
		checkin = n.CheckInID
	}
	_, err := w.exec(`INSERT INTO stage_notes (id, client_id, checkin_id, at, stage, note, sensitive, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.ClientID, checkin, fmtTime(n.At), n.Stage, n.Note, boolInt(n.Sensitive), fmtTime(n.CreatedAt))
	if err != nil {
		return n, fmt.Errorf("save stage note: %w", explain(err))
	}
	w.noteWritten("stage_note", n.ID, n.Note)
	return n, nil
}

// StageHistory returns the client's stage notes that still count (not amended,
// nor carried by an amended check-in), oldest first.
func (s *Store) StageHistory(ctx context.Context, clientID string) ([]model.StageNote, error) {
	out, err := queryList(ctx, s.db, scanStageNote, "SELECT "+stageNoteColumns+` FROM stage_notes n
		WHERE n.client_id = ? AND `+notAmended("n")+`
		AND (n.checkin_id IS NULL OR NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = n.checkin_id))
		ORDER BY n.at, n.id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read stage history: %w", explain(err))
	}
	return out, nil
}

// notFound maps sql.ErrNoRows to ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return explain(err)
}
