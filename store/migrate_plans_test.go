package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
)

// A file made before plans existed gains the new tables on open and keeps
// its records.
func TestFileFromSchemaOneGainsPlansOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	first, err := migrationFiles.ReadFile(migrations[0])
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, false, defaultBusyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{string(first), "PRAGMA user_version = 1",
		`INSERT INTO clients (id, name, case_number, supervision_type, level, status, created_at, updated_at, sort_name)
		 VALUES ('c1', 'Ann Lee', 'A-1', 'probation', 'high', 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Lee Ann')`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("set up a schema-1 file: %v", err)
		}
	}
	db.Close()

	s, err := Open(ctx, path, WithClock(func() time.Time { return frozenNow }))
	if err != nil {
		t.Fatalf("open a schema-1 file: %v", err)
	}
	defer s.Close()
	if _, err := s.AddScreening(ctx, model.Screening{ClientID: "c1", Instrument: model.InstrumentGAD2, At: frozenNow, Answers: []int{0, 1}}); err != nil {
		t.Fatalf("screening on an upgraded file: %v", err)
	}
	if n := count(t, s, "clients"); n != 1 {
		t.Errorf("%d clients after the upgrade, want 1", n)
	}
}
