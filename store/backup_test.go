package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/store"
)

func TestBackupIsAPrivateSoundCopy(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 4)
	s := openAt(t, path)
	file, err := s.Backup(ctx, testNow, store.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(file) != filepath.Join(filepath.Dir(path), "backups") || !strings.HasPrefix(filepath.Base(file), "caseload-2026-03-10_143000") {
		t.Fatalf("want the backup in backups/ named by its time, got %s", file)
	}
	assertMode(t, file, 0o600)
	assertMode(t, filepath.Dir(file), 0o700)
	copy := openAt(t, file)
	want, _ := s.ClientCount(ctx)
	if got, err := copy.ClientCount(ctx); err != nil || got != want {
		t.Fatalf("the backup holds %d clients (%v), want %d", got, err, want)
	}
	if rep, err := copy.FullCheck(ctx); err != nil || !rep.OK() {
		t.Fatalf("the backup should pass a full check: %+v %v", rep, err)
	}
}

func TestBackupNeverOverwritesAFile(t *testing.T) {
	s := openAt(t, demoFile(t, 1))
	dest := filepath.Join(t.TempDir(), "stick.db")
	writeFile(t, dest, []byte("precious"))
	if _, err := s.Backup(context.Background(), testNow, store.BackupOptions{To: dest}); !errors.Is(err, os.ErrExist) {
		t.Fatalf("want the existing file refused, got %v", err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "precious" {
		t.Fatalf("the existing file was changed to %q", b)
	}
}

func TestDailyBackupIsTakenOncePerDay(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 4)
	s := openAt(t, path)
	assertBackupDue(t, s, testNow, true)
	first, err := s.DailyBackup(ctx, testNow)
	if err != nil || first == "" {
		t.Fatalf("want the day's first start to take a backup, got %q, %v", first, err)
	}
	assertBackupDue(t, s, testNow.Add(3*time.Hour), false)
	again, err := s.DailyBackup(ctx, testNow.Add(3*time.Hour))
	if err != nil || again != "" {
		t.Fatalf("want no second backup on the same day, got %q, %v", again, err)
	}
	assertBackupDue(t, s, testNow.AddDate(0, 0, 1), true)
	next, err := s.DailyBackup(ctx, testNow.AddDate(0, 0, 1))
	if err != nil || next == "" || next == first {
		t.Fatalf("want a new backup the next day, got %q, %v", next, err)
	}
}

func TestDailyBackupSkipsAnEmptyDatabase(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	assertBackupDue(t, s, testNow, false)
	if file, err := s.DailyBackup(context.Background(), testNow); err != nil || file != "" {
		t.Fatalf("want nothing backed up for an empty file, got %q, %v", file, err)
	}
}

func assertBackupDue(t *testing.T, s *store.Store, now time.Time, want bool) {
	t.Helper()
	if due, err := s.BackupDue(context.Background(), now); err != nil || due != want {
		t.Fatalf("backup due at %s: %v (%v), want %v", now.Format(time.RFC3339), due, err, want)
	}
}

func TestBackupsKeepTheLastFourteen(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 1)
	s := openAt(t, path)
	foreign := filepath.Join(filepath.Dir(path), "backups", "my-notes.txt")
	var taken []string
	for day := 0; day < 17; day++ {
		file, err := s.Backup(ctx, testNow.AddDate(0, 0, day), store.BackupOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if day == 0 {
			writeFile(t, foreign, []byte("mine"))
		}
		taken = append(taken, file)
	}
	list, err := store.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != store.KeepBackups || list[0].Path != taken[3] || list[len(list)-1].Path != taken[16] {
		t.Fatalf("want the newest 14 (%s … %s), got %d from %s", taken[3], taken[16], len(list), list[0].Path)
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Fatalf("a file that is not a backup was touched: %v", err)
	}
}

func TestBackupsInTheSameSecondAreKeptInOrder(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 1)
	s := openAt(t, path)
	var taken []string
	for i := 0; i < 3; i++ {
		file, err := s.Backup(ctx, testNow, store.BackupOptions{})
		if err != nil {
			t.Fatal(err)
		}
		taken = append(taken, file)
	}
	list, _ := store.Backups(path)
	for i := range taken {
		if list[i].Path != taken[i] {
			t.Fatalf("backup %d: want %s, got %s", i, taken[i], list[i].Path)
		}
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Fatalf("%s: want mode %04o, got %04o", path, want, got)
	}
}
