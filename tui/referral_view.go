package tui

import (
	"strings"
	"time"

	"caseload/model"
	"caseload/text"
)

// view draws the Referrals tab in h lines of w cells: one line per
// referral, newest first, and under them the history of the one under the
// cursor.
func (l *referralList) view(s styles, now time.Time, w, h int) []string {
	if l == nil {
		return []string{s.dim.Render("Reading the referrals…")}
	}
	if len(l.items) == 0 {
		return []string{s.dim.Render("No referrals yet. r refers the client to a community resource.")}
	}
	today := model.DateOf(now)
	nameW := max(20, w-2-12-12-24)
	out := []string{s.header.Render("  " + text.Pad("Resource", nameW) + text.Pad("Status", 12) + text.Pad("Referred", 12) + "Follow-up / appointment")}
	listRows := max(3, h-1-8)
	top := max(0, l.cursor-listRows+1)
	for i := top; i < len(l.items) && i < top+listRows; i++ {
		r := l.items[i].referral
		mark, name := "  ", text.Clean(l.items[i].resource)
		if i == l.cursor {
			mark, name = s.selected.Render("▸")+" ", s.bold.Render(name)
		}
		status := r.Status.Label()
		if !r.Status.Open() {
			status += " ✓"
		}
		next := "—"
		switch {
		case r.FollowUpOverdue(today):
			next = s.overdue.Render("follow-up LATE " + day(r.FollowUpOn.In(now.Location()), now))
		case !r.AppointmentAt.IsZero() && r.Status.Open() && !r.AppointmentAt.Before(now):
			next = "appt " + r.AppointmentAt.Format("Mon 02 Jan 15:04")
		case r.Status.Open() && !r.FollowUpOn.IsZero():
			next = "follow-up " + day(r.FollowUpOn.In(now.Location()), now)
		}
		out = append(out, mark+text.Pad(name, nameW-1)+" "+text.Pad(status, 12)+text.Pad(day(r.ReferredOn.In(now.Location()), now), 12)+next)
	}
	sel, _ := l.selected()
	out = append(out, s.dim.Render(strings.Repeat("─", w)), s.bold.Render("Reason: ")+text.Clean(sel.referral.Reason))
	for _, e := range sel.history {
		line := "  " + e.At.Format("2006-01-02 15:04") + "  "
		if e.From == "" {
			line += e.To.Label()
		} else {
			line += e.From.Label() + " → " + e.To.Label()
		}
		if e.Note != "" {
			line += "  " + s.dim.Render(firstLine(text.Clean(e.Note)))
		}
		out = append(out, line)
	}
	return out
}
