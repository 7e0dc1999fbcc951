package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// lockView is the whole screen while locked: no name, no note, no count,
// nothing that came from the database.
func (a *App) lockView() []string {
	s, l := a.styles, a.lock
	lines := []string{s.title.Render("Caseload is locked"), "", "Client data is hidden until you unlock.", ""}
	switch {
	case a.lockSet.HasPassphrase:
		lines = append(lines, l.input.View(), "")
	default:
		lines = append(lines, "Press enter to unlock.", "",
			s.dim.Render("No passphrase is set: anyone at this laptop can unlock it."),
			s.dim.Render("Set one with `caseload lock --passphrase`."), "")
	}
	switch {
	case l.checking:
		lines = append(lines, s.dim.Render("Checking…"))
	case l.problem != "":
		lines = append(lines, s.errText.Render("⚠ "+l.problem))
	case l.wrong:
		lines = append(lines, s.errText.Render("✗ That passphrase is not right. The screen stays locked."))
	}
	body := lipgloss.NewStyle().Width(min(a.width-4, 72)).Render(strings.Join(lines, "\n"))
	screen := lipgloss.Place(a.width, a.height-1, lipgloss.Center, lipgloss.Center, body)
	return append(strings.Split(screen, "\n"), a.help.ShortHelpView([]key.Binding{a.keys.Unlock, a.keys.ForceQuit}))
}
