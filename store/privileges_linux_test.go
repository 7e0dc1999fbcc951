package store_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// nobody is the unprivileged account tests switch to.
const nobody = 65534

// asUnprivileged makes the rest of the test run without root's power to
// ignore file modes, which a read-only file means nothing to. Everything
// under dir is handed to the unprivileged account first. Tests that call it
// must not run in parallel: the effective user is the whole process's.
func asUnprivileged(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return
	}
	if err := os.Chmod(filepath.Dir(dir), 0o711); err != nil {
		t.Fatal(err)
	}
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, nobody, nobody)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Setegid(nobody); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Seteuid(nobody); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := syscall.Seteuid(0); err != nil {
			t.Fatalf("cannot become root again: %v", err)
		}
		if err := syscall.Setegid(0); err != nil {
			t.Fatalf("cannot become root again: %v", err)
		}
	})
}

// umask sets the process umask and returns the old one.
func umask(m int) int { return syscall.Umask(m) }
