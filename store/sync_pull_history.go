package store

import (
	"fmt"
	"strings"
)

// historyChunk is how many pulled history records one INSERT carries. Each
// statement run has a fixed cost (binding, the statement journal, setting up
// the triggers each record fires) that one record a statement paid 204,000
// times in the first pull of 10,000 clients' check-ins: 16 s one a
// statement, 9.7 s fifty, 7.7 s as the floor of one INSERT … SELECT.
const historyChunk = 50

// applyPulledHistoryRows inserts a page of pulled history, fifty records a
// statement, and returns how many were new. A chunk the file refuses (a
// record whose client is not here) is tried again one record at a time, so
// the error names the record, as it does when each goes alone.
func (w *Writer) applyPulledHistoryRows(t SyncTable, rows []PulledRow) (int, error) {
	if t.StandIns {
		// A stand-in gives way to its client's pulled history by an upsert
		// of its own, record by record.
		return w.applyPulledHistoryEach(t, rows)
	}
	changed := 0
	for len(rows) >= historyChunk {
		n, err := w.insertPulledChunk(t, rows[:historyChunk])
		if err != nil {
			return changed, err
		}
		changed += n
		rows = rows[historyChunk:]
	}
	n, err := w.applyPulledHistoryEach(t, rows)
	return changed + n, err
}

// applyPulledHistoryEach inserts pulled history one record a statement.
func (w *Writer) applyPulledHistoryEach(t SyncTable, rows []PulledRow) (int, error) {
	changed := 0
	for _, row := range rows {
		did, err := w.applyPulledHistory(t, row)
		if err != nil {
			return changed, err
		}
		if did {
			changed++
		}
	}
	return changed, nil
}

// insertPulledChunk inserts a chunk of history in one statement; the ids it
// returns are the records that were new (one already here, or filed aside on
// the server as this laptop's rejected resend, is left as it is).
func (w *Writer) insertPulledChunk(t SyncTable, rows []PulledRow) (int, error) {
	one := "(" + placeholders(len(t.Columns)) + ")"
	query := "INSERT INTO " + t.Name + " (" + strings.Join(t.Columns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", len(rows)), ", ") + " ON CONFLICT DO NOTHING RETURNING id"
	st, err := w.localStmt(query)
	if err != nil {
		return 0, fmt.Errorf("save pulled %s: %w", t.Name, explain(err))
	}
	args := make([]any, 0, len(rows)*len(t.Columns))
	byID := make(map[string]PulledRow, len(rows))
	for _, row := range rows {
		for _, c := range t.Columns {
			args = append(args, row.Values[c])
		}
		id, _ := row.Values["id"].(string)
		if _, twice := byID[id]; !twice {
			byID[id] = row // the one the insert keeps
		}
	}
	res, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		// The statement is undone as a whole; the records one by one find
		// the one refused and name it.
		if _, eachErr := w.applyPulledHistoryEach(t, rows); eachErr != nil {
			return 0, eachErr
		}
		return 0, fmt.Errorf("save pulled %s: %w", t.Name, explain(err))
	}
	var inserted []string
	for res.Next() {
		var id string
		if err := res.Scan(&id); err != nil {
			res.Close()
			return 0, fmt.Errorf("save pulled %s: %w", t.Name, explain(err))
		}
		inserted = append(inserted, id)
	}
	res.Close()
	if err := res.Err(); err != nil {
		if _, eachErr := w.applyPulledHistoryEach(t, rows); eachErr != nil {
			return 0, eachErr
		}
		return 0, fmt.Errorf("save pulled %s: %w", t.Name, explain(err))
	}
	for _, id := range inserted {
		if err := w.historyPulled(t, id, byID[id]); err != nil {
			return 0, err
		}
	}
	return len(inserted), nil
}
