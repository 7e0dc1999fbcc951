package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestReadsAtOnceLeaveTwoConnectionsOpen: the app's start reads over four
// connections at once; afterwards two stay open, not four, each holding its
// own parse of the schema for as long as the app runs.
func TestReadsAtOnceLeaveTwoConnectionsOpen(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "caseload.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var held []*sql.Conn
	for range maxConns {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
			t.Fatal(err)
		}
		held = append(held, conn)
	}
	if open := s.db.Stats().OpenConnections; open != maxConns {
		t.Fatalf("%d connections open while %d read at once", open, maxConns)
	}
	for _, conn := range held {
		if err := conn.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if open := s.db.Stats().OpenConnections; open != 2 {
		t.Errorf("after the reads, %d connections stay open; want 2", open)
	}
	// The connections kept still serve a read and a write.
	if _, err := s.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.tx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE settings SET value = value WHERE 0")
		return err
	}); err != nil {
		t.Fatal(err)
	}
}
