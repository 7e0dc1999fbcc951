package model

import "time"

// Week is one local calendar week, Monday 00:00 to the next Monday 00:00 in
// the officer's time zone. It is not always 168 hours long: the week of a
// daylight-saving change has 167 or 169.
type Week struct {
	Start time.Time // Monday 00:00, local
	End   time.Time // the next Monday 00:00, local; not part of the week
}

// Contains reports whether t falls in the week.
func (w Week) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// ContainsDate reports whether the calendar day d falls in the week.
func (w Week) ContainsDate(d Date) bool {
	return !d.Before(DateOf(w.Start)) && d.Before(DateOf(w.End))
}

// WeekOf returns the local week that holds t, in t's location. Weeks start
// on Monday, as ISO 8601 and most agency timesheets count them.
func WeekOf(t time.Time) Week {
	day := DateOf(t)
	back := (int(day.In(time.UTC).Weekday()) + 6) % 7 // days since Monday
	monday := day.AddDays(-back)
	// Dates, not durations: adding 7×24h across a clock change would land an
	// hour off midnight.
	return Week{Start: monday.In(t.Location()), End: monday.AddDays(7).In(t.Location())}
}

// LastWeeks returns n weeks ending with the week that holds now, oldest first.
func LastWeeks(now time.Time, n int) []Week {
	if n < 1 {
		return nil
	}
	weeks := make([]Week, n)
	w := WeekOf(now)
	for i := n - 1; i >= 0; i-- {
		weeks[i] = w
		w = WeekOf(w.Start.Add(-time.Minute))
	}
	return weeks
}

// weekIndex returns the index of the week in weeks (oldest first, adjacent)
// that holds t, or -1.
func weekIndex(weeks []Week, t time.Time) int {
	for i, w := range weeks {
		if w.Contains(t) {
			return i
		}
	}
	return -1
}
