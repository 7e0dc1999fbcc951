// Package store keeps the caseload in one SQLite file: the schema as embedded
// migrations, one Store whose methods take a context and return model types,
// every write one transaction.
package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/google/uuid"
	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors the UI can test with errors.Is.
var (
	ErrNotFound      = errors.New("not found")
	ErrNotCaseload   = errors.New("not a caseload database")
	ErrNewerVersion  = errors.New("made by a newer version of caseload")
	ErrAlreadyExists = errors.New("already exists")
	ErrBusy          = errors.New("another caseload window is writing to this file and has not finished: close the other window, or wait and try again")
	ErrDiskFull      = errors.New("the disk is full: nothing was saved; free some space and try again")
	ErrReadOnly      = errors.New("the file is read-only, so caseload cannot save to it: give yourself write permission on it")
	ErrReadOnlyDir   = errors.New("the folder holding the file is read-only, and caseload needs to write its journal beside the file: give yourself write permission on the folder")
	ErrDamaged       = errors.New("the file is damaged: restore a backup with `caseload restore`")
	// ErrNoFile is a path with no file, given to Open with Existing.
	ErrNoFile = errors.New("no caseload there")
	// ErrSupervisorFile is a write to an officer's record in a
	// supervisor's file, which holds the team's caseloads as the agency's
	// server sends them.
	ErrSupervisorFile = errors.New("this is a supervisor's file: its records are the officers', changed only on their laptops; " +
		"you can transfer a case (caseload transfer) and keep the agency's resource directory")
)

// Store is an open caseload file.
type Store struct {
	db    *sql.DB
	path  string
	now   func() time.Time
	busy  time.Duration
	fixed []string
	// existing refuses a path with no file rather than start a caseload.
	existing bool
	cacheKiB int // each connection's page cache

	statements statementCache
	pairs      sync.Mutex // one readTogether at a time takes its connections

	// testHookBetweenSnapshots runs between the first reads of
	// readTogether's two readers, where a save must not land.
	testHookBetweenSnapshots func()
	// testHookWholeFilePass runs on the connection of each pass over the
	// whole file, before the pass.
	testHookWholeFilePass func(*sql.Conn)
}

// Option changes how a Store is opened.
type Option func(*Store)

// WithClock makes the store stamp records with now() instead of the wall
// clock; tests freeze time with it.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Existing makes Open refuse a path with no file (ErrNoFile), creating
// nothing, rather than start a new caseload there: a command that reads or
// changes a caseload must not turn a mistyped path into an empty one.
func Existing() Option { return func(s *Store) { s.existing = true } }

// ShortLived opens the file for one command that reads what it needs
// about once and exits (an export, a report): each connection keeps a small
// page cache. A cache serves pages read again, which such a command hardly
// does, and every page of it is memory the process must first touch, which
// costs more than the read it saves (a day's export at 10,000 clients took
// 115 ms with 2 MB of cache and 98 ms with 256 KiB).
func ShortLived() Option { return func(s *Store) { s.cacheKiB = shortLivedCacheKiB } }

// shortLivedCacheKiB is a short-lived command's page cache: the top pages
// of the indexes a query walks, and little more.
const shortLivedCacheKiB = 256

// ManyWrites opens the file for a command that may write a great many
// records in one run (a sync, whose first pull brings a whole caseload):
// each connection may keep a large page cache, so that the pages of the
// indexes every record goes into stay in memory from one page of the pull
// to the next instead of being written out and read back. A cache grows
// only as pages are read, so an everyday sync costs no more for it. The
// first pull of 10,000 clients took 90 s with 2 MB and 82 s with 64 MiB.
func ManyWrites() Option { return func(s *Store) { s.cacheKiB = manyWritesCacheKiB } }

// manyWritesCacheKiB is the page cache of a command that writes much.
const manyWritesCacheKiB = 64 << 10

// defaultBusyTimeout is how long a write waits for another window's write to
// finish before it gives up with ErrBusy.
const defaultBusyTimeout = 5 * time.Second

