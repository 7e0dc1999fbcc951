package store

import (
	"context"
	"fmt"
)

// releaseOrder deletes a client's records children first, so that no
// foreign key is left pointing at a deleted row.
var releaseOrder = []string{
	// The stamps of the client's records that change go first, while the
	// records still say whose they are.
	"DELETE FROM sync_fields WHERE tbl = 'conditions' AND row_id IN (SELECT id FROM conditions WHERE client_id = ?)",
	"DELETE FROM sync_fields WHERE tbl = 'court_events' AND row_id IN (SELECT id FROM court_events WHERE client_id = ?)",
	"DELETE FROM sync_fields WHERE tbl = 'employment' AND row_id IN (SELECT id FROM employment WHERE client_id = ?)",
	"DELETE FROM sync_fields WHERE tbl = 'custody' AND row_id IN (SELECT id FROM custody WHERE client_id = ?)",
	"DELETE FROM sync_fields WHERE tbl = 'referrals' AND row_id IN (SELECT id FROM referrals WHERE client_id = ?)",
	"DELETE FROM sync_fields WHERE tbl = 'consents' AND row_id IN (SELECT id FROM consents WHERE client_id = ?)",
	"DELETE FROM responses WHERE client_id = ?",
	"DELETE FROM violations WHERE client_id = ?",
	"DELETE FROM incentives WHERE client_id = ?",
	"DELETE FROM condition_progress WHERE client_id = ?",
	"DELETE FROM conditions WHERE client_id = ?",
	"DELETE FROM court_events WHERE client_id = ?",
	"DELETE FROM employment WHERE client_id = ?",
	"DELETE FROM arrests WHERE client_id = ?",
	"DELETE FROM custody WHERE client_id = ?",
	"DELETE FROM stage_notes WHERE client_id = ?",
	"DELETE FROM amendments WHERE client_id = ?",
	"DELETE FROM referral_events WHERE client_id = ?",
	"DELETE FROM referrals WHERE client_id = ?",
	"DELETE FROM goal_versions WHERE goal_id IN (SELECT id FROM goals WHERE client_id = ?)",
	"DELETE FROM goals WHERE client_id = ?",
	"DELETE FROM screenings WHERE client_id = ?",
	"DELETE FROM relapse_plans WHERE client_id = ?",
	"DELETE FROM consents WHERE client_id = ?",
	"DELETE FROM supervisor_notes WHERE client_id = ?",
	"DELETE FROM checkins WHERE client_id = ?",
	"DELETE FROM drafts WHERE client_id = ?",
	"DELETE FROM notes_fts WHERE client_id = ?",
	"DELETE FROM sync_conflicts WHERE client_id = ?",
	"DELETE FROM sync_fields WHERE tbl = 'clients' AND row_id = ?",
	"DELETE FROM clients WHERE id = ?",
}

// ReleaseClient lets go of a client transferred to another officer: the
// client and every record of theirs leave this laptop (the agency's server
// keeps them), with the transfer noted in the audit log. While any change
// to the client still waits to be pushed, nothing is deleted: the release
// waits for the next sync, so no record is lost. It reports whether the
// client was released now.
func (s *Store) ReleaseClient(ctx context.Context, clientID, toOwner string) (bool, error) {
	released := false
	err := s.write(ctx, func(w *Writer) error {
		var waiting, present int
		if err := w.queryRow("SELECT count(*) FROM sync_outbox WHERE client_id = ? AND client_id <> ''", clientID).Scan(&waiting); err != nil {
			return fmt.Errorf("read the outbox: %w", explain(err))
		}
		if err := w.queryRow("SELECT count(*) FROM clients WHERE id = ?", clientID).Scan(&present); err != nil {
			return fmt.Errorf("read client: %w", explain(err))
		}
		if present == 0 {
			_, err := w.exec("DELETE FROM sync_releases WHERE client_id = ?", clientID)
			return err
		}
		if waiting > 0 {
			_, err := w.exec(`INSERT INTO sync_releases (client_id, to_owner) VALUES (?, ?)
				ON CONFLICT (client_id) DO UPDATE SET to_owner = excluded.to_owner`, clientID, toOwner)
			return err
		}
		if _, err := w.exec("INSERT INTO sync_releasing (client_id) VALUES (?)", clientID); err != nil {
			return fmt.Errorf("release client: %w", explain(err))
		}
		if err := w.dropSpells(clientID); err != nil {
			return fmt.Errorf("release client %s: %w", clientID, err)
		}
		for _, q := range releaseOrder {
			if _, err := w.exec(q, clientID); err != nil {
				return fmt.Errorf("release client %s: %w", clientID, explain(err))
			}
		}
		if _, err := w.exec("DELETE FROM sync_releasing"); err != nil {
			return fmt.Errorf("release client %s: %w", clientID, explain(err))
		}
		if _, err := w.exec("DELETE FROM sync_releases WHERE client_id = ?", clientID); err != nil {
			return fmt.Errorf("release client %s: %w", clientID, explain(err))
		}
		if _, err := w.exec("INSERT INTO audit_log (at, entity, entity_id, action) VALUES (?, 'client', ?, ?)",
			fmtTime(w.now), clientID, "transferred to "+toOwner); err != nil {
			return fmt.Errorf("note the transfer: %w", explain(err))
		}
		released = true
		return nil
	})
	return released, err
}

// WaitingReleases lists the transferred clients still on this laptop
// because changes to them wait to be pushed, by client id with the officer
// they went to.
func (s *Store) WaitingReleases(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT client_id, to_owner FROM sync_releases")
	if err != nil {
		return nil, fmt.Errorf("read waiting transfers: %w", explain(err))
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, to string
		if err := rows.Scan(&id, &to); err != nil {
			return nil, fmt.Errorf("read waiting transfers: %w", explain(err))
		}
		out[id] = to
	}
	return out, rows.Err()
}

// NoteTransferIn records in the audit log that a client arrived from
// another officer.
func (s *Store) NoteTransferIn(ctx context.Context, clientID, fromOwner string) error {
	return s.tx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO audit_log (at, entity, entity_id, action) VALUES (?, 'client', ?, ?)",
			fmtTime(s.now()), clientID, "transferred from "+fromOwner)
		if err != nil {
			return fmt.Errorf("note the transfer: %w", explain(err))
		}
		return nil
	})
}
