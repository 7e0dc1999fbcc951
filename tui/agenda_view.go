package tui

import (
	"strconv"
	"time"

	"caseload/model"
	"caseload/text"
)

// view draws the agenda in h lines of w cells: each heading with its count,
// then its items; the list scrolls to keep the cursor on screen.
func (v *agendaView) view(f frame) []string {
	s, now, w, h, notice := f.s, f.now, f.w, f.h, f.notice
	head := []string{s.title.Render("Caseload") + "  " + tabRow(s, agendaTab) + "  " + s.dim.Render("what needs doing now · "+now.Format("Mon 2 Jan"))}
	if notice != "" {
		head = append(head, notice)
	} else {
		head = append(head, s.dim.Render("enter opens the client; esc goes back to the caseload"))
	}
	if !v.loaded {
		return append(head, "", s.dim.Render("Reading the agenda…"))
	}
	var body []string
	cursorLine, i := 0, 0
	for _, sec := range v.agenda.Sections {
		count := strconv.Itoa(sec.Total)
		if sec.Total > len(sec.Items) {
			count = strconv.Itoa(len(sec.Items)) + " of " + count
		}
		body = append(body, "", s.header.Render(sec.Kind.Label()+" ("+count+")"))
		if len(sec.Items) == 0 {
			body = append(body, s.dim.Render("  nothing"))
		}
		for _, it := range sec.Items {
			if i == v.cursor {
				cursorLine = len(body)
			}
			body = append(body, agendaLine(it, i == v.cursor, s, now, w))
			i++
		}
	}
	rows := h - len(head)
	top := 0
	if cursorLine >= rows {
		top = cursorLine - rows + 1
	}
	return append(head, body[top:]...)
}

// agendaLine is one thing to do: when, who, and for a referral where and
// what stands.
func agendaLine(it model.AgendaItem, selected bool, s styles, now time.Time, w int) string {
	name := text.Clean(it.ClientName)
	if it.PreferredName != "" && it.PreferredName != it.ClientName {
		name += " (" + text.Clean(it.PreferredName) + ")"
	}
	mark := "  "
	if selected {
		mark = s.selected.Render("▸") + " "
		name = s.bold.Render(name)
	}
	when := ""
	switch {
	case it.Kind == model.AgendaFollowUpOverdue:
		days := it.FollowUpOn.DaysUntil(model.DateOf(now))
		when = s.overdue.Render("LATE " + strconv.Itoa(days) + "d")
	case it.Kind == model.AgendaContactOverdue:
		state, text := dueText(it.At, true, now)
		when = s.due(state, text)
	case it.Kind == model.AgendaToday:
		when = s.today.Render("TODAY " + it.At.Format("15:04"))
	default:
		when = it.At.Format("Mon 02 Jan 15:04")
	}
	nameW := max(16, w-2-18-13-30)
	line := mark + text.Pad(when, 18) + text.Pad(name, nameW-1) + " " + text.Pad(text.Clean(it.CaseNumber), 13)
	if it.IsReferral() {
		what := "Referral: " + text.Clean(it.ResourceName) + " · " + it.ReferralStatus.Label()
		if it.Kind == model.AgendaFollowUpOverdue {
			what += " · follow-up was " + day(it.FollowUpOn.In(now.Location()), now)
		}
		line += what
	} else {
		line += "Contact"
	}
	return line
}
