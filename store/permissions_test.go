package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenTightensLooseModesAndSaysSo(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 1)
	s := openAt(t, path)
	backup, err := s.DailyBackup(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := filepath.Dir(path)
	for p, mode := range map[string]os.FileMode{path: 0o644, dir: 0o755, filepath.Dir(backup): 0o755, backup: 0o666} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	s = openAt(t, path)
	fixed := strings.Join(s.FixedPermissions(), "\n")
	for _, p := range []string{path, dir, filepath.Dir(backup), backup} {
		if !strings.Contains(fixed, p+" was") {
			t.Errorf("want %s reported as fixed, got:\n%s", p, fixed)
		}
	}
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o700)
	assertMode(t, filepath.Dir(backup), 0o700)
	assertMode(t, backup, 0o600)
	s.Close()
	if again := openAt(t, path).FixedPermissions(); len(again) != 0 {
		t.Fatalf("want nothing to fix the second time, got %v", again)
	}
}

func TestOpenLeavesAFolderItSharesAlone(t *testing.T) {
	path := demoFile(t, 1)
	dir := filepath.Dir(path)
	writeFile(t, filepath.Join(dir, "letter.txt"), []byte("not caseload's"))
	os.Chmod(dir, 0o755)
	os.Chmod(path, 0o640)
	s := openAt(t, path)
	if len(s.FixedPermissions()) != 1 {
		t.Fatalf("want only the database fixed, got %v", s.FixedPermissions())
	}
	assertMode(t, dir, 0o755)
	assertMode(t, path, 0o600)
}

func TestNewFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	old := umask(0o022)
	defer umask(old)
	path := filepath.Join(t.TempDir(), "data", "caseload.db")
	s := openAt(t, path)
	if _, err := s.CreateClient(ctx, newClient("P-1")); err != nil {
		t.Fatal(err)
	}
	assertMode(t, filepath.Dir(path), 0o700)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		assertMode(t, p, 0o600)
	}
	if len(s.FixedPermissions()) != 0 {
		t.Fatalf("a new file needs no fixing, got %v", s.FixedPermissions())
	}
}
