package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
	case a.showHelp && a.helpOverflows():
		return a.help.ShortHelpView([]key.Binding{a.keys.CloseHelp, a.keys.Down, a.keys.Up})
	case a.showHelp:
		return a.help.ShortHelpView([]key.Binding{a.keys.CloseHelp})
	}
	return a.help.ShortHelpView(a.top().short(a.keys))
}

// helpRows is how many lines of the full help the window shows.
func (a *App) helpRows() int { return max(1, a.height-1) }

// helpOverflows says the full help is longer than the window, as the
// client screen's is at 80x24: it then scrolls.
func (a *App) helpOverflows() bool { return len(a.helpView()) > a.helpRows() }

// scrollHelp moves the full help by a line, a page, or to either end.
func (a *App) scrollHelp(kp tea.KeyPressMsg) {
	last := max(0, len(a.helpView())-a.helpRows())
	k := a.keys
	switch {
	case key.Matches(kp, k.Down):
		a.helpTop++
	case key.Matches(kp, k.Up):
		a.helpTop--
	case key.Matches(kp, k.PageDown):
		a.helpTop += a.helpRows()
	case key.Matches(kp, k.PageUp):
		a.helpTop -= a.helpRows()
	case key.Matches(kp, k.Top):
		a.helpTop = 0
	case key.Matches(kp, k.Bottom):
		a.helpTop = last
	}
	a.helpTop = max(0, min(a.helpTop, last))
}
