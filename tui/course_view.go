package tui

import (
	"time"

	"charm.land/lipgloss/v2"

	"caseload/chart"
	"caseload/model"
)

// stageRows are the step chart's rows, top to bottom: recurrence at the
// bottom, so that a recurrence reads as a step back.
var stageRows = []model.Stage{model.StageMaintenance, model.StageAction, model.StagePreparation,
	model.StageContemplation, model.StagePrecontemplation, model.StageRecurrence}

// stageChart draws the client's stage of change from the start of
// supervision (or the first stage recorded, when earlier) to now, in w
// cells: one column per stretch of time, the months marked below.
func stageChart(s styles, marks []model.StageMark, start model.Date, now time.Time, w int) []string {
	labels := make([]string, len(stageRows))
	st := make([]lipgloss.Style, len(stageRows))
	for i, r := range stageRows {
		labels[i], st[i] = r.Label(), s.stage[r]
	}
	from := time.Time{}
	if !start.IsZero() {
		from = start.In(now.Location())
	}
	if len(marks) > 0 && (from.IsZero() || marks[0].At.Before(from)) {
		from = marks[0].At
	}
	cols := max(10, w-len("Precontemplation")-3)
	times := make([]time.Time, cols)
	ticks := map[int]string{}
	lastTick, lastMonth := -10, ""
	for i := range times {
		times[i] = from.Add(time.Duration(float64(now.Sub(from)) * float64(i+1) / float64(cols)))
		month := times[i].Format("Jan 06")
		if month != lastMonth && i-lastTick >= 8 {
			ticks[i], lastTick = month, i
		}
		lastMonth = month
	}
	at := make([]int, cols)
	for i, stage := range model.StageAt(marks, times) {
		at[i] = -1
		for r, row := range stageRows {
			if row == stage {
				at[i] = r
			}
		}
	}
	return chart.Steps(labels, st, at, ticks)
}

// courseCells are the client's last tests and contacts, oldest first, one
// lettered cell each so that they read without colour; "none yet" where
// there are none.
func courseCells(s styles, c model.ClientCourse) (testLine, contactLine string) {
	tests := make([]chart.Cell, len(c.Tests))
	for i, t := range c.Tests {
		st := s.ok
		switch t.Result {
		case model.TestPositive, model.TestAdmitted:
			st = s.overdue
		case model.TestRefused, model.TestDilute:
			st = s.warn
		}
		tests[i] = chart.Cell{Letter: t.Result.Letter(), Style: st}
	}
	contacts := make([]chart.Cell, len(c.Contacts))
	for i, k := range c.Contacts {
		st := s.ok
		switch {
		case k.Outcome.Missed():
			st = s.overdue
		case k.Outcome == model.OutcomeRescheduled:
			st = s.dim
		}
		contacts[i] = chart.Cell{Letter: k.Outcome.Letter(), Style: st}
	}
	testLine, contactLine = chart.Strip(tests), chart.Strip(contacts)
	if len(tests) == 0 {
		testLine = s.dim.Render("none yet")
	}
	if len(contacts) == 0 {
		contactLine = s.dim.Render("none yet")
	}
	return testLine, contactLine
}

// courseStrips are the strips with their legends, for the Stage history tab.
func courseStrips(s styles, c model.ClientCourse) []string {
	testLine, contactLine := courseCells(s, c)
	return []string{
		s.label.Render("Last tests    ") + testLine + "  " + s.dim.Render("N neg · P pos · R refused · D dilute · A admitted"),
		s.label.Render("Last contacts ") + contactLine + "  " + s.dim.Render("C done · M no-show · F not found · S moved"),
	}
}

// courseStripLine is both strips on one line, at the head of the timeline:
// the client's course at a glance, where the officer lands on opening them.
func courseStripLine(s styles, c model.ClientCourse) string {
	testLine, contactLine := courseCells(s, c)
	return s.label.Render("Last tests ") + testLine + "   " + s.label.Render("Last contacts ") + contactLine
}
