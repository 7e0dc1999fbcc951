package tui

import (
	"context"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/summary"
	"caseload/text"
)

// officersRecord is the dialog's name for the summary made for nobody else.
const officersRecord = "Officer's record (everything)"

// noConsentProblem is what the dialog says when the chosen recipient has no
// active consent from any client in the range.
const noConsentProblem = "No client in range consented to share with them: t chooses another."

// loadFor makes the officer's summary of the request in the format, and
// finds the recipients a client in it consented to share with today. The
// officer's record is made as the export command makes it (summary.Make: a
// range of many records read a part at a time, so that a large caseload's
// preview takes the memory of its document). With a recipient chosen, the
// records are read whole once, and both summaries built from them: the
// recipients come from the officer's, the document is the recipient's.
func loadFor(ctx context.Context, st *store.Store, req summary.Request, to *store.ShareRecipient, f summary.Format) (*summary.Document, []store.ShareRecipient, error) {
	day := model.DateOf(req.Now)
	if to == nil {
		doc, err := summary.Make(ctx, st, req, f)
		if err != nil {
			return nil, nil, err
		}
		recipients, err := st.ShareRecipients(ctx, doc.ClientIDs(), day)
		return doc, recipients, err
	}
	q := summary.Query(req)
	q.Goals = true
	rec, err := st.SummaryRecords(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	sum, err := summary.Build(ctx, st, rec, req)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(sum.Clients))
	for i, c := range sum.Clients {
		ids[i] = c.ClientID
	}
	recipients, err := st.ShareRecipients(ctx, ids, day)
	if err != nil {
		return nil, recipients, err
	}
	req.For = to
	if sum, err = summary.Build(ctx, st, rec, req); err != nil {
		return nil, recipients, err
	}
	doc, err := summary.Write(sum, f)
	return doc, recipients, err
}

// nextRecipient moves the choice on: the officer's record, then each
// recipient with an active consent in the range, then round again.
func (d *exportDialog) nextRecipient(now time.Time) tea.Cmd {
	if len(d.recipients) == 0 && d.recipient == nil {
		d.problem = "No consent covers any client in range: only the officer's record."
		return nil
	}
	next := d.recipientIndex() + 1
	if next >= len(d.recipients) {
		d.recipient = nil
	} else {
		r := d.recipients[next]
		d.recipient = &r
	}
	return d.load(now)
}

// recipientIndex is where the chosen recipient is in the list; -1 for the
// officer's record, or for a recipient the range no longer holds.
func (d *exportDialog) recipientIndex() int {
	if d.recipient == nil {
		return -1
	}
	for i, r := range d.recipients {
		if r.To.Same(d.recipient.To) && r.ClientID == d.recipient.ClientID {
			return i
		}
	}
	return -1
}

// recipientLine is the dialog's "To" row: the choice, and how many others
// there are, or that there are none.
func (d *exportDialog) recipientLine(s styles) string {
	line := s.label.Render("To      ")
	if d.recipient == nil {
		line += choice(s, officersRecord, true)
		switch n := len(d.recipients); {
		case d.doc == nil:
		case n == 0:
			line += " " + s.dim.Render("no consent covers any client in range")
		default:
			line += " " + s.dim.Render("t: "+plural(n, "recipient")+" with consent")
		}
		return line
	}
	name := text.Clean(d.recipient.Name)
	if d.recipient.ClientID != "" {
		// A person is one client's contact: say whose.
		name += " (" + text.Clean(d.recipient.CaseNumber) + ")"
	}
	line += choice(s, name, true) + " " + s.dim.Render("only what each consent allows")
	if i := d.recipientIndex(); i >= 0 {
		line += s.dim.Render(" · " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(d.recipients)))
	}
	return line
}
