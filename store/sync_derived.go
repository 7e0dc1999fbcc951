package store

import (
	"context"
	"fmt"
	"strings"
)

// What each laptop works out for itself from the records it holds, never
// sent: a condition's total and next due date, a client's count of
// conditions not in compliance, whether a violation has had its response.
// A pulled record brings these up to date in the transaction that saves it,
// so a pulled file passes `caseload check` as a typed one does.

// afterPulled brings the kept values a pulled record touches up to date;
// id is the record's, clientID its client's.
func (w *Writer) afterPulled(t SyncTable, id, clientID string, row PulledRow) error {
	switch t.Name {
	case SyncAgencySettings.Name:
		return w.agencySettingPulled(row)
	case SyncClients.Name:
		return w.refresh(id)
	case SyncConditions.Name, SyncConditionProgress.Name, SyncReferrals.Name:
		// Totalled with the client's summary, once the pull is in.
		return w.refresh(clientID)
	case SyncViolations.Name, SyncResponses.Name:
		violationID := id
		if t.Name == SyncResponses.Name {
			violationID, _ = row.Values["violation_id"].(string)
		}
		_, err := w.exec(`UPDATE violations SET answered = 1 WHERE id = ?1 AND answered = 0
			AND EXISTS (SELECT 1 FROM responses WHERE violation_id = ?1)`, violationID)
		if err != nil {
			return fmt.Errorf("mark violation %s answered: %w", violationID, explain(err))
		}
	}
	return nil
}

// recountConditions totals each of a client's conditions from its
// progress, then the client's due dates and count of conditions not in
// compliance.
func (w *Writer) recountConditions(clientID string) error {
	_, err := w.exec(`UPDATE conditions SET done = coalesce((SELECT sum(CASE p.kind WHEN 'attended' THEN 1
		WHEN 'hours' THEN p.amount WHEN 'payment' THEN p.amount ELSE 0 END) FROM condition_progress p
		WHERE p.condition_id = conditions.id), 0) WHERE client_id = ?`, clientID)
	if err != nil {
		return fmt.Errorf("total the conditions of client %s: %w", clientID, explain(err))
	}
	if err := w.refreshConditionsDue(clientID); err != nil {
		return err
	}
	return w.countNotCompliant(clientID)
}

// markStale hands the clients a page of pulled records touched to the end
// of the pull (see sync_stale), in the page's transaction.
func (w *Writer) markStale() error {
	for id := range w.deferred {
		if _, err := w.exec("INSERT INTO sync_stale (client_id) VALUES (?) ON CONFLICT DO NOTHING", id); err != nil {
			return fmt.Errorf("note a client to sum up: %w", explain(err))
		}
	}
	clear(w.deferred)
	return nil
}

// RefreshStale works out, once each, the summaries of the clients whose
// records a pull brought (or a pull cut off left), in one transaction. It
// returns how many it worked out.
func (s *Store) RefreshStale(ctx context.Context) (int, error) {
	n := 0
	err := s.write(ctx, func(w *Writer) error {
		rows, err := w.tx.QueryContext(w.ctx, "SELECT client_id FROM sync_stale ORDER BY client_id")
		if err != nil {
			return fmt.Errorf("read clients to sum up: %w", explain(err))
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		w.holdSummaries()
		for _, id := range ids {
			var present int
			if err := w.queryRow("SELECT count(*) FROM clients WHERE id = ?", id).Scan(&present); err != nil {
				return fmt.Errorf("read client %s: %w", id, explain(err))
			}
			if present == 0 {
				continue // let go of since (a transfer)
			}
			if err := w.recountConditions(id); err != nil {
				return err
			}
			if err := w.refreshNow(id); err != nil {
				return err
			}
			n++
		}
		if err := w.flushSummaries(); err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM sync_stale"); err != nil {
			return fmt.Errorf("clear clients to sum up: %w", explain(err))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("sum up pulled clients: %w", err)
	}
	return n, nil
}

// refreshLeftStale finishes, when the file is opened, the summing up a
// pull cut off left undone (the app killed in the middle of a sync).
func (s *Store) refreshLeftStale(ctx context.Context) error {
	var left int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sync_stale").Scan(&left); err != nil {
		return fmt.Errorf("check pulled clients: %w", explain(err))
	}
	if left == 0 {
		return nil
	}
	_, err := s.RefreshStale(ctx)
	return err
}

// agencySettingPulled takes in a contact interval the agency changed:
// every client's next due date follows, worked out once at the end of the
// pull with the intervals then in force (see RefreshStale).
func (w *Writer) agencySettingPulled(row PulledRow) error {
	name, _ := row.Values["name"].(string)
	if !strings.HasPrefix(name, intervalPrefix) {
		return nil
	}
	if _, err := w.exec("INSERT INTO sync_stale (client_id) SELECT id FROM clients WHERE true ON CONFLICT DO NOTHING"); err != nil {
		return fmt.Errorf("note every client to sum up: %w", explain(err))
	}
	return nil
}
