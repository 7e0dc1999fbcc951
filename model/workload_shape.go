package model

import "time"

// ShapeTally is a number of active clients who share a level, a supervision
// type and a current stage ("" when none is recorded).
type ShapeTally struct {
	Level Level
	Type  SupervisionType
	Stage Stage
	N     int
}

// CaseloadShape is what the active caseload is made of.
type CaseloadShape struct {
	Active  int
	ByLevel map[Level]int
	ByType  map[SupervisionType]int
	ByStage map[Stage]int // "" counts the clients with no stage recorded
}

// ShapeOf adds up the active caseload by level, type and stage.
func ShapeOf(tallies []ShapeTally) CaseloadShape {
	sh := CaseloadShape{ByLevel: map[Level]int{}, ByType: map[SupervisionType]int{}, ByStage: map[Stage]int{}}
	for _, t := range tallies {
		sh.Active += t.N
		sh.ByLevel[t.Level] += t.N
		sh.ByType[t.Type] += t.N
		sh.ByStage[t.Stage] += t.N
	}
	return sh
}

// RecentDays is how far back "recently" looks for risk flags and positive
// tests: the last 30 days, today included.
const RecentDays = 30

// RecentSince returns the start of the recent window: local midnight
// RecentDays-1 days before today.
func RecentSince(now time.Time) time.Time {
	return DateOf(now).AddDays(-(RecentDays - 1)).In(now.Location())
}

// MonthStart returns local midnight on the first day of now's month.
func MonthStart(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
}

// SignalContact is what the recent signals need to know about one contact.
type SignalContact struct {
	ClientID string
	At       time.Time
	Test     TestResult
	Flags    []RiskFlag
}

// RecentSignals counts the clients who need a closer look: how many had a
// risk flag, a positive test or admitted use, and a violation recorded, in
// the last 30 days; and how many PHQ-9 screenings this month asked the
// officer to ask about safety now.
type RecentSignals struct {
	RiskFlagged   int
	UseIndicated  int
	Violations    int
	SafetyPrompts int
}

// SignalsOf counts the recent signals as of now. Records outside their
// windows are ignored.
func SignalsOf(now time.Time, contacts []SignalContact, violations []Violation, screenings []Screening) RecentSignals {
	since := RecentSince(now)
	flagged, used := map[string]bool{}, map[string]bool{}
	for _, c := range contacts {
		// A contact dated a little ahead (the app allows a day) still counts.
		if c.At.Before(since) {
			continue
		}
		if len(c.Flags) > 0 {
			flagged[c.ClientID] = true
		}
		if c.Test.UseIndicated() {
			used[c.ClientID] = true
		}
	}
	violated := map[string]bool{}
	for _, v := range violations {
		if !v.At.Before(since) {
			violated[v.ClientID] = true
		}
	}
	sig := RecentSignals{RiskFlagged: len(flagged), UseIndicated: len(used), Violations: len(violated)}
	month := MonthStart(now)
	for _, s := range screenings {
		if !s.At.Before(month) && !s.At.After(now) && s.Result().AskAboutSafetyNow {
			sig.SafetyPrompts++
		}
	}
	return sig
}

// Workload is the officer's week, the caseload's shape and the load against
// a standard, as of Now.
type Workload struct {
	Now       time.Time
	Weeks     []WeekFigures // oldest first; the last is the week under way
	Shape     CaseloadShape
	Signals   RecentSignals
	Standards CaseloadStandards
	Load      Load
}
