package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"caseload/model"
)

// helpView is the full key map of the active screen, drawn from the same
// bindings that drive it; in a form it adds the focused field's help (the
// stage table for a stage field).
func (a *App) helpView() []string {
	title, groups := "Keys · Caseload", a.keys.caseloadGroups()
	switch {
	case a.form != nil:
		title, groups = "Keys · "+clean(a.form.title), a.keys.formGroups()
	case a.export != nil:
		title, groups = "Keys · Export summary", a.keys.exportGroups()
	case a.overlay != nil:
		title, groups = a.overlay.groups(a.keys)
	case a.screen == screenClient:
		title, groups = "Keys · Client", a.keys.clientGroups()
	case a.screen == screenAudit:
		title, groups = "Keys · Audit log", a.keys.auditGroups()
	case a.screen == screenAgenda:
		title, groups = "Keys · Agenda", a.keys.agendaGroups()
	case a.screen == screenResources:
		title, groups = "Keys · Resources", a.keys.directoryGroups()
	}
	lines := []string{a.styles.title.Render(title), ""}
	// Two groups side by side fit 80 columns; more go below.
	for i := 0; i < len(groups); i += 2 {
		lines = append(lines, strings.Split(a.help.FullHelpView(groups[i:min(i+2, len(groups))]), "\n")...)
		lines = append(lines, "")
	}
	if a.form != nil {
		lines = append(lines, "", a.styles.bold.Render(a.form.fields[a.form.focus].label))
		lines = append(lines, a.fieldHelpText(a.form.fields[a.form.focus])...)
	}
	return lines
}

// fieldHelpText is the long help of a field: every option in full.
func (a *App) fieldHelpText(fl *field) []string {
	wrap := lipgloss.NewStyle().Width(a.width)
	var out []string
	if fl.help != "" {
		out = append(out, strings.Split(wrap.Render(fl.help), "\n")...)
	}
	for i, o := range fl.options {
		if fl.kind == kindBool {
			break
		}
		text := itoa1(i) + " " + o.label
		if fl.stageTab && model.Stage(o.value).Valid() {
			st := model.Stage(o.value)
			text += ": " + st.Help() + " What helps: " + st.Helps()
		} else if o.help != "" {
			text += ": " + o.help
		}
		out = append(out, strings.Split(wrap.Render(text), "\n")...)
	}
	return out
}

func itoa1(i int) string { return string(rune('1' + i)) }

// shortHelp is the one-line help at the bottom of every screen.
func (a *App) shortHelp() string {
	var b []key.Binding
	switch {
	case a.showHelp:
		b = []key.Binding{a.keys.CloseHelp}
	case a.form != nil && a.form.confirm:
		b = a.keys.confirmShort()
	case a.form != nil:
		b = a.keys.formShort()
	case a.export != nil && a.export.confirmReplace:
		b = []key.Binding{a.keys.ExportReplace, a.keys.ExportKeep}
	case a.export != nil && a.export.typing():
		b = a.keys.exportTypingShort()
	case a.export != nil:
		b = a.keys.exportShort()
	case a.screen == screenAudit:
		b = a.keys.auditShort()
	case a.picker != nil:
		b = a.keys.pickerShort()
	case a.overlay != nil:
		b = a.overlay.short(a.keys)
	case a.screen == screenClient && a.client != nil && a.client.tab == tabPlan:
		b = a.keys.planTabShort()
	case a.screen == screenClient && a.client != nil && a.client.tab == tabReferrals:
		b = a.keys.referralTabShort()
	case a.screen == screenClient:
		b = a.keys.clientShort()
	case a.screen == screenAgenda:
		b = a.keys.agendaShort()
	case a.screen == screenResources && a.directory != nil:
		b = a.keys.directoryShort(a.directory)
	case a.caseload.filtering:
		b = a.keys.filterShort()
	case a.caseload.empty():
		b = []key.Binding{a.keys.LoadDemo, a.keys.AddClient, a.keys.Quit}
	default:
		b = a.keys.caseloadShort()
	}
	return a.help.ShortHelpView(b)
}
