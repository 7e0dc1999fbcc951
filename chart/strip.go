package chart

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
)

// Cell is one record in a strip: a letter that says what it was (N for a
// negative test, P for positive) and a style that colours it.
type Cell struct {
	Letter rune
	Style  lipgloss.Style
}

// Strip draws cells oldest first, one letter each, so that twenty tests read
// as one word: NNNPNNRN.
func Strip(cells []Cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(render(c.Style, string(c.Letter)))
	}
	return b.String()
}

// Sparkline draws one character per value, its height the value's share of
// max; zero is the lowest block, any value above zero at least one step
// higher, and a NaN value (nothing to show) is drawn as NoData.
func Sparkline(values []float64, max float64, st lipgloss.Style) string {
	var b strings.Builder
	for _, v := range values {
		if math.IsNaN(v) {
			b.WriteRune(NoData)
			continue
		}
		n := 1
		if v > 0 && max > 0 {
			n = 2 + int(math.Round(min(v/max, 1)*6))
		}
		b.WriteString(render(st, string(levels[n])))
	}
	return b.String()
}

// Columns draws one column per value, height rows tall, each colWidth cells
// wide with a space between, scaled so the largest value fills the height.
// Lines come top first.
func Columns(values []float64, height, colWidth int, st lipgloss.Style) []string {
	max := 0.0
	for _, v := range values {
		if v > max {
			max = v
		}
	}
	lines := make([]string, height)
	for row := range height {
		floor := (height - 1 - row) * 8 // eighths below this row
		var b strings.Builder
		for i, v := range values {
			if i > 0 {
				b.WriteByte(' ')
			}
			n := eighths(v, max, height) - floor
			switch {
			case n <= 0:
				b.WriteString(strings.Repeat(" ", colWidth))
			default:
				b.WriteString(render(st, strings.Repeat(string(levels[min(n, 8)]), colWidth)))
			}
		}
		lines[row] = b.String()
	}
	return lines
}

// StackedColumns draws one column per entry of series[i] (a stack of values,
// bottom first), height rows tall, colWidth wide with a space between; each
// part takes whole cells in its own fill so the stack reads without colour.
// Every column is scaled to the same total (the largest stack).
func StackedColumns(stacks [][]int, fills []rune, st []lipgloss.Style, height, colWidth int) []string {
	max := 0
	for _, s := range stacks {
		total := 0
		for _, v := range s {
			total += v
		}
		max = maxInt(max, total)
	}
	grid := make([][]int, len(stacks)) // per column, the part of each cell from the bottom; -1 empty
	for i, s := range stacks {
		total := 0
		for _, v := range s {
			total += v
		}
		cellsTall := 0
		if max > 0 {
			cellsTall = int(math.Round(float64(total) / float64(max) * float64(height)))
		}
		segs := make([]Segment, len(s))
		for j, v := range s {
			segs[j] = Segment{Value: v}
		}
		parts := shares(segs, cellsTall)
		col := make([]int, 0, height)
		for j, n := range parts {
			for range n {
				col = append(col, j)
			}
		}
		for len(col) < height {
			col = append(col, -1)
		}
		grid[i] = col
	}
	lines := make([]string, height)
	for row := range height {
		level := height - 1 - row
		var b strings.Builder
		for i := range stacks {
			if i > 0 {
				b.WriteByte(' ')
			}
			part := grid[i][level]
			if part < 0 {
				b.WriteString(strings.Repeat(" ", colWidth))
				continue
			}
			b.WriteString(render(st[part], strings.Repeat(string(fills[part]), colWidth)))
		}
		lines[row] = b.String()
	}
	return lines
}
