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

// categoryLabel names the filter's value; "" is every category.
func categoryLabel(c model.ResourceCategory) string {
	if c == "" {
		return "All categories"
	}
	return c.Label()
}

// view draws the directory, or the open resource, in h lines of w cells.
func (d *directory) view(f frame) []string {
	s, now, w, h, notice := f.s, f.now, f.w, f.h, f.notice
	if d.detail != nil {
		return d.detail.view(s, now, w, notice)
	}
	lines := []string{s.title.Render("Resources") + "  " + s.tabOn.Render("‹ "+categoryLabel(d.category)+" ›") + "  " +
		s.dim.Render("tab changes the category")}
	switch {
	case d.searching || strings.TrimSpace(d.search.Value()) != "":
		lines = append(lines, d.search.View()+"  "+notice)
	case notice != "":
		lines = append(lines, notice)
	default:
		lines = append(lines, s.dim.Render("/ searches name, category, address and description; a adds a resource"))
	}
	if !d.loaded {
		return append(lines, "", s.dim.Render("Reading the directory…"))
	}
	if len(d.rows) == 0 {
		return append(lines, "", s.dim.Render("No resources here. tab shows other categories; esc clears the search;"),
			s.dim.Render("`caseload import resources PATH` reads a directory from Open Referral or CSV."))
	}
	nameW := max(20, w-2-26-16)
	lines = append(lines, s.header.Render("  "+text.Pad("Name", nameW)+text.Pad("Category", 26)+"Phone"))
	rows := h - len(lines) - 1
	for i := d.top; i < len(d.rows) && i < d.top+rows; i++ {
		r := d.rows[i]
		mark, name := "  ", text.Clean(r.Name)
		if i == d.cursor {
			mark, name = s.selected.Render("▸")+" ", s.bold.Render(name)
		}
		lines = append(lines, mark+text.Pad(name, nameW-1)+" "+text.Pad(r.Category.Label(), 26)+text.Clean(r.Phone))
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	pos := strconv.Itoa(d.cursor+1) + " of " + strconv.Itoa(d.total)
	if d.total > len(d.rows) {
		pos += " (first " + strconv.Itoa(len(d.rows)) + " shown; / narrows)"
	}
	return append(lines, s.dim.Render(pos))
}

// view draws one resource: how to reach it, who it serves, and the clients
// referred there with where each referral stands.
func (r *resourceDetail) view(s styles, now time.Time, w int, notice string) []string {
	res := r.resource
	lines := []string{s.title.Render(text.Clean(res.Name)) + "  " + res.Category.Label()}
	if notice != "" {
		lines = append(lines, notice)
	}
	lines = append(lines, "")
	row := func(label, value string) string {
		return s.label.Render(text.Pad(label, form.LabelWidth)) + orDash(value)
	}
	lines = append(lines,
		row("Phone", text.Clean(res.Phone)),
		row("Email", text.Clean(res.Email)),
		row("Website", text.Clean(res.Website)),
		row("Address", text.Clean(res.Address)),
		row("Hours", text.Clean(res.Hours)),
		row("Eligibility", text.Clean(res.Eligibility)),
		row("Languages", text.Clean(res.Languages)),
		row("Tags", text.Clean(strings.Join(res.Tags, ", "))),
	)
	wrap := lipgloss.NewStyle().Width(max(20, w-form.LabelWidth))
	for _, part := range []struct{ label, text string }{{"About", res.Description}, {"Notes", res.Notes}} {
		text := strings.Split(wrap.Render(text.CleanLines(part.text)), "\n")
		for i, l := range text[:min(len(text), 3)] {
			label := ""
			if i == 0 {
				label = part.label
			}
			lines = append(lines, row(label, l))
		}
	}
	lines = append(lines, "", s.header.Render("Clients referred here ("+strconv.Itoa(len(r.referrals))+")"))
	if len(r.referrals) == 0 {
		return append(lines, s.dim.Render("  nobody yet"))
	}
	lines = append(lines, s.header.Render("  "+text.Pad("Client", 24)+text.Pad("Case no.", 12)+text.Pad("Status", 12)+text.Pad("Referred", 10)+"Follow-up"))
	for _, rr := range r.referrals {
		next := "—"
		if rr.Status.Open() && !rr.FollowUpOn.IsZero() {
			next = day(rr.FollowUpOn.In(now.Location()), now)
		}
		lines = append(lines, "  "+text.Pad(text.Clean(rr.ClientName), 23)+" "+text.Pad(text.Clean(rr.CaseNumber), 12)+text.Pad(rr.Status.Label(), 12)+
			text.Pad(day(rr.ReferredOn.In(now.Location()), now), 10)+next)
	}
	return lines
}
