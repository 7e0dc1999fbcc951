package store

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"caseload/model"
)

const supervisorNoteColumns = `sn.id, sn.client_id, sn.at, sn.author, sn.note, sn.created_at`

func scanSupervisorNote(row scanner) (model.SupervisorNote, error) {
	var n model.SupervisorNote
	var at, created string
	if err := row.Scan(&n.ID, &n.ClientID, &at, &n.By, &n.Note, &created); err != nil {
		return n, err
	}
	var d decoder
	n.At, n.CreatedAt = d.time(at), d.time(created)
	return n, d.err
}

// ErrNotSupervisorFile is a supervisor note written in an officer's file:
// the notes are the supervisor's, written in the file their sync fills
// with the team's caseloads.
var ErrNotSupervisorFile = fmt.Errorf("a supervisor note is written in the supervisor's own file (caseload sync as a supervisor); " +
	"this file is an officer's")

// AddSupervisorNote records a supervisor's note on a client, in a
// supervisor's file only.
func (s *Store) AddSupervisorNote(ctx context.Context, n model.SupervisorNote) (model.SupervisorNote, error) {
	err := s.write(ctx, func(w *Writer) error {
		if strings.TrimSpace(n.By) == "" {
			by, err := w.supervisorName()
			if err != nil {
				return err
			}
			n.By = by
		}
		if err := n.Validate(w.now); err != nil {
			return err
		}
		kind, err := readSyncState(w.ctx, w.tx, keyRoleKind)
		if err != nil {
			return fmt.Errorf("read whose file this is: %w", explain(err))
		}
		if kind != "supervisor" {
			return ErrNotSupervisorFile
		}
		if n.ID == "" {
			n.ID = newID()
		}
		if n.CreatedAt.IsZero() {
			n.CreatedAt = w.now
		}
		if _, err := w.exec(`INSERT INTO supervisor_notes (id, client_id, at, author, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			n.ID, n.ClientID, fmtTime(n.At), n.By, n.Note, fmtTime(n.CreatedAt)); err != nil {
			return fmt.Errorf("save supervisor note: %w", explain(err))
		}
		return nil
	})
	return n, err
}

// supervisorName is who writes in this file: the name in its settings, or
// else the login it syncs with.
func (w *Writer) supervisorName() (string, error) {
	name, err := readSetting(w.ctx, w.tx, keyOfficerName)
	if err != nil {
		return "", fmt.Errorf("read your name: %w", explain(err))
	}
	if strings.TrimSpace(name) != "" {
		return name, nil
	}
	raw, err := readSyncState(w.ctx, w.tx, keyServerURL)
	if err != nil {
		return "", fmt.Errorf("read the server address: %w", explain(err))
	}
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		return u.User.Username(), nil
	}
	return "", nil
}
