package tui

import (
	"fmt"
	"strconv"

	"caseload/model"
	"caseload/text"
)

// Column widths of the audit log; the details take what is left.
const (
	colAuditWhen   = 18
	colAuditAction = 8
	colAuditRecord = 17
)

// view draws the page of the log. h is the lines it may use.
func (v *auditView) view(f frame) []string {
	s, now, h, notice := f.s, f.now, f.h, f.notice
	lines := []string{s.title.Render("Audit log") + "  " + s.dim.Render("every write and export, newest first; never what was written")}
	switch {
	case v.err != "":
		lines = append(lines, s.errText.Render("⚠ "+v.err))
	case notice != "":
		lines = append(lines, notice)
	case len(v.entries) == 0 && v.loading:
		lines = append(lines, s.dim.Render("Reading…"))
	case len(v.entries) == 0:
		lines = append(lines, "The log is empty.")
	default:
		lines = append(lines, fmt.Sprintf("Entries %d–%d of %d", v.page.offset+1, v.page.offset+len(v.entries), v.total))
	}
	lines = append(lines, s.header.Render(text.Pad("When", colAuditWhen)+text.Pad("Action", colAuditAction)+text.Pad("Record", colAuditRecord)+"Which / where"))
	for _, e := range v.entries {
		if len(lines) >= h {
			break
		}
		lines = append(lines, text.Pad(e.At.In(now.Location()).Format("2006-01-02 15:04"), colAuditWhen)+
			text.Pad(text.Clean(e.Action), colAuditAction)+text.Pad(text.Clean(e.EntityLabel()), colAuditRecord)+auditDetail(e))
	}
	return lines
}

// auditDetail is the record's id, or for an export where it went.
func auditDetail(e model.AuditEntry) string {
	x := e.Export
	if x.Format == "" {
		return text.Clean(e.EntityID)
	}
	redacted := ""
	if x.Redacted {
		redacted = ", redacted"
	}
	// Who received it and where it went first: on a narrow screen that is
	// what must show.
	to := "to " + text.Clean(x.Destination)
	if x.Recipient != "" {
		to = "for " + text.Clean(x.Recipient) + ", " + to
	}
	return to + " (" + text.Clean(x.Format) + ", " + strconv.Itoa(x.Records) + " records" + redacted + ")"
}
