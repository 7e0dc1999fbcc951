package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"caseload/model"
	"caseload/text"
	"caseload/tui/form"
)

// view draws the client screen in h lines of w cells.
func (v *clientView) view(f frame) []string {
	s, now, w, h, notice := f.s, f.now, f.w, f.h, f.notice
	c, sum := v.client, v.summary
	state, due := dueText(sum.NextDue, sum.HasDue, now)
	stage := "none recorded"
	if sum.Stage != "" {
		stage = s.stageBadge(sum.Stage) + " " + sum.Stage.Label() + " since " + day(v.stageSince, now)
	}
	until := c.SupervisionTo.String()
	if until == "" {
		until = "open"
	}
	lines := []string{
		s.title.Render(text.Clean(c.DisplayName())) + "  " + text.Clean(c.CaseNumber) + " · " + c.SupervisionType.Label() + " · " +
			c.Level.Label() + " · " + c.Status.Label(),
		"Supervised " + orDash(c.SupervisionFrom.String()) + " → " + until + " · Next due: " + s.due(state, due),
		"Stage: " + stage,
		s.dim.Render("Conditions: ") + orDash(firstLine(text.Clean(strings.ReplaceAll(c.Conditions, "\n", "; ")))),
		consentLine(s, v.consents, model.DateOf(now), w),
	}
	notice = v.safetyBanner(s, now, notice)
	if notice != "" {
		lines = append(lines, notice)
	}
	var tabs []string
	for _, t := range clientTabs() {
		if t == v.tab {
			tabs = append(tabs, s.tabOn.Render("["+t.name()+"]"))
		} else {
			tabs = append(tabs, s.tabOff.Render(" "+t.name()+" "))
		}
	}
	lines = append(lines, strings.Join(tabs, " "))
	head := ""
	if hd, ok := v.tab.(tabHead); ok {
		head = hd.head(v, s)
	}
	lines = append(lines, head)
	lines = append(lines, v.tab.view(v, s, now, w, h-len(lines))...)
	return lines
}

// view lists the records, newest first, with the selected record's
// full note below.
func (timelineTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	if len(v.timeline) == 0 {
		if v.supervisorFile {
			return []string{s.dim.Render("Nothing recorded yet. n writes your note to the officer.")}
		}
		return []string{s.dim.Render("Nothing recorded yet. c logs a check-in, n a stage note.")}
	}
	var out []string
	for i := v.top; i < len(v.timeline) && i < v.top+v.height; i++ {
		e := v.timeline[i]
		mark := "  "
		if i == v.cursor {
			mark = s.selected.Render("▸") + " "
		}
		line := mark + e.At.Format("2006-01-02 15:04") + "  " + entrySummary(e, s)
		if e.AmendedBy != "" {
			line = mark + s.dim.Render(e.At.Format("2006-01-02 15:04")+"  ") + s.warn.Render("AMENDED ") + s.dim.Render(entrySummary(e, s))
		}
		out = append(out, line)
	}
	for len(out) < h-timelineDetail-1 {
		out = append(out, "")
	}
	out = append(out, s.dim.Render(strings.Repeat("─", w)))
	if e, ok := v.selected(); ok {
		note := entryNote(e)
		if note == "" {
			note = s.dim.Render("(no note)")
		}
		wrapped := strings.Split(lipgloss.NewStyle().Width(w).Render(text.CleanLines(note)), "\n")
		out = append(out, wrapped[:min(len(wrapped), timelineDetail)]...)
	}
	return out
}

// entrySummary is one line about a timeline record.
func entrySummary(e model.TimelineEntry, s styles) string {
	switch {
	case e.CheckIn != nil:
		c := e.CheckIn
		parts := []string{"Check-in", c.Type.Label(), c.Outcome.Label(), "test: " + c.Test.Label()}
		if len(c.Substances) > 0 {
			parts[3] += " (" + text.Clean(strings.Join(c.Substances, ", ")) + ")"
		}
		if c.Stage != "" {
			parts = append(parts, s.stageBadge(c.Stage))
		}
		if len(c.Flags) > 0 {
			parts = append(parts, s.warn.Render("⚑"+strconv.Itoa(len(c.Flags))))
		}
		return strings.Join(parts, " · ") + "  " + s.dim.Render(firstLine(text.Clean(c.Note)))
	case e.StageNote != nil:
		return "Stage    " + s.stageBadge(e.StageNote.Stage) + " " + e.StageNote.Stage.Label() + "  " + s.dim.Render(firstLine(text.Clean(e.StageNote.Note)))
	case e.Event != nil:
		if e.Event.From == "" {
			return "Referral " + text.Clean(e.ResourceName) + ": " + e.Event.To.Label()
		}
		return "Referral " + text.Clean(e.ResourceName) + ": " + e.Event.From.Label() + " → " + e.Event.To.Label()
	case e.Screening != nil, e.Goal != nil:
		return planEntrySummary(e, s)
	case e.Amendment != nil:
		a := e.Amendment
		what := "struck out"
		if a.ReplacementID != "" {
			what = "corrected"
		}
		return "Amendment: " + kindLabel[a.TargetKind] + " " + what + " — " + text.Clean(a.Reason)
	}
	return string(e.Kind)
}

