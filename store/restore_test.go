package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"caseload/internal/damagetest"
	"caseload/store"
)

// cheapWork keeps encryption fast in tests; age's real cost takes a second
// per file, many more under the race detector.
const cheapWork = 10

func passphrase(p string) func() (string, error) { return func() (string, error) { return p, nil } }

func TestRestoreBringsBackTheBackupAndKeepsTheCurrentFile(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 4)
	s := openAt(t, path)
	backup, err := s.Backup(ctx, testNow, store.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateClient(ctx, newClient("AFTER-1")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	res, err := store.Restore(ctx, path, backup, passphrase(""))
	if err != nil {
		t.Fatal(err)
	}
	restored := openAt(t, path)
	if _, _, err := restored.ClientByCaseNumber(ctx, "AFTER-1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("want the client added after the backup gone, got %v", err)
	}
	if rep, err := restored.FullCheck(ctx); err != nil || !rep.OK() {
		t.Fatalf("the restored file should be sound: %+v %v", rep, err)
	}
	kept := openAt(t, res.Kept)
	if _, _, err := kept.ClientByCaseNumber(ctx, "AFTER-1"); err != nil {
		t.Fatalf("want the replaced database kept with its last client, got %v", err)
	}
	assertMode(t, path, 0o600)
}

func TestEncryptedBackupRestoresOnlyWithItsPassphrase(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 4)
	s := openAt(t, path)
	stick := filepath.Join(t.TempDir(), "usb", "caseload.db.age")
	os.MkdirAll(filepath.Dir(stick), 0o700)
	file, err := s.Backup(ctx, testNow, store.BackupOptions{To: stick, Passphrase: "correct horse", WorkFactor: cheapWork})
	if err != nil {
		t.Fatal(err)
	}
	if enc, _ := store.IsEncrypted(file); !enc {
		t.Fatal("want an age file")
	}
	if b, _ := os.ReadFile(file); len(b) < 16 || string(b[:15]) == "SQLite format 3" {
		t.Fatal("the backup is not encrypted")
	}
	if _, err := s.CreateClient(ctx, newClient("AFTER-2")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := hashFile(t, path)

	if _, err := store.Restore(ctx, path, file, passphrase("wrong horse")); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Fatalf("want the wrong passphrase refused, got %v", err)
	}
	if hashFile(t, path) != before {
		t.Fatal("a refused restore changed the database")
	}
	if _, err := store.Restore(ctx, path, file, passphrase("correct horse")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := openAt(t, path).ClientByCaseNumber(ctx, "AFTER-2"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("want the encrypted backup's content back, got %v", err)
	}
}

func TestRestoreRefusesUnsoundBackups(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"not a database", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "x.db")
			writeFile(t, p, []byte("hello"))
			return p
		}, store.ErrNotCaseload},
		{"an empty file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "x.db")
			writeFile(t, p, nil)
			return p
		}, store.ErrNotCaseload},
		{"a truncated backup", func(t *testing.T) string {
			p := demoFile(t, 10)
			info, _ := os.Stat(p)
			os.Truncate(p, info.Size()-4096)
			return p
		}, store.ErrDamaged},
		{"a backup with a damaged page", func(t *testing.T) string {
			p := demoFile(t, 10)
			damagetest.Root(t, p, "checkins_by_client")
			return p
		}, store.ErrDamaged},
		{"a backup from a newer version", func(t *testing.T) string {
			p := demoFile(t, 1)
			rawExec(t, p, "PRAGMA user_version = 42")
			return p
		}, store.ErrNewerVersion},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := demoFile(t, 4)
			before := hashFile(t, path)
			_, err := store.Restore(ctx, path, c.make(t), passphrase(""))
			if !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
			if hashFile(t, path) != before {
				t.Fatal("a refused restore changed the database")
			}
			if list, _ := store.Backups(path); len(list) != 0 {
				t.Fatalf("a refused restore left backups behind: %v", list)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".caseload-restore-*")); len(left) != 0 {
				t.Fatalf("a refused restore left its copy behind: %v", left)
			}
		})
	}
}

func TestRestoreRefusesWhileAnotherWindowWrites(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 4)
	s := openAt(t, path)
	backup, err := s.Backup(ctx, testNow, store.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateClient(ctx, newClient("OTHER-1")); err != nil {
		t.Fatal(err)
	}
	holdWriteLock(t, path)
	if _, err := store.Restore(ctx, path, backup, passphrase("")); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("want the restore refused while another window writes, got %v", err)
	}
	if _, _, err := s.ClientByCaseNumber(ctx, "OTHER-1"); err != nil {
		t.Fatalf("the other window's data must survive: %v", err)
	}
}

func TestRestoreIntoAMissingDatabase(t *testing.T) {
	ctx := context.Background()
	src := demoFile(t, 4)
	path := filepath.Join(t.TempDir(), "new", "caseload.db")
	res, err := store.Restore(ctx, path, src, passphrase(""))
	if err != nil || res.Kept != "" {
		t.Fatalf("want a plain restore with nothing kept, got %+v, %v", res, err)
	}
	if n, err := openAt(t, path).ClientCount(ctx); err != nil || n != 4 {
		t.Fatalf("want 4 clients, got %d, %v", n, err)
	}
}