// WithBusyTimeout changes how long a write waits for another window to finish
// writing (5 s by default).
func WithBusyTimeout(d time.Duration) Option { return func(s *Store) { s.busy = d } }

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// Open opens the caseload at path, creating it (and its directory, 0700) when
// it does not exist, and brings its schema up to date. A file that is not a
// caseload database, or one from a newer version, is refused and left as it
// was.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now, busy: defaultBusyTimeout, cacheKiB: connCacheKiB}
	for _, o := range opts {
		o(s)
	}
	if err := prepareFile(path, s.existing); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := checkWritable(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsnCache(path, false, s.busy, s.cacheKiB))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// A few connections let a read run while a write commits; SQLite
	// serialises the writes themselves.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(keptConns)
	db.SetConnMaxIdleTime(0)
	s.db = db
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// prepare checks the file is a caseload this version can read before
// anything writes to it, then turns on the write-ahead log (a setting the
// file keeps, so it is set once here rather than on every connection) and
// brings the schema up to date. The check runs on the store's own
// connection: a second connection only to look would parse the whole schema
// once more, a few milliseconds of every start.
func (s *Store) prepare(ctx context.Context) error {
	if err := inspectDB(ctx, s.db); err != nil {
		return err
	}
	fixed, err := fixPermissions(s.path)
	if err != nil {
		return err
	}
	s.fixed = fixed
	// WAL survives a crash mid-write.
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return explain(err)
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if err := s.backfillSpells(ctx); err != nil {
		return err
	}
	return s.refreshLeftStale(ctx)
}

// maxConns is how many connections may be open at once: the app's start
// runs its first page, the count, the filter's index and the quick check
// together, and a long summary reads over two while a third holds the lock.
const maxConns = 4

// keptConns is how many connections stay open between reads. Each holds
// its own parse of the schema (over a hundred tables, indexes and
// triggers), about 2 MiB the app would keep for as long as it runs: two
// serve a read beside a write, and the rare third or fourth is opened for
// its reads (a few milliseconds) and closed after. Keeping all four held
// the app at 10,000 clients at 38-42 MiB after a filter and the export
// dialog; keeping two, 36-39.
const keptConns = 2

// connCacheKiB is each connection's page cache, set deliberately small. A
// page the cache lacks is a read from the operating system's cache, a few
// microseconds; a page it holds is memory the app keeps for as long as it
// runs, times each connection kept, and memory a short command must allocate
// and hand back (16 MB each made a one-day export wait on the allocator and
// the app's quick check hold over 100 MB). The pages a screen reads are
// few, and stay within 2 MB.
const connCacheKiB = 2000

// dsn puts the per-connection pragmas in the DSN so that every pooled
// connection gets them. None of them writes to the file, so a file that
// turns out not to be a caseload is left as it was. synchronous=FULL makes
// a commit durable before it returns; immediate transactions take the write
// lock at BEGIN so a second window waits instead of failing mid-transaction.
func dsn(path string, readOnly bool, busy time.Duration) string {
	return dsnCache(path, readOnly, busy, connCacheKiB)
}

// dsnCache is dsn with each connection's page cache in KiB.
func dsnCache(path string, readOnly bool, busy time.Duration, cacheKiB int) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	if readOnly {
		q.Add("mode", "ro")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", cacheKiB))
		// Statement journals (every insert that fires a trigger has one) stay
		// in memory rather than in temporary files.
		q.Add("_pragma", "temp_store(MEMORY)")
		q.Add("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// prepareFile makes the directory (0700) and an empty file (0600) so that
// SQLite never creates the file with the process umask; with existing it
// refuses instead, creating nothing.
func prepareFile(path string, existing bool) error {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return errors.New("is a directory, not a caseload database file")
	case err == nil:
		return checkHeader(path, info.Size())
	case !errors.Is(err, os.ErrNotExist):
		return err
	case existing:
		return ErrNoFile
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return ErrReadOnlyDir
		}
		return fmt.Errorf("create directory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil // another process is making it; SQLite waits for it
		}
		if errors.Is(err, fs.ErrPermission) {
			return ErrReadOnlyDir
		}
		return fmt.Errorf("create file: %w", err)
	}
	return f.Close()
}

