package tui

import (
	"strconv"
	"strings"

	"caseload/model"
	"caseload/summary"
	"caseload/text"
)

// view draws the export dialog in h lines of w cells: the choices, the file,
// the preview and one line of news. A choice is marked by brackets, not only
// by colour.
func (d *exportDialog) view(f frame) []string {
	s, w, h := f.s, f.w, f.h
	title := "Export summary · caseload"
	if d.clientID != "" {
		title = "Export summary · " + text.Clean(d.clientName) + " · " + text.Clean(d.caseNo)
	}
	lines := []string{s.title.Render(title)}

	var ranges []string
	for i, r := range exportRanges {
		ranges = append(ranges, choice(s, strconv.Itoa(i+1)+" "+r, exportRange(i) == d.rng))
	}
	lines = append(lines, s.label.Render("Range   ")+strings.Join(ranges, " "))
	if d.rng == rangeCustom {
		lines = append(lines, "        "+d.from.View()+"   "+d.to.View())
	} else {
		lines = append(lines, "        "+s.dim.Render(d.spanText()))
	}

	var formats []string
	help := ""
	for _, f := range summary.Formats() {
		formats = append(formats, choice(s, f.Label, f.Value == d.format))
		if f.Value == d.format {
			help = f.Help
		}
	}
	lines = append(lines, s.label.Render("Format  ")+strings.Join(formats, " ")+"  "+s.dim.Render(help))
	// What redaction leaves out is model.Part2 rules' list: tests, notes
	// marked sensitive, AUDIT-C, treatment referrals and conditions.
	redact := "[no] substance-use information (42 CFR Part 2) is included"
	if d.redact {
		redact = "[yes] all substance-use information is left out; the header names the kinds"
	}
	lines = append(lines, s.label.Render("Redact  ")+redact, d.recipientLine(s))
	file := s.label.Render("File    ") + text.Clean(d.path.Value())
	if d.focus == exportFocusPath {
		file = s.focusLabel.Render("File    ") + d.path.View()
	}
	lines = append(lines, file)

	lines = append(lines, rule(s, d.previewTitle(), w))
	if d.loading && d.doc == nil {
		lines = append(lines, s.dim.Render("Reading the records…"))
	} else {
		lines = append(lines, strings.Split(d.preview.View(), "\n")...)
	}
	for len(lines) < h-2 {
		lines = append(lines, "")
	}
	lines = lines[:min(len(lines), h-2)]
	return append(lines, rule(s, "", w), d.statusLine(s))
}

// choice draws one option of a row, in brackets when chosen.
func choice(s styles, label string, on bool) string {
	if on {
		return s.tabOn.Render("[" + label + "]")
	}
	return s.tabOff.Render(" " + label + " ")
}

// rule is a line across the dialog with an optional caption.
func rule(s styles, caption string, w int) string {
	if caption == "" {
		return s.dim.Render(strings.Repeat("─", w))
	}
	return s.dim.Render("── ") + caption + " " + s.dim.Render(strings.Repeat("─", max(0, w-4-text.Width(caption))))
}

// spanText says what the chosen range covers, once the preview knows.
func (d *exportDialog) spanText() string {
	if d.doc == nil {
		return ""
	}
	const layout = "Mon 2 Jan 2006 15:04"
	return "Covers " + d.doc.Summary.From.Format(layout) + " to " + d.doc.Summary.To.Format(layout)
}

// previewTitle counts what the summary holds and how far the preview is
// scrolled.
func (d *exportDialog) previewTitle() string {
	if d.doc == nil {
		return "Preview"
	}
	t := "Preview · " + plural(d.doc.Records(), "record") + " of " + plural(d.doc.Clients(), "client")
	if n := d.preview.TotalLineCount(); n > d.preview.Height() {
		t += " · " + strconv.Itoa(int(d.preview.ScrollPercent()*100)) + "%"
	}
	// Last, as the longest: at 80 columns the edge cuts the notice's title.
	if d.doc.HoldsSubstanceUse() {
		t += " · holds substance-use information: carries the " + model.Part2NoticeTitle
	}
	return t
}

// statusLine is the dialog's news: a question, a problem, what was written,
// or what can be done next.
func (d *exportDialog) statusLine(s styles) string {
	switch {
	case d.confirmReplace:
		// The question first: a long path is cut at the edge, not the answer.
		return s.warn.Render("The file already exists.") + " y replaces it · n keeps it · " + text.Clean(d.path.Value())
	case d.problem != "":
		return s.errText.Render("⚠ " + d.problem)
	case d.busy:
		return s.dim.Render("Writing…")
	case d.done != "":
		return s.ok.Render("✓ " + d.done)
	case d.loading:
		return s.dim.Render("Reading the records…")
	case d.rng == rangeCustom && d.typing():
		return s.dim.Render("Days as in the forms: 2026-11-01, yesterday, mon, -7d; enter shows the summary.")
	}
	return s.dim.Render("w writes the file · c copies to the clipboard · p changes the path · t recipient")
}