// entryNote is the full text of a record, for the pane under the timeline.
func entryNote(e model.TimelineEntry) string {
	switch {
	case e.CheckIn != nil:
		c := e.CheckIn
		head := ""
		if c.Location != "" {
			head = "At " + c.Location + ". "
		}
		if len(c.Flags) > 0 {
			var fl []string
			for _, f := range c.Flags {
				fl = append(fl, f.Label())
			}
			head += "Flags: " + strings.Join(fl, ", ") + ". "
		}
		if !c.NextAppointment.IsZero() {
			head += "Next appointment " + c.NextAppointment.Format("Mon 2 Jan 2006 15:04") + ". "
		}
		return head + c.Note
	case e.StageNote != nil:
		return e.StageNote.Note
	case e.Event != nil:
		return e.Event.Note
	case e.Amendment != nil:
		return "Reason: " + e.Amendment.Reason
	case e.Screening != nil, e.Goal != nil:
		return planEntryNote(e)
	}
	return ""
}

// view shows the client's course: the strips of tests and contacts,
// the stages over time as a step chart, the latest change, and what the
// current stage looks like and what helps. In a short window the strips
// take one line and the spacing goes, so that the help text stays whole.
func (stagesTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	changes := model.StageChanges(v.history)
	if len(changes) == 0 {
		return append(courseStrips(s, v.course), "", s.dim.Render("No stage of change recorded yet. n records one."))
	}
	chart := stageChart(s, v.course.Stages, v.client.SupervisionFrom, now, w)
	var latest []string
	from := max(0, len(changes)-1) // the chart shows the rest
	for _, ch := range changes[from:] {
		line := "  " + day(ch.At, now) + "  "
		if ch.From == "" {
			line += "first recorded: " + ch.To.Label()
		} else {
			line += ch.From.Label() + " → " + ch.To.Label()
		}
		if ch.Back {
			line += "  " + s.warn.Render("↩ moved back")
		}
		latest = append(latest, line)
	}
	var current []string
	if cur := v.summary.Stage; cur != "" {
		current = append([]string{s.bold.Render("Now: " + cur.Label())},
			strings.Split(lipgloss.NewStyle().Width(w).Render("Looks like: "+cur.Help()+"\nWhat helps: "+cur.Helps()), "\n")...)
	}
	out := append(courseStrips(s, v.course), "")
	out = append(append(out, chart...), "")
	out = append(out, latest...)
	if len(current) > 0 {
		out = append(append(out, ""), current...)
	}
	if len(out) <= h {
		return out
	}
	out = append([]string{courseStripLine(s, v.course)}, chart...)
	out = append(out, latest...)
	if len(out)+1+len(current) <= h {
		out = append(out, "")
	}
	return append(out, current...)
}

func (profileTab) view(v *clientView, s styles, _ time.Time, _, _ int) []string {
	c := v.client
	row := func(label, value string) string {
		return s.label.Render(text.Pad(label, form.LabelWidth)) + orDash(value)
	}
	out := []string{
		row("Name", text.Clean(c.Name)),
		row("Preferred", text.Clean(c.PreferredName)),
		row("Case number", text.Clean(c.CaseNumber)),
		row("Born", c.DateOfBirth.String()),
		row("Phone", text.Clean(c.Phone)),
		row("Address", text.Clean(c.Address)),
		row("Supervision", c.SupervisionType.Label()+", "+c.Level.Label()+" level, "+c.Status.Label()),
		row("From – until", orDash(c.SupervisionFrom.String())+" – "+orDash(c.SupervisionTo.String())),
		row("Tags", text.Clean(strings.Join(c.Tags, ", "))),
		row("Referrals", strconv.Itoa(v.summary.OpenReferrals)+" open"),
		row("Conditions", ""),
	}
	for _, l := range strings.Split(text.CleanLines(c.Conditions), "\n") {
		if l != "" {
			out = append(out, "  "+l)
		}
	}
	return out
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func firstLine(s string) string {
	if i := strings.Index(s, "↵"); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

var kindLabel = map[model.RecordKind]string{
	model.KindCheckIn:       "check-in",
	model.KindStageNote:     "stage note",
	model.KindReferralEvent: "referral change",
}
