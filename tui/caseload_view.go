package tui

import (
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/text"
)

// Column widths of the caseload table; the name takes what is left.
const (
	colCase  = 13
	colStage = 6
	colLevel = 10
	colLast  = 12 // "07 Oct 2025" and a space before the next column
	colDue   = 12
	colRefs  = 5
	colCond  = 5 // conditions not in compliance: "✗2"
	// condColumnFrom is the width from which the conditions get a column
	// of their own; narrower, the badge ends the name's cell, so that
	// names keep their room at 80 columns.
	condColumnFrom = 100
)

// agendaTab names the agenda in the caseload's tab row: it is the second
// tab, a view of its own rather than a narrower list.
const agendaTab = "agenda"

// workloadTab names the workload in the tab row, beside the agenda.
const workloadTab = "workload"

// tabRow draws the caseload's tabs, the active one in brackets (so it shows
// without colour).
func tabRow(s styles, active string) string {
	var tabs []string
	for i, t := range model.CaseloadTabs() {
		if i == 1 {
			tabs = append(tabs, tabLabel(s, "Agenda", active == agendaTab), tabLabel(s, "Workload", active == workloadTab))
		}
		tabs = append(tabs, tabLabel(s, t.Label, string(t.Value) == active))
	}
	return strings.Join(tabs, " ")
}

func tabLabel(s styles, label string, on bool) string {
	if on {
		return s.tabOn.Render("[" + label + "]")
	}
	return s.tabOff.Render(" " + label + " ")
}

