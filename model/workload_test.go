package model

import (
	"math"
	"testing"
	"time"
	_ "time/tzdata" // the fixture's weeks are New York weeks wherever the tests run
)

// The fixture is a New York caseload seen on Thursday 19 November 2026. Its
// five weeks start on 19 and 26 October and 2, 9 and 16 November; the week of
// 26 October runs into November and holds the end of daylight saving time
// (Sunday 1 November, 02:00), so it is 169 hours long.
func newYork(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func nyAt(loc *time.Location, month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, loc)
}

func fixtureNow(loc *time.Location) time.Time { return nyAt(loc, time.November, 19, 10, 0) }

func TestLastWeeksAreLocalMondaysAcrossMonthAndClockChange(t *testing.T) {
	loc := newYork(t)
	weeks := LastWeeks(fixtureNow(loc), 5)
	starts := []time.Time{nyAt(loc, time.October, 19, 0, 0), nyAt(loc, time.October, 26, 0, 0),
		nyAt(loc, time.November, 2, 0, 0), nyAt(loc, time.November, 9, 0, 0), nyAt(loc, time.November, 16, 0, 0)}
	if len(weeks) != len(starts) {
		t.Fatalf("got %d weeks, want %d", len(weeks), len(starts))
	}
	for i, w := range weeks {
		if !w.Start.Equal(starts[i]) {
			t.Errorf("week %d starts %v, want %v", i, w.Start, starts[i])
		}
		if i > 0 && !weeks[i-1].End.Equal(w.Start) {
			t.Errorf("week %d does not start where week %d ends", i, i-1)
		}
	}
	if got := weeks[1].End.Sub(weeks[1].Start); got != 169*time.Hour {
		t.Errorf("the week the clocks go back is %v long, want 169h", got)
	}
	spring := WeekOf(time.Date(2026, time.March, 8, 12, 0, 0, 0, loc))
	if got := spring.End.Sub(spring.Start); got != 167*time.Hour {
		t.Errorf("the week the clocks go forward is %v long, want 167h", got)
	}
	if sunday := WeekOf(nyAt(loc, time.November, 1, 23, 59)); !sunday.Start.Equal(starts[1]) {
		t.Errorf("a Sunday belongs to the week before it: got week of %v", sunday.Start)
	}
}

func fixtureContacts(loc *time.Location) []ContactTally {
	return []ContactTally{
		// Late on Sunday 1 November, after the clocks went back: 04:30 UTC on
		// the 2nd, an hour past a naive seven-times-24-hours week end.
		{At: nyAt(loc, time.November, 1, 23, 30), Type: ContactHome, Outcome: OutcomeCompleted, Test: TestNegative, N: 1},
		{At: nyAt(loc, time.November, 2, 0, 30), Type: ContactOffice, Outcome: OutcomeCompleted, Test: TestPositive, N: 1},
		{At: nyAt(loc, time.October, 31, 20, 0), Type: ContactOffice, Outcome: OutcomeNoShow, Test: TestNotTested, N: 1},
		{At: nyAt(loc, time.October, 26, 0, 10), Type: ContactHome, Outcome: OutcomeAttempted, Test: TestNotTested, N: 1},
		{At: nyAt(loc, time.October, 25, 23, 50), Type: ContactPhone, Outcome: OutcomeCompleted, Test: TestRefused, N: 1},
		{At: nyAt(loc, time.November, 19, 9, 0), Type: ContactVideo, Outcome: OutcomeCompleted, Test: TestAdmitted, N: 1},
		{At: nyAt(loc, time.November, 11, 14, 0), Type: ContactField, Outcome: OutcomeRescheduled, Test: TestNotTested, N: 1},
		{At: nyAt(loc, time.November, 10, 11, 0), Type: ContactCollateral, Outcome: OutcomeCompleted, Test: TestNotTested, N: 3},
		{At: nyAt(loc, time.September, 30, 11, 0), Type: ContactOffice, Outcome: OutcomeCompleted, Test: TestNegative, N: 1},
	}
}

