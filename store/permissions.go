package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// Modes of everything caseload keeps: readable by the officer's account
// alone, since the file holds criminal-justice and health records.
const (
	privateFile fs.FileMode = 0o600
	privateDir  fs.FileMode = 0o700
)

// FixedPermissions lists, one line each, the files and folders whose modes
// Open found looser than owner-only and tightened, so that the app can tell
// the officer; none when everything was already private.
func (s *Store) FixedPermissions() []string { return append([]string(nil), s.fixed...) }

// checkWritable refuses, before SQLite sees the file, a file or a folder the
// officer cannot write to: SQLite would open a read-only file silently and
// fail at the first save, and in WAL mode it needs to create its journal in
// the folder.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return ErrReadOnly
		}
		return err
	}
	f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), ".caseload-probe-*")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return ErrReadOnlyDir
		}
		return fmt.Errorf("write beside the file: %w", err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// fixPermissions makes the database, its journal files, its backups and the
// folders that are caseload's own owner-only, and says what it changed. The
// folder holding the database is tightened only when it holds nothing but
// caseload's files: a database kept in the officer's Documents leaves that
// folder alone.
func fixPermissions(path string) ([]string, error) {
	if runtime.GOOS == "windows" {
		return nil, nil // access there is governed by ACLs, not modes
	}
	var fixed []string
	quiet := map[string]bool{path + "-wal": true, path + "-shm": true}
	tighten := func(p string, want fs.FileMode) error {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Mode()&fs.ModeSymlink != 0) {
			return nil
		}
		if err != nil {
			return err
		}
		if info.Mode().Perm()&^want == 0 {
			return nil
		}
		if err := os.Chmod(p, info.Mode().Perm()&want); err != nil {
			return fmt.Errorf("make %s private: %w", p, err)
		}
		// The journal files take the database's mode when SQLite creates
		// them, so they follow it: one line about the database says it.
		if !quiet[p] {
			fixed = append(fixed, fmt.Sprintf("%s was %04o, now %04o", p, info.Mode().Perm(), info.Mode().Perm()&want))
		}
		return nil
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := tighten(p, privateFile); err != nil {
			return fixed, err
		}
	}
	dir := backupDir(path)
	if err := tighten(dir, privateDir); err != nil {
		return fixed, err
	}
	backups, err := listBackups(path)
	if err != nil {
		return fixed, err
	}
	for _, b := range backups {
		if err := tighten(b.Path, privateFile); err != nil {
			return fixed, err
		}
	}
	if ownFolder(path) {
		if err := tighten(filepath.Dir(path), privateDir); err != nil {
			return fixed, err
		}
	}
	return fixed, nil
}

// ownFolder reports whether the database's folder holds only the database,
// its journal files and its backups.
func ownFolder(path string) bool {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return false
	}
	base := filepath.Base(path)
	own := map[string]bool{base: true, base + "-wal": true, base + "-shm": true, base + "-journal": true, backupFolder: true}
	for _, e := range entries {
		if !own[e.Name()] {
			return false
		}
	}
	return true
}
