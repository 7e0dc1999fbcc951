package store_test

import (
	"context"
	"fmt"
	"testing"

	"caseload/model"
	"caseload/store"
)

// dueDaysAgree fails the test unless the due-day counters the workload
// screen reads hold exactly what counting the stored due spells gives (the
// conditions of dueSpellRow.count), and hold something.
func dueDaysAgree(t *testing.T, s *store.Store, when string) {
	t.Helper()
	read := func(q string) map[string]int {
		rows, err := s.DB().QueryContext(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var day, kind string
			var n int
			if err := rows.Scan(&day, &kind, &n); err != nil {
				t.Fatal(err)
			}
			out[day+" "+kind] = n
		}
		return out
	}
	counted := read(`SELECT day, kind, n FROM due_days WHERE n <> 0`)
	spells := read(`WITH ev (day, kind) AS (
		SELECT substr(due_at, 1, 10), 'fell_due' FROM due_spells WHERE from_at <= due_at AND until_at > due_day_at
		UNION ALL SELECT substr(overdue_from_at, 1, 10), 'overdue_start' FROM due_spells WHERE overdue_from_at < until_at
		UNION ALL SELECT substr(until_at, 1, 10), 'overdue_end' FROM due_spells
			WHERE overdue_from_at < until_at AND until_at <> '9999-12-31T00:00:00.000Z')
		SELECT day, kind, count(*) FROM ev GROUP BY day, kind`)
	if len(spells) == 0 {
		t.Fatalf("%s: no due spells to count", when)
	}
	if fmt.Sprint(counted) != fmt.Sprint(spells) {
		t.Errorf("%s: the due-day counters\n%v\ndo not match the due spells\n%v", when, counted, spells)
	}
}

// Summing up many clients at once (a pull's clients, every client when the
// contact intervals change) writes the due-day counters once for all of
// them; what they hold must be what each client's own rewrite would add up
// to.
func TestDueDayCountersMatchTheSpellsAfterSummingUpManyClients(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	var page []store.PulledRow
	for i := 0; i < 6; i++ {
		level := []model.Level{model.LevelHigh, model.LevelModerate, model.LevelLow}[i%3]
		c, err := s.CreateClient(ctx, model.Client{Name: fmt.Sprintf("Counted %d", i), CaseNumber: fmt.Sprintf("C-%d", i),
			SupervisionType: model.SupervisionProbation, Level: level, Status: model.StatusActive})
		if err != nil {
			t.Fatal(err)
		}
		// Check-ins days apart, some clients' sparse enough to fall overdue.
		for k := 0; k < 8; k++ {
			page = append(page, pulledCheckIn(i*1000+k*(3+7*i)*24*60, c.ID, "counted"))
		}
	}
	if _, err := s.ApplyPulled(ctx, store.SyncCheckIns, page, store.Cursor{TxID: "9", RowID: "x"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RefreshStale(ctx); err != nil || n != 6 {
		t.Fatalf("summed up %d clients (%v), want 6", n, err)
	}
	dueDaysAgree(t, s, "after a pull")

	// A second pull rewrites the spells of the client it touches: the
	// counters lose what the old spells counted and gain the new.
	again := pulledCheckIn(0, page[0].Values["client_id"].(string), "again")
	again.Values["id"] = "0193a000-0000-7000-9000-000000000001"
	again.Values["at"], again.Values["created_at"] = "2026-02-20T10:00:00.000Z", "2026-02-20T10:00:00.000Z"
	if _, err := s.ApplyPulled(ctx, store.SyncCheckIns, []store.PulledRow{again}, store.Cursor{TxID: "10", RowID: "y"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RefreshStale(ctx); err != nil || n != 1 {
		t.Fatalf("summed up %d clients (%v), want 1", n, err)
	}
	dueDaysAgree(t, s, "after a second pull")

	// A file that does not sync sets its own intervals: every client is
	// summed up again.
	local := openAt(t, demoFile(t, 30))
	dueDaysAgree(t, local, "the demo caseload")
	set, err := local.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.Intervals[model.LevelHigh] = 3
	set.Intervals[model.LevelLow] = 45
	if err := local.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	dueDaysAgree(t, local, "after the contact intervals changed")
}
