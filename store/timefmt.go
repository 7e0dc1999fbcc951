package store

import (
	"encoding/json"
	"fmt"
	"time"

	"caseload/model"
)

// timeLayout writes UTC with a fixed width, so that text order in SQL is time
// order.
const timeLayout = "2006-01-02T15:04:05.000Z"

// fmtTime writes t as UTC, or "" for the zero time.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored time back in local time, where the officer reads it.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := parseTimeLayout(s); ok {
		return t.Local(), nil
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.Local(), nil
}

// parseTimeLayout reads exactly timeLayout, the only form the store writes,
// without time.Parse's walk through the layout: a summary or a timeline
// reads thousands of times, and the general parser was a tenth of a day's
// summary. Anything else is left to time.Parse, for its errors.
func parseTimeLayout(s string) (time.Time, bool) {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		s[19] != '.' || s[23] != 'Z' {
		return time.Time{}, false
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 7)
	day, ok3 := num(8, 10)
	hour, ok4 := num(11, 13)
	minute, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	milli, ok7 := num(20, 23)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || month < 1 || month > 12 || day < 1 ||
		day > 28 && day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, milli*int(time.Millisecond), time.UTC), true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func parseDate(s string) (model.Date, error) {
	d, err := model.ParseDate(s)
	if err != nil {
		return d, fmt.Errorf("stored date: %w", err)
	}
	return d, nil
}

// jsonList writes a list as a JSON array ("[]" for none).
func jsonList[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "[]" // a slice of strings always marshals
	}
	return string(b)
}

func parseList[T any](s string) ([]T, error) {
	var out []T
	if s == "" || s == "[]" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, fmt.Errorf("stored list %q: %w", s, err)
	}
	return out, nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// decoder collects the first error while stored text is turned back into
// model values, so a scan function reads as a list of fields.
type decoder struct{ err error }

func (d *decoder) time(s string) time.Time {
	t, err := parseTime(s)
	if d.err == nil {
		d.err = err
	}
	return t
}

func (d *decoder) date(s string) model.Date {
	v, err := parseDate(s)
	if d.err == nil {
		d.err = err
	}
	return v
}

func decodeList[T any](d *decoder, s string) []T {
	v, err := parseList[T](s)
	if d.err == nil {
		d.err = err
	}
	return v
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
