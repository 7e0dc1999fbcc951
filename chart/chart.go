// Package chart draws small charts as text for the terminal: bars, stacked
// bars, strips of lettered cells, sparklines, columns and a step chart. Each
// chart carries its meaning in shapes and letters, so it reads the same under
// NO_COLOR and in a light or dark terminal; a Lip Gloss style only adds
// colour. It knows nothing of the app: callers turn their records into
// values, letters and labels.
//
// Line charts would be asciigraph's job, but none of ours needs one: weekly
// counts read better as columns, and a stage of change is a step, not a line.
package chart

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// blocks are the eighths of a cell, from empty to full, for bars that grow
// left to right.
var blocks = []rune{' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'}

// levels are the eighths of a cell from the bottom up, for sparklines and
// columns.
var levels = []rune{' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'}

// NoData marks a point with nothing to show (a week without tests), which is
// not the same as zero.
const NoData = '·'

// pad fills s with spaces to width cells (or cuts it), measuring what shows.
func pad(s string, width int) string {
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
}

// padLeft right-aligns s in width cells.
func padLeft(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return s
	}
	return strings.Repeat(" ", width-w) + s
}

// render applies a style unless the text is blank, so that spaces never carry
// colour codes that would make golden files and terminals disagree.
func render(st lipgloss.Style, s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	return st.Render(s)
}

// eighths returns how many eighths of a cell a value takes when max fills
// cells whole cells.
func eighths(v, max float64, cells int) int {
	if max <= 0 || v <= 0 || math.IsNaN(v) {
		return 0
	}
	n := int(math.Round(v / max * float64(cells*8)))
	if n == 0 {
		n = 1 // a value above zero always shows
	}
	return min(n, cells*8)
}
