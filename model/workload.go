package model

import "time"

// ContactTally is a number of contacts that share a time, a type, an outcome
// and a test result; N is how many (a single contact has N = 1). The store
// hands over contacts already grouped so that a week's figures never need
// every check-in read one by one.
type ContactTally struct {
	At      time.Time
	Type    ContactType
	Outcome Outcome
	Test    TestResult
	N       int
}

// WeekFigures is what happened in one local week.
type WeekFigures struct {
	Week Week
	// Due is how many clients had a contact fall due during the week; Overdue
	// how many were overdue when the week ended (or now, for this week).
	Due     int
	Overdue int
	// Contacts is every contact logged; Done the completed ones by type;
	// Missed the no-shows and the attempts that did not find the client.
	Contacts    int
	Done        map[ContactType]int
	DoneTotal   int
	Missed      int
	Rescheduled int
	// Tests counts the drug and alcohol tests given by result (refusals
	// included; "not tested" is not a test).
	Tests      map[TestResult]int
	TestsGiven int
	// ReferralsMade counts referrals dated in the week; ReferralsClosed the
	// referrals that left the open states (completed, declined, ...).
	ReferralsMade   int
	ReferralsClosed int
	// Stages counts the active clients in each stage of change at the end of
	// the week; "" holds those with no stage recorded yet.
	Stages map[Stage]int
}

// CompletedShare is the share of the week's contacts that were completed,
// 0 to 1; ok is false when no contact was logged.
func (f WeekFigures) CompletedShare() (share float64, ok bool) {
	if f.Contacts == 0 {
		return 0, false
	}
	return float64(f.DoneTotal) / float64(f.Contacts), true
}

// PositiveShare is the share of the week's tests that were positive or an
// admitted use, 0 to 1; ok is false when no test was given.
func (f WeekFigures) PositiveShare() (share float64, ok bool) {
	if f.TestsGiven == 0 {
		return 0, false
	}
	return float64(f.Tests[TestPositive]+f.Tests[TestAdmitted]) / float64(f.TestsGiven), true
}

// Missed reports whether an outcome means the contact did not happen through
// no doing of the officer's: a no-show, or an attempt that did not find the
// client. A rescheduled contact is neither done nor missed.
func (v Outcome) Missed() bool { return v == OutcomeNoShow || v == OutcomeAttempted }

// UseIndicated reports whether a test result shows use: positive, or use
// admitted.
func (v TestResult) UseIndicated() bool { return v == TestPositive || v == TestAdmitted }

// NewWeekFigures returns empty figures for each week.
func NewWeekFigures(weeks []Week) []WeekFigures {
	out := make([]WeekFigures, len(weeks))
	for i, w := range weeks {
		out[i] = WeekFigures{Week: w, Done: map[ContactType]int{}, Tests: map[TestResult]int{}, Stages: map[Stage]int{}}
	}
	return out
}

// AddContacts counts contacts into the week each falls in; contacts outside
// every week are left out.
func AddContacts(figs []WeekFigures, contacts []ContactTally) {
	weeks := weeksOf(figs)
	for _, c := range contacts {
		i := weekIndex(weeks, c.At)
		if i < 0 {
			continue
		}
		n := c.N
		f := &figs[i]
		f.Contacts += n
		switch {
		case c.Outcome == OutcomeCompleted:
			f.Done[c.Type] += n
			f.DoneTotal += n
		case c.Outcome.Missed():
			f.Missed += n
		case c.Outcome == OutcomeRescheduled:
			f.Rescheduled += n
		}
		if c.Test.Tested() {
			f.Tests[c.Test] += n
			f.TestsGiven += n
		}
	}
}

// ReferralTally is a number of referrals made on one day, or closed at one
// time.
type ReferralTally struct {
	On Date      // the referral's date, for referrals made
	At time.Time // when it left the open states, for referrals closed
	N  int
}

// AddReferrals counts referrals made (by their date) and closed (by the time
// of the change that closed them) into their weeks.
func AddReferrals(figs []WeekFigures, made, closed []ReferralTally) {
	for _, r := range made {
		for i := range figs {
			if figs[i].Week.ContainsDate(r.On) {
				figs[i].ReferralsMade += r.N
				break
			}
		}
	}
	weeks := weeksOf(figs)
	for _, r := range closed {
		if i := weekIndex(weeks, r.At); i >= 0 {
			figs[i].ReferralsClosed += r.N
		}
	}
}

// ClosesReferral reports whether a status change takes a referral out of the
// open states: the referral no longer needs following up.
func ClosesReferral(from, to ReferralStatus) bool { return from.Open() && !to.Open() }

func weeksOf(figs []WeekFigures) []Week {
	weeks := make([]Week, len(figs))
	for i, f := range figs {
		weeks[i] = f.Week
	}
	return weeks
}

// ReadAt is the moment a week's standing figures (overdue, stages) are read
// at: its end, or now for the week under way.
func (w Week) ReadAt(now time.Time) time.Time {
	if now.Before(w.End) {
		return now
	}
	return w.End
}
