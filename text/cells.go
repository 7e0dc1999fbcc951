package text

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Width is how many terminal cells s takes: an accented letter one, a CJK
// character two, a colour code none; over several lines, the widest. It is
// never len(s), which counts bytes.
func Width(s string) int {
	if strings.IndexByte(s, '\n') < 0 {
		return ansi.StringWidth(s) // one line, the usual case: no split
	}
	return lipgloss.Width(s)
}

// Truncate cuts s (which may hold colour codes) to n cells, marking the cut
// with an ellipsis.
func Truncate(s string, n int) string { return ansi.Truncate(s, n, "…") }

// Pad fits s into exactly n cells: cut with an ellipsis, and filled with
// spaces on the right. A cut before a wide character leaves a cell over,
// which is filled too, so that the next column starts where it should.
func Pad(s string, n int) string {
	if Width(s) > n {
		s = Truncate(s, n)
	}
	return s + strings.Repeat(" ", max(0, n-Width(s)))
}

// PadLeft puts s at the right of n cells; s wider than n is left whole.
func PadLeft(s string, n int) string {
	w := Width(s)
	if w >= n {
		return s
	}
	return strings.Repeat(" ", n-w) + s
}

// Wrap breaks s into lines of at most w cells (at least 10), at spaces where
// it can; each line is filled with spaces to the width.
func Wrap(s string, w int) []string {
	return strings.Split(lipgloss.NewStyle().Width(max(10, w)).Render(s), "\n")
}
