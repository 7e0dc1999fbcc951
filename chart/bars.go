package chart

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Bar is one labelled value of a bar chart. Text is what is written after
// the bar (the value, a share); Style colours the bar.
type Bar struct {
	Label string
	Value float64
	Text  string
	Style lipgloss.Style
}

// Bars draws one bar per line in width cells: the label, the bar scaled so
// that the largest value fills the space left, then the text.
func Bars(bars []Bar, width int) string {
	labelW, textW := 0, 0
	max := 0.0
	for _, b := range bars {
		labelW = maxInt(labelW, ansi.StringWidth(b.Label))
		textW = maxInt(textW, ansi.StringWidth(b.Text))
		if b.Value > max {
			max = b.Value
		}
	}
	barW := maxInt(width-labelW-textW-2, 1)
	lines := make([]string, len(bars))
	for i, b := range bars {
		n := eighths(b.Value, max, barW)
		bar := strings.Repeat(string(blocks[8]), n/8)
		if n%8 > 0 {
			bar += string(blocks[n%8])
		}
		lines[i] = pad(b.Label, labelW) + " " + render(b.Style, bar) + strings.Repeat(" ", barW-ansi.StringWidth(bar)) + " " + padLeft(b.Text, textW)
	}
	return strings.Join(lines, "\n")
}

// Segment is one part of a stacked bar. Fill is the character that draws it,
// different for each segment so that the parts read apart without colour.
type Segment struct {
	Label string
	Value int
	Fill  rune
	Style lipgloss.Style
}

// Fills are fill characters that tell segments apart without colour, densest
// first.
var Fills = []rune{'█', '▓', '▒', '░', '▚', '▞', '■', '▪'}

// Stacked draws the segments side by side in width cells, each as wide as
// its share of the total (largest remainders get the odd cells, and a
// segment above zero gets at least one when there is room).
func Stacked(segs []Segment, width int) string {
	cells := shares(segs, width)
	var b strings.Builder
	used := 0
	for i, s := range segs {
		if cells[i] > 0 {
			b.WriteString(render(s.Style, strings.Repeat(string(s.Fill), cells[i])))
			used += cells[i]
		}
	}
	b.WriteString(strings.Repeat(" ", width-used))
	return b.String()
}

// Legend names each segment after its fill: "█ Action 12  ▓ Preparation 3".
func Legend(segs []Segment) string {
	parts := make([]string, 0, len(segs))
	for _, s := range segs {
		parts = append(parts, render(s.Style, string(s.Fill))+" "+s.Label+" "+strconv.Itoa(s.Value))
	}
	return strings.Join(parts, "  ")
}

func shares(segs []Segment, width int) []int {
	cells := make([]int, len(segs))
	total, positive := 0, 0
	for _, s := range segs {
		if s.Value > 0 {
			total += s.Value
			positive++
		}
	}
	if total == 0 || width <= 0 {
		return cells
	}
	rest := make([]int, len(segs))
	given := 0
	for i, s := range segs {
		if s.Value <= 0 {
			continue
		}
		cells[i], rest[i] = s.Value*width/total, s.Value*width%total
		if cells[i] == 0 && positive <= width {
			cells[i], rest[i] = 1, -1 // a part above zero always shows
		}
		given += cells[i]
	}
	for given > width { // the cells lent to small parts come from the largest
		cells[largest(cells, func(i int) int { return cells[i] })]--
		given--
	}
	for given < width {
		i := largest(cells, func(i int) int {
			if segs[i].Value <= 0 {
				return -2
			}
			return rest[i]
		})
		cells[i]++
		rest[i] = -1
		given++
	}
	return cells
}

// largest returns the index with the largest key, the first on a tie.
func largest(cells []int, key func(int) int) int {
	best := 0
	for i := range cells {
		if key(i) > key(best) {
			best = i
		}
	}
	return best
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
