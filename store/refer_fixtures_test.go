package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// openFrozen opens a new caseload file whose clock stands still at now.
func openFrozen(t testing.TB, now time.Time) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// rowCount counts a table's rows through a connection of its own, so that a
// test sees exactly what was committed.
func rowCount(t testing.TB, path, table string) int {
	t.Helper()
	return tableCounter(t, path)(table)[table]
}

// rowCounts counts the tables an import or a referral change may touch.
func rowCounts(t testing.TB, path string) map[string]int {
	t.Helper()
	return tableCounter(t, path)(touchedTables...)
}

var touchedTables = []string{"resources", "referrals", "referral_events", "audit_log", "notes_fts"}

// tableCounter opens a read-only connection to the file, closed when t ends,
// and returns a function that counts the rows of tables through it.
func tableCounter(t testing.TB, path string) func(tables ...string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return func(tables ...string) map[string]int {
		parts := make([]string, len(tables))
		counts := make([]int, len(tables))
		dest := make([]any, len(tables))
		for i, table := range tables {
			parts[i] = "(SELECT count(*) FROM " + table + ")"
			dest[i] = &counts[i]
		}
		if err := db.QueryRow("SELECT " + strings.Join(parts, ", ")).Scan(dest...); err != nil {
			t.Fatalf("count %v: %v", tables, err)
		}
		out := map[string]int{}
		for i, table := range tables {
			out[table] = counts[i]
		}
		return out
	}
}

func fixtureClient(t testing.TB, s *store.Store, name, caseNumber string, level model.Level, status model.ClientStatus) model.Client {
	t.Helper()
	c, err := s.CreateClient(context.Background(), model.Client{Name: name, CaseNumber: caseNumber,
		SupervisionType: model.SupervisionProbation, Level: level, Status: status})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fixtureResource(t testing.TB, s *store.Store, r model.Resource) model.Resource {
	t.Helper()
	r, err := s.CreateResource(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fixtureCheckIn records a completed office contact, with the next
// appointment when one is given.
func fixtureCheckIn(t testing.TB, s *store.Store, clientID string, at, next time.Time) {
	t.Helper()
	_, err := s.AddCheckIn(context.Background(), model.CheckIn{ClientID: clientID, At: at, Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested, NextAppointment: next})
	if err != nil {
		t.Fatal(err)
	}
}

// fixtureReferral refers a client and walks the referral through the given
// changes.
func fixtureReferral(t testing.TB, s *store.Store, clientID, resourceID string, on, followUp model.Date, changes ...store.StatusChange) model.Referral {
	t.Helper()
	ctx := context.Background()
	r, err := s.CreateReferral(ctx, model.Referral{ClientID: clientID, ResourceID: resourceID, Reason: "needs help",
		ReferredOn: on, FollowUpOn: followUp}, "referred")
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range changes {
		if _, err := s.ChangeReferralStatus(ctx, r.ID, ch); err != nil {
			t.Fatalf("move referral to %s: %v", ch.To, err)
		}
	}
	r, err = s.Referral(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
