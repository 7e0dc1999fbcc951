// Package tui is the terminal interface: one Bubble Tea model per view and a
// root model that routes between them.
package tui

import (
	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// Options tune the app; the zero value is what the officer runs.
type Options struct{}

// App is the root model.
type App struct {
	store *store.Store
}

// New makes the app over an open store.
func New(s *store.Store, _ Options) App { return App{store: s} }

// Init starts nothing yet.
func (a App) Init() tea.Cmd { return nil }

// Update quits on q.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return a, tea.Quit
	}
	return a, nil
}

// View shows the empty caseload.
func (a App) View() tea.View {
	v := tea.NewView("caseload\n\nNo clients yet.\n\nq quit")
	v.AltScreen = true
	return v
}
