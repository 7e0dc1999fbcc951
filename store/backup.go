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
	"sort"
	"strconv"
	"strings"
	"time"

	"caseload/outfile"
)

// KeepBackups is how many backups the backups folder keeps; older ones are
// removed when a new one is taken.
const KeepBackups = 14

// backupFolder sits beside the database.
const backupFolder = "backups"

// backupStamp names a backup by the local time it was taken; text order is
// time order.
const backupStamp = "2006-01-02_150405"

// Backup is one backup in the backups folder.
type Backup struct {
	Path      string
	At        time.Time // to the second, local time
	Encrypted bool
	seq       int // tells apart backups taken in the same second
}

func backupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), backupFolder) }

// stem is the database's file name without its extension: backups of
// caseload.db are caseload-<time>.db.
func stem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Backups lists the backups of the database at dbPath, oldest first.
func Backups(dbPath string) ([]Backup, error) {
	list, err := listBackups(dbPath)
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	return list, nil
}

func listBackups(dbPath string) ([]Backup, error) {
	entries, err := os.ReadDir(backupDir(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if b, ok := parseBackupName(stem(dbPath), e.Name()); ok && e.Type().IsRegular() {
			b.Path = filepath.Join(backupDir(dbPath), e.Name())
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].seq < out[j].seq
	})
	return out, nil
}

// parseBackupName reads <stem>-<stamp>[-N].db[.age]; any other file in the
// folder is not caseload's and is left alone.
func parseBackupName(stem, name string) (Backup, bool) {
	var b Backup
	rest, ok := strings.CutPrefix(name, stem+"-")
	if !ok {
		return b, false
	}
	if r, ok := strings.CutSuffix(rest, ".db.age"); ok {
		rest, b.Encrypted = r, true
	} else if rest, ok = strings.CutSuffix(rest, ".db"); !ok {
		return b, false
	}
	if len(rest) < len(backupStamp) {
		return b, false
	}
	at, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], time.Local)
	if err != nil {
		return b, false
	}
	b.At = at
	if suffix := rest[len(backupStamp):]; suffix != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(suffix, "-"))
		if err != nil || !strings.HasPrefix(suffix, "-") || n < 1 {
			return b, false
		}
		b.seq = n
	}
	return b, true
}

// BackupOptions say where a backup goes and whether it is encrypted.
type BackupOptions struct {
	// To is the file to write; "" puts it in the backups folder beside the
	// database, where only the last KeepBackups are kept.
	To string
	// Passphrase, when set, encrypts the backup with age, for a copy that
	// leaves the laptop.
	Passphrase string
	// WorkFactor is the scrypt cost of the encryption; 0 is
	// DefaultWorkFactor. Tests lower it.
	WorkFactor int
}

// Backup writes a consistent copy of the database while it stays in use
// (VACUUM INTO) and returns the file written. The copy is owner-only; a file
// that already exists is never overwritten. A copy to a path of the
// officer's choosing goes through outfile: written whole or not at all, or
// streamed to a device or pipe (/dev/stdout), never over a file.
func (s *Store) Backup(ctx context.Context, now time.Time, opt BackupOptions) (string, error) {
	if opt.To != "" {
		if err := s.backupTo(ctx, opt); err != nil {
			return "", fmt.Errorf("backup to %s: %w", opt.To, err)
		}
		return opt.To, nil
	}
	dest, err := s.newBackupFile(now, opt.Passphrase != "")
	if err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := s.writeBackup(ctx, dest, opt); err != nil {
		os.Remove(dest)
		return "", fmt.Errorf("backup to %s: %w", dest, err)
	}
	if err := s.pruneBackups(); err != nil {
		return dest, fmt.Errorf("backup: %w", err)
	}
	return dest, nil
}

