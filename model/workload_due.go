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
// moves the due date ends one spell and starts the next. Only the time the
// client was active counts (in.History; without it, in.Status throughout):
// a spell is cut where the client's case closed or they absconded or went
// into custody, and takes up again where they were active once more, so a
// case closed today still counts in the weeks it was open.
func DueSpells(in DueInput, contacts []DueContact, iv Intervals) []DueSpell {
	active := activeSpans(in)
	if len(active) == 0 {
		return nil
	}
	sorted := append([]DueContact(nil), contacts...)
	slices.SortStableFunc(sorted, func(a, b DueContact) int { return a.At.Compare(b.At) })
	state := in
	state.Status, state.LastCompleted, state.NextAppointment = StatusActive, time.Time{}, time.Time{}
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
	return clipSpells(spells, active)
}

// span is a stretch of time; a zero From is the beginning of time, a zero
// Until is still going on.
type span struct{ From, Until time.Time }

// activeSpans is when the client was active, in time order.
func activeSpans(in DueInput) []span {
	if len(in.History) == 0 {
		if in.Status == StatusActive {
			return []span{{}}
		}
		return nil
	}
	h := append([]StatusChange(nil), in.History...)
	slices.SortStableFunc(h, func(a, b StatusChange) int { return a.At.Compare(b.At) })
	var out []span
	open := false
	for i, c := range h {
		if i == 0 {
			// The first status is the one the client had when the record
			// was made, often long after supervision began: it stands from
			// the beginning.
			c.At = time.Time{}
		}
		switch {
		case c.Status == StatusActive && !open:
			out, open = append(out, span{From: c.At}), true
		case c.Status != StatusActive && open:
			out[len(out)-1].Until, open = c.At, false
		}
	}
	return out
}

// clipSpells keeps the parts of the spells that fall in the active spans.
func clipSpells(spells []DueSpell, active []span) []DueSpell {
	var out []DueSpell
	for _, s := range spells {
		for _, p := range clipSpan(span{s.From, s.Until}, active) {
			out = append(out, DueSpell{Due: s.Due, From: p.From, Until: p.Until})
		}
	}
	return out
}

// clipSpan is the parts of s inside the spans, in their order.
func clipSpan(s span, within []span) []span {
	var out []span
	for _, a := range within {
		from, until := s.From, s.Until
		if !a.From.IsZero() && (from.IsZero() || from.Before(a.From)) {
			from = a.From
		}
		if !a.Until.IsZero() && (until.IsZero() || a.Until.Before(until)) {
			until = a.Until
		}
		if until.IsZero() || from.Before(until) {
			out = append(out, span{from, until})
		}
	}
	return out
}

// standsAt reports whether the spell's due date stood at t.
func (s DueSpell) standsAt(t time.Time) bool {
	return !t.Before(s.From) && (s.Until.IsZero() || t.Before(s.Until))
}

// OverdueFrom is the moment the spell's client becomes overdue if its due
// date still stands: local midnight after the due day, or the start of the
// spell when the client came back to supervision already late.
func (s DueSpell) OverdueFrom() time.Time {
	at := DateOf(s.Due).AddDays(1).In(s.Due.Location())
	if s.From.After(at) {
		return s.From
	}
	return at
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
