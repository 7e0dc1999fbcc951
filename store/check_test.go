package store_test

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/damagetest"
)

func TestFullCheckFindsNothingWrongInADemoCaseload(t *testing.T) {
	s := openAt(t, demoFile(t, 10))
	rep, err := s.FullCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("a fresh demo caseload should be sound, got %+v", rep)
	}
}

func TestFullCheckFindsBrokenInvariants(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, sql, want string
	}{
		{"a referral whose status disagrees with its history",
			"UPDATE referrals SET status = 'cancelled' WHERE id = (SELECT id FROM referrals WHERE status <> 'cancelled' LIMIT 1)",
			"but its history ends at"},
		{"a client summary that no longer matches the records",
			"UPDATE clients SET next_due_at = '2001-01-01T00:00:00.000Z' WHERE id = (SELECT id FROM clients WHERE status = 'active' LIMIT 1)",
			"the caseload shows"},
		{"a note missing from the search index",
			"DELETE FROM notes_fts WHERE rowid = (SELECT rowid FROM notes_fts WHERE kind = 'checkin' LIMIT 1)",
			"missing from the search index"},
		{"an append-only guard dropped",
			"DROP TRIGGER checkins_no_update",
			"checkins_no_update is missing"},
		{"a search index left paused",
			"INSERT INTO fts_pause (one) VALUES (1)",
			"search index is paused"},
		{"a condition's total changed behind its entries",
			"UPDATE conditions SET done = done + 60 WHERE id = (SELECT condition_id FROM condition_progress WHERE kind = 'hours' LIMIT 1)",
			"do not match their progress entries"},
		{"a count of conditions not in compliance changed",
			"UPDATE clients SET not_compliant = not_compliant + 1 WHERE id = (SELECT id FROM clients LIMIT 1)",
			"count of conditions not in compliance"},
		{"a progress guard dropped",
			"DROP TRIGGER condition_progress_no_update",
			"condition_progress_no_update is missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openAt(t, demoFile(t, 4))
			if _, err := s.DB().ExecContext(ctx, c.sql); err != nil {
				t.Fatal(err)
			}
			rep, err := s.FullCheck(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !strings.Contains(strings.Join(rep.Invariants, "\n"), c.want) {
				t.Fatalf("want an invariant finding containing %q, got %+v", c.want, rep)
			}
		})
	}
}

func TestFullCheckFindsDanglingForeignKeys(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, demoFile(t, 4))
	db := s.DB()
	db.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA foreign_keys = OFF",
		"UPDATE referrals SET resource_id = 'gone' WHERE id = (SELECT id FROM referrals LIMIT 1)",
		"PRAGMA foreign_keys = ON"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := s.FullCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.ForeignKeys) == 0 || !strings.Contains(rep.ForeignKeys[0], "missing resources") {
		t.Fatalf("want a dangling referral found, got %+v", rep)
	}
}

func TestFullCheckReportsADamagedPage(t *testing.T) {
	path := demoFile(t, 10)
	damagetest.Root(t, path, "checkins_by_time")
	rep, err := openAt(t, path).FullCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || len(rep.Integrity) == 0 {
		t.Fatalf("want the damage reported, got %+v", rep)
	}
}

// The quick check at the app's start and the full check name the damage
// itself: SQLite's heading before a database's complaints ("*** in
// database main ***") is not counted as one, nor shown as the first.
func TestChecksNameTheDamageNotItsHeading(t *testing.T) {
	path := demoFile(t, 10)
	damagetest.Root(t, path, "checkins_by_time")
	s := openAt(t, path)
	quick, err := s.Check(context.Background())
	if err != nil || len(quick) == 0 {
		t.Fatalf("quick check: %q, %v; want the damage", quick, err)
	}
	full, err := s.FullCheck(context.Background())
	if err != nil || len(full.Integrity) == 0 {
		t.Fatalf("full check: %+v, %v; want the damage", full, err)
	}
	for _, p := range append(quick, full.Integrity...) {
		if strings.HasPrefix(p, "***") || strings.Contains(p, "\n") {
			t.Errorf("%q is given as one problem (of %q and %q); want each line of the damage, without the heading", p, quick, full.Integrity)
		}
	}
	if !strings.Contains(strings.Join(quick, "|"), "page") {
		t.Errorf("quick check %q does not name the damaged page", quick)
	}
}