func TestAddContactsCountsEachLocalWeekByHand(t *testing.T) {
	loc := newYork(t)
	figs := NewWeekFigures(LastWeeks(fixtureNow(loc), 5))
	AddContacts(figs, fixtureContacts(loc))
	type want struct {
		contacts, done, missed, rescheduled, tests int
		doneBy                                     map[ContactType]int
		testsBy                                    map[TestResult]int
	}
	wants := []want{
		{1, 1, 0, 0, 1, map[ContactType]int{ContactPhone: 1}, map[TestResult]int{TestRefused: 1}},
		{3, 1, 2, 0, 1, map[ContactType]int{ContactHome: 1}, map[TestResult]int{TestNegative: 1}},
		{1, 1, 0, 0, 1, map[ContactType]int{ContactOffice: 1}, map[TestResult]int{TestPositive: 1}},
		{4, 3, 0, 1, 0, map[ContactType]int{ContactCollateral: 3}, map[TestResult]int{}},
		{1, 1, 0, 0, 1, map[ContactType]int{ContactVideo: 1}, map[TestResult]int{TestAdmitted: 1}},
	}
	for i, w := range wants {
		f := figs[i]
		if f.Contacts != w.contacts || f.DoneTotal != w.done || f.Missed != w.missed || f.Rescheduled != w.rescheduled || f.TestsGiven != w.tests {
			t.Errorf("week %d: contacts %d done %d missed %d rescheduled %d tests %d; want %d %d %d %d %d", i,
				f.Contacts, f.DoneTotal, f.Missed, f.Rescheduled, f.TestsGiven, w.contacts, w.done, w.missed, w.rescheduled, w.tests)
		}
		if !sameCounts(f.Done, w.doneBy) {
			t.Errorf("week %d: done by type %v, want %v", i, f.Done, w.doneBy)
		}
		if !sameCounts(f.Tests, w.testsBy) {
			t.Errorf("week %d: tests %v, want %v", i, f.Tests, w.testsBy)
		}
	}
	if share, ok := figs[2].PositiveShare(); !ok || share != 1 {
		t.Errorf("week 2 positive share %v %v, want 1", share, ok)
	}
	if share, ok := figs[4].PositiveShare(); !ok || share != 1 {
		t.Errorf("admitted use counts as use indicated: share %v %v, want 1", share, ok)
	}
	if share, ok := figs[0].PositiveShare(); !ok || share != 0 {
		t.Errorf("a refusal is a test given, not a positive: share %v %v, want 0", share, ok)
	}
	if share, ok := figs[1].CompletedShare(); !ok || math.Abs(share-1.0/3) > 1e-9 {
		t.Errorf("week 1 completed share %v, want 1/3", share)
	}
	if _, ok := NewWeekFigures(LastWeeks(fixtureNow(loc), 1))[0].CompletedShare(); ok {
		t.Error("a week without contacts has no completed share")
	}
}

func TestAddReferralsByDateMadeAndTimeClosed(t *testing.T) {
	loc := newYork(t)
	figs := NewWeekFigures(LastWeeks(fixtureNow(loc), 5))
	made := []ReferralTally{{On: Date{2026, time.November, 1}, N: 1}, {On: Date{2026, time.November, 2}, N: 2},
		{On: Date{2026, time.October, 18}, N: 5}}
	closed := []ReferralTally{{At: nyAt(loc, time.November, 1, 23, 59), N: 2}, {At: nyAt(loc, time.November, 19, 8, 0), N: 1}}
	AddReferrals(figs, made, closed)
	gotMade := []int{figs[0].ReferralsMade, figs[1].ReferralsMade, figs[2].ReferralsMade, figs[3].ReferralsMade, figs[4].ReferralsMade}
	gotClosed := []int{figs[0].ReferralsClosed, figs[1].ReferralsClosed, figs[2].ReferralsClosed, figs[3].ReferralsClosed, figs[4].ReferralsClosed}
	if !equalInts(gotMade, []int{0, 1, 2, 0, 0}) || !equalInts(gotClosed, []int{0, 2, 0, 0, 1}) {
		t.Errorf("made %v closed %v; want [0 1 2 0 0] and [0 2 0 0 1]", gotMade, gotClosed)
	}
	if !ClosesReferral(ReferralEngaged, ReferralCompleted) || ClosesReferral(ReferralReferred, ReferralScheduled) ||
		ClosesReferral(ReferralScheduled, ReferralWaitlisted) {
		t.Error("only a move out of the open states closes a referral")
	}
}

