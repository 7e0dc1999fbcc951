package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ErrInUse is returned by Restore when another window still has the
// database open.
var ErrInUse = errors.New("another caseload window has this file open: close it, then restore again")

// RestoreResult says what Restore did.
type RestoreResult struct {
	// Kept is the backup of the database that was replaced; "" when there was
	// none.
	Kept string
}

// Restore replaces the database at dbPath with the backup at from, which may
// be age-encrypted (passphrase is then asked for). The backup is checked
// first: a file that is not a sound caseload database, or one from a newer
// version, is refused and nothing changes. The current database is kept in
// the backups folder, then the new file takes its place in one rename.
func Restore(ctx context.Context, dbPath, from string, passphrase func() (string, error)) (RestoreResult, error) {
	var res RestoreResult
	candidate, err := stageRestore(ctx, dbPath, from, passphrase)
	if err != nil {
		return res, fmt.Errorf("restore %s: %w", from, err)
	}
	defer os.Remove(candidate)
	if res.Kept, err = keepCurrent(ctx, dbPath); err != nil {
		return res, fmt.Errorf("restore %s: keep the current database: %w", from, err)
	}
	if err := swapIn(ctx, dbPath, candidate); err != nil {
		return res, fmt.Errorf("restore %s: %w", from, err)
	}
	return res, nil
}

// stageRestore copies (or decrypts) the backup into a private file beside the
// database, on the same disk so that the final rename is atomic, and checks
// the copy rather than the original, which could change in between.
func stageRestore(ctx context.Context, dbPath, from string, passphrase func() (string, error)) (string, error) {
	encrypted, err := IsEncrypted(from)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), privateDir); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dbPath), ".caseload-restore-*")
	if err != nil {
		return "", explain(err)
	}
	tmp.Close()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp.Name())
		}
	}()
	// Checking the copy may leave SQLite's journal files beside it.
	defer removeJournal(tmp.Name())
	if encrypted {
		pass, err := passphrase()
		if err != nil {
			return "", err
		}
		if err := decryptFile(from, tmp.Name(), pass); err != nil {
			return "", err
		}
	} else if err := copyFile(from, tmp.Name()); err != nil {
		return "", err
	}
	if err := verifyBackup(ctx, tmp.Name()); err != nil {
		return "", err
	}
	ok = true
	return tmp.Name(), nil
}

// verifyBackup checks that path holds a sound caseload database this version
// can read.
func verifyBackup(ctx context.Context, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Size() == 0 {
		return fmt.Errorf("%w (the file is empty)", ErrNotCaseload)
	}
	if err := checkHeader(path, info.Size()); err != nil {
		return err
	}
	if err := inspect(ctx, path); err != nil {
		return err
	}
	var version int
	err = withReadOnly(ctx, path, func(db *sql.DB) error {
		if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			return explain(err)
		}
		problems, err := integrityCheck(ctx, db, "integrity_check")
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			return fmt.Errorf("%w (%s)", ErrDamaged, problems[0])
		}
		return nil
	})
	if err != nil {
		return err
	}
	if version == 0 {
		return fmt.Errorf("%w (the file is empty)", ErrNotCaseload)
	}
	return nil
}

func withReadOnly(ctx context.Context, path string, fn func(*sql.DB) error) error {
	db, err := sql.Open("sqlite", dsn(path, true, defaultBusyTimeout))
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// keepCurrent backs up the database about to be replaced. A file SQLite can
// still read is copied with VACUUM INTO; a damaged one is copied byte for
// byte, with its WAL, for whoever tries to rescue it.
func keepCurrent(ctx context.Context, dbPath string) (string, error) {
	info, err := os.Stat(dbPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Size() == 0) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if s, err := Open(ctx, dbPath); err == nil {
		defer s.Close()
		return s.Backup(ctx, time.Now(), BackupOptions{})
	}
	s := &Store{path: dbPath, now: time.Now}
	dest, err := s.newBackupFile(time.Now(), false)
	if err != nil {
		return "", err
	}
	if err := copyFile(dbPath, dest); err != nil {
		return "", err
	}
	if hasFrames(dbPath + "-wal") {
		if err := createPrivate(dest + "-wal"); err != nil {
			return "", err
		}
		if err := copyFile(dbPath+"-wal", dest+"-wal"); err != nil {
			return "", err
		}
	}
	return dest, nil
}

// swapIn moves the checked copy into place. The old WAL is first folded into
// the old file and emptied: a WAL left beside the new file would be replayed
// into it. A WAL that will not empty means another window is writing.
func swapIn(ctx context.Context, dbPath, candidate string) error {
	if _, err := os.Stat(dbPath); err == nil {
		// A damaged file fails to checkpoint; its WAL was kept with its
		// backup and goes with it.
		if err := checkpoint(ctx, dbPath); errors.Is(err, ErrBusy) {
			return ErrInUse
		} else if err == nil && hasFrames(dbPath+"-wal") {
			return ErrInUse
		}
	}
	for _, p := range []string{dbPath + "-wal", dbPath + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Chmod(candidate, privateFile); err != nil {
		return err
	}
	if err := os.Rename(candidate, dbPath); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dbPath))
}

// checkpoint copies the WAL into the database file and truncates it; it
// fails with ErrBusy when another connection is reading or writing.
func checkpoint(ctx context.Context, dbPath string) error {
	db, err := sql.Open("sqlite", dsn(dbPath, false, 200*time.Millisecond))
	if err != nil {
		return err
	}
	defer db.Close()
	var busy, logFrames, done int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return explain(err)
	}
	if busy != 0 {
		return ErrBusy
	}
	return nil
}

// removeJournal removes the WAL and shared-memory files of a closed
// database that is not caseload's live file.
func removeJournal(path string) {
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
}

// copyFile copies src into dst, an existing file, and makes it durable.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		return explain(err)
	}
	if err := out.Sync(); err != nil {
		return explain(err)
	}
	return out.Close()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some systems cannot sync a directory; the rename itself is done.
	_ = d.Sync()
	return nil
}
