package summary

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"caseload/model"
)

// The Markdown and plain-text formats say the same things in the same order;
// they are both drawn from the same blocks (the head, each client's, the
// end), so that they cannot drift apart.
type blockKind int

const (
	blockTitle blockKind = iota
	blockSection
	blockSubsection
	blockPara
	blockItem
	blockNotice
)

// block is one piece of the summary. Text and details are already cleaned
// and, for Markdown, escaped; they may hold line breaks from a note.
type block struct {
	kind    blockKind
	text    string
	details []string
}

// blockSheet writes the Markdown and the plain-text formats: the same
// blocks, with text escaped by esc and laid out by write.
type blockSheet struct {
	esc   func(string) string
	write func(b *bytes.Buffer, blocks []block, first bool)
}

func (sh blockSheet) client(b *bytes.Buffer, _ model.Summary, c model.ClientActivity) error {
	sh.write(b, clientBlocks(c, sh.esc), false)
	return nil
}

func (sh blockSheet) frame(s model.Summary, notice, none bool) (head, between, end []byte, err error) {
	var h, e bytes.Buffer
	sh.write(&h, headBlocks(s, notice, sh.esc), true)
	sh.write(&e, endBlocks(s, none), false)
	return h.Bytes(), nil, e.Bytes(), nil
}

// timeLayout is how times read in the document formats: local, to the minute.
const timeLayout = "2006-01-02 15:04"

func at(t time.Time) string { return t.Format(timeLayout) }

// headBlocks draw the top of the summary: the title, the Part 2 notice when
// it is due, and who, what range and when. esc is applied to every piece of
// text that came from the officer or an import rather than from the app.
func headBlocks(s model.Summary, notice bool, esc func(string) string) []block {
	var out []block
	add := func(k blockKind, text string, details ...string) {
		out = append(out, block{k, text, details})
	}
	add(blockTitle, "Session summary")
	if notice {
		add(blockNotice, model.Part2NoticeTitle, model.Part2Notice)
	}
	officer := esc(s.Officer)
	if strings.TrimSpace(officer) == "" {
		officer = "(not set)"
	}
	add(blockItem, "Officer: "+officer)
	add(blockItem, fmt.Sprintf("Range: %s to %s (UTC%s)", at(s.From), at(s.To), s.From.Format("-07:00")))
	if s.CaseNumber != "" {
		add(blockItem, "Client: "+esc(s.CaseNumber))
	}
	add(blockItem, "Produced: "+at(s.ProducedAt))
	if s.SharedWith != "" {
		out = append(out, sharedBlocks(s, esc)...)
	}
	if s.Redacted {
		add(blockItem, "Redacted: yes. "+model.RedactionStatement)
	} else {
		add(blockItem, "Redacted: no")
	}
	return out
}

// endBlocks draw the bottom of the summary: that nothing was recorded, when
// no client was seen, and the totals.
func endBlocks(s model.Summary, none bool) []block {
	var out []block
	if none {
		out = append(out, block{kind: blockPara, text: "Nothing was recorded in this range."})
	}
	return append(out, totalBlocks(s)...)
}