// Client A (high, every 14 days) was seen on 5 October, then not until 28
// October (overdue from the 20th), missed 11 November and was given an
// appointment for the 13th, which was kept. Client B (moderate) started on
// 20 October and has not been seen. Client C is closed.
func fixtureDue(loc *time.Location) (a, b, c []DueSpell) {
	iv := DefaultIntervals()
	a = DueSpells(DueInput{Status: StatusActive, Level: LevelHigh, SupervisionFrom: Date{2026, time.September, 1},
		Created: nyAt(loc, time.September, 1, 9, 0), Location: loc}, []DueContact{
		{At: nyAt(loc, time.October, 28, 10, 0), Completed: true},
		{At: nyAt(loc, time.October, 5, 10, 0), Completed: true},
		{At: nyAt(loc, time.November, 11, 15, 0), NextAppointment: nyAt(loc, time.November, 13, 10, 0)},
		{At: nyAt(loc, time.November, 13, 10, 0), Completed: true},
	}, iv)
	b = DueSpells(DueInput{Status: StatusActive, Level: LevelModerate, SupervisionFrom: Date{2026, time.October, 20},
		Created: nyAt(loc, time.October, 20, 9, 0), Location: loc}, nil, iv)
	c = DueSpells(DueInput{Status: StatusClosed, Level: LevelLow, Created: nyAt(loc, time.January, 5, 9, 0), Location: loc},
		[]DueContact{{At: nyAt(loc, time.March, 1, 9, 0), Completed: true}}, iv)
	return a, b, c
}

func TestDueSpellsReplayTheNextDueRule(t *testing.T) {
	loc := newYork(t)
	a, b, c := fixtureDue(loc)
	wantA := []DueSpell{
		{Due: nyAt(loc, time.September, 1, 0, 0), From: nyAt(loc, time.September, 1, 0, 0), Until: nyAt(loc, time.October, 5, 10, 0)},
		{Due: nyAt(loc, time.October, 19, 10, 0), From: nyAt(loc, time.October, 5, 10, 0), Until: nyAt(loc, time.October, 28, 10, 0)},
		{Due: nyAt(loc, time.November, 11, 10, 0), From: nyAt(loc, time.October, 28, 10, 0), Until: nyAt(loc, time.November, 11, 15, 0)},
		{Due: nyAt(loc, time.November, 13, 10, 0), From: nyAt(loc, time.November, 11, 15, 0), Until: nyAt(loc, time.November, 13, 10, 0)},
		{Due: nyAt(loc, time.November, 27, 10, 0), From: nyAt(loc, time.November, 13, 10, 0)},
	}
	if len(a) != len(wantA) {
		t.Fatalf("client A has %d spells, want %d: %v", len(a), len(wantA), a)
	}
	for i := range wantA {
		if !a[i].Due.Equal(wantA[i].Due) || !a[i].From.Equal(wantA[i].From) || !a[i].Until.Equal(wantA[i].Until) {
			t.Errorf("spell %d = %v, want %v", i, a[i], wantA[i])
		}
	}
	if len(b) != 1 || !b[0].Due.Equal(nyAt(loc, time.October, 20, 0, 0)) || !b[0].Until.IsZero() {
		t.Errorf("client B: %v, want one open spell due 20 October", b)
	}
	if len(c) != 0 {
		t.Errorf("a closed client has no spells, got %v", c)
	}
}

