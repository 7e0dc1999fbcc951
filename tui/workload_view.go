package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"caseload/chart"
	"caseload/model"
	"caseload/text"
)

// workloadWeeksShown is how many weeks the table shows: this one and the
// last four. The trends under it cover every week read.
const workloadWeeksShown = 5

// view draws the workload: the weeks, the load, the caseload's shape and the
// signals fill an 80x24 screen; the trends follow, a scroll away. It is
// information, never a score: the words say what is counted, not whether it
// is good.
func (v *workloadView) view(f frame) []string {
	s, now, w, h := f.s, f.now, f.w, f.h
	whose := "your week · "
	if v.owner != "" {
		whose = text.Clean(v.owner) + "'s week · "
	}
	head := []string{s.title.Render("Caseload") + "  " + tabRow(s, workloadTab) + "  " + s.dim.Render(whose+now.Format("Mon 2 Jan"))}
	if f.notice != "" {
		head = append(head, f.notice)
	} else {
		head = append(head, s.dim.Render("j/k scroll · tab goes on to Due · esc back to the caseload"))
	}
	if !v.loaded {
		return append(head, "", s.dim.Render("Reading the workload…"))
	}
	body := workloadLines(s, v.workload, w)
	rows := max(1, h-len(head))
	v.top = min(v.top, max(0, len(body)-rows))
	end := min(len(body), v.top+rows)
	out := head
	for _, l := range body[v.top:end] {
		out = append(out, text.Truncate(l, w))
	}
	return out
}

// workloadLines is the whole workload, line by line, for a screen w wide.
func workloadLines(s styles, wl model.Workload, w int) []string {
	var out []string
	weeks := wl.Weeks
	if len(weeks) > workloadWeeksShown {
		weeks = weeks[len(weeks)-workloadWeeksShown:]
	}
	out = append(out, s.header.Render(fmt.Sprintf("%-12s%5s%6s%8s%9s%7s%6s%7s%8s",
		"Week of", "Due", "Done", "Missed", "Overdue", "Tests", "Use", "Refs+", "Refs✓")))
	for i, f := range weeks {
		label := f.Week.Start.Format("Mon 2 Jan")
		if i == len(weeks)-1 {
			label = "This week"
		}
		out = append(out, fmt.Sprintf("%-12s%5d%6d%8d%9d%7d%6d%7d%8d", label, f.Due, f.DoneTotal, f.Missed, f.Overdue,
			f.TestsGiven, f.Tests[model.TestPositive]+f.Tests[model.TestAdmitted], f.ReferralsMade, f.ReferralsClosed))
	}
	this := wl.Weeks[len(wl.Weeks)-1]
	var done []string
	for _, t := range model.ContactTypes() {
		done = append(done, fmt.Sprintf("%s %d", t.Label, this.Done[t.Value]))
	}
	out = append(out, s.dim.Render("Done this week: "+strings.Join(done, " · ")), "")

	barW := max(20, min(w-16, 64))
	std := "the APPA caseload standards"
	if !wl.Standards.IsAPPA() {
		std = "your agency's caseload standards"
	}
	out = append(out, s.header.Render("Weighted load against "+std+" (information, not a score)"))
	load := chart.Bars([]chart.Bar{
		{Label: "Your load", Value: wl.Load.Percent, Text: fmt.Sprintf("%.0f%%", wl.Load.Percent), Style: s.title},
		{Label: "One full", Value: 100, Text: "100%", Style: s.dim},
	}, barW+14)
	out = append(out, strings.Split(load, "\n")...)
	out = append(out, "")

	out = append(out, s.header.Render(fmt.Sprintf("Caseload: %d active", wl.Shape.Active)))
	var levels []chart.Segment
	for i, l := range model.LevelsByIntensity() {
		levels = append(levels, chart.Segment{Label: l.Label(), Value: wl.Shape.ByLevel[l], Fill: chart.Fills[i], Style: levelStyle(s, l)})
	}
	out = append(out, "Level  "+chart.Stacked(levels, barW), "       "+chart.Legend(levels))
	var stages []chart.Segment
	for i, st := range model.Stages() {
		stages = append(stages, chart.Segment{Label: st.Value.Short(), Value: wl.Shape.ByStage[st.Value], Fill: chart.Fills[i], Style: s.stage[st.Value]})
	}
	stages = append(stages, chart.Segment{Label: "none", Value: wl.Shape.ByStage[""], Fill: chart.Fills[6], Style: s.dim})
	out = append(out, "Stage  "+chart.Stacked(stages, barW), "       "+chart.Legend(stages))
	var types []string
	for _, t := range model.SupervisionTypes() {
		types = append(types, fmt.Sprintf("%s %d", t.Label, wl.Shape.ByType[t.Value]))
	}
	out = append(out, "Type   "+strings.Join(types, " · "))
	sig := fmt.Sprintf("Last 30 days: %d with a risk flag · %d with a positive test or admitted use · %d with a violation",
		wl.Signals.RiskFlagged, wl.Signals.UseIndicated, wl.Signals.Violations)
	prompts := fmt.Sprintf("PHQ-9 screenings this month that asked about safety: %d", wl.Signals.SafetyPrompts)
	if text.Width(sig)+3+text.Width(prompts) <= w {
		out = append(out, s.dim.Render(sig+" · "+prompts))
	} else {
		out = append(out, text.Wrap(s.dim.Render(sig), w)...)
		out = append(out, s.dim.Render(prompts))
	}
	out = append(out, "")
	return append(out, workloadTrend(s, wl)...)
}

