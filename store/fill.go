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
// empty file the rollback journal has almost nothing to keep. The file is back
// in write-ahead mode before FillNew returns, whatever happened. When another
// connection has the file open and the journal cannot be switched, the fill
// runs as a plain Batch.
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
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil {
		return fmt.Errorf("fill: %w", explain(err))
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
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size(-%d)", fillCacheKiB)); err != nil {
		return fmt.Errorf("fill: %w", explain(err))
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size(-%d)", connCacheKiB))
	return s.batchOn(ctx, conn, fn)
}

// batchOn is Batch on a connection of the caller's.
func (s *Store) batchOn(ctx context.Context, conn *sql.Conn, fn func(*Writer) error) error {
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", explain(err))
	}
	if err := s.runBatch(ctx, &Tx{sqlTx}, fn); err != nil {
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
