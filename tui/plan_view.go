package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"caseload/model"
	"caseload/text"
)

// planRow is one line of the Plan tab; item is the cursor stop it draws, or
// -1 for a heading or a line of text.
type planRow struct {
	text string
	item int
}

// view draws the Plan tab in h lines: conditions, goals with their steps,
// then the relapse-prevention plan, scrolled so the cursor stays in sight.
func (planTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	p := v.plan
	if p == nil {
		return []string{s.dim.Render("Reading the plan…")}
	}
	if p.history != nil {
		return p.history.view(s, now, h)
	}
	rows := p.rows(s, now, w, v.client.Conditions, v.refs)
	if len(rows) <= h {
		out := make([]string, len(rows))
		for i, r := range rows {
			out[i] = r.text
		}
		return out
	}
	// The last line says where the window is; the cursor sits a third of the
	// way down it, so what comes next is in sight.
	h = max(1, h-1)
	at := 0
	for i, r := range rows {
		if r.item == p.cursor {
			at = i
		}
	}
	top := max(0, min(at-h/3, len(rows)-h))
	if p.cursor == 0 {
		top = 0 // the conditions stay in sight until the cursor moves on
	}
	var out []string
	for _, r := range rows[top : top+h] {
		out = append(out, r.text)
	}
	return append(out, s.dim.Render("lines "+strconv.Itoa(top+1)+"–"+strconv.Itoa(top+h)+" of "+
		strconv.Itoa(len(rows))+" · j/k move"))
}

// rows lays the tab out; the cursor stops are numbered as items() lists them.
func (p *planView) rows(s styles, now time.Time, w int, conditions string, refs *referralList) []planRow {
	var out []planRow
	plain := func(t string) { out = append(out, planRow{t, -1}) }
	item := 0 // counts cursor stops as they are drawn
	stop := func(indent, t string) {
		mark := "  "
		if item == p.cursor {
			mark = s.selected.Render("▸") + " "
		}
		out = append(out, planRow{indent + mark + t, item})
		item++
	}

	plain(s.header.Render("Court-ordered conditions"))
	listed := false
	for _, l := range strings.Split(text.CleanLines(conditions), "\n") {
		if strings.TrimSpace(l) != "" {
			plain("  " + l)
			listed = true
		}
	}
	if !listed {
		plain(s.dim.Render("  None recorded. e edits the client."))
	}

	plain("")
	plain(s.header.Render("Goals") + s.dim.Render(goalCounts(p.goals)))
	if len(p.goals) == 0 {
		plain(s.dim.Render("  No goals yet. p adds one."))
	}
	today := model.DateOf(now)
	names := referralNames(refs)
	for _, g := range p.goals {
		stop("", goalLine(g, now))
		wrapped := lipgloss.NewStyle().Width(max(20, w-6)).Render("“" + text.Clean(g.Words) + "”")
		for _, l := range strings.Split(wrapped, "\n") {
			plain("    " + strings.TrimRight(l, " "))
		}
		overdue := map[model.Step]bool{}
		for _, st := range g.StepsOverdue(today) {
			overdue[st] = true
		}
		for _, st := range g.Steps {
			stop("  ", stepLine(st, overdue[st], s, now))
		}
		var linked []string
		for _, id := range g.ReferralIDs {
			if n, ok := names[id]; ok {
				linked = append(linked, n)
			}
		}
		if len(linked) > 0 {
			plain(s.dim.Render("    Referrals: ") + strings.Join(linked, ", "))
		}
	}

	plain("")
	rp, ok := p.shownPlan()
	if !ok {
		plain(s.header.Render("Relapse-prevention plan"))
		plain(s.dim.Render("  No plan yet. P writes one."))
		return out
	}
	plain(s.header.Render("Relapse-prevention plan") + " · version " + strconv.Itoa(rp.Version) + " of " +
		strconv.Itoa(p.plans[0].Version) + ", saved " + rp.At.Format("2 Jan 2006"))
	switch {
	case p.shown > 0:
		plain(s.warn.Render("  OLDER VERSION, read-only") + s.dim.Render(" · v shows the next · P edits the current one"))
	case len(p.plans) > 1:
		plain(s.dim.Render("  v shows the older versions · P edits the plan"))
	default:
		plain(s.dim.Render("  P edits the plan"))
	}
	for _, sec := range model.RelapseSections() {
		plain("  " + s.bold.Render(sec.Label))
		lines := rp.Lines(sec.Value)
		if len(lines) == 0 {
			plain(s.dim.Render("      —"))
		}
		for _, l := range lines {
			stop("  ", text.Clean(l))
		}
	}
	if rp.Note != "" {
		plain(s.dim.Render("  Why: ") + text.Clean(rp.Note))
	}
	return out
}

