package model

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseWhen: anything typed in a date field is either read as a time or
// refused with an error; it never panics, and a time read is not zero.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"today 3pm", "tomorrow", "fri 10:00", "+14d", "2026-12-03", "-3d", "next fri", "", "+99999999999d", "31/02/2026"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseWhen(s, now)
		if err == nil && got.IsZero() && strings.TrimSpace(s) != "" {
			t.Fatalf("ParseWhen(%q) = zero time without an error", s)
		}
	})
}
