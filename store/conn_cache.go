package store

import (
	"context"
	"database/sql"
	"fmt"
)

// wholeFileCacheKiB is the page cache of a pass that reads every page of the
// file once: the quick check, and the backup's VACUUM INTO, which gives the
// copy it writes a cache of the same size. No page is asked for twice, so a
// bigger cache only holds memory: with the app's 2 MB, the day's check and
// backup of a 10,000-client file raised a process's peak by 6.7 and 10 MB,
// with 256 KiB by 3.2 and 3, and the app's first start of the day peaked at
// 42 MiB instead of 34.
const wholeFileCacheKiB = 256

// withCache sets conn's page cache to kib and returns what sets it back to
// the store's, for the caller to defer: the connection goes back to the pool
// afterwards, and the next read on it expects the usual cache.
func (s *Store) withCache(ctx context.Context, conn *sql.Conn, kib int) (restore func(), err error) {
	if kib == s.cacheKiB {
		return func() {}, nil
	}
	if _, err := conn.ExecContext(ctx, cacheSizePragma(kib)); err != nil {
		return nil, explain(err)
	}
	return func() { conn.ExecContext(context.WithoutCancel(ctx), cacheSizePragma(s.cacheKiB)) }, nil
}

// cacheSizePragma sets a connection's page cache to kib KiB.
func cacheSizePragma(kib int) string { return fmt.Sprintf("PRAGMA cache_size(-%d)", kib) }

// wholeFilePass runs pass on a connection of the pool whose page cache is
// wholeFileCacheKiB while it runs.
func (s *Store) wholeFilePass(ctx context.Context, pass func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return explain(err)
	}
	defer conn.Close()
	restore, err := s.withCache(ctx, conn, wholeFileCacheKiB)
	if err != nil {
		return err
	}
	defer restore()
	if s.testHookWholeFilePass != nil {
		s.testHookWholeFilePass(conn)
	}
	return pass(conn)
}
