package store

import (
	"testing"
	"time"
)

// FuzzParseTimeLayout holds the fast reader of stored times to time.Parse:
// whatever it accepts, time.Parse reads as the same instant, and whatever
// time.Parse reads in the store's layout, it accepts too.
func FuzzParseTimeLayout(f *testing.F) {
	for _, s := range []string{
		"2026-11-23T14:05:09.123Z", "2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
		"2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z", "2026-11-23T24:00:00.000Z", "2026-11-23T10:60:00.000Z",
		"2026-11-23T10:00:60.000Z", "2026-11-23T10:00:00.000+01:00", "2026-11-23 10:00:00.000Z", "0000-01-01T00:00:00.000Z",
		"2026-11-23T10:00:00.0a0Z", "2026-11-23T10:00:00Z", "", "9999-12-31T23:59:59.999Z", "2026-1-23T10:00:00.000Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := parseTimeLayout(s)
		slow, err := time.Parse(timeLayout, s)
		switch {
		case ok && err != nil:
			t.Fatalf("%q: read as %v, but time.Parse refuses it: %v", s, fast, err)
		case ok && !fast.Equal(slow):
			t.Fatalf("%q: read as %v, time.Parse reads %v", s, fast, slow)
		case !ok && err == nil && len(s) == len(timeLayout) && slow.Format(timeLayout) == s:
			t.Fatalf("%q: a time the store writes was left to the slow reader", s)
		}
	})
}

// TestStoredTimesComeBackTheSame: every time the store writes, at any
// millisecond, reads back as the same instant, in local time.
func TestStoredTimesComeBackTheSame(t *testing.T) {
	at := time.Date(2024, 2, 28, 22, 59, 58, 0, time.UTC)
	for i := 0; i < 5000; i++ {
		want := at.Add(time.Duration(i) * 1234567 * time.Millisecond).Truncate(time.Millisecond)
		got, err := parseTime(fmtTime(want))
		if err != nil || !got.Equal(want) || got.Location() != time.Local {
			t.Fatalf("%s read back as %v (%v), location %v", fmtTime(want), got, err, got.Location())
		}
	}
}
