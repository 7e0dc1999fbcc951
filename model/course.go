package model

import "time"

// CourseLength is how many of a client's latest tests and contacts the
// strips on the client's screen show.
const CourseLength = 20

// TestMark is one test result at a time, for the strip of recent tests.
type TestMark struct {
	At     time.Time
	Result TestResult
}

// ContactMark is one contact's outcome at a time, for the strip of recent
// contacts.
type ContactMark struct {
	At      time.Time
	Outcome Outcome
}

// ClientCourse is what the client's charts draw: every recorded stage over
// the supervision, and the latest tests and contacts, oldest first.
type ClientCourse struct {
	Stages   []StageMark
	Tests    []TestMark
	Contacts []ContactMark
}

// Letter is the one letter a test result is drawn with in a strip, so that it
// reads without colour: N negative, P positive, R refused, D dilute or
// invalid, A admitted use; "not tested" is not drawn.
func (v TestResult) Letter() rune {
	switch v {
	case TestNegative:
		return 'N'
	case TestPositive:
		return 'P'
	case TestRefused:
		return 'R'
	case TestDilute:
		return 'D'
	case TestAdmitted:
		return 'A'
	}
	return ' '
}

// Letter is the one letter a contact's outcome is drawn with in a strip: C
// completed, M missed (no-show), F not found (attempted), S rescheduled.
func (v Outcome) Letter() rune {
	switch v {
	case OutcomeCompleted:
		return 'C'
	case OutcomeNoShow:
		return 'M'
	case OutcomeAttempted:
		return 'F'
	case OutcomeRescheduled:
		return 'S'
	}
	return ' '
}

// StageAt returns the stage standing at each of the times, from the spells
// of the recorded stages ("" before the first one), for a step chart.
func StageAt(marks []StageMark, times []time.Time) []Stage {
	spells := StageSpells(marks)
	out := make([]Stage, len(times))
	for i, t := range times {
		for _, s := range spells {
			if s.StandsAt(t) {
				out[i] = s.Stage
				break
			}
		}
	}
	return out
}
