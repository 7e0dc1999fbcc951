package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"caseload/store"
)

// journalMode reads the file's journal mode as the sqlite3 tool would see it.
func journalMode(t *testing.T, s *store.Store) string {
	t.Helper()
	var mode string
	if err := s.DB().QueryRowContext(context.Background(), "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	return mode
}

// TestFillNewWritesWithoutTheLogAndEndsInWALMode: a fill writes straight
// into the file (no write-ahead log grows while it runs), keeps every record,
// and leaves the file in write-ahead mode for the app.
func TestFillNewWritesWithoutTheLogAndEndsInWALMode(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s := openAt(t, path)
	err := s.FillNew(ctx, func(w *store.Writer) error {
		if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("during the fill the write-ahead log is there (%v); want the rollback journal", err)
		}
		for _, n := range []string{"A-1", "A-2", "A-3"} {
			if _, err := w.CreateClient(newClient(n)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if mode := journalMode(t, s); mode != "wal" {
		t.Errorf("after the fill the journal mode is %q, want wal", mode)
	}
	if empty, err := s.IsEmpty(ctx); err != nil || empty {
		t.Errorf("after the fill IsEmpty = %v, %v; want the three clients", empty, err)
	}
	if err := s.FillNew(ctx, func(*store.Writer) error { return nil }); err == nil {
		t.Error("a second fill of a file with records succeeded; want it refused")
	}
}

// TestFillNewFailingWritesNothing: a fill that fails leaves the file empty,
// with the schema of a new file (the indexes it drops until its end are
// there), and in write-ahead mode.
func TestFillNewFailingWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	before := tableText(t, s, schemaQuery)
	boom := errors.New("boom")
	err := s.FillNew(ctx, func(w *store.Writer) error {
		if _, err := w.CreateClient(newClient("A-1")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("FillNew = %v, want the function's error", err)
	}
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		t.Errorf("after a failed fill IsEmpty = %v, %v; want an empty file", empty, err)
	}
	if after := tableText(t, s, schemaQuery); !slices.Equal(after, before) {
		t.Errorf("after a failed fill the schema differs from a new file's: %s", firstDifference(before, after))
	}
	if mode := journalMode(t, s); mode != "wal" {
		t.Errorf("after a failed fill the journal mode is %q, want wal", mode)
	}
}

// TestFillNewBesideAnOpenConnectionFillsAnyway: while another connection has
// the file open (the app's pool keeps two after its start, so a new officer
// who reads the welcome screen for a second before pressing d), the journal
// cannot leave the write-ahead log; the fill then writes through the log
// instead of failing as if another window were writing.
func TestFillNewBesideAnOpenConnectionFillsAnyway(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s := openAt(t, path)
	// A read on another store leaves its connection open, and idle.
	var n int
	if err := openAt(t, path).DB().QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
		t.Fatal(err)
	}
	err := s.FillNew(ctx, func(w *store.Writer) error {
		_, err := w.CreateClient(newClient("A-1"))
		return err
	})
	if err != nil {
		t.Fatalf("a fill beside an open connection: %v; want it written through the log", err)
	}
	if empty, err := s.IsEmpty(ctx); err != nil || empty {
		t.Errorf("after the fill IsEmpty = %v, %v; want the client", empty, err)
	}
	if mode := journalMode(t, s); mode != "wal" {
		t.Errorf("after the fill the journal mode is %q, want wal", mode)
	}
}