// goalCounts is " · 2 open of 3", after the Goals heading.
func goalCounts(goals []model.Goal) string {
	if len(goals) == 0 {
		return ""
	}
	open := 0
	for _, g := range goals {
		if g.Status == model.GoalOpen {
			open++
		}
	}
	hint := " · space ticks a step, enter edits, H history"
	if open == 0 {
		// Only an open goal's steps are ticked.
		hint = " · enter edits, H history"
	}
	return " · " + strconv.Itoa(open) + " open of " + strconv.Itoa(len(goals)) + hint
}

// goalLine is the first line of a goal: domain, status, target, progress.
func goalLine(g model.Goal, now time.Time) string {
	parts := []string{g.Domain.Label(), g.Status.Label()}
	if !g.TargetDate.IsZero() {
		target := "target " + day(g.TargetDate.In(now.Location()), now)
		if g.Status == model.GoalOpen && g.TargetDate.Before(model.DateOf(now)) {
			target += " (passed)"
		}
		parts = append(parts, target)
	}
	if len(g.Steps) > 0 {
		parts = append(parts, strconv.Itoa(g.StepsDone())+"/"+strconv.Itoa(len(g.Steps))+" steps done")
	}
	return strings.Join(parts, " · ")
}

// stepLine is a step with its box: [x] done, [ ] not; an overdue step says
// so in words as well as in colour.
func stepLine(st model.Step, overdue bool, s styles, now time.Time) string {
	box := "[ ] "
	if st.Done {
		box = "[x] "
	}
	line := box + text.Clean(st.Text)
	if !st.Due.IsZero() {
		line += s.dim.Render(" · due " + day(st.Due.In(now.Location()), now))
	}
	if overdue {
		line += " " + s.overdue.Render("OVERDUE")
	}
	return line
}

// referralNames names the client's referrals by their resource, for the
// goals they serve.
func referralNames(refs *referralList) map[string]string {
	out := map[string]string{}
	if refs == nil {
		return out
	}
	for _, r := range refs.items {
		out[r.referral.ID] = text.Clean(r.resource)
	}
	return out
}

// lines draws every version of the goal, newest first.
func (hist *goalHistory) lines(s styles, now time.Time) []string {
	n := len(hist.versions)
	if n == 0 {
		return []string{s.dim.Render("No versions.")}
	}
	versions := strconv.Itoa(n) + " versions"
	if n == 1 {
		versions = "1 version"
	}
	out := []string{s.header.Render("History of the goal") + " · " + versions + ", newest first · esc back"}
	for i := n - 1; i >= 0; i-- {
		g := hist.versions[i]
		out = append(out, "", s.bold.Render("Version "+strconv.Itoa(g.Version))+" · saved "+g.At.Format("2 Jan 2006 15:04"))
		out = append(out, "    "+goalLine(g, now), "    “"+text.Clean(g.Words)+"”")
		for _, st := range g.Steps {
			out = append(out, "    "+stepLine(st, false, s, now))
		}
		if g.Note != "" {
			out = append(out, s.dim.Render("    Why: ")+text.Clean(g.Note))
		}
	}
	return out
}

// view draws the history from its first line on screen, in h lines.
func (hist *goalHistory) view(s styles, now time.Time, h int) []string {
	lines := hist.lines(s, now)
	from := max(0, min(hist.scroll.cursor, len(lines)-h))
	return lines[from:min(len(lines), from+h)]
}
