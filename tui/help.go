package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// helpView is the full key map of the active screen, drawn from the same
// bindings that drive it; in a form it adds the focused field's help (the
// stage table for a stage field).
func (a *App) helpView() []string {
	top := a.top()
	title, groups := top.groups(a.keys)
	lines := []string{a.styles.title.Render(title), ""}
	// Two groups side by side fit 80 columns; more go below.
	for i := 0; i < len(groups); i += 2 {
		lines = append(lines, strings.Split(a.help.FullHelpView(groups[i:min(i+2, len(groups))]), "\n")...)
		lines = append(lines, "")
	}
	if n, ok := top.(helpNoter); ok {
		lines = append(lines, n.helpNotes(a)...)
	}
	return lines
}

// shortHelp is the one-line help at the bottom of every screen.
func (a *App) shortHelp() string {
	switch {
	case a.newFile != "":
		return a.help.ShortHelpView(a.newFileHelp())
	case a.showHelp:
		return a.help.ShortHelpView([]key.Binding{a.keys.CloseHelp})
	}
	return a.help.ShortHelpView(a.top().short(a.keys))
}
