package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// ErrNotStarted is what Opened returns when there was no caseload at the path
// and the officer quit without starting one: nothing was made there.
var ErrNotStarted = errors.New("no caseload was started")

// newFileKeys are the keys of the first screen over a path with no caseload:
// start one there, or leave with nothing made.
type newFileKeys struct {
	StartNew, LeaveNew key.Binding
}

func newNewFileKeys() newFileKeys {
	return newFileKeys{
		StartNew: bind([]string{"enter"}, "enter", "start a new caseload here"),
		LeaveNew: bind([]string{"q", "esc", "ctrl+c"}, "q/esc", "quit, making nothing"),
	}
}

// newFileKey answers the question the first screen asks. Any other key is
// ignored rather than kept for later: it was not typed at a caseload.
func (a *App) newFileKey(kp tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(kp, a.keys.StartNew):
		a.notice = "Started a new caseload at " + a.newFile + "."
		a.newFile = ""
		a.file.answer(true)
	case key.Matches(kp, a.keys.LeaveNew):
		a.file.answer(false)
		return tea.Quit
	}
	return nil
}

// newFileView is the first screen over a path with no caseload, so that a
// mistyped path is seen before anything is written there.
// The path is shown whole, over as many lines as it needs: a typo may be
// anywhere in it.
func (a *App) newFileView() []string {
	s := a.styles
	lines := []string{s.title.Render("No caseload at this path:")}
	for _, l := range strings.Split(ansi.Hardwrap(a.newFile, a.width-2, true), "\n") {
		lines = append(lines, "  "+l)
	}
	return append(lines,
		"",
		"There is no file there yet. Start a new caseload at this path,",
		"or quit and open the right file with --db FILE.",
		"",
		"Nothing is written until you start.",
	)
}

// newFileHelp is the first screen's help line.
func (a *App) newFileHelp() []key.Binding {
	return []key.Binding{a.keys.StartNew, a.keys.LeaveNew}
}
