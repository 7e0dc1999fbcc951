package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// openUntil ends a spell that still stands; it sorts after every real time.
const openUntil = "9999-12-31T00:00:00.000Z"

func fmtUntil(t time.Time) string {
	if t.IsZero() {
		return openUntil
	}
	return fmtTime(t)
}

// refreshSpells rewrites a client's due and stage spells from the records,
// replaying the model's rules over them, in the current transaction. A
// client's history is a few dozen rows, read by the (client_id, at) indexes.
func (w *Writer) refreshSpells(clientID string) error {
	if err := w.flushSpellsOf(clientID); err != nil {
		return err
	}
	var status, level, from, created string
	err := w.queryRow("SELECT status, level, supervision_from, created_at FROM clients WHERE id = ?", clientID).
		Scan(&status, &level, &from, &created)
	if err != nil {
		return fmt.Errorf("read client %s for the workload: %w", clientID, notFound(err))
	}
	var d decoder
	in := model.DueInput{Status: model.ClientStatus(status), Level: model.Level(level), SupervisionFrom: d.date(from),
		Created: d.time(created), Location: time.Local}
	if d.err != nil {
		return d.err
	}
	// The figures count a client in the time the case was active only.
	if in.History, err = w.statusHistory(clientID); err != nil {
		return err
	}
	contacts, err := w.dueContacts(clientID)
	if err != nil {
		return err
	}
	// Only the difference is written: a new contact moves the last spell or
	// two of a history of dozens, and rewriting them all cost a pull of a
	// day's work most of its time.
	old, err := w.storedDueSpells(clientID)
	if err != nil {
		return err
	}
	days := map[[2]string]int{}
	for _, s := range model.DueSpells(in, contacts, w.intervals) {
		row := dueSpellRow{due: fmtTime(s.Due), dueDay: fmtTime(model.StartOfDay(s.Due)), overdueFrom: fmtTime(s.OverdueFrom()),
			from: fmtTime(s.From), until: fmtUntil(s.Until)}
		if ids := old[row]; len(ids) > 0 {
			old[row] = ids[1:] // kept as it is
			continue
		}
		if err := w.addSpell(&dueSpells, clientID, row.due, row.dueDay, row.overdueFrom, row.from, row.until); err != nil {
			return fmt.Errorf("save due history: %w", err)
		}
		row.count(days, 1)
	}
	for row, ids := range old {
		for _, id := range ids {
			if _, err := w.exec("DELETE FROM due_spells WHERE rowid = ?", id); err != nil {
				return fmt.Errorf("save due history: %w", err)
			}
			row.count(days, -1)
		}
	}
	if err := w.saveDueDays(days); err != nil {
		return err
	}
	marks, err := w.stageMarks(clientID)
	if err != nil {
		return err
	}
	oldStages, err := w.storedStageSpells(clientID)
	if err != nil {
		return err
	}
	for _, s := range model.StageSpellsWhileActive(marks, in) {
		row := stageSpellRow{stage: string(s.Stage), from: fmtTime(s.From), until: fmtUntil(s.Until)}
		if ids := oldStages[row]; len(ids) > 0 {
			oldStages[row] = ids[1:]
			continue
		}
		if err := w.addSpell(&stageSpells, clientID, row.stage, row.from, row.until); err != nil {
			return fmt.Errorf("save stage history: %w", err)
		}
	}
	for _, ids := range oldStages {
		for _, id := range ids {
			if _, err := w.exec("DELETE FROM stage_spells WHERE rowid = ?", id); err != nil {
				return fmt.Errorf("save stage history: %w", err)
			}
		}
	}
	return nil
}

// stageSpellRow is a stage spell as stored.
type stageSpellRow struct{ stage, from, until string }

// storedDueSpells reads a client's stored due spells, the rowids of each.
func (w *Writer) storedDueSpells(clientID string) (map[dueSpellRow][]int64, error) {
	return storedSpells(w, "SELECT rowid, due_at, due_day_at, overdue_from_at, from_at, until_at FROM due_spells WHERE client_id = ?",
		clientID, "due history", func(row scanner) (r dueSpellRow, id int64, err error) {
			err = row.Scan(&id, &r.due, &r.dueDay, &r.overdueFrom, &r.from, &r.until)
			return r, id, err
		})
}

// storedStageSpells reads a client's stored stage spells, the rowids of
// each.
func (w *Writer) storedStageSpells(clientID string) (map[stageSpellRow][]int64, error) {
	return storedSpells(w, "SELECT rowid, stage, from_at, until_at FROM stage_spells WHERE client_id = ?",
		clientID, "stage history", func(row scanner) (r stageSpellRow, id int64, err error) {
			err = row.Scan(&id, &r.stage, &r.from, &r.until)
			return r, id, err
		})
}

// storedSpells reads a client's stored spells of one kind by query, each
// with the rowids that hold it (the same spell may be stored twice).
func storedSpells[R comparable](w *Writer, query, clientID, what string, scan func(scanner) (R, int64, error)) (map[R][]int64, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	out := map[R][]int64{}
	for rows.Next() {
		r, id, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", what, err)
		}
		out[r] = append(out[r], id)
	}
	return out, rows.Err()
}

