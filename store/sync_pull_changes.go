package store

import (
	"fmt"
	"strings"

	"caseload/model"
)

// applyPulledChangesRows applies a page of records that change. Those this
// laptop has never held, their fields under one stamp (every record a first
// pull brings), are inserted fifty to a statement with their stamps; the
// rest merge field by field, one at a time.
func (w *Writer) applyPulledChangesRows(t SyncTable, rows []PulledRow) (int, error) {
	held, err := w.heldIDs(t, rows)
	if err != nil {
		return 0, err
	}
	changed := 0
	var fresh []PulledRow
	for _, row := range rows {
		id, _ := row.Values["id"].(string)
		if held[id] || !w.insertableAtOnce(t, row) {
			did, err := w.applyPulledChanges(t, row)
			if err != nil {
				return changed, err
			}
			if did {
				changed++
			}
			continue
		}
		fresh = append(fresh, row)
	}
	for len(fresh) > 0 {
		n := min(len(fresh), historyChunk)
		var err error
		if n == historyChunk {
			err = w.insertPulledChanges(t, fresh[:n])
		} else {
			err = w.insertPulledEach(t, fresh[:n])
		}
		if err != nil {
			return changed, err
		}
		changed += n
		fresh = fresh[n:]
	}
	return changed, nil
}

// insertableAtOnce tells a record that can go in with others: every field
// under one stamp, and every column the server keeps present.
func (w *Writer) insertableAtOnce(t SyncTable, row PulledRow) bool {
	if _, ok := oneStamp(t, row.Stamps); !ok {
		return false
	}
	for _, c := range t.Server {
		if _, ok := row.Values[c]; !ok {
			return false
		}
	}
	return true
}

// heldIDs tells which of the page's records the file holds already, asking
// fifty ids at a time.
func (w *Writer) heldIDs(t SyncTable, rows []PulledRow) (map[string]bool, error) {
	held := map[string]bool{}
	query := "SELECT id FROM " + t.Name + " WHERE id IN (" + placeholders(historyChunk) + ")"
	st, err := w.localStmt(query)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", t.Name, explain(err))
	}
	args := make([]any, historyChunk)
	for start := 0; start < len(rows); start += historyChunk {
		for i := range args {
			// A short last chunk asks for its first id again.
			args[i] = rows[start].Values["id"]
			if start+i < len(rows) {
				args[i] = rows[start+i].Values["id"]
			}
		}
		res, err := st.QueryContext(w.ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", t.Name, explain(err))
		}
		for res.Next() {
			var id string
			if err := res.Scan(&id); err != nil {
				res.Close()
				return nil, fmt.Errorf("read %s: %w", t.Name, explain(err))
			}
			held[id] = true
		}
		res.Close()
		if err := res.Err(); err != nil {
			return nil, fmt.Errorf("read %s: %w", t.Name, explain(err))
		}
	}
	return held, nil
}

// insertPulledChanges inserts a chunk of new records that change, and the
// one stamp of each, two statements in all.
func (w *Writer) insertPulledChanges(t SyncTable, rows []PulledRow) error {
	// Every record here carries every column the server keeps
	// (insertableAtOnce), so all go in with the same columns.
	cols, _ := insertColumns(t, rows[0])
	one := "(" + placeholders(len(cols)) + ")"
	insert := "INSERT INTO " + t.Name + " (" + strings.Join(cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", len(rows)), ", ")
	stamps := "INSERT INTO sync_fields (tbl, row_id, field, at) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?, ?, '', ?), ", len(rows)), ", ") +
		" ON CONFLICT (tbl, row_id, field) DO UPDATE SET at = excluded.at"
	args := make([]any, 0, len(rows)*len(cols))
	stampArgs := make([]any, 0, len(rows)*3)
	for _, row := range rows {
		_, values := insertColumns(t, row)
		args = append(args, values...)
		if err := w.observeAll(t, row); err != nil {
			return err
		}
		at, _ := oneStamp(t, row.Stamps)
		stampArgs = append(stampArgs, t.Name, row.Values["id"], at.String())
	}
	st, err := w.localStmt(insert)
	if err == nil {
		_, err = st.ExecContext(w.ctx, args...)
	}
	if err != nil {
		// Undone as a whole: one at a time names the record refused.
		if eachErr := w.insertPulledEach(t, rows); eachErr != nil {
			return eachErr
		}
		return fmt.Errorf("save pulled %s: %w", t.Name, explain(err))
	}
	st, err = w.localStmt(stamps)
	if err == nil {
		_, err = st.ExecContext(w.ctx, stampArgs...)
	}
	if err != nil {
		return fmt.Errorf("keep the stamps of pulled %s: %w", t.Name, explain(err))
	}
	for _, row := range rows {
		id, _ := row.Values["id"].(string)
		if err := w.refreshPulled(t, id, row); err != nil {
			return err
		}
	}
	return nil
}

// insertPulledEach inserts new records that change one at a time.
func (w *Writer) insertPulledEach(t SyncTable, rows []PulledRow) error {
	for _, row := range rows {
		if err := w.observeAll(t, row); err != nil {
			return err
		}
		id, _ := row.Values["id"].(string)
		if err := w.insertPulled(t, id, row); err != nil {
			return err
		}
	}
	return nil
}

// observeAll moves the laptop's clock past every stamp a pulled record
// carries, a field this laptop does not know among them.
func (w *Writer) observeAll(t SyncTable, row PulledRow) error {
	for _, h := range row.Stamps {
		if err := w.observe(t, row, h); err != nil {
			return err
		}
	}
	return nil
}

// observe moves the laptop's clock past a pulled stamp; a stamp far in the
// future is refused.
func (w *Writer) observe(t SyncTable, row PulledRow, at model.HLC) error {
	if err := w.sync.clock.Observe(at, w.now); err != nil {
		return fmt.Errorf("pulled %s %v: %w", t.Name, row.Values["id"], err)
	}
	w.sync.dirty = true
	return nil
}
