package model

import (
	"reflect"
	"testing"
	"time"
)

// A condition whose entries before the range come already counted (Prior,
// with the status they left) stands at the end of the range exactly where
// it stands when every entry is given.
func TestAConditionsPriorEntriesCountedAheadGiveTheSameStanding(t *testing.T) {
	from, to := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	cond := Condition{ID: "cd", ClientID: "c1", Kind: ConditionProgramme, Wording: "Attend 26 sessions", Target: 26,
		OrderedOn: DateOf(from.AddDate(0, -2, 0)), Status: ConditionNotStarted}
	at := func(d int) time.Time { return from.AddDate(0, 0, d).Add(10 * time.Hour) }
	entry := func(id string, d int, k ProgressKind) ProgressEntry {
		return ProgressEntry{ID: id, ConditionID: "cd", ClientID: "c1", Kind: k, At: at(d)}
	}
	before := []ProgressEntry{entry("p1", -20, ProgressAttended), entry("p2", -13, ProgressMissed), entry("p3", -6, ProgressAttended)}
	lapse := entry("p4", -5, ProgressStatus)
	lapse.Status, lapse.From = ConditionNotCompliant, ConditionInProgress
	before = append(before, lapse, entry("p5", -1, ProgressAttended))
	after := []ProgressEntry{entry("p6", 0, ProgressAttended), entry("p7", 0, ProgressMissed), entry("p8", 3, ProgressAttended)}

	build := func(ca ConditionActivity) SummaryCondition {
		rec := SummaryRecords{From: from, To: to,
			Clients:    []SummaryClient{{Client: ClientHeading{ID: "c1", Name: "Ann Example", CaseNumber: "CR-1"}}},
			Compliance: ComplianceRecords{Conditions: []ConditionActivity{ca}}}
		s := BuildSummary(rec, SummaryOptions{ProducedAt: to})
		if len(s.Clients) != 1 || len(s.Clients[0].Conditions) != 1 {
			t.Fatalf("the summary holds %+v, want the one client's one condition", s.Clients)
		}
		return s.Clients[0].Conditions[0]
	}
	whole := build(ConditionActivity{Condition: cond, Entries: append(append([]ProgressEntry(nil), before...), after...)})

	counted := ConditionActivity{Condition: cond}
	for _, e := range before {
		counted.Condition = counted.Condition.Apply(e)
		counted.Prior.Add(e)
	}
	counted.Entries = after
	ahead := build(counted)

	if whole.Progress.Done != 4 || whole.Progress.Missed != 2 || whole.Condition.Status != ConditionNotCompliant {
		t.Fatalf("with every entry: %+v, status %s; want 4 attended, 2 missed, not in compliance", whole.Progress, whole.Condition.Status)
	}
	if !reflect.DeepEqual(whole, ahead) {
		t.Errorf("counted ahead:\n%+v\nwith every entry:\n%+v", ahead, whole)
	}
	if len(ahead.Entries) != 2 {
		t.Errorf("the range shows %d entries, want its 2", len(ahead.Entries))
	}
}

// The status at the end of the range is the last change up to then in time,
// whatever order the entries come in: an entry dated back is entered, and
// read, after the ones it precedes.
func TestAConditionsStatusIsItsLastChangeInTime(t *testing.T) {
	from, to := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
	cond := Condition{ID: "cd", ClientID: "c1", Kind: ConditionProgramme, Wording: "Attend 26 sessions", Target: 26,
		OrderedOn: DateOf(from.AddDate(0, -2, 0)), Status: ConditionInProgress}
	change := func(id string, at time.Time, to ConditionStatus) ProgressEntry {
		return ProgressEntry{ID: id, ConditionID: "cd", ClientID: "c1", Kind: ProgressStatus, At: at, Status: to}
	}
	lapse := change("p2", from.Add(9*time.Hour), ConditionNotCompliant)
	back := change("p1", from.Add(30*time.Hour), ConditionInProgress)
	for _, entries := range [][]ProgressEntry{{lapse, back}, {back, lapse}} {
		rec := SummaryRecords{From: from, To: to,
			Clients:    []SummaryClient{{Client: ClientHeading{ID: "c1", Name: "Ann Example", CaseNumber: "CR-1"}}},
			Compliance: ComplianceRecords{Conditions: []ConditionActivity{{Condition: cond, Entries: entries}}}}
		s := BuildSummary(rec, SummaryOptions{ProducedAt: to})
		if got := s.Clients[0].Conditions[0].Condition.Status; got != ConditionInProgress {
			t.Errorf("entries read as %s, %s: status %s, want in progress (the later change)", entries[0].ID, entries[1].ID, got)
		}
	}
}