// workloadTrend draws the weeks read, oldest first: contacts as columns, the
// shares as sparklines, the stages at each week's end stacked.
func workloadTrend(s styles, wl model.Workload) []string {
	n := len(wl.Weeks)
	out := []string{s.header.Render(fmt.Sprintf("The last %d weeks, oldest first", n))}
	contacts, completed, used := make([]float64, n), make([]float64, n), make([]float64, n)
	most := 0.0
	for i, f := range wl.Weeks {
		contacts[i] = float64(f.Contacts)
		most = math.Max(most, contacts[i])
		completed[i], used[i] = math.NaN(), math.NaN()
		if v, ok := f.CompletedShare(); ok {
			completed[i] = v
		}
		if v, ok := f.PositiveShare(); ok {
			used[i] = v
		}
	}
	cols := chart.Columns(contacts, 3, 1, s.title)
	for i, l := range cols {
		label := ""
		if i == 0 {
			label = fmt.Sprintf("  most %d", int(most))
		}
		out = append(out, rowLabel(i, "Contacts")+l+label)
	}
	out = append(out, text.Pad("Completed", 12)+spacedSparkline(completed, 1, s.ok)+"  share of contacts, 0–100%")
	out = append(out, text.Pad("Use shown", 12)+spacedSparkline(used, 1, s.warn)+"  share of tests; · no test")
	stacks := make([][]int, n)
	for i, f := range wl.Weeks {
		for _, st := range model.Stages() {
			stacks[i] = append(stacks[i], f.Stages[st.Value])
		}
		stacks[i] = append(stacks[i], f.Stages[""])
	}
	fills := append(append([]rune(nil), chart.Fills[:6]...), chart.Fills[6])
	var styles []lipgloss.Style
	var legend []chart.Segment
	last := wl.Weeks[n-1]
	for i, st := range model.Stages() {
		styles = append(styles, s.stage[st.Value])
		legend = append(legend, chart.Segment{Label: st.Value.Short(), Value: last.Stages[st.Value], Fill: fills[i], Style: s.stage[st.Value]})
	}
	styles = append(styles, s.dim)
	legend = append(legend, chart.Segment{Label: "none", Value: last.Stages[""], Fill: fills[6], Style: s.dim})
	for i, l := range chart.StackedColumns(stacks, fills, styles, 6, 1) {
		out = append(out, rowLabel(i, "Stages")+l)
	}
	return append(out, text.Pad("", 12)+chart.Legend(legend))
}

// spacedSparkline draws one cell a week with a space between, to line up
// with the columns above it.
func spacedSparkline(values []float64, max float64, st lipgloss.Style) string {
	cells := make([]string, len(values))
	for i, v := range values {
		cells[i] = chart.Sparkline([]float64{v}, max, st)
	}
	return strings.Join(cells, " ")
}

// rowLabel labels the first line of a chart only.
func rowLabel(i int, label string) string {
	if i > 0 {
		label = ""
	}
	return text.Pad(label, 12)
}

func levelStyle(s styles, l model.Level) lipgloss.Style {
	switch l {
	case model.LevelIntensive:
		return s.overdue
	case model.LevelHigh:
		return s.warn
	case model.LevelModerate:
		return s.title
	}
	return s.dim
}
