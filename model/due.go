package model

import (
	"fmt"
	"time"
)

// Intervals holds the expected days between contacts for each supervision
// level; the officer can change them in settings.
type Intervals map[Level]int

// DefaultIntervals are the contact intervals of PRODUCT.md.
func DefaultIntervals() Intervals {
	return Intervals{LevelIntensive: 7, LevelHigh: 14, LevelModerate: 30, LevelLow: 90}
}

// Days returns the interval for a level, falling back to the default when the
// level is missing so that a half-filled setting never makes nobody due.
func (iv Intervals) Days(l Level) int {
	if d, ok := iv[l]; ok && d > 0 {
		return d
	}
	return DefaultIntervals()[l]
}

// Validate checks that every level has an interval between 1 and 365 days.
func (iv Intervals) Validate() error {
	var p problems
	for _, l := range Levels() {
		if d := iv[l.Value]; d < 1 || d > 365 {
			p.add("interval_"+string(l.Value), fmt.Sprintf("%s: between 1 and 365 days", l.Label))
		}
	}
	return p.err()
}

// DueInput is what the next-due rule needs to know about a client.
type DueInput struct {
	Status          ClientStatus
	Level           Level
	SupervisionFrom Date
	Created         time.Time
	LastCompleted   time.Time // the last completed contact; zero if none
	NextAppointment time.Time // the latest appointment set at a contact; zero if none
	// Location is the zone in which the start of supervision begins at
	// midnight; nil is the laptop's own.
	Location *time.Location
	// History is the client's status over time, for the due dates as they
	// stood in past weeks (DueSpells); empty, Status held throughout.
	History []StatusChange
}

// StatusChange is a client's status from a moment on: a case opened, closed,
// an absconder found, a release from custody.
type StatusChange struct {
	At     time.Time
	Status ClientStatus
}

// NextDue returns when the client's next contact is due, and false when none
// is (a client who is not active is not scheduled). An appointment set after
// the last completed contact wins; otherwise the last completed contact plus
// the level's interval; a client never seen is due from the start of
// supervision (or from when the record was made).
func NextDue(in DueInput, iv Intervals) (time.Time, bool) {
	if in.Status != StatusActive {
		return time.Time{}, false
	}
	if !in.NextAppointment.IsZero() && in.NextAppointment.After(in.LastCompleted) {
		return in.NextAppointment, true
	}
	if !in.LastCompleted.IsZero() {
		return in.LastCompleted.AddDate(0, 0, iv.Days(in.Level)), true
	}
	if !in.SupervisionFrom.IsZero() {
		loc := in.Location
		if loc == nil {
			loc = time.Local
		}
		return in.SupervisionFrom.In(loc), true
	}
	return in.Created, !in.Created.IsZero()
}

// DueState is how urgent a due date is, counted in whole local days.
type DueState int

// Due states, from least to most urgent.
const (
	DueNone     DueState = iota // nothing is due (not active)
	DueLater                    // due after the coming week
	DueThisWeek                 // due within the next 7 days, not today
	DueToday                    // due today
	DueOverdue                  // due on a day before today
)

// WeekDays is how far ahead "due this week" looks, today included.
const WeekDays = 7

// StateOf classifies a due time against now, in now's location.
func StateOf(due time.Time, ok bool, now time.Time) DueState {
	if !ok || due.IsZero() {
		return DueNone
	}
	today := DateOf(now)
	day := DateOf(due.In(now.Location()))
	switch days := today.DaysUntil(day); {
	case days < 0:
		return DueOverdue
	case days == 0:
		return DueToday
	case days < WeekDays:
		return DueThisWeek
	default:
		return DueLater
	}
}

// Overdue reports whether a due time is on a day before today.
func Overdue(due time.Time, now time.Time) bool {
	return StateOf(due, true, now) == DueOverdue
}

// Label is a short text for the state; colour is never the only mark.
func (s DueState) Label() string {
	switch s {
	case DueOverdue:
		return "OVERDUE"
	case DueToday:
		return "TODAY"
	case DueThisWeek:
		return "soon"
	}
	return ""
}

// StartOfDay returns local midnight of t's day.
func StartOfDay(t time.Time) time.Time {
	return DateOf(t).In(t.Location())
}
