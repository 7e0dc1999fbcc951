//go:build linux

// Package privtest lets a test run without root's power to ignore file
// modes, so that a folder or file the test makes unreadable or unwritable
// is so for the code under test too. It is a package of its own because
// the tests of several packages need it.
package privtest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// nobody is the unprivileged account tests switch to.
const nobody = 65534

// Drop makes the rest of the test run as an unprivileged account when it
// runs as root; everything under dir is handed to that account first. Tests
// that call it must not run in parallel: the effective user is the whole
// process's. Make every folder the test needs before calling it: a new
// t.TempDir() would be made in a folder that belongs to root.
func Drop(t *testing.T, dir string) {
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
