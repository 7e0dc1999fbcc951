package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"caseload/model"
	"caseload/tui/form"
)

// styles holds every style of the app, built for a light or a dark
// background. Colour only ever repeats what the text already says (OVERDUE,
// the stage badge, the ▸ cursor), so NO_COLOR and a monochrome terminal lose
// nothing.
type styles struct {
	title, dim, bold, selected, tabOn, tabOff, header          lipgloss.Style
	overdue, today, soon, errText, warn, ok, label, focusLabel lipgloss.Style
	stage                                                      map[model.Stage]lipgloss.Style
}

func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B7A6FF"))
	red := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	amber := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFC861"))
	green := ld(lipgloss.Color("#1B6E20"), lipgloss.Color("#7BD88F"))
	grey := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	s := styles{
		title:      fg(accent).Bold(true),
		dim:        fg(grey),
		bold:       lipgloss.NewStyle().Bold(true),
		selected:   lipgloss.NewStyle().Reverse(true),
		tabOn:      fg(accent).Bold(true).Underline(true),
		tabOff:     fg(grey),
		header:     fg(grey).Bold(true),
		overdue:    fg(red).Bold(true),
		today:      fg(amber).Bold(true),
		soon:       fg(amber),
		errText:    fg(red),
		warn:       fg(amber).Bold(true),
		ok:         fg(green),
		label:      fg(grey),
		focusLabel: fg(accent).Bold(true),
	}
	s.stage = map[model.Stage]lipgloss.Style{
		model.StagePrecontemplation: fg(grey),
		model.StageContemplation:    fg(ld(lipgloss.Color("#0B5CAD"), lipgloss.Color("#74B9FF"))),
		model.StagePreparation:      fg(ld(lipgloss.Color("#00707A"), lipgloss.Color("#5EE2EC"))),
		model.StageAction:           fg(green),
		model.StageMaintenance:      fg(green).Bold(true),
		model.StageRecurrence:       fg(amber),
	}
	return s
}

// stageBadge is the stage's short name, coloured; "—" when none is recorded.
func (s styles) stageBadge(st model.Stage) string {
	if st == "" {
		return s.dim.Render("—")
	}
	return s.stage[st].Render(st.Short())
}

// due renders a due label in the colour of its urgency.
func (s styles) due(state model.DueState, text string) string {
	switch state {
	case model.DueOverdue:
		return s.overdue.Render(text)
	case model.DueToday:
		return s.today.Render(text)
	case model.DueThisWeek:
		return s.soon.Render(text)
	}
	return text
}

// form is the look of a form.
func (s styles) form() form.Styles {
	return form.Styles{Title: s.title, Label: s.label, FocusLabel: s.focusLabel, Dim: s.dim, Bold: s.bold, Err: s.errText, Warn: s.warn}
}