// backupTo makes the copy in the private backups folder, then writes it, or
// its encryption, to opt.To. SQLite's VACUUM INTO needs a file it can seek
// in, which a pipe is not.
func (s *Store) backupTo(ctx context.Context, opt BackupOptions) error {
	if err := outfile.Check(opt.To); err != nil {
		return err
	}
	plain, err := s.newBackupFile(s.now(), false)
	if err != nil {
		return err
	}
	defer os.Remove(plain)
	if err := s.vacuumInto(ctx, plain); err != nil {
		return err
	}
	in, err := os.Open(plain)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = outfile.WriteWith(opt.To, false, func(w io.Writer) error {
		if opt.Passphrase == "" {
			_, err := io.Copy(w, in)
			return explain(err)
		}
		return encryptStream(in, w, opt.Passphrase, opt.WorkFactor)
	})
	return err
}

// BackupDue reports whether the day's backup is still to be taken: the file
// holds records and no backup in the backups folder was taken on now's day.
// It only lists a folder (and counts two tables), so the app asks it at every
// start before the day's whole-file work.
func (s *Store) BackupDue(ctx context.Context, now time.Time) (bool, error) {
	list, err := listBackups(s.path)
	if err != nil {
		return false, fmt.Errorf("daily backup: %w", err)
	}
	today := now.In(time.Local)
	for _, b := range list {
		if y, m, d := b.At.Date(); y == today.Year() && m == today.Month() && d == today.Day() {
			return false, nil
		}
	}
	empty, err := s.IsEmpty(ctx)
	return !empty, err
}

// DailyBackup takes the day's backup into the backups folder when it is due
// (BackupDue), and reports the file ("" when there was nothing to do). An
// empty database has nothing worth keeping.
func (s *Store) DailyBackup(ctx context.Context, now time.Time) (string, error) {
	if due, err := s.BackupDue(ctx, now); err != nil || !due {
		return "", err
	}
	return s.Backup(ctx, now, BackupOptions{})
}

// newBackupFile creates, empty and owner-only, the next backup file in the
// backups folder.
func (s *Store) newBackupFile(now time.Time, encrypted bool) (string, error) {
	dir := backupDir(s.path)
	if err := os.MkdirAll(dir, privateDir); err != nil {
		return "", fmt.Errorf("create backups folder: %w", err)
	}
	ext := ".db"
	if encrypted {
		ext = ".db.age"
	}
	name := stem(s.path) + "-" + now.In(time.Local).Format(backupStamp)
	for n := 0; n < 100; n++ {
		p := filepath.Join(dir, name+ext)
		if n > 0 {
			p = filepath.Join(dir, name+"-"+strconv.Itoa(n)+ext)
		}
		err := createPrivate(p)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("too many backups taken in one second in %s", dir)
}

// createPrivate creates an empty owner-only file, refusing one that exists.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if err != nil {
		return err
	}
	return f.Close()
}

// writeBackup fills dest, an empty file, with a copy of the database: a plain
// SQLite file, or an age file made from a plain copy that lives only in the
// private backups folder while it is encrypted.
func (s *Store) writeBackup(ctx context.Context, dest string, opt BackupOptions) error {
	if opt.Passphrase == "" {
		return s.vacuumInto(ctx, dest)
	}
	plain, err := s.newBackupFile(s.now(), false)
	if err != nil {
		return err
	}
	defer os.Remove(plain)
	if err := s.vacuumInto(ctx, plain); err != nil {
		return err
	}
	return encryptFile(plain, dest, opt.Passphrase, opt.WorkFactor)
}

// vacuumInto writes the database into the empty file dest and makes it
// durable before returning.
func (s *Store) vacuumInto(ctx context.Context, dest string) error {
	err := s.wholeFilePass(ctx, func(conn *sql.Conn) error {
		_, err := conn.ExecContext(ctx, "VACUUM INTO ?", dest)
		return explain(err)
	})
	if err != nil {
		return err
	}
	return syncFile(dest)
}

// syncFile flushes a file written by someone else (SQLite) to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return explain(err)
	}
	return f.Close()
}

// pruneBackups keeps the newest KeepBackups backups.
func (s *Store) pruneBackups() error {
	list, err := listBackups(s.path)
	if err != nil {
		return fmt.Errorf("list backups: %w", err)
	}
	for len(list) > KeepBackups {
		if err := os.Remove(list[0].Path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
		list = list[1:]
	}
	return nil
}
