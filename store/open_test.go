package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

// frozenNow is the clock of the store tests: a Monday afternoon.
var frozenNow = time.Date(2026, 11, 23, 15, 0, 0, 0, time.Local)

// openFoundation opens a fresh store in a temporary directory with the clock
// frozen at frozenNow.
func openFoundation(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "caseload.db"), WithClock(func() time.Time { return frozenNow }))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenCreatesPrivateFileAndDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "caseload")
	path := filepath.Join(dir, "caseload.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", filepath.Base(p), got, want)
		}
	}
}

func TestMigrationsFromEmptyAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		var version int
		if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		if version != len(migrations) {
			t.Errorf("user_version = %d, want %d", version, len(migrations))
		}
		var mode string
		if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q (%v), want wal", mode, err)
		}
		var fk, sync int
		s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
		if fk != 1 || sync != 2 {
			t.Errorf("foreign_keys = %d, synchronous = %d; want 1 and 2 (FULL)", fk, sync)
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("quick_check: %v %v", problems, err)
		}
		s.Close()
	}
}

func TestOpenRefusesWhatIsNotACaseload(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("shopping list\nmilk\n"), 0o600)

	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE songs (title TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	tests := []struct {
		path    string
		want    error
		message string
	}{
		{text, ErrNotCaseload, "not a caseload database"},
		{other, ErrNotCaseload, "not a caseload database"},
		{newer, ErrNewerVersion, "newer version"},
	}
	for _, tt := range tests {
		before := fileHash(t, tt.path)
		_, err := Open(ctx, tt.path)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.message) {
			t.Errorf("Open(%s) = %v, want %v", filepath.Base(tt.path), err, tt.want)
		}
		if after := fileHash(t, tt.path); after != before {
			t.Errorf("Open(%s) changed the file", filepath.Base(tt.path))
		}
	}

	_, err = Open(ctx, dir)
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("Open(directory) = %v, want an error saying it is a directory", err)
	}
}

func TestOpenRefusesANewerVersionWithoutWriting(t *testing.T) {
	// The WAL pragma would rewrite the header; the refusal must come first.
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 50")
	s.db.Exec("PRAGMA journal_mode = DELETE")
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(ctx, path); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("Open = %v, want ErrNewerVersion", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refusing a newer file changed it")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("refusing a newer file left a WAL beside it")
	}
}

func TestSchemaHasTablesAndTriggers(t *testing.T) {
	s := openFoundation(t)
	want := []string{"settings", "clients", "checkins", "stage_notes", "resources", "referrals", "referral_events",
		"amendments", "drafts", "exports", "audit_log", "notes_fts", "resources_fts",
		"checkins_no_update", "checkins_no_delete", "stage_notes_no_update", "referral_events_no_delete"}
	for _, name := range want {
		var n int
		s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = ?", name).Scan(&n)
		if n != 1 {
			t.Errorf("schema lacks %s", name)
		}
	}
}

func newClient(t *testing.T, s *Store, name, caseNo string, level model.Level) model.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), model.Client{Name: name, CaseNumber: caseNo,
		SupervisionType: model.SupervisionProbation, Level: level, Status: model.StatusActive})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return c
}

// A short-lived command's connections keep a small page cache, a sync's a
// large one; the app's keep the one its screens read again and again.
func TestAShortLivedStoreKeepsASmallPageCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	for _, c := range []struct {
		opts []Option
		want int
	}{{nil, -connCacheKiB}, {[]Option{ShortLived()}, -shortLivedCacheKiB}, {[]Option{ManyWrites()}, -manyWritesCacheKiB}} {
		st, err := Open(context.Background(), path, c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		var got int
		if err := st.db.QueryRow("PRAGMA cache_size").Scan(&got); err != nil {
			t.Fatal(err)
		}
		st.Close()
		if got != c.want {
			t.Errorf("cache_size = %d, want %d", got, c.want)
		}
	}
}
