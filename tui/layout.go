package tui

import (
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/text"
)

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
		b.WriteString(text.Truncate(l, w))
	}
	for i := len(lines); i < h; i++ {
		b.WriteByte('\n')
	}
	return b.String()
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
