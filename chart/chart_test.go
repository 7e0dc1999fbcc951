package chart

import (
	"math"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// palette is a set of styles with colour, and plain the same without: every
// chart is drawn both ways, and the coloured one, stripped, must equal the
// plain one (colour adds nothing the shapes do not already say).
func palette(colour bool) []lipgloss.Style {
	hex := []string{"#1B6E20", "#B00020", "#8A5A00", "#0B5CAD", "#00707A", "#6B6B6B"}
	out := make([]lipgloss.Style, len(hex))
	for i, h := range hex {
		out[i] = lipgloss.NewStyle()
		if colour {
			out[i] = out[i].Foreground(lipgloss.Color(h))
		}
	}
	return out
}

// charts draws every kind of chart with the given styles.
func charts(st []lipgloss.Style) map[string]string {
	out := map[string]string{}
	out["bars"] = Bars([]Bar{
		{Label: "Intensive", Value: 6, Text: "6", Style: st[1]},
		{Label: "High", Value: 14, Text: "14", Style: st[2]},
		{Label: "Moderate", Value: 31, Text: "31", Style: st[3]},
		{Label: "Low", Value: 1, Text: "1", Style: st[0]},
		{Label: "None", Value: 0, Text: "0", Style: st[0]},
	}, 40)
	segs := []Segment{
		{Label: "Action", Value: 12, Fill: Fills[0], Style: st[0]},
		{Label: "Preparation", Value: 5, Fill: Fills[1], Style: st[4]},
		{Label: "Recurrence", Value: 1, Fill: Fills[2], Style: st[2]},
		{Label: "Unrecorded", Value: 0, Fill: Fills[3], Style: st[5]},
	}
	out["stacked"] = Stacked(segs, 30) + "\n" + Legend(segs)
	out["strip"] = Strip([]Cell{{'N', st[0]}, {'N', st[0]}, {'P', st[1]}, {'R', st[2]}, {'D', st[2]}, {'A', st[1]}, {'N', st[0]}})
	out["sparkline"] = Sparkline([]float64{0, 0.1, 0.25, 0.5, math.NaN(), 0.75, 1, 0.05}, 1, st[3])
	out["columns"] = strings.Join(Columns([]float64{3, 8, 0, 12, 5, 1}, 4, 2, st[3]), "\n")
	out["stacked_columns"] = strings.Join(StackedColumns([][]int{{2, 1, 1}, {4, 0, 0}, {1, 1, 2}, {0, 0, 0}},
		[]rune{'█', '▓', '░'}, st[:3], 4, 1), "\n")
	out["steps"] = strings.Join(Steps(
		[]string{"Maintenance", "Action", "Preparation", "Contemplation", "Precontemplation", "Recurrence"},
		st, []int{-1, -1, 4, 4, 3, 3, 3, 2, 1, 1, 5, 5, 3, 2, 1, 1, 0, 0},
		map[int]string{0: "Jan", 6: "Mar", 12: "May"}), "\n")
	return out
}

func TestChartsGolden(t *testing.T) {
	plain, coloured := charts(palette(false)), charts(palette(true))
	for name, text := range plain {
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, []byte(text))
		})
		t.Run(name+"_colour", func(t *testing.T) {
			golden.RequireEqual(t, []byte(coloured[name]))
			if got := ansi.Strip(coloured[name]); got != text {
				t.Errorf("with colour stripped the %s chart differs:\n%s\nwant:\n%s", name, got, text)
			}
		})
	}
}

func TestBarsScaleToTheLargestAndShowEveryValueAboveZero(t *testing.T) {
	got := Bars([]Bar{{Label: "a", Value: 100, Text: "100"}, {Label: "b", Value: 0.1, Text: "0.1"}, {Label: "c", Text: "0"}}, 20)
	lines := strings.Split(got, "\n")
	if !strings.Contains(lines[0], strings.Repeat("█", 14)) {
		t.Errorf("the largest bar fills the width: %q", lines[0])
	}
	if !strings.Contains(lines[1], "▏") {
		t.Errorf("a small value still shows: %q", lines[1])
	}
	if strings.ContainsAny(lines[2], "█▏") {
		t.Errorf("zero draws nothing: %q", lines[2])
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w != 20 {
			t.Errorf("line %q is %d cells, want 20", l, w)
		}
	}
}

func TestStackedFillsTheWidthExactlyAndKeepsSmallParts(t *testing.T) {
	segs := []Segment{{Value: 97, Fill: 'a'}, {Value: 2, Fill: 'b'}, {Value: 1, Fill: 'c'}}
	got := Stacked(segs, 10)
	if got != "aaaaaaaabc" {
		t.Errorf("stacked = %q, want aaaaaaaabc (every part above zero shows)", got)
	}
	if got := Stacked([]Segment{{Value: 0, Fill: 'a'}}, 5); got != "     " {
		t.Errorf("an empty stack is blank: %q", got)
	}
}

func TestStepsDrawARecurrenceAsAStepDown(t *testing.T) {
	lines := Steps([]string{"Up", "Mid", "Down"}, palette(false), []int{1, 1, 2, 2, 0}, nil)
	want := []string{
		"Up   ┤    ┌",
		"Mid  ┤──┐ │",
		"Down ┤  └─┘",
		"     └─────",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
}