func TestAddDueCountsContactsDueAndClientsOverdueAtWeekEnd(t *testing.T) {
	loc := newYork(t)
	a, b, c := fixtureDue(loc)
	figs := NewWeekFigures(LastWeeks(fixtureNow(loc), 5))
	AddDue(figs, append(append(a, b...), c...), fixtureNow(loc))
	var due, overdue []int
	for _, f := range figs {
		due, overdue = append(due, f.Due), append(overdue, f.Overdue)
	}
	// Week 0: A's 19 October and B's 20 October; both overdue on the 26th.
	// Week 3: A's missed 11 November and the kept appointment on the 13th.
	if !equalInts(due, []int{2, 0, 0, 2, 0}) {
		t.Errorf("contacts due %v, want [2 0 0 2 0]", due)
	}
	if !equalInts(overdue, []int{2, 1, 1, 1, 1}) {
		t.Errorf("clients overdue %v, want [2 1 1 1 1]", overdue)
	}
}

func TestStageSpellsAndCountsAtWeekEnds(t *testing.T) {
	loc := newYork(t)
	a := StageSpells([]StageMark{
		{At: nyAt(loc, time.October, 30, 9, 0), Stage: StageContemplation},
		{At: nyAt(loc, time.October, 1, 9, 0), Stage: StagePrecontemplation},
		{At: nyAt(loc, time.October, 28, 9, 0), Stage: StageContemplation},
		{At: nyAt(loc, time.November, 12, 9, 0), Stage: StagePreparation},
	})
	if len(a) != 3 || a[1].Stage != StageContemplation || !a[1].Until.Equal(nyAt(loc, time.November, 12, 9, 0)) {
		t.Fatalf("a repeated stage continues its spell: got %v", a)
	}
	// 01:30 on 1 November happens twice in New York; time.Date picks the first.
	b := StageSpells([]StageMark{{At: nyAt(loc, time.November, 1, 1, 30), Stage: StageAction}})
	figs := NewWeekFigures(LastWeeks(fixtureNow(loc), 5))
	AddStages(figs, append(a, b...), func(time.Time) int { return 3 }, fixtureNow(loc))
	wants := []map[Stage]int{
		{StagePrecontemplation: 1, "": 2},
		{StageContemplation: 1, StageAction: 1, "": 1},
		{StageContemplation: 1, StageAction: 1, "": 1},
		{StagePreparation: 1, StageAction: 1, "": 1},
		{StagePreparation: 1, StageAction: 1, "": 1},
	}
	for i, w := range wants {
		if !sameCounts(figs[i].Stages, w) {
			t.Errorf("week %d stages %v, want %v", i, figs[i].Stages, w)
		}
	}
}

func TestShapeOfAddsUpTheActiveCaseload(t *testing.T) {
	sh := ShapeOf([]ShapeTally{
		{LevelHigh, SupervisionProbation, StageAction, 2},
		{LevelHigh, SupervisionParole, "", 1},
		{LevelLow, SupervisionProbation, StageAction, 4},
	})
	if sh.Active != 7 || sh.ByLevel[LevelHigh] != 3 || sh.ByLevel[LevelLow] != 4 ||
		sh.ByType[SupervisionProbation] != 6 || sh.ByType[SupervisionParole] != 1 ||
		sh.ByStage[StageAction] != 6 || sh.ByStage[""] != 1 {
		t.Errorf("shape %+v", sh)
	}
}

