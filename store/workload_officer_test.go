package store_test

import (
	"context"
	"database/sql"
	"testing"

	"caseload/model"
)

// In a supervisor's file each officer's workload is worked out from their
// own clients' records; the officers' figures add up, week by week, to the
// whole file's, which come from the day counters by another road.
func TestEachOfficersWorkloadAddsUpToTheUnits(t *testing.T) {
	ctx := context.Background()
	path := demoFile(t, 40)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE clients SET owner = CASE WHEN rowid % 3 = 0 THEN 'mlopez' ELSE 'jsmith' END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := openAt(t, path)
	const weeks = 8
	unit, err := s.WorkloadOf(ctx, testNow, weeks, "")
	if err != nil {
		t.Fatal(err)
	}
	var parts []model.Workload
	for _, owner := range []string{"jsmith", "mlopez"} {
		wl, err := s.WorkloadOf(ctx, testNow, weeks, owner)
		if err != nil {
			t.Fatal(err)
		}
		if wl.Shape.Active == 0 {
			t.Fatalf("%s has no active clients in the fixture", owner)
		}
		parts = append(parts, wl)
	}
	nobody, err := s.WorkloadOf(ctx, testNow, weeks, "nobody")
	if err != nil || nobody.Shape.Active != 0 || nobody.Weeks[weeks-1].Contacts != 0 {
		t.Errorf("an officer with no clients: %+v %v", nobody.Shape, err)
	}
	sum := func(f func(model.Workload) int) int { return f(parts[0]) + f(parts[1]) }
	busy := false
	for i := range unit.Weeks {
		w := unit.Weeks[i]
		for _, c := range []struct {
			name string
			unit int
			of   func(model.WeekFigures) int
		}{
			{"due", w.Due, func(f model.WeekFigures) int { return f.Due }},
			{"overdue", w.Overdue, func(f model.WeekFigures) int { return f.Overdue }},
			{"contacts", w.Contacts, func(f model.WeekFigures) int { return f.Contacts }},
			{"done", w.DoneTotal, func(f model.WeekFigures) int { return f.DoneTotal }},
			{"missed", w.Missed, func(f model.WeekFigures) int { return f.Missed }},
			{"rescheduled", w.Rescheduled, func(f model.WeekFigures) int { return f.Rescheduled }},
			{"tests", w.TestsGiven, func(f model.WeekFigures) int { return f.TestsGiven }},
			{"referrals made", w.ReferralsMade, func(f model.WeekFigures) int { return f.ReferralsMade }},
			{"referrals closed", w.ReferralsClosed, func(f model.WeekFigures) int { return f.ReferralsClosed }},
		} {
			if got := sum(func(wl model.Workload) int { return c.of(wl.Weeks[i]) }); got != c.unit {
				t.Errorf("week of %s, %s: the officers' add up to %d, the unit's %d", w.Week.Start.Format("2006-01-02"), c.name, got, c.unit)
			}
		}
		for _, o := range model.Stages() {
			if got := sum(func(wl model.Workload) int { return wl.Weeks[i].Stages[o.Value] }); got != w.Stages[o.Value] {
				t.Errorf("week of %s, stage %s: %d, the unit's %d", w.Week.Start.Format("2006-01-02"), o.Value, got, w.Stages[o.Value])
			}
		}
		busy = busy || w.Contacts > 0 && w.Due > 0
	}
	if !busy {
		t.Fatal("the fixture has no week with contacts and due dates")
	}
	for _, c := range []struct {
		name string
		unit int
		of   func(model.Workload) int
	}{
		{"active", unit.Shape.Active, func(wl model.Workload) int { return wl.Shape.Active }},
		{"high", unit.Shape.ByLevel[model.LevelHigh], func(wl model.Workload) int { return wl.Shape.ByLevel[model.LevelHigh] }},
		{"risk flagged", unit.Signals.RiskFlagged, func(wl model.Workload) int { return wl.Signals.RiskFlagged }},
		{"use indicated", unit.Signals.UseIndicated, func(wl model.Workload) int { return wl.Signals.UseIndicated }},
		{"violations", unit.Signals.Violations, func(wl model.Workload) int { return wl.Signals.Violations }},
		{"safety prompts", unit.Signals.SafetyPrompts, func(wl model.Workload) int { return wl.Signals.SafetyPrompts }},
	} {
		if got := sum(c.of); got != c.unit {
			t.Errorf("%s: the officers' add up to %d, the unit's %d", c.name, got, c.unit)
		}
	}
}
