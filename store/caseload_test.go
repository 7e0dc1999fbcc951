package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

// caseloadFixture makes five clients whose next due dates are known by hand,
// relative to frozenNow (Monday 2026-11-23 15:00):
//
//	Ana    intensive, seen 10 days ago          → due 3 days ago   (overdue)
//	Bruno  high, seen 14 days ago at 09:00      → due today 09:00  (due)
//	Chen   moderate, appointment in 3 days      → due in 3 days    (due)
//	Dana   low, seen yesterday                  → due in 90 days   (not due)
//	Eli    closed                               → nothing due
func caseloadFixture(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openFoundation(t)
	day := func(n int, hour int) time.Time {
		return model.StartOfDay(frozenNow).AddDate(0, 0, n).Add(time.Duration(hour) * time.Hour)
	}
	add := func(name string, level model.Level, status model.ClientStatus, last time.Time, appt time.Time) {
		c, err := s.CreateClient(ctx, model.Client{Name: name, CaseNumber: "CN-" + name, SupervisionType: model.SupervisionProbation,
			Level: level, Status: status, SupervisionFrom: model.DateOf(frozenNow.AddDate(-1, 0, 0))})
		if err != nil {
			t.Fatal(err)
		}
		if last.IsZero() {
			return
		}
		k := model.CheckIn{ClientID: c.ID, At: last, Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
			Test: model.TestNotTested, NextAppointment: appt}
		if _, err := s.AddCheckIn(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	add("Ana", model.LevelIntensive, model.StatusActive, day(-10, 10), time.Time{})
	add("Bruno", model.LevelHigh, model.StatusActive, day(-14, 9), time.Time{})
	add("Chen", model.LevelModerate, model.StatusActive, day(-5, 11), day(3, 10))
	add("Dana", model.LevelLow, model.StatusActive, day(-1, 16), time.Time{})
	add("Eli", model.LevelHigh, model.StatusClosed, day(-200, 10), time.Time{})
	return s
}

func names(rows []model.CaseloadRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Name)
	}
	return strings.Join(out, ",")
}

func TestCaseloadTabsAndSorts(t *testing.T) {
	ctx := context.Background()
	s := caseloadFixture(t)
	tests := []struct {
		tab  model.CaseloadTab
		sort model.CaseloadSort
		want string
	}{
		{model.TabAll, model.SortDue, "Ana,Bruno,Chen,Dana,Eli"},
		{model.TabAll, model.SortName, "Ana,Bruno,Chen,Dana,Eli"},
		{model.TabAll, model.SortLastContact, "Eli,Bruno,Ana,Chen,Dana"},
		{model.TabDue, model.SortDue, "Ana,Bruno,Chen"},
		{model.TabDue, model.SortLastContact, "Bruno,Ana,Chen"},
		{model.TabOverdue, model.SortDue, "Ana"},
	}
	for _, tt := range tests {
		q := model.CaseloadQuery{Tab: tt.tab, Sort: tt.sort, Limit: 40, Now: frozenNow}
		rows, err := s.CaseloadPage(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(rows); got != tt.want {
			t.Errorf("tab %s sort %s = %s, want %s", tt.tab, tt.sort, got, tt.want)
		}
		n, err := s.CaseloadCount(ctx, q)
		if err != nil || n != len(rows) {
			t.Errorf("count for tab %s = %d (%v), want %d", tt.tab, n, err, len(rows))
		}
	}
}

func TestCaseloadRowsCarryDueStates(t *testing.T) {
	s := caseloadFixture(t)
	rows, err := s.CaseloadPage(context.Background(), model.CaseloadQuery{Sort: model.SortName, Limit: 40, Now: frozenNow})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]model.DueState{"Ana": model.DueOverdue, "Bruno": model.DueToday, "Chen": model.DueThisWeek,
		"Dana": model.DueLater, "Eli": model.DueNone}
	for _, r := range rows {
		if got := r.DueState(frozenNow); got != want[r.Name] {
			t.Errorf("%s due state = %v, want %v (next due %v)", r.Name, got, want[r.Name], r.NextDue)
		}
	}
}

func TestCaseloadFilterAndPaging(t *testing.T) {
	ctx := context.Background()
	s := caseloadFixture(t)
	for filter, want := range map[string]string{"an": "Ana,Dana", "CN-ch": "Chen", "%": "", "_": "", "zzz": ""} {
		rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Filter: filter, Sort: model.SortName, Limit: 40, Now: frozenNow})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(rows); got != want {
			t.Errorf("filter %q = %s, want %s", filter, got, want)
		}
	}
	page2, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Limit: 2, Offset: 2, Now: frozenNow})
	if err != nil || names(page2) != "Chen,Dana" {
		t.Errorf("second page of two = %s (%v), want Chen,Dana", names(page2), err)
	}
	var idx []ClientIndexEntry
	err = s.ClientIndex(ctx, func(e ClientIndexEntry) { idx = append(idx, e) })
	if err != nil || len(idx) != 5 {
		t.Fatalf("client index = %d entries (%v)", len(idx), err)
	}
	byIDs, err := s.CaseloadPage(ctx, model.CaseloadQuery{IDs: []string{idx[0].ID, idx[4].ID}, Sort: model.SortName, Limit: 40})
	if err != nil || names(byIDs) != "Ana,Eli" {
		t.Errorf("page by ids = %s (%v)", names(byIDs), err)
	}
}

// The filter's names are read from the name index alone, in its order: by
// way of the table, each client is a read somewhere in the file.
func TestClientIndexIsReadFromTheNameIndexAlone(t *testing.T) {
	s := caseloadFixture(t)
	plan := strings.Join(queryPlan(t, s.db, clientIndexRead), "; ")
	if plan != "SCAN c USING COVERING INDEX clients_by_name" {
		t.Errorf("the client index is read by: %s; want clients_by_name alone", plan)
	}
}

func TestCaseloadPageUsesAnIndex(t *testing.T) {
	s := caseloadFixture(t)
	for _, sort := range []model.CaseloadSort{model.SortDue, model.SortName, model.SortLastContact} {
		where, args := caseloadWhere(model.CaseloadQuery{Now: frozenNow})
		plan := queryPlan(t, s.db, "SELECT c.id FROM clients c "+where+" ORDER BY "+caseloadOrder(sort)+" LIMIT 40", args...)
		joined := strings.Join(plan, "; ")
		if strings.Contains(joined, "TEMP B-TREE") || !strings.Contains(joined, "INDEX") {
			t.Errorf("sort %s is not read in index order: %s", sort, joined)
		}
	}
}
