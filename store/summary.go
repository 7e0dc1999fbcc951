package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"caseload/model"
)

// notAmended keeps only the records no amendment has corrected; alias is the
// table alias of the record.
func notAmended(alias string) string {
	return "NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = " + alias + ".id)"
}

// summaryQuery reads what the caseload shows about one client from the
// records themselves; each part is an index range on (client_id, at).
var summaryQuery = `
SELECT
  c.status, c.level, c.supervision_from, c.created_at,
  coalesce((SELECT k.at || '|' || k.type FROM checkins k WHERE k.client_id = c.id AND ` + notAmended("k") + `
            ORDER BY k.at DESC, k.id DESC LIMIT 1), ''),
  coalesce((SELECT k.at FROM checkins k WHERE k.client_id = c.id AND k.outcome = 'completed' AND ` + notAmended("k") + `
            ORDER BY k.at DESC, k.id DESC LIMIT 1), ''),
  coalesce((SELECT k.next_appointment_at FROM checkins k WHERE k.client_id = c.id AND k.next_appointment_at <> '' AND ` + notAmended("k") + `
            ORDER BY k.at DESC, k.id DESC LIMIT 1), ''),
  coalesce((SELECT n.stage || '|' || n.at FROM stage_notes n WHERE n.client_id = c.id AND ` + notAmended("n") + `
            AND (n.checkin_id IS NULL OR NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = n.checkin_id))
            ORDER BY n.at DESC, n.id DESC LIMIT 1), ''),
  (SELECT count(*) FROM referrals r WHERE r.client_id = c.id AND r.status IN ('referred','scheduled','engaged','waitlisted'))
FROM clients c WHERE c.id = ?`

// summaryColumns are a client's summary as the clients table stores it.
type summaryColumns struct {
	lastAt, lastType, completed, appt, stage, stageAt, due string
	open                                                   int
}

// computeSummary reads a row of summaryQuery and applies the due-date rule of
// the model to it.
func computeSummary(row scanner, iv model.Intervals) (summaryColumns, error) {
	var sc summaryColumns
	var status, level, from, created, last, stage string
	if err := row.Scan(&status, &level, &from, &created, &last, &sc.completed, &sc.appt, &stage, &sc.open); err != nil {
		return sc, err
	}
	var d decoder
	sc.lastAt, sc.lastType, _ = strings.Cut(last, "|")
	sc.stage, sc.stageAt, _ = strings.Cut(stage, "|")
	in := model.DueInput{
		Status:          model.ClientStatus(status),
		Level:           model.Level(level),
		SupervisionFrom: d.date(from),
		Created:         d.time(created),
		LastCompleted:   d.time(sc.completed),
		NextAppointment: d.time(sc.appt),
	}
	if d.err != nil {
		return sc, d.err
	}
	if due, ok := model.NextDue(in, iv); ok {
		sc.due = fmtTime(due)
	}
	return sc, nil
}

// refreshNow recomputes a client's summary columns from the records, with the
// due-date rule of the model, in the current transaction.
func (w *Writer) refreshNow(clientID string) error {
	sc, err := computeSummary(w.queryRow(summaryQuery, clientID), w.intervals)
	if err == sql.ErrNoRows {
		return fmt.Errorf("client %s: %w", clientID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("read summary of client %s: %w", clientID, err)
	}
	_, err = w.exec(`UPDATE clients SET last_contact_at = ?, last_contact_type = ?, last_completed_at = ?,
		next_appointment_at = ?, current_stage = ?, current_stage_at = ?, next_due_at = ?, open_referrals = ? WHERE id = ?`,
		sc.lastAt, sc.lastType, sc.completed, sc.appt, sc.stage, sc.stageAt, sc.due, sc.open, clientID)
	if err != nil {
		return fmt.Errorf("update summary of client %s: %w", clientID, err)
	}
	return w.refreshSpells(clientID)
}

// refreshAll recomputes every client's summary: after the contact intervals
// change, every next-due date moves.
func (w *Writer) refreshAll() error {
	ids, err := w.clientIDs()
	if err != nil {
		return err
	}
	w.holdSummaries()
	for _, id := range ids {
		if err := w.refreshNow(id); err != nil {
			return err
		}
	}
	return w.flushSummaries()
}

// querier is what both *sql.DB and *Tx offer for reads.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// clientIDs lists every client, for the writes that touch them all.
func (w *Writer) clientIDs() ([]string, error) {
	rows, err := w.tx.QueryContext(w.ctx, "SELECT id FROM clients")
	if err != nil {
		return nil, fmt.Errorf("list clients: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list clients: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
