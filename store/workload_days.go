package store

import (
	"time"
)

// dayCounted spreads events counted by UTC day over intervals that start and
// end at the officer's local midnights (or now): whole days come from a
// counter table, and the few events between each bound and its nearest UTC
// midnight are read exactly and moved to the interval they belong to.
type dayCounted struct {
	r      workloadReader
	bounds []time.Time // interval i runs from bounds[i] to bounds[i+1]
	// endsIn makes interval i (bounds[i], bounds[i+1]]; otherwise it is
	// [bounds[i], bounds[i+1]).
	endsIn bool
}

// midnight returns the UTC midnight nearest t.
func midnight(t time.Time) time.Time { return t.UTC().Add(12 * time.Hour).Truncate(24 * time.Hour) }

// exact returns the interval that holds t, or -1.
func (c dayCounted) exact(t time.Time) int {
	for i := 0; i+1 < len(c.bounds); i++ {
		lo, hi := c.bounds[i], c.bounds[i+1]
		if c.endsIn && t.After(lo) && !t.After(hi) || !c.endsIn && !t.Before(lo) && t.Before(hi) {
			return i
		}
	}
	return -1
}

// byDay returns the interval the counter table puts a UTC day in, or -1.
func (c dayCounted) byDay(day time.Time) int {
	for i := 0; i+1 < len(c.bounds); i++ {
		if !day.Before(midnight(c.bounds[i])) && day.Before(midnight(c.bounds[i+1])) {
			return i
		}
	}
	return -1
}

// count returns the events in each interval. days reads (day, n) rows of the
// counter table for days in [from, to); edge reads the times of the events
// between lo and hi, both included.
func (c dayCounted) count(days, edge string, args ...any) ([]int, error) {
	out := make([]int, len(c.bounds)-1)
	first, last := midnight(c.bounds[0]), midnight(c.bounds[len(c.bounds)-1])
	rows, err := c.r.q.QueryContext(c.r.ctx, days, append(args, first.Format(time.DateOnly), last.Format(time.DateOnly))...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			rows.Close()
			return nil, err
		}
		d, err := time.Parse(time.DateOnly, day)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if i := c.byDay(d); i >= 0 {
			out[i] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, b := range c.bounds {
		lo, hi := b, midnight(b)
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		rows, err := c.r.q.QueryContext(c.r.ctx, edge, append(args, fmtTime(lo), fmtTime(hi))...)
		if err != nil {
			return nil, err
		}
		var d decoder
		for rows.Next() {
			var at string
			if err := rows.Scan(&at); err != nil {
				rows.Close()
				return nil, err
			}
			t := d.time(at)
			counted, belongs := c.byDay(t.UTC().Truncate(24*time.Hour)), c.exact(t)
			if counted == belongs {
				continue
			}
			if counted >= 0 {
				out[counted]--
			}
			if belongs >= 0 {
				out[belongs]++
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	return out, nil
}
