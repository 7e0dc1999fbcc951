package chart

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Steps draws a step chart: one row per level (rows[0] at the top), one
// column per point in time; at[i] is the row in force at column i, or -1
// before anything was recorded. A change is drawn as a corner and a riser, so
// a move down (a recurrence, say) is a visible step back. Each row's line
// takes its row's style. The labels are written to the left of the rows;
// ticks is the axis below: a label at the column where it starts.
func Steps(rows []string, styles []lipgloss.Style, at []int, ticks map[int]string) []string {
	labelW := 0
	for _, r := range rows {
		labelW = maxInt(labelW, ansi.StringWidth(r))
	}
	grid := make([][]rune, len(rows))
	owner := make([][]int, len(rows)) // which row's style draws the cell
	for r := range grid {
		grid[r] = []rune(strings.Repeat(" ", len(at)))
		owner[r] = make([]int, len(at))
	}
	prev := -1
	for c, r := range at {
		if r < 0 || r >= len(rows) {
			prev = -1
			continue
		}
		switch {
		case prev < 0 || prev == r:
			grid[r][c] = '─'
			owner[r][c] = r
		case r < prev: // up the chart
			grid[prev][c], grid[r][c] = '┘', '┌'
			for k := r + 1; k < prev; k++ {
				grid[k][c] = '│'
			}
			fill(owner, c, r, prev, r)
		default: // down the chart
			grid[prev][c], grid[r][c] = '┐', '└'
			for k := prev + 1; k < r; k++ {
				grid[k][c] = '│'
			}
			fill(owner, c, prev, r, r)
		}
		prev = r
	}
	lines := make([]string, 0, len(rows)+1)
	for r, label := range rows {
		var b strings.Builder
		b.WriteString(pad(label, labelW))
		b.WriteString(" ┤")
		for c, ch := range grid[r] {
			b.WriteString(render(styles[owner[r][c]], string(ch)))
		}
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	axis := []rune(strings.Repeat(" ", len(at)+8))
	for c := 0; c < len(at); c++ {
		if label, ok := ticks[c]; ok {
			for i, ch := range []rune(label) {
				if c+i < len(axis) {
					axis[c+i] = ch
				}
			}
		}
	}
	lines = append(lines, strings.Repeat(" ", labelW)+" └"+strings.Repeat("─", len(at)))
	lines = append(lines, strings.TrimRight(strings.Repeat(" ", labelW+2)+string(axis), " "))
	return lines
}

func fill(owner [][]int, c, from, to, who int) {
	for k := from; k <= to; k++ {
		owner[k][c] = who
	}
}
