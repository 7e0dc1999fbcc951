package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/damagetest"
	"caseload/internal/privtest"
	"caseload/model"
	"caseload/store"
)

// badFile is a hostile file and what opening or writing to it must say.
type badFile struct {
	name string
	// make builds the file and returns its path.
	make func(t *testing.T) string
	// attempt does what the app would do with it; by default, open it.
	attempt func(t *testing.T, path string) error
	want    error
	words   string // words the message must hold
}

func TestBadFilesFailClearlyAndStayByteIdentical(t *testing.T) {
	ctx := context.Background()
	cases := []badFile{
		{name: "not a database", want: store.ErrNotCaseload, words: "not a caseload database",
			make: func(t *testing.T) string {
				p := filepath.Join(t.TempDir(), "notes.db")
				writeFile(t, p, []byte("Dear diary,\nthis is not SQLite.\n"))
				return p
			}},
		{name: "a SQLite file of another program", want: store.ErrNotCaseload, words: "not a caseload database",
			make: func(t *testing.T) string {
				p := filepath.Join(t.TempDir(), "other.db")
				rawExec(t, p, "CREATE TABLE songs (title TEXT)", "INSERT INTO songs VALUES ('a')")
				return p
			}},
		{name: "a truncated database", want: store.ErrDamaged, words: "cut off",
			make: func(t *testing.T) string {
				p := demoFile(t, 10)
				info, _ := os.Stat(p)
				if err := os.Truncate(p, info.Size()/2); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "a database cut off inside its header", want: store.ErrDamaged, words: "damaged",
			make: func(t *testing.T) string {
				p := demoFile(t, 1)
				if err := os.Truncate(p, 50); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "a corrupted page where the file says what it is", want: store.ErrDamaged, words: "restore a backup",
			make: func(t *testing.T) string {
				p := demoFile(t, 10)
				damagetest.Overwrite(t, p, 2)
				return p
			}},
		{name: "a corrupted data page, found by a read", want: store.ErrDamaged, words: "restore a backup",
			make: func(t *testing.T) string {
				p := demoFile(t, 10)
				damagetest.Root(t, p, "clients")
				return p
			},
			attempt: func(t *testing.T, path string) error {
				s, err := store.Open(ctx, path)
				if err != nil {
					return err
				}
				defer s.Close()
				_, err = s.CaseloadPage(ctx, model.CaseloadQuery{Limit: 50})
				return err
			}},
		{name: "a database from a newer version", want: store.ErrNewerVersion, words: "update caseload",
			make: func(t *testing.T) string {
				p := demoFile(t, 1)
				rawExec(t, p, "PRAGMA user_version = 99")
				return p
			}},
		{name: "a read-only file", want: store.ErrReadOnly, words: "read-only",
			make: func(t *testing.T) string {
				p := demoFile(t, 1)
				privtest.Drop(t, filepath.Dir(p))
				if err := os.Chmod(p, 0o400); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "a read-only folder", want: store.ErrReadOnlyDir, words: "folder",
			make: func(t *testing.T) string {
				p := demoFile(t, 1)
				privtest.Drop(t, filepath.Dir(p))
				if err := os.Chmod(filepath.Dir(p), 0o500); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(filepath.Dir(p), 0o700) })
				return p
			}},
		{name: "a file another window keeps locked", want: store.ErrBusy, words: "another caseload window is writing",
			make: func(t *testing.T) string { return demoFile(t, 1) },
			attempt: func(t *testing.T, path string) error {
				holdWriteLock(t, path)
				s, err := store.Open(ctx, path, store.WithBusyTimeout(50*time.Millisecond))
				if err != nil {
					return err
				}
				defer s.Close()
				_, err = s.CreateClient(ctx, newClient("LOCK-1"))
				return err
			}},
		{name: "a full disk", want: store.ErrDiskFull, words: "disk is full",
			make: func(t *testing.T) string { return demoFile(t, 1) },
			attempt: func(t *testing.T, path string) error {
				s, err := store.Open(ctx, path)
				if err != nil {
					return err
				}
				defer s.Close()
				fillDisk(t, s)
				c := newClient("FULL-1")
				c.Conditions = strings.Repeat("no contact with the victim; ", 700)
				_, err = s.CreateClient(ctx, c)
				return err
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			before := hashFile(t, path)
			attempt := c.attempt
			if attempt == nil {
				attempt = func(t *testing.T, path string) error {
					s, err := store.Open(ctx, path)
					if err == nil {
						s.Close()
					}
					return err
				}
			}
			err := attempt(t, path)
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.words) || strings.Contains(msg, "\n") {
				t.Fatalf("want one line holding %q, got %q", c.words, msg)
			}
			if after := hashFile(t, path); after != before {
				t.Fatalf("the file changed: sha256 %s before, %s after", before, after)
			}
		})
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// rawExec runs statements on a file through a plain connection, as another
// program would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// holdWriteLock takes the write lock on a file from a second connection and
// keeps it until the test ends, like a window stuck in a save.
func holdWriteLock(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tx.Rollback()
		db.Close()
	})
}

// fillDisk limits the store to the pages it already has, so that the next
// write finds no room, as on a full disk.
func fillDisk(t *testing.T, s *store.Store) {
	t.Helper()
	db := s.DB()
	db.SetMaxOpenConns(1)
	var pages int
	if err := db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
}

func TestOpenInAReadOnlyFolderSaysSo(t *testing.T) {
	dir := t.TempDir()
	privtest.Drop(t, dir)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	for _, path := range []string{filepath.Join(dir, "caseload.db"), filepath.Join(dir, "sub", "caseload.db")} {
		_, err := store.Open(context.Background(), path)
		if !errors.Is(err, store.ErrReadOnlyDir) {
			t.Errorf("%s: want %v, got %v", path, store.ErrReadOnlyDir, err)
		}
	}
}
