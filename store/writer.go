package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"caseload/model"
)

// Writer makes changes inside one transaction. Each write method of Store
// opens one for a single change; Batch hands one to a function that makes many
// (the demo caseload, imports), all committed together or not at all.
type Writer struct {
	ctx        context.Context
	tx         *Tx
	statements *statementCache
	now        time.Time
	intervals  model.Intervals
	// deferred holds the clients whose summary a batch refreshes once at the
	// end instead of after every record.
	deferred map[string]bool
	// stmts caches prepared statements for the life of the transaction: a
	// batch runs the same few inserts thousands of times.
	stmts map[string]*sql.Stmt
	// unindexed holds, by kind, the notes a batch wrote while the note index
	// triggers were paused.
	unindexed map[string][]string
	// held, while not nil, gathers the spells and due-day counters of many
	// clients summed up together (holdSummaries).
	held *heldSummaries
	// sync is the laptop's agency sync state, loaded when a change first
	// needs it.
	sync *writerSync
}

func (w *Writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if shared := w.statements.lookup(query); shared != nil {
		st = w.tx.StmtContext(w.ctx, shared)
	} else {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, query); err != nil {
			return nil, err
		}
	}
	w.stmts[query] = st
	return st, nil
}

// localStmt prepares a statement for this transaction alone, never kept
// for others: the inserts of fifty pulled records at a time are large, and
// only a pull uses them.
func (w *Writer) localStmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

// exec runs a write through the statement cache.
func (w *Writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// queryRow runs a one-row read through the statement cache.
func (w *Writer) queryRow(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		// A statement that does not prepare reports the same error on Scan.
		return w.tx.QueryRowContext(w.ctx, query, args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

// errDryRun, returned from a batch, rolls back an import that was only a
// rehearsal (--dry-run) once its report is made.
var errDryRun = errors.New("dry run")

// Batch runs fn with a Writer in one transaction; per-client summaries are
// brought up to date once, just before the commit.
func (s *Store) Batch(ctx context.Context, fn func(*Writer) error) error {
	return s.tx(ctx, func(tx *Tx) error { return s.runBatch(ctx, tx, fn) })
}

// runBatch is the body of a batch inside its transaction.
func (s *Store) runBatch(ctx context.Context, tx *Tx, fn func(*Writer) error) error {
	w, err := s.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	w.deferred = map[string]bool{}
	w.unindexed = map[string][]string{}
	if _, err := w.exec("INSERT INTO fts_pause (one) VALUES (1)"); err != nil {
		return fmt.Errorf("pause note index: %w", err)
	}
	if err := fn(w); err != nil {
		return err
	}
	// In id order, which is the order of the clients table and of every
	// (client_id, ...) index: the summaries of a big batch then read the
	// file front to back instead of at random.
	for _, id := range slices.Sorted(maps.Keys(w.deferred)) {
		if err := w.refreshNow(id); err != nil {
			return err
		}
	}
	if err := w.saveClock(); err != nil {
		return err
	}
	return w.indexPausedNotes()
}

// indexPausedNotes indexes, in one statement per table, the notes written
// while the triggers were paused, then lifts the pause.
func (w *Writer) indexPausedNotes() error {
	if _, err := w.exec("DELETE FROM fts_pause"); err != nil {
		return fmt.Errorf("resume note index: %w", err)
	}
	for table, kind := range map[string]string{"checkins": "checkin", "stage_notes": "stage_note", "referral_events": "referral_event"} {
		ids := w.unindexed[kind]
		if len(ids) == 0 {
			continue
		}
		_, err := w.exec(`INSERT INTO notes_fts (body, kind, record_id, client_id) SELECT note, ?, id, client_id FROM `+table+
			` WHERE id IN (SELECT value FROM json_each(?)) AND note <> ''`, kind, jsonList(ids))
		if err != nil {
			return fmt.Errorf("index notes: %w", err)
		}
	}
	return nil
}

// noteWritten remembers a note a batch must index at its end.
func (w *Writer) noteWritten(kind, id, note string) {
	if w.deferred != nil && note != "" {
		w.unindexed[kind] = append(w.unindexed[kind], id)
	}
}

// write runs one change in its own transaction.
func (s *Store) write(ctx context.Context, fn func(*Writer) error) error {
	err := s.tx(ctx, func(tx *Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		return w.saveClock()
	})
	s.statements.prepareWanted(ctx, s.db)
	return err
}

func (s *Store) newWriter(ctx context.Context, tx *Tx) (*Writer, error) {
	w := &Writer{ctx: ctx, tx: tx, now: s.now(), statements: &s.statements, stmts: map[string]*sql.Stmt{}}
	st, err := w.stmt(intervalsQuery)
	if err != nil {
		return nil, fmt.Errorf("read contact intervals: %w", explain(err))
	}
	rows, err := st.QueryContext(ctx, intervalPrefix, intervalPrefix+"~")
	if err != nil {
		return nil, fmt.Errorf("read contact intervals: %w", explain(err))
	}
	if w.intervals, err = scanIntervals(rows); err != nil {
		return nil, err
	}
	return w, nil
}

// refresh brings a client's summary up to date, now or at the end of a batch.
func (w *Writer) refresh(clientID string) error {
	if w.deferred != nil {
		w.deferred[clientID] = true
		return nil
	}
	return w.refreshNow(clientID)
}
