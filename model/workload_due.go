package model

import (
	"slices"
	"time"
)

// DueSpell is a stretch of time during which one due date stood for a
// client: from From until Until (zero while it still stands). A client whose
// due date passed while it stood was overdue from the day after it.
type DueSpell struct {
	Due   time.Time
	From  time.Time
	Until time.Time
}

// DueContact is what the next-due rule needs to know about one contact.
type DueContact struct {
	At              time.Time
	Completed       bool
	NextAppointment time.Time
}

// DueSpells replays the next-due rule over a client's contacts (in any
// order) to give the due dates as they stood over time: each contact that
// moves the due date ends one spell and starts the next. A client who is not
// active has none: the app does not keep when a status changed, so a closed
// case drops out of the past weeks' figures too.
func DueSpells(in DueInput, contacts []DueContact, iv Intervals) []DueSpell {
	if in.Status != StatusActive {
		return nil
	}
	sorted := append([]DueContact(nil), contacts...)
	slices.SortStableFunc(sorted, func(a, b DueContact) int { return a.At.Compare(b.At) })
	state := in
	state.LastCompleted, state.NextAppointment = time.Time{}, time.Time{}
	var spells []DueSpell
	due, ok := NextDue(state, iv)
	if ok {
		from := in.Created
		if !in.SupervisionFrom.IsZero() {
			if start := due; from.IsZero() || start.Before(from) {
				from = start
			}
		}
		spells = append(spells, DueSpell{Due: due, From: from})
	}
	for _, c := range sorted {
		if c.Completed && c.At.After(state.LastCompleted) {
			state.LastCompleted = c.At
		}
		if !c.NextAppointment.IsZero() {
			state.NextAppointment = c.NextAppointment
		}
		next, ok := NextDue(state, iv)
		if !ok || (len(spells) > 0 && next.Equal(spells[len(spells)-1].Due)) {
			continue
		}
		if len(spells) > 0 {
			spells[len(spells)-1].Until = c.At
		}
		spells = append(spells, DueSpell{Due: next, From: c.At})
	}
	return spells
}

// standsAt reports whether the spell's due date stood at t.
func (s DueSpell) standsAt(t time.Time) bool {
	return !t.Before(s.From) && (s.Until.IsZero() || t.Before(s.Until))
}

// OverdueFrom is the moment the spell's client becomes overdue if its due
// date still stands: local midnight after the due day.
func (s DueSpell) OverdueFrom() time.Time {
	return DateOf(s.Due).AddDays(1).In(s.Due.Location())
}

// OverdueAt reports whether the spell makes its client overdue at t: its due
// date stood at t and fell on a day before t's day.
func (s DueSpell) OverdueAt(t time.Time) bool {
	return s.standsAt(t) && Overdue(s.Due, t)
}

// FellDueIn reports whether the spell's due date arrived during the week
// while it stood on the due day: a contact was needed that week. A contact
// kept on the day it was due counts, whatever its hour.
func (s DueSpell) FellDueIn(w Week) bool {
	if !w.Contains(s.Due) || s.From.After(s.Due) {
		return false
	}
	return s.Until.IsZero() || s.Until.After(StartOfDay(s.Due))
}

// AddDue counts, for each week, the contacts that fell due in it and the
// clients overdue at its end (now, for the week under way). Spells of many
// clients may be mixed: a client has one spell standing at any time.
func AddDue(figs []WeekFigures, spells []DueSpell, now time.Time) {
	for i := range figs {
		end := figs[i].Week.ReadAt(now)
		for _, s := range spells {
			if s.FellDueIn(figs[i].Week) {
				figs[i].Due++
			}
			if s.OverdueAt(end) {
				figs[i].Overdue++
			}
		}
	}
}