// checkHeader refuses a file that is not SQLite before SQLite touches it, and
// one whose header says it is longer than it is: a copy cut off half-way. An
// empty file found there is a copy that never got its first byte, not a new
// caseload: Open makes a new one itself, and SQLite fills it at once.
func checkHeader(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%w (the file is empty: a copy that never finished? restore a backup, or remove it to start a new caseload)", ErrNotCaseload)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, 100)
	n, _ := io.ReadFull(f, buf)
	if n < len(sqliteHeader) || string(buf[:len(sqliteHeader)]) != sqliteHeader {
		return ErrNotCaseload
	}
	if n < len(buf) {
		return fmt.Errorf("%w (it ends inside its header)", ErrDamaged)
	}
	pageSize := int64(binary.BigEndian.Uint16(buf[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("%w (its header is garbled)", ErrDamaged)
	}
	// The page count in the header is trusted only when it was written by the
	// same change as the counter beside it, as SQLite itself does. A WAL that
	// holds frames may legitimately be ahead of the main file after a crash in
	// a checkpoint, so the size is judged only when there is none.
	pages := int64(binary.BigEndian.Uint32(buf[28:32]))
	counterMatches := binary.BigEndian.Uint32(buf[24:28]) == binary.BigEndian.Uint32(buf[92:96])
	if counterMatches && pages > 0 && size < pages*pageSize && !hasFrames(path+"-wal") {
		return fmt.Errorf("%w (it is shorter than its header says: it may have been cut off while being copied)", ErrDamaged)
	}
	return nil
}

// hasFrames reports whether a WAL file exists and is not empty.
func hasFrames(wal string) bool {
	info, err := os.Stat(wal)
	return err == nil && info.Size() > 0
}

// inspect checks, through a read-only connection, that a file (a backup
// about to be restored, say) is a caseload this version can read.
func inspect(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", dsn(path, true, defaultBusyTimeout))
	if err != nil {
		return err
	}
	defer db.Close()
	return inspectDB(ctx, db)
}

// inspectDB reads a file's version and application mark: an empty file is
// new, anything else must be a caseload of a schema this version knows.
func inspectDB(ctx context.Context, db *sql.DB) error {
	var version, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return explain(err)
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return explain(err)
	}
	if version == 0 {
		if tables > 0 {
			return ErrNotCaseload
		}
		return nil
	}
	var app string
	err := db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'application'").Scan(&app)
	if errors.Is(err, sql.ErrNoRows) || (err != nil && strings.Contains(err.Error(), "no such table")) {
		return ErrNotCaseload
	}
	if err != nil {
		return explain(err)
	}
	if app != "caseload" {
		return ErrNotCaseload
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema %d; this version knows up to %d): update caseload", ErrNewerVersion, version, len(migrations))
	}
	return nil
}

// explain turns SQLite's terse file errors into words for the officer; an
// error it does not know is returned as it is.
func explain(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return ErrNotCaseload
		case sqlite3.SQLITE_CORRUPT:
			return ErrDamaged
		case sqlite3.SQLITE_FULL:
			return ErrDiskFull
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return ErrBusy
		case sqlite3.SQLITE_READONLY:
			if se.Code() == sqlite3.SQLITE_READONLY_DIRECTORY || se.Code() == sqlite3.SQLITE_READONLY_CANTINIT {
				return ErrReadOnlyDir
			}
			return ErrReadOnly
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("cannot open the file or create its journal beside it (%v): check the permissions of the file and its folder", err)
		case sqlite3.SQLITE_IOERR:
			if isNoSpace(err) {
				return ErrDiskFull
			}
			return fmt.Errorf("the disk reported an error (%v): check the disk, then run `caseload check`", err)
		}
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"):
		return ErrNotCaseload
	case strings.Contains(msg, "database disk image is malformed"):
		return ErrDamaged
	case isNoSpace(err):
		return ErrDiskFull
	case strings.Contains(msg, supervisorFileRefusal):
		return ErrSupervisorFile
	}
	return err
}

// isNoSpace reports whether the operating system said the disk is full.
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "no space left on device")
}

// Close closes the file.
func (s *Store) Close() error {
	s.statements.close()
	return s.db.Close()
}

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// Check runs SQLite's quick_check and returns its complaints; none means the
// file is sound. It reads the whole file, so the app runs it after the first
// frame, once a day.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	err := s.wholeFilePass(ctx, func(conn *sql.Conn) (err error) {
		problems, err = integrityCheck(ctx, conn, "quick_check")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("quick check: %w", err)
	}
	return problems, nil
}

// newID returns a fresh UUIDv7: time-ordered, so ids index well and two
// laptops can merge their files one day without collisions.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Checkpoint folds the write-ahead log into the database file, so that the
// file alone holds everything (before copying it, say). It returns how many
// frames the log still holds that could not be folded in.
func (s *Store) Checkpoint(ctx context.Context) (int, error) {
	var busy, logFrames, done int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return 0, fmt.Errorf("checkpoint: %w", explain(err))
	}
	return logFrames - done, nil
}
