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
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.Local(), nil
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