func TestSignalsCountClientsInTheLast30DaysAndPromptsThisMonth(t *testing.T) {
	loc := newYork(t)
	now := fixtureNow(loc)
	if got := RecentSince(now); !got.Equal(nyAt(loc, time.October, 21, 0, 0)) {
		t.Fatalf("the last 30 days start %v, want 21 October 00:00", got)
	}
	contacts := []SignalContact{
		{ClientID: "x", At: nyAt(loc, time.October, 20, 23, 0), Flags: []RiskFlag{FlagCraving}},
		{ClientID: "x", At: nyAt(loc, time.October, 21, 0, 0), Flags: []RiskFlag{FlagTrigger}},
		{ClientID: "y", At: nyAt(loc, time.November, 18, 9, 0), Test: TestPositive},
		{ClientID: "y", At: nyAt(loc, time.November, 19, 9, 0), Test: TestAdmitted},
		{ClientID: "z", At: nyAt(loc, time.November, 10, 9, 0), Test: TestNegative, Flags: []RiskFlag{FlagCraving}},
		{ClientID: "w", At: nyAt(loc, time.November, 10, 9, 0), Test: TestDilute},
	}
	phq9 := func(day time.Time, item9 int) Screening {
		return Screening{Instrument: InstrumentPHQ9, At: day, Answers: []int{1, 1, 1, 1, 1, 1, 1, 1, item9}}
	}
	screenings := []Screening{
		phq9(nyAt(loc, time.November, 1, 9, 0), 1),
		phq9(nyAt(loc, time.October, 31, 9, 0), 2),
		phq9(nyAt(loc, time.November, 5, 9, 0), 0),
		{Instrument: InstrumentGAD7, At: nyAt(loc, time.November, 5, 9, 0), Answers: []int{3, 3, 3, 3, 3, 3, 3}},
	}
	violations := []Violation{
		{ClientID: "x", At: nyAt(loc, time.October, 20, 23, 59)},
		{ClientID: "v", At: nyAt(loc, time.October, 21, 0, 0)},
		{ClientID: "v", At: nyAt(loc, time.November, 2, 9, 0)},
		{ClientID: "y", At: nyAt(loc, time.November, 19, 8, 0)},
	}
	got := SignalsOf(now, contacts, violations, screenings)
	if got != (RecentSignals{RiskFlagged: 2, UseIndicated: 1, Violations: 2, SafetyPrompts: 1}) {
		t.Errorf("signals %+v, want 2 flagged, 1 use indicated, 2 with a violation, 1 safety prompt", got)
	}
}

func TestLoadWeighsClientsAgainstTheAPPAStandards(t *testing.T) {
	by := map[Level]int{LevelIntensive: 10, LevelHigh: 20, LevelModerate: 30, LevelLow: 100}
	load := LoadOf(by, APPAStandards())
	// 10×5% + 20×2% + 30×2% + 100×0.5% = 50 + 40 + 60 + 50.
	if load.Clients != 160 || math.Abs(load.Percent-200) > 1e-9 {
		t.Errorf("load %v%% of %d clients, want 200%% of 160", load.Percent, load.Clients)
	}
	if load.Levels[0].Level != LevelIntensive || load.Levels[0].PerClient != 5 || load.Levels[3].PerClient != 0.5 {
		t.Errorf("levels %+v", load.Levels)
	}
	edited := APPAStandards()
	edited[LevelIntensive] = 25
	if got := LoadOf(by, edited).Percent; math.Abs(got-190) > 1e-9 {
		t.Errorf("with intensive at 25:1 the load is %v%%, want 190%%", got)
	}
	if got := LoadOf(map[Level]int{LevelIntensive: 20}, APPAStandards()).Percent; got != 100 {
		t.Errorf("twenty intensive clients are one full caseload: got %v%%", got)
	}
	edited[LevelLow] = 0
	if err := edited.Validate(); err == nil {
		t.Error("a standard of 0 clients per officer must not validate")
	}
	if err := APPAStandards().Validate(); err != nil {
		t.Errorf("the APPA standards do not validate: %v", err)
	}
}