func clientBlocks(c model.ClientActivity, esc func(string) string) []block {
	name := c.Name
	if c.PreferredName != "" && c.PreferredName != c.Name {
		name += " (" + c.PreferredName + ")"
	}
	out := []block{{kind: blockSection, text: esc(name) + " · " + esc(c.CaseNumber)}}
	if len(c.CheckIns) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Check-ins"})
	}
	for _, k := range c.CheckIns {
		head := at(k.At)
		if k.Type != "" {
			head += " · " + k.Type.Label() + " · " + k.Outcome.Label()
		}
		if k.Location != "" {
			head += " · " + esc(k.Location)
		}
		var details []string
		if k.Test.Tested() {
			test := "Test: " + k.Test.Label()
			if len(k.Substances) > 0 {
				test += " (" + esc(strings.Join(k.Substances, ", ")) + ")"
			}
			details = append(details, test)
		}
		if k.Stage != "" {
			details = append(details, "Stage: "+k.Stage.Label())
		}
		if len(k.Flags) > 0 {
			details = append(details, "Flags: "+flagLabels(k.Flags))
		}
		if k.Note != "" {
			details = append(details, "Note: "+esc(k.Note))
		}
		if !k.NextAppointment.IsZero() {
			details = append(details, "Next appointment: "+at(k.NextAppointment))
		}
		out = append(out, block{blockItem, head, details})
	}
	if len(c.StageChanges) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Stage changes"})
	}
	for _, ch := range c.StageChanges {
		text := at(ch.At) + ": " + ch.From.Label() + " → " + ch.To.Label()
		if ch.From == "" {
			text = at(ch.At) + ": first recorded as " + ch.To.Label()
		}
		if ch.Back {
			text += " (moved back)"
		}
		var details []string
		if ch.Note != "" {
			details = append(details, "Note: "+esc(ch.Note))
		}
		out = append(out, block{blockItem, text, details})
	}
	if len(c.Referrals) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Referrals"})
	}
	for _, r := range c.Referrals {
		var details []string
		if r.Reason != "" {
			details = append(details, "Reason: "+esc(r.Reason))
		}
		for _, e := range r.Changes {
			line := at(e.At) + ": "
			if e.From == "" {
				line += "referred"
			} else {
				line += e.From.Label() + " → " + e.To.Label()
			}
			if e.Note != "" {
				line += ". " + esc(e.Note)
			}
			details = append(details, line)
		}
		out = append(out, block{blockItem, esc(r.Resource) + " · " + r.Status.Label(), details})
	}
	out = append(out, screeningBlocks(c.Screenings, esc)...)
	out = append(out, goalBlocks(c.Goals, esc)...)
	out = append(out, complianceBlocks(c, esc)...)
	if len(c.FlagsRaised) > 0 {
		out = append(out, block{kind: blockPara, text: "Flags raised: " + flagLabels(c.FlagsRaised)})
	}
	if c.Shows(model.ShareAttendance) {
		out = append(out, block{kind: blockPara, text: dueLine(c)})
	}
	return out
}

func dueLine(c model.ClientActivity) string {
	if !c.HasDue {
		return "Next contact due: none (not active)"
	}
	line := "Next contact due: " + at(c.NextDue)
	if c.ByAppointment {
		line += " (appointment)"
	}
	if c.Overdue {
		line += " · OVERDUE"
	}
	return line
}

func flagLabels(flags []model.RiskFlag) string {
	labels := make([]string, len(flags))
	for i, f := range flags {
		labels[i] = f.Label()
	}
	return strings.Join(labels, ", ")
}

func totalBlocks(s model.Summary) []block {
	t := s.Totals
	out := []block{{kind: blockSection, text: "Totals"}}
	add := func(text string) { out = append(out, block{kind: blockItem, text: text}) }
	// In a summary for a recipient, a line that no client's consent allows
	// is left out rather than shown as nought.
	attendance := s.Shows(model.ShareAttendance)
	add(fmt.Sprintf("Clients: %d", t.Clients))
	if attendance {
		add(fmt.Sprintf("Contacts: %d%s", t.Contacts, breakdown(t.ContactsByType)))
	}
	if attendance && t.Contacts > 0 {
		add("Outcomes:" + strings.TrimPrefix(breakdown(t.ContactsByOutcome), " —"))
	}
	if !s.Redacted && s.Shows(model.ShareTestResults) {
		add(fmt.Sprintf("Tests: %d%s", t.Tests, breakdown(t.TestsByResult)))
	}
	if s.Shows(model.ShareStageOfChange) {
		add(fmt.Sprintf("Stage changes: %d", t.StageChanges))
	}
	if t.Screenings > 0 {
		add(fmt.Sprintf("Screenings: %d", t.Screenings))
	}
	if s.Shows(model.ShareTreatmentProgress) {
		add(fmt.Sprintf("Referrals made or changed: %d%s", t.Referrals, breakdown(t.ReferralsByStatus)))
	}
	for _, line := range complianceTotals(s) {
		add(line)
	}
	if attendance {
		add(fmt.Sprintf("Clients in this summary overdue at the end of the range: %d", t.ClientsOverdue))
	}
	return out
}

// labelled is an enumeration value with a label.
type labelled interface {
	~string
	Label() string
}

// breakdown writes " — Office 2, Home 1", or "" when there is nothing.
func breakdown[T labelled](counts []model.Count[T]) string {
	if len(counts) == 0 {
		return ""
	}
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = fmt.Sprintf("%s %d", c.Value.Label(), c.N)
	}
	return " — " + strings.Join(parts, ", ")
}
