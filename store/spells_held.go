package store

import (
	"fmt"
	"strings"
)

// heldSummaries gathers, while many clients are summed up in one
// transaction (a pull's clients, every client when the contact intervals
// change), the writes their spells make, to go in together: summing up a
// whole caseload pulled onto a new laptop upserted the due-day counters
// 150,000 times over a few thousand days, and inserted 190,000 spells one
// statement each.
type heldSummaries struct {
	days map[[2]string]int
	// spells waiting to be inserted, by table, their values in a row.
	waiting map[*spellTable][]any
	// clients whose spells wait: one summed up again first sends them in.
	clients map[string]bool
}

// spellTable is a table of spells and the columns an insert gives.
type spellTable struct {
	name    string
	columns []string
}

var (
	dueSpells   = spellTable{"due_spells", []string{"client_id", "due_at", "due_day_at", "overdue_from_at", "from_at", "until_at"}}
	stageSpells = spellTable{"stage_spells", []string{"client_id", "stage", "from_at", "until_at"}}
)

// insert is the statement that inserts n spells.
func (t *spellTable) insert(n int) string {
	one := "(" + placeholders(len(t.columns)) + ")"
	return "INSERT INTO " + t.name + " (" + strings.Join(t.columns, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
}

// holdSummaries starts gathering the spells and counters of the clients
// summed up next, for flushSummaries to write.
func (w *Writer) holdSummaries() {
	w.held = &heldSummaries{days: map[[2]string]int{}, waiting: map[*spellTable][]any{}, clients: map[string]bool{}}
}

// flushSummaries writes what was gathered since holdSummaries.
func (w *Writer) flushSummaries() error {
	if err := w.flushSpells(); err != nil {
		return err
	}
	days := w.held.days
	w.held = nil
	return w.saveDueDays(days)
}

// addSpell inserts a client's spell, or, while summaries are held, keeps it
// to go in fifty to a statement.
func (w *Writer) addSpell(t *spellTable, clientID string, values ...any) error {
	values = append([]any{clientID}, values...)
	if w.held == nil {
		_, err := w.exec(t.insert(1), values...)
		return explain(err)
	}
	w.held.clients[clientID] = true
	waiting := append(w.held.waiting[t], values...)
	if len(waiting) < historyChunk*len(t.columns) {
		w.held.waiting[t] = waiting
		return nil
	}
	w.held.waiting[t] = waiting[:0]
	st, err := w.localStmt(t.insert(historyChunk))
	if err != nil {
		return explain(err)
	}
	_, err = st.ExecContext(w.ctx, waiting...)
	return explain(err)
}

// flushSpellsOf sends in the waiting spells when some are the client's:
// its spells are read back before they are summed up again.
func (w *Writer) flushSpellsOf(clientID string) error {
	if w.held == nil || !w.held.clients[clientID] {
		return nil
	}
	return w.flushSpells()
}

// flushSpells inserts every spell waiting, one statement each (fewer than
// fifty of each table wait).
func (w *Writer) flushSpells() error {
	for _, t := range []*spellTable{&dueSpells, &stageSpells} {
		waiting := w.held.waiting[t]
		for n := len(t.columns); len(waiting) >= n; waiting = waiting[n:] {
			if _, err := w.exec(t.insert(1), waiting[:n]...); err != nil {
				return fmt.Errorf("save %s: %w", strings.ReplaceAll(t.name, "_", " "), explain(err))
			}
		}
		w.held.waiting[t] = nil
	}
	clear(w.held.clients)
	return nil
}
