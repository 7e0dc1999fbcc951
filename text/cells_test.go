package text

import (
	"strings"
	"testing"
)

func TestWidthCountsCellsNotBytes(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"Ann", 3},
		{"Zoë", 3},
		{"Zoe\u0308", 3}, // e and a combining diaeresis: one cell
		{"李小龍", 6},
		{"\x1b[1mAnn\x1b[0m", 3},
	}
	for _, c := range cases {
		if got := Width(c.in); got != c.want {
			t.Errorf("Width(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestPadFillsExactlyTheCells(t *testing.T) {
	for _, s := range []string{"Ann", "Zoë Ngô", "Zoe\u0308", "李小龍", "Søren Åberg-Ødegård Quinn"} {
		for _, n := range []int{4, 8, 12} {
			if got := Width(Pad(s, n)); got != n {
				t.Errorf("Pad(%q, %d) is %d cells: %q", s, n, got, Pad(s, n))
			}
			got := PadLeft(s, n)
			if Width(s) < n && (Width(got) != n || !strings.HasSuffix(got, s)) {
				t.Errorf("PadLeft(%q, %d) = %q: want %d cells ending in the text", s, n, got, n)
			}
		}
	}
	if got := Pad("Søren Åberg", 6); got != "Søren…" {
		t.Errorf("Pad cut to %q, want the cut marked", got)
	}
	if got := PadLeft("李小龍", 4); got != "李小龍" {
		t.Errorf("PadLeft cut a wider text: %q", got)
	}
}

func TestWrapKeepsLinesWithinTheWidth(t *testing.T) {
	lines := Wrap("Score bands describe a total, as published; 日本語の説明 never label the person.", 20)
	if len(lines) < 3 {
		t.Fatalf("Wrap gave %d lines: %q", len(lines), lines)
	}
	for _, l := range lines {
		if Width(l) > 20 {
			t.Errorf("line %q is %d cells, more than 20", l, Width(l))
		}
	}
}

func TestWidthOfSeveralLinesIsTheWidest(t *testing.T) {
	if got := Width("Ann\n李小龍 Li\nBo"); got != 9 {
		t.Errorf("Width over three lines = %d, want 9", got)
	}
}
