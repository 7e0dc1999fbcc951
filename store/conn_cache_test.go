package store

import (
	"context"
	"database/sql"
	"testing"

	"caseload/model"
)

// The day's check and backup read every page once; with the app's cache, a
// 10,000-client app peaked at 42 MiB on the day's first start, against 34 on
// a later one. Each must read with the small cache, and hand its connection
// back with the usual one.
func TestWholeFilePassesReadWithASmallCache(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	if _, err := s.CreateClient(ctx, model.Client{Name: "Ana Ruiz", CaseNumber: "CN-1", SupervisionType: model.SupervisionProbation,
		Level: model.LevelModerate, Status: model.StatusActive, SupervisionFrom: model.DateOf(frozenNow)}); err != nil {
		t.Fatal(err)
	}
	var caches []int
	s.testHookWholeFilePass = func(conn *sql.Conn) { caches = append(caches, cacheSize(t, conn)) }
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	if _, err := s.Backup(ctx, frozenNow, BackupOptions{}); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if len(caches) != 2 || caches[0] != -wholeFileCacheKiB || caches[1] != -wholeFileCacheKiB {
		t.Fatalf("the check's and the backup's caches = %v, want two of -%d", caches, wholeFileCacheKiB)
	}
	// Every connection the pool holds, taken at once, has the usual cache.
	var conns []*sql.Conn
	for range maxConns {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conns = append(conns, conn)
	}
	for i, conn := range conns {
		if got := cacheSize(t, conn); got != -connCacheKiB {
			t.Errorf("connection %d has cache_size %d after the passes, want -%d", i, got, connCacheKiB)
		}
	}
}

func cacheSize(t *testing.T, conn *sql.Conn) int {
	t.Helper()
	var n int
	if err := conn.QueryRowContext(context.Background(), "PRAGMA cache_size").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
