package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
)

// A file made at schema 3 turns its clients' free-text conditions into
// condition records on open, each exactly as written, and keeps the text.
func TestFileFromSchemaThreeTurnsConditionsIntoRecords(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	db, err := sql.Open("sqlite", dsn(path, false, defaultBusyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range migrations[:3] {
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("set up a schema-3 file: %v", err)
		}
	}
	texts := map[string]string{
		"c1": "Complete 40 hours community service; Pay restitution $1,250.00\nRandom drug testing\n\nNo firearms  ",
		"c2": "",
		"c3": "Curfew 10pm–6am; curfew 10pm–6am",
	}
	for _, stmt := range []string{"PRAGMA user_version = 3",
		`INSERT INTO clients (id, name, case_number, supervision_type, level, status, supervision_from, conditions, created_at, updated_at, sort_name)
		 VALUES ('c1', 'Ann Lee', 'A-1', 'probation', 'high', 'active', '2025-06-01', '` + texts["c1"] + `', '2025-06-02T09:00:00.000Z', '2025-06-02T09:00:00.000Z', 'ann lee'),
		        ('c2', 'Bo Chan', 'A-2', 'parole', 'low', 'active', '', '', '2025-07-01T09:00:00.000Z', '2025-07-01T09:00:00.000Z', 'bo chan'),
		        ('c3', 'Cy Diaz', 'A-3', 'parole', 'low', 'closed', '', '` + texts["c3"] + `', '2025-08-04T09:00:00.000Z', '2025-08-04T09:00:00.000Z', 'cy diaz')`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("set up a schema-3 file: %v", err)
		}
	}
	db.Close()

	s, err := Open(ctx, path, WithClock(func() time.Time { return frozenNow }))
	if err != nil {
		t.Fatalf("open a schema-3 file: %v", err)
	}
	for id, ordered := range map[string]model.Date{"c1": {Year: 2025, Month: 6, Day: 1}, "c2": {}, "c3": {Year: 2025, Month: 8, Day: 4}} {
		want := model.ConditionsFromText(id, texts[id], ordered)
		got, err := s.Conditions(ctx, id, model.DateOf(frozenNow))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d conditions, want %d", id, len(got), len(want))
		}
		for i, w := range want {
			g := got[i].Condition
			if g.Wording != w.Wording || g.Kind != w.Kind || g.Target != w.Target || g.OrderedOn != w.OrderedOn || g.Status != w.Status {
				t.Errorf("%s condition %d = %+v, want %+v", id, i, g, w)
			}
		}
		c, _, err := s.Client(ctx, id)
		if err != nil || c.Conditions != texts[id] {
			t.Errorf("%s: the free text became %q (%v), want it kept", id, c.Conditions, err)
		}
	}
	// The pieces, in order, as the officer typed them.
	got, _ := s.Conditions(ctx, "c1", model.DateOf(frozenNow))
	words := []string{"Complete 40 hours community service", "Pay restitution $1,250.00", "Random drug testing", "No firearms"}
	for i, w := range words {
		if got[i].Condition.Wording != w {
			t.Errorf("condition %d says %q, want %q", i, got[i].Condition.Wording, w)
		}
	}
	if got[0].Progress.Text != "0 of 40 hours" || got[1].Progress.Text != "$0.00 of $1,250.00" {
		t.Errorf("progress after conversion: %q, %q", got[0].Progress.Text, got[1].Progress.Text)
	}
	s.Close()
	// Opening again converts nothing twice.
	s, err = Open(ctx, path, WithClock(func() time.Time { return frozenNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := count(t, s, "conditions"); n != 6 {
		t.Errorf("%d conditions after a second open, want 6", n)
	}
}