// statusHistory reads a client's status changes, oldest first.
func (w *Writer) statusHistory(clientID string) ([]model.StatusChange, error) {
	st, err := w.stmt("SELECT at, status FROM client_status_changes WHERE client_id = ? ORDER BY at")
	if err != nil {
		return nil, fmt.Errorf("read status history: %w", err)
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return nil, fmt.Errorf("read status history: %w", err)
	}
	defer rows.Close()
	var out []model.StatusChange
	var d decoder
	for rows.Next() {
		var at string
		var c model.StatusChange
		if err := rows.Scan(&at, &c.Status); err != nil {
			return nil, fmt.Errorf("read status history: %w", err)
		}
		c.At = d.time(at)
		out = append(out, c)
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, rows.Err()
}

func (w *Writer) dueContacts(clientID string) ([]model.DueContact, error) {
	st, err := w.stmt(`SELECT k.at, k.outcome = 'completed', k.next_appointment_at FROM checkins k
		WHERE k.client_id = ? AND ` + notAmended("k") + ` ORDER BY k.at, k.id`)
	if err != nil {
		return nil, fmt.Errorf("read contacts: %w", err)
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return nil, fmt.Errorf("read contacts: %w", err)
	}
	defer rows.Close()
	var out []model.DueContact
	var d decoder
	for rows.Next() {
		var at, appt string
		var c model.DueContact
		if err := rows.Scan(&at, &c.Completed, &appt); err != nil {
			return nil, fmt.Errorf("read contacts: %w", err)
		}
		c.At, c.NextAppointment = d.time(at), d.time(appt)
		out = append(out, c)
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, rows.Err()
}

// stageMarks reads a client's recorded stages that still count: neither the
// note nor the check-in it came with has been amended.
func (w *Writer) stageMarks(clientID string) ([]model.StageMark, error) {
	st, err := w.stmt(`SELECT n.at, n.stage FROM stage_notes n WHERE n.client_id = ? AND ` + notAmended("n") + `
		AND (n.checkin_id IS NULL OR NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = n.checkin_id))
		ORDER BY n.at, n.id`)
	if err != nil {
		return nil, fmt.Errorf("read stages: %w", err)
	}
	rows, err := st.QueryContext(w.ctx, clientID)
	if err != nil {
		return nil, fmt.Errorf("read stages: %w", err)
	}
	defer rows.Close()
	var out []model.StageMark
	var d decoder
	for rows.Next() {
		var at string
		var m model.StageMark
		if err := rows.Scan(&at, &m.Stage); err != nil {
			return nil, fmt.Errorf("read stages: %w", err)
		}
		m.At = d.time(at)
		out = append(out, m)
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, rows.Err()
}

// backfillSpells gives a file made before the workload figures its spells,
// once, in one transaction: every client's record is replayed.
func (s *Store) backfillSpells(ctx context.Context) error {
	var pending int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM spells_backfill").Scan(&pending); err != nil {
		return fmt.Errorf("check workload history: %w", explain(err))
	}
	if pending == 0 {
		return nil
	}
	return s.write(ctx, func(w *Writer) error {
		ids, err := w.clientIDs()
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := w.refreshSpells(id); err != nil {
				return err
			}
		}
		if _, err := w.exec("DELETE FROM spells_backfill"); err != nil {
			return fmt.Errorf("record workload history: %w", err)
		}
		return nil
	})
}

// dueSpellRow is a due spell as stored.
type dueSpellRow struct{ due, dueDay, overdueFrom, from, until string }

// count adds the spell's events to the day counters, by UTC day: the
// contact that fell due (model.DueSpell.FellDueIn), and the start and end of
// the time its client was overdue. The conditions are those of the partial
// indexes due_spells_fell_due and due_spells_overdue_*.
func (r dueSpellRow) count(days map[[2]string]int, n int) {
	if r.from <= r.due && r.until > r.dueDay {
		days[[2]string{r.due[:10], "fell_due"}] += n
	}
	if r.overdueFrom < r.until {
		days[[2]string{r.overdueFrom[:10], "overdue_start"}] += n
		if r.until != openUntil {
			days[[2]string{r.until[:10], "overdue_end"}] += n
		}
	}
}

// saveDueDays applies the net change of a client's rewrite to the counters
// (or, while they are held, to the change held in memory).
func (w *Writer) saveDueDays(days map[[2]string]int) error {
	if w.held != nil {
		for k, n := range days {
			w.held.days[k] += n
		}
		return nil
	}
	for k, n := range days {
		if n == 0 {
			continue
		}
		_, err := w.exec(`INSERT INTO due_days (day, kind, n) VALUES (?, ?, ?)
			ON CONFLICT (day, kind) DO UPDATE SET n = n + excluded.n`, k[0], k[1], n)
		if err != nil {
			return fmt.Errorf("count due history: %w", err)
		}
	}
	return nil
}

// dropSpells takes a client's spells away, counters and all, when the client
// leaves this laptop (a transfer to another officer).
func (w *Writer) dropSpells(clientID string) error {
	if err := w.flushSpellsOf(clientID); err != nil {
		return err
	}
	old, err := w.storedDueSpells(clientID)
	if err != nil {
		return err
	}
	days := map[[2]string]int{}
	for row, ids := range old {
		row.count(days, -len(ids))
	}
	for _, q := range []string{"DELETE FROM due_spells WHERE client_id = ?", "DELETE FROM stage_spells WHERE client_id = ?"} {
		if _, err := w.exec(q, clientID); err != nil {
			return fmt.Errorf("clear workload history: %w", err)
		}
	}
	return w.saveDueDays(days)
}
