package tui

import (
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/text"
)

// view draws the agenda in h lines of w cells: each heading with its count,
// then its items; the list scrolls to keep the cursor on screen.
func (v *agendaView) view(f frame) []string {
	s, now, w, h, notice := f.s, f.now, f.w, f.h, f.notice
	what := "what needs doing now · " + now.Format("Mon 2 Jan")
	if v.owner != "" {
		what = text.Clean(v.owner) + "'s agenda · " + now.Format("Mon 2 Jan")
	}
	head := []string{s.title.Render("Caseload") + "  " + tabRow(s, agendaTab) + "  " + s.dim.Render(what)}
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
	when, what := agendaWhen(it, s, now), agendaWhat(it, now)
	// The name takes what the rest leaves, up to a long name's width; what
	// the item is about takes the rest of a wide window.
	nameW := min(26, max(16, w-2-18-13-30))
	whatW := max(10, w-2-18-nameW-13)
	return mark + text.Pad(when, 18) + text.Pad(name, nameW-1) + " " + text.Pad(text.Clean(it.CaseNumber), 13) + text.Truncate(what, whatW)
}

// agendaWhen is the item's first column: when it is or was due, late in
// words where it is late.
func agendaWhen(it model.AgendaItem, s styles, now time.Time) string {
	today := model.DateOf(now)
	switch {
	case it.Kind == model.AgendaFollowUpOverdue:
		days := it.FollowUpOn.DaysUntil(today)
		return s.overdue.Render("LATE " + strconv.Itoa(days) + "d")
	case it.Kind == model.AgendaContactOverdue:
		state, text := dueText(it.At, true, now)
		return s.due(state, text)
	case it.Kind == model.AgendaToday:
		return s.today.Render("TODAY " + it.At.Format("15:04"))
	case it.Kind == model.AgendaConditionDue && it.Due.Before(today):
		return s.overdue.Render("LATE " + strconv.Itoa(it.Due.DaysUntil(today)) + "d")
	case it.Kind == model.AgendaConditionDue && it.Due == today:
		return s.today.Render("TODAY")
	case it.Kind == model.AgendaConditionDue:
		return it.Due.In(now.Location()).Format("Mon 02 Jan")
	case it.Kind == model.AgendaCourtSoon && model.DateOf(it.At) == today:
		return s.today.Render("TODAY " + it.At.Format("15:04"))
	}
	return it.At.Format("Mon 02 Jan 15:04")
}

// agendaWhat says what the item is about, in a few words.
func agendaWhat(it model.AgendaItem, now time.Time) string {
	switch {
	case it.Court != nil:
		e := it.Court
		// The heading says it is a hearing, a condition or a violation.
		what := e.Kind.Label()
		if e.Court != "" {
			what += " · " + text.Clean(e.Court)
		}
		if !e.ReportDueOn.IsZero() {
			what += " · report " + day(e.ReportDueOn.In(now.Location()), now)
		}
		if e.OfficerAttends {
			what += " · you attend"
		}
		return what
	case it.Condition != nil:
		// The progress in words says what is due and when; an instalment
		// owed leads, as what the officer asks about first.
		what := it.Condition.Kind.Label()
		if it.Owed > 0 {
			what = "Pay " + model.Money(it.Owed)
		}
		if it.ProgressText != "" {
			what += " · " + text.Clean(it.ProgressText)
		}
		return what
	case it.Violation != nil:
		return it.Violation.Kind.Label() + " · " + strings.ToLower(it.Violation.Seriousness.Label()) + " · no response yet"
	case it.IsReferral():
		what := "Referral: " + text.Clean(it.ResourceName) + " · " + it.ReferralStatus.Label()
		if it.Kind == model.AgendaFollowUpOverdue {
			what += " · follow-up was " + day(it.FollowUpOn.In(now.Location()), now)
		}
		return what
	}
	return "Contact"
}
