package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
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

// A file at schema 2 gains the export log's recipient column on open; the
// summaries already in its log stay the officer's own.
func TestFileFromSchemaTwoGainsTheExportRecipient(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	db, err := sql.Open("sqlite", dsn(path, false, defaultBusyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range migrations[:2] {
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("set up a schema-2 file: %v", err)
		}
	}
	for _, stmt := range []string{"PRAGMA user_version = 2",
		`INSERT INTO settings (key, value) VALUES ('application', 'caseload') ON CONFLICT (key) DO NOTHING`,
		`INSERT INTO exports (id, at, range_from, range_to, format, redacted, records, destination, sha256)
		 VALUES ('x1', '2026-11-20T17:00:00.000Z', '2026-11-20T05:00:00.000Z', '2026-11-20T17:00:00.000Z', 'md', 0, 3, '/home/o/s.md', 'ab')`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("set up a schema-2 file: %v", err)
		}
	}
	db.Close()

	s, err := Open(ctx, path, WithClock(func() time.Time { return frozenNow }))
	if err != nil {
		t.Fatalf("open a schema-2 file: %v", err)
	}
	defer s.Close()
	last, err := s.LastExport(ctx)
	if err != nil || last.ID != "x1" || last.Recipient != "" {
		t.Fatalf("last export after the upgrade = %+v, %v; want x1, the officer's own", last, err)
	}
	shared := model.Export{At: frozenNow, From: frozenNow.Add(-time.Hour), To: frozenNow, Format: "md",
		Records: 1, Destination: "/home/o/for.md", SHA256: strings.Repeat("cd", 32), Recipient: "Harbor Clinic"}
	if _, err := s.RecordExport(ctx, shared); err != nil {
		t.Fatalf("record a shared summary on an upgraded file: %v", err)
	}
	list, err := s.Exports(ctx, 0, 0)
	if err != nil || len(list) != 2 || list[0].Recipient != "Harbor Clinic" {
		t.Fatalf("exports = %+v, %v; want the shared one first, with its recipient", list, err)
	}
	if last, err := s.LastExport(ctx); err != nil || last.ID != "x1" {
		t.Errorf("a shared summary moved the last export: %+v, %v", last, err)
	}
}