// view draws the caseload: tabs, the filter line, the table and where the
// cursor is. h is the lines it may use.
func (c *caseload) view(f frame) []string {
	s, now, w, h, notice := f.s, f.now, f.w, f.h, f.notice
	order := "sort: " + sortLabel(c.sort)
	if c.filterActive() {
		order = "sort: best match"
	}
	lines := []string{s.title.Render("Caseload") + "  " + tabRow(s, string(c.tab)) + "  " + s.dim.Render(order)}
	switch {
	case c.filtering || c.filterActive():
		lines = append(lines, c.filter.View()+"  "+notice)
	case notice != "":
		lines = append(lines, notice)
	default:
		lines = append(lines, s.dim.Render("/ to find a client by name or case number · g agenda · R resources"))
	}
	if c.empty() {
		return append(lines, firstStart(s)...)
	}
	t := c.layout(w)
	lines = append(lines, s.header.Render("  "+text.Pad("Name", t.nameW)+text.Pad(t.officerHead, t.officerW)+text.Pad("Case no.", colCase)+
		text.Pad("Stage", colStage)+text.Pad("Level", colLevel)+text.Pad(t.lastHead, t.lastW)+text.Pad("Next due", colDue)+
		text.PadLeft("Refs", colRefs)+text.PadLeft(t.condHead, t.condW)))
	rows := h - len(lines) - 1
	if c.searching() {
		rows = 0 // no placeholders for rows that may not exist
	}
	for i := c.top; i < c.top+rows; i++ {
		if c.counted && i >= c.total || c.endKnown && i >= c.from+len(c.rows) {
			break
		}
		r, ok := c.rowAt(i)
		if !ok {
			lines = append(lines, s.dim.Render("  …"))
			continue
		}
		lines = append(lines, c.rowLine(r, i == c.cursor, s, now, t))
	}
	if c.loaded && len(c.rows) == 0 && !c.searching() && c.notCompliant {
		lines = append(lines, s.dim.Render("  No client here is out of compliance. ! shows everyone again."))
	} else if c.loaded && len(c.rows) == 0 && !c.searching() {
		lines = append(lines, s.dim.Render("  No clients here. tab shows the other tabs; esc clears the filter."))
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	last := c.position()
	if f.sync != "" {
		last += " · " + f.sync
	}
	return append(lines, s.dim.Render(last))
}

func (c *caseload) rowAt(i int) (model.CaseloadRow, bool) {
	j := i - c.from
	if j < 0 || j >= len(c.rows) {
		return model.CaseloadRow{}, false
	}
	return c.rows[j], true
}

// tableLayout is how the caseload's columns share the window.
type tableLayout struct {
	nameW int
	// condW is the width of the conditions column, 0 when their badge
	// ends the name's cell instead.
	condW    int
	condHead string
	// officerW is the Officer column's, shown when the file holds more
	// than one officer's clients (a supervisor's); below 100 columns it
	// takes the place of Last.
	officerW    int
	officerHead string
	lastW       int
	lastHead    string
}

const colOfficer = 12

func (c *caseload) layout(w int) tableLayout {
	t := tableLayout{lastW: colLast, lastHead: "Last"}
	if w >= condColumnFrom {
		t.condW, t.condHead = colCond, "Cond"
	}
	if len(c.officers) > 1 {
		t.officerW, t.officerHead = colOfficer, "Officer"
		if w < condColumnFrom {
			t.lastW, t.lastHead = 0, ""
		}
	}
	t.nameW = max(12, w-2-colCase-colStage-colLevel-t.lastW-colDue-colRefs-t.condW-t.officerW)
	return t
}

// rowLine is one client's row, laid out by t.
func (c *caseload) rowLine(r model.CaseloadRow, selected bool, s styles, now time.Time, t tableLayout) string {
	nameW, condW := t.nameW, t.condW
	name := text.Clean(r.Name)
	if r.PreferredName != "" && r.PreferredName != r.Name {
		name += " (" + text.Clean(r.PreferredName) + ")"
	}
	mark := "  "
	if selected {
		mark = "▸ "
		name = s.bold.Render(name)
	}
	state, due := dueText(r.NextDue, r.HasDue, now)
	if r.Status != model.StatusActive {
		state, due = model.DueNone, r.Status.Label()
	}
	refs := ""
	if r.OpenReferrals > 0 {
		refs = strconv.Itoa(r.OpenReferrals)
	}
	cond := ""
	if r.NotCompliant > 0 {
		// The cross says it without colour; red only helps.
		cond = s.overdue.Render("✗" + strconv.Itoa(r.NotCompliant))
	}
	nameCell, condCell := text.Pad(name, nameW-1), text.PadLeft(cond, condW)
	if condW == 0 && cond != "" {
		nameCell, condCell = text.Pad(name, nameW-2-text.Width(cond))+" "+cond, ""
	}
	officer, last := "", ""
	if t.officerW > 0 {
		officer = text.Pad(text.Clean(r.Owner), t.officerW-1) + " "
	}
	if t.lastW > 0 {
		last = text.Pad(day(r.LastContact, now), t.lastW)
	}
	line := mark + nameCell + " " + officer + text.Pad(text.Clean(r.CaseNumber), colCase-1) + " " + text.Pad(s.stageBadge(r.Stage), colStage) +
		text.Pad(r.Level.Label(), colLevel) + last + text.Pad(s.due(state, due), colDue) + text.PadLeft(refs, colRefs) + condCell
	if selected {
		return s.selected.Render(mark) + line[len(mark):]
	}
	return line
}

// firstStart explains an empty caseload and offers the two ways on.
func firstStart(s styles) []string {
	return []string{
		"",
		s.bold.Render("No clients yet."),
		"",
		"This is your caseload: the people you supervise, who is due for a contact,",
		"and the record of every check-in, stage of change and referral.",
		"It lives in one file on this laptop and works without a network.",
		"",
		"  d  load the demo caseload: 120 fictional people, to try things out",
		"  a  add your first client",
		"  q  quit",
	}
}

func sortLabel(v model.CaseloadSort) string {
	for _, o := range model.CaseloadSorts() {
		if o.Value == v {
			return strings.ToLower(o.Label)
		}
	}
	return string(v)
}
