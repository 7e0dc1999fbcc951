package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// fillCacheKiB is the page cache of the connection that fills a new file: a
// 100,000-client caseload writes gigabytes, and every page it finds again in
// memory is a page not read back from disk.
const fillCacheKiB = 131072

// FillNew is Batch for filling a file that holds no records yet (the demo
// caseload): the same records in one transaction, written through the
// rollback journal rather than the write-ahead log. A transaction of
// gigabytes in the log makes every page read search an ever longer log, and
// then copies every page once more into the file at the checkpoint; into an
// empty file the rollback journal has almost nothing to keep. The indexes in
// time order are built once, at the end of the transaction (timeIndexes).
// The file is back in write-ahead mode before FillNew returns, whatever
// happened. When another connection has the file open, and the journal
// cannot be switched, the fill runs as a plain Batch.
func (s *Store) FillNew(ctx context.Context, fn func(*Writer) error) (err error) {
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return errors.New("fill: the file already holds records")
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("fill: %w", explain(err))
	}
	defer s.putBack(conn)
	// Leaving the write-ahead log needs the file to itself: while another
	// connection has it open (the app's pool keeps two once it has
	// started; another window), SQLite refuses the switch at once, busy
	// timeout or not. That is no reason to refuse the demo: the fill then
	// goes through the log.
	var mode string
	err = explain(conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode))
	if err != nil && !errors.Is(err, ErrBusy) {
		return fmt.Errorf("fill: %w", err)
	}
	if mode != "delete" {
		return s.Batch(ctx, fn)
	}
	defer func() {
		// The file must never stay out of write-ahead mode: the app's
		// readers and writers rely on it.
		if _, werr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA journal_mode=WAL"); werr != nil && err == nil {
			err = fmt.Errorf("fill: back to the write-ahead log: %w", explain(werr))
		}
	}()
	restore, err := s.withCache(ctx, conn, fillCacheKiB)
	if err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	defer restore()
	return s.batchOn(ctx, conn, fn)
}

// batchOn is Batch on a connection of the caller's, with the indexes in
// time order built once at the end (see timeIndexes).
func (s *Store) batchOn(ctx context.Context, conn *sql.Conn, fn func(*Writer) error) error {
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", explain(err))
	}
	err = s.withTimeIndexesLater(ctx, sqlTx, func() error { return s.runBatch(ctx, &Tx{sqlTx}, fn) })
	if err != nil {
		if rbErr := sqlTx.Rollback(); rbErr != nil {
			return fmt.Errorf("%w (and rollback failed: %v)", err, rbErr)
		}
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", explain(err))
	}
	return nil
}

// timeIndexes are the indexes in time order of the tables a fill writes: a
// caseload is filled client by client, each over two years, so every new
// record goes somewhere in the middle of these, and once they outgrow the
// page cache (at 100,000 clients they are hundreds of megabytes) each insert
// reads and writes pages all over the file. Nothing a fill runs reads them:
// its writes and its summing up look records up by id and by client.
var timeIndexes = []string{
	"audit_log_by_time",
	"checkins_by_time", "checkins_week_figures", "checkins_signals",
	"client_status_deltas",
	"condition_progress_by_time", "conditions_by_time",
	"court_events_by_time", "incentives_by_time", "responses_by_time", "violations_by_time",
	"referral_events_by_time", "referral_events_closing",
	"screenings_by_time", "stage_notes_by_time",
	"due_spells_fell_due", "due_spells_standing", "due_spells_by_until",
	"due_spells_overdue_ends", "due_spells_overdue_starts",
	"stage_spells_by_until", "stage_spells_by_from",
}

// withTimeIndexesLater runs fill in tx with the time indexes dropped, then
// builds them again in the same transaction, each from a sort of its table
// in one pass: the file holds the same schema and the same indexes when tx
// commits, and nothing of it when tx rolls back.
func (s *Store) withTimeIndexesLater(ctx context.Context, tx *sql.Tx, fill func() error) error {
	var names, creates []string
	err := eachRowArgs(ctx, tx, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))",
		[]any{jsonList(timeIndexes)}, func(row scanner) error {
			var name, create string
			err := row.Scan(&name, &create)
			names, creates = append(names, name), append(creates, create)
			return err
		})
	if err != nil {
		return fmt.Errorf("fill: read the time indexes: %w", explain(err))
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX "+name); err != nil {
			return fmt.Errorf("fill: drop %s until the end: %w", name, explain(err))
		}
	}
	if err := fill(); err != nil {
		return err
	}
	for i, create := range creates {
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("fill: build %s: %w", names[i], explain(err))
		}
	}
	return nil
}
