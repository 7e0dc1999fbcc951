package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestAFillWritesWithoutTheTimeIndexes: inside the fill's transaction the
// indexes in time order are gone, so its inserts do not go into them one by
// one; they are back before it ends.
func TestAFillWritesWithoutTheTimeIndexes(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "caseload.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	count := func(q querier) int {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))",
			jsonList(timeIndexes)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(s.db); n != len(timeIndexes) {
		t.Fatalf("a new file has %d of the %d time indexes", n, len(timeIndexes))
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	during := -1
	err = s.withTimeIndexesLater(ctx, tx, func() error {
		during = count(tx)
		return nil
	})
	if err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if after := count(tx); during != 0 || after != len(timeIndexes) {
		t.Errorf("time indexes during the fill %d, after it %d; want 0, then all %d", during, after, len(timeIndexes))
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// A fill gives its connection back with the page cache the store was
// opened with, not the default: the connection serves the store's next
// reads.
func TestAFillGivesBackTheStoresOwnPageCache(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "caseload.db"), ShortLived())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.FillNew(ctx, func(*Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// Every connection the pool can hand out, the fill's among them.
	var held []*sql.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range maxConns {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, conn)
		var kib int
		if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&kib); err != nil {
			t.Fatal(err)
		}
		if kib != -shortLivedCacheKiB {
			t.Errorf("a connection has cache_size %d, want %d", kib, -shortLivedCacheKiB)
		}
	}
}
