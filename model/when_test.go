package model

import (
	"testing"
	"time"
)

func TestParseWhenReadsWhatOfficersType(t *testing.T) {
	// A Monday morning.
	now := time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, time.UTC) }
	cases := []struct {
		in   string
		want time.Time
	}{
		{"", time.Time{}},
		{"now", now},
		{"today 3pm", at(11, 23, 15, 0)},
		{"Today 3pm", at(11, 23, 15, 0)},
		{"tomorrow", at(11, 24, 10, 30)},
		{"tomorrow 2pm", at(11, 24, 14, 0)},
		{"fri 10:00", at(11, 27, 10, 0)},
		{"next fri", at(11, 27, 10, 30)},
		{"+14d", at(12, 7, 10, 30)},
		{"+ 2w", at(12, 7, 10, 30)},
		{"-3d", at(11, 20, 10, 30)},
		{"2026-12-03", at(12, 3, 0, 0)},
		{"2026-12-03 14:30", at(12, 3, 14, 30)},
		{"yesterday 9am", at(11, 22, 9, 0)},
		{"in 2 weeks", at(12, 7, 10, 30)},
	}
	for _, c := range cases {
		got, err := ParseWhen(c.in, now)
		if err != nil {
			t.Errorf("ParseWhen(%q): %v", c.in, err)
			continue
		}
		if !got.Equal(c.want) {
			t.Errorf("ParseWhen(%q) = %s, want %s", c.in, got.Format(time.DateTime), c.want.Format(time.DateTime))
		}
	}
}

func TestParseWhenRefusesWhatItCannotReadWhole(t *testing.T) {
	now := time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)
	for _, in := range []string{"soon", "fri at the office", "+14x", "2026-13-45", "14"} {
		if got, err := ParseWhen(in, now); err == nil {
			t.Errorf("ParseWhen(%q) = %s, want an error", in, got)
		}
	}
}