func sameCounts[K comparable](got, want map[K]int) bool {
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	for k, v := range got {
		if v != 0 && want[k] != v {
			return false
		}
	}
	return true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestStripLettersAreDistinctAndStageAtReadsTheSpells(t *testing.T) {
	seen := map[rune]bool{}
	for _, r := range TestResults() {
		if r.Value == TestNotTested {
			continue
		}
		if l := r.Value.Letter(); l == ' ' || seen[l] {
			t.Errorf("test result %s has letter %q, not a distinct one", r.Value, l)
		} else {
			seen[l] = true
		}
	}
	if string([]rune{TestNegative.Letter(), TestPositive.Letter(), TestRefused.Letter(), TestDilute.Letter(), TestAdmitted.Letter()}) != "NPRDA" {
		t.Error("the test letters are N, P, R, D, A")
	}
	seen = map[rune]bool{}
	for _, o := range Outcomes() {
		if l := o.Value.Letter(); l == ' ' || seen[l] {
			t.Errorf("outcome %s has letter %q, not a distinct one", o.Value, l)
		} else {
			seen[l] = true
		}
	}
	loc := newYork(t)
	marks := []StageMark{{At: nyAt(loc, time.March, 1, 9, 0), Stage: StageContemplation}, {At: nyAt(loc, time.June, 1, 9, 0), Stage: StageRecurrence}}
	got := StageAt(marks, []time.Time{nyAt(loc, time.February, 1, 0, 0), nyAt(loc, time.March, 1, 9, 0), nyAt(loc, time.May, 31, 0, 0), nyAt(loc, time.July, 1, 0, 0)})
	want := []Stage{"", StageContemplation, StageContemplation, StageRecurrence}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("stage at point %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// Client D (high, every 14 days) was seen on 5 October and not again; the
// case closed on 30 October and opened again on 16 November. The first
// status stands from the beginning, as the record is often made after
// supervision began. The weeks it
// was open count it, due on the 19th and overdue from the 20th; the two
// weeks it was closed do not; back on the 16th it is overdue at once.
func TestDueSpellsFollowTheStatusOverTime(t *testing.T) {
	loc := newYork(t)
	d := DueSpells(DueInput{Status: StatusActive, Level: LevelHigh, SupervisionFrom: Date{2026, time.September, 1},
		Created: nyAt(loc, time.September, 1, 9, 0), Location: loc, History: []StatusChange{
			{At: nyAt(loc, time.November, 16, 9, 0), Status: StatusActive},
			{At: nyAt(loc, time.September, 1, 9, 0), Status: StatusActive},
			{At: nyAt(loc, time.October, 30, 17, 0), Status: StatusClosed},
		}}, []DueContact{{At: nyAt(loc, time.October, 5, 10, 0), Completed: true}}, DefaultIntervals())
	want := []DueSpell{
		{Due: nyAt(loc, time.September, 1, 0, 0), From: nyAt(loc, time.September, 1, 0, 0), Until: nyAt(loc, time.October, 5, 10, 0)},
		{Due: nyAt(loc, time.October, 19, 10, 0), From: nyAt(loc, time.October, 5, 10, 0), Until: nyAt(loc, time.October, 30, 17, 0)},
		{Due: nyAt(loc, time.October, 19, 10, 0), From: nyAt(loc, time.November, 16, 9, 0)},
	}
	if len(d) != len(want) {
		t.Fatalf("client D has %d spells, want %d: %v", len(d), len(want), d)
	}
	for i := range want {
		if !d[i].Due.Equal(want[i].Due) || !d[i].From.Equal(want[i].From) || !d[i].Until.Equal(want[i].Until) {
			t.Errorf("spell %d = %v, want %v", i, d[i], want[i])
		}
	}
	if got := d[2].OverdueFrom(); !got.Equal(nyAt(loc, time.November, 16, 9, 0)) {
		t.Errorf("back under supervision already late, overdue from %v, want the reopening", got)
	}
	// fixtureNow's weeks start 19 and 26 Oct, 2, 9 and 16 Nov; each is read
	// at its end (midnight before the next Monday), the last now, the 19th.
	// Reopened at 9:00 on the 16th, D is not overdue at the 16th's midnight.
	figs := NewWeekFigures(LastWeeks(fixtureNow(loc), 5))
	AddDue(figs, d, fixtureNow(loc))
	var due, overdue []int
	for _, f := range figs {
		due, overdue = append(due, f.Due), append(overdue, f.Overdue)
	}
	if !equalInts(due, []int{1, 0, 0, 0, 0}) || !equalInts(overdue, []int{1, 0, 0, 0, 1}) {
		t.Errorf("due %v and overdue %v, want [1 0 0 0 0] and [1 0 0 0 1]", due, overdue)
	}
}

func TestDueSpellsWithoutHistoryUseTheStatus(t *testing.T) {
	in := DueInput{Status: StatusClosed, Level: LevelHigh, Created: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
	if s := DueSpells(in, nil, DefaultIntervals()); len(s) != 0 {
		t.Errorf("a closed client without history has spells: %v", s)
	}
	in.Status = StatusActive
	if s := DueSpells(in, nil, DefaultIntervals()); len(s) != 1 || !s[0].Until.IsZero() {
		t.Errorf("an active client without history: %v, want one open spell", s)
	}
}
