// Package store keeps the caseload in one SQLite file: the schema as embedded
// migrations, one Store whose methods take a context and return model types,
// every write one transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Errors the UI can test with errors.Is.
var (
	ErrNotFound      = errors.New("not found")
	ErrNotCaseload   = errors.New("not a caseload database")
	ErrNewerVersion  = errors.New("made by a newer version of caseload")
	ErrAlreadyExists = errors.New("already exists")
)

// Store is an open caseload file.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time

	// statements are prepared once per store: parsing SQL costs more than
	// running a small insert.
	mu         sync.Mutex
	statements map[string]*sql.Stmt
}

// Option changes how a Store is opened.
type Option func(*Store)

// WithClock makes the store stamp records with now() instead of the wall
// clock; tests freeze time with it.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// Open opens the caseload at path, creating it (and its directory, 0700) when
// it does not exist, and brings its schema up to date. A file that is not a
// caseload database, or one from a newer version, is refused and left as it
// was.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now, statements: map[string]*sql.Stmt{}}
	for _, o := range opts {
		o(s)
	}
	if err := prepareFile(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := inspect(ctx, path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// A few connections let a read run while a write commits; SQLite
	// serialises the writes themselves.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(0)
	s.db = db
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// dsn puts the per-connection pragmas in the DSN so that every pooled
// connection gets them. WAL survives a crash mid-write; synchronous=FULL makes
// a commit durable before it returns; immediate transactions take the write
// lock at BEGIN so a second window waits instead of failing mid-transaction.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	if readOnly {
		q.Add("mode", "ro")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		// 16 MB of page cache per connection keeps a big caseload's indexes
		// in memory (the default is 2 MB).
		q.Add("_pragma", "cache_size(-16000)")
		// Statement journals (every insert that fires a trigger has one) stay
		// in memory rather than in temporary files.
		q.Add("_pragma", "temp_store(MEMORY)")
		q.Add("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// prepareFile makes the directory (0700) and an empty file (0600) so that
// SQLite never creates the file with the process umask.
func prepareFile(path string) error {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return errors.New("is a directory, not a caseload database file")
	case err == nil:
		return checkHeader(path, info.Size())
	case !errors.Is(err, os.ErrNotExist):
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create directory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil // another process made it first; it is checked next
		}
		return fmt.Errorf("create file: %w", err)
	}
	return f.Close()
}

// checkHeader refuses a file that is not SQLite before SQLite touches it.
func checkHeader(path string, size int64) error {
	if size == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, buf); err != nil || string(buf) != sqliteHeader {
		return ErrNotCaseload
	}
	return nil
}

// inspect reads the file's version through a read-only connection, before any
// pragma that would write (journal_mode), so a refused file stays untouched.
func inspect(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
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
	err = db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'application'").Scan(&app)
	if err != nil || app != "caseload" {
		return ErrNotCaseload
	}
	if version > len(migrations) {
		return fmt.Errorf("%w (schema %d; this version knows up to %d): update caseload", ErrNewerVersion, version, len(migrations))
	}
	return nil
}

// explain turns SQLite's terse file errors into words for the officer.
func explain(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "SQLITE_NOTADB"):
		return ErrNotCaseload
	case strings.Contains(msg, "database disk image is malformed"), strings.Contains(msg, "SQLITE_CORRUPT"):
		return fmt.Errorf("the file is damaged (%v): restore a backup", err)
	}
	return err
}

// Close closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.statements {
		st.Close()
	}
	s.statements = nil
	s.mu.Unlock()
	return s.db.Close()
}

// prepared returns the store's prepared statement for query, preparing it on
// first use; database/sql re-prepares it on each pooled connection as needed.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.statements[query]; ok {
		return st, nil
	}
	if s.statements == nil {
		return nil, errors.New("the store is closed")
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.statements[query] = st
	return st, nil
}

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// Check runs SQLite's quick_check and returns its complaints; none means the
// file is sound. It reads the whole file, so the app runs it after the first
// frame.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return nil, fmt.Errorf("quick check: %w", explain(err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("quick check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	return problems, rows.Err()
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
