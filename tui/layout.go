package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/model"
)

// truncate cuts s (which may hold styles) to n cells, marking the cut.
func truncate(s string, n int) string { return ansi.Truncate(s, n, "…") }

// fitLines makes exactly h lines, each cut to w cells: a screen that never
// scrolls the terminal, whatever the data.
func fitLines(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(truncate(l, w))
	}
	for i := len(lines); i < h; i++ {
		b.WriteByte('\n')
	}
	return b.String()
}

// wrapText breaks text into lines of at most w cells.
func wrapText(text string, w int) []string {
	return strings.Split(lipgloss.NewStyle().Width(max(10, w)).Render(text), "\n")
}

// day formats a date for tables: "23 Nov" this year, "23 Nov 2025" otherwise.
func day(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	if t.Year() == now.Year() {
		return t.Format("02 Jan")
	}
	return t.Format("02 Jan 2006")
}

// dueText is the next-due cell: the state in words, then when.
func dueText(due time.Time, ok bool, now time.Time) (model.DueState, string) {
	state := model.StateOf(due, ok, now)
	switch state {
	case model.DueNone:
		return state, "—"
	case model.DueOverdue:
		days := model.DateOf(due.In(now.Location())).DaysUntil(model.DateOf(now))
		return state, "OVERDUE " + strconv.Itoa(days) + "d"
	case model.DueToday:
		return state, "TODAY " + due.Format("15:04")
	case model.DueThisWeek:
		return state, due.Format("Mon 02 Jan")
	}
	return state, day(due, now)
}

// entries reads a list field: one entry a line, blank lines skipped.
func entries(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
