package model

import (
	"errors"
	"sort"
	"testing"
	"time"
)

var clockBase = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

func TestClockReadingsAlwaysMoveForward(t *testing.T) {
	tests := []struct {
		name  string
		walls []time.Duration // wall clock at each reading, from clockBase
	}{
		{"wall clock ahead each time", []time.Duration{0, time.Millisecond, time.Second}},
		{"same millisecond", []time.Duration{0, 0, 0}},
		{"wall clock stepped back", []time.Duration{time.Hour, 0, time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClock("laptop-a", HLC{})
			var prev HLC
			for i, d := range tt.walls {
				h := c.Now(clockBase.Add(d))
				if i > 0 && !h.After(prev) {
					t.Fatalf("reading %d %s is not after %s", i, h, prev)
				}
				if h.String() <= prev.String() {
					t.Fatalf("text of reading %d %q does not sort after %q", i, h, prev)
				}
				prev = h
			}
		})
	}
}

func TestClockCounterOverflowMovesToTheNextMillisecond(t *testing.T) {
	c := NewClock("a", HLC{Wall: clockBase.UnixMilli(), Counter: hlcCounterMax, Laptop: "a"})
	h := c.Now(clockBase)
	if h.Wall != clockBase.UnixMilli()+1 || h.Counter != 0 {
		t.Errorf("got %s, want the next millisecond with counter 0", h)
	}
}

func TestTextFormSortsLikeCompare(t *testing.T) {
	hs := []HLC{
		{Wall: 5, Counter: 0, Laptop: "b"}, {Wall: 5, Counter: 0, Laptop: "a"}, {Wall: 5, Counter: 1, Laptop: "a"},
		{Wall: 40, Counter: 0, Laptop: "a"}, {Wall: 1_000_000_000_000, Counter: 2, Laptop: "z"}, {},
	}
	byCompare := append([]HLC(nil), hs...)
	sort.Slice(byCompare, func(i, j int) bool { return byCompare[i].Compare(byCompare[j]) < 0 })
	byText := append([]HLC(nil), hs...)
	sort.Slice(byText, func(i, j int) bool { return byText[i].String() < byText[j].String() })
	for i := range hs {
		if byCompare[i] != byText[i] {
			t.Fatalf("order differs at %d: compare %v, text %v", i, byCompare, byText)
		}
	}
	for _, h := range hs {
		back, err := ParseHLC(h.String())
		if err != nil || back != h {
			t.Errorf("ParseHLC(%q) = %v, %v; want %v", h.String(), back, err, h)
		}
	}
	for _, bad := range []string{"x", "12-3-a", "000000000000001-000001-", "00000000000000a-000001-l"} {
		if _, err := ParseHLC(bad); err == nil {
			t.Errorf("ParseHLC(%q) accepted a broken reading", bad)
		}
	}
}

func TestObserveMovesTheClockPastAPulledReading(t *testing.T) {
	// This laptop's clock is an hour behind the one that made the change.
	behind := NewClock("slow", HLC{})
	remote := HLC{Wall: clockBase.UnixMilli(), Counter: 3, Laptop: "fast"}
	if err := behind.Observe(remote, clockBase.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	next := behind.Now(clockBase.Add(-time.Hour + time.Minute))
	if !next.After(remote) {
		t.Errorf("the slow laptop's next change %s is not after the change it pulled %s", next, remote)
	}
}

func TestObserveRefusesAReadingFarInTheFuture(t *testing.T) {
	c := NewClock("a", HLC{})
	before := c.Last()
	far := HLC{Wall: clockBase.Add(MaxClockLead + time.Minute).UnixMilli(), Laptop: "broken"}
	err := c.Observe(far, clockBase)
	if !errors.Is(err, ErrClockFarAhead) {
		t.Fatalf("Observe of a reading %s ahead: %v, want ErrClockFarAhead", MaxClockLead+time.Minute, err)
	}
	if c.Last() != before {
		t.Errorf("a refused reading moved the clock to %s", c.Last())
	}
	near := HLC{Wall: clockBase.Add(MaxClockLead - time.Minute).UnixMilli(), Laptop: "ahead"}
	if err := c.Observe(near, clockBase); err != nil {
		t.Errorf("a reading within %s was refused: %v", MaxClockLead, err)
	}
}
