package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// clientTab is one tab of the client screen. A new tab is a type with
// these methods in a file of its own and one line in clientTabs; what it
// keeps between frames is a field of clientView, read by its load.
type clientTab interface {
	name() string
	// key handles a key of the tab's own, before the client screen's keys;
	// ok says it was one.
	key(v *clientView, a *App, kp tea.KeyPressMsg, now time.Time) (cmd tea.Cmd, ok bool)
	// view draws the tab's body in h lines of w cells.
	view(v *clientView, s styles, now time.Time, w, h int) []string
	// short is the one-line help on the tab.
	short(v *clientView, k keyMap) []key.Binding
	// live are the tab's own keys as it stands now, beside the screen's.
	live(v *clientView, k keyMap) []key.Binding
}

// clientTabs are the tabs in the order tab goes through them.
func clientTabs() []clientTab {
	return []clientTab{timelineTab{}, planTab{}, stagesTab{}, profileTab{}, referralsTab{}, conditionsTab{}, logTab{}}
}

// Three things a tab may also do, each a small interface asked for where
// it matters.
type (
	// tabLoader reads what the tab shows when the client screen opens, and
	// again after a save changes the client.
	tabLoader interface {
		load(v *clientView, st *store.Store, now time.Time) tea.Cmd
	}
	// tabHead puts a line of its own under the tab names (the timeline's
	// strips of tests and contacts); other tabs leave it blank.
	tabHead interface {
		head(v *clientView, s styles) string
	}
	// tabMode takes every key for a while (the Log tab while a kind is
	// chosen): then its groups are the whole help, the last of them the
	// short help, and no other key answers.
	tabMode interface {
		mode(v *clientView, k keyMap) (title string, groups [][]key.Binding, ok bool)
	}
)

// step moves to the tab d places along, round the end.
func (v *clientView) step(d int) { v.tab = cycle(clientTabs(), v.tab, d) }

// loadTabs reads what every tab shows.
func (v *clientView) loadTabs(st *store.Store, now time.Time) tea.Cmd {
	var cmds []tea.Cmd
	for _, t := range clientTabs() {
		if l, ok := t.(tabLoader); ok {
			cmds = append(cmds, l.load(v, st, now))
		}
	}
	return tea.Batch(cmds...)
}

// modal reports the current tab's mode when it takes every key.
func (v *clientView) modal(k keyMap) (string, [][]key.Binding, bool) {
	if m, ok := v.tab.(tabMode); ok {
		return m.mode(v, k)
	}
	return "", nil, false
}

// The tabs that keep nothing of their own: the stage history and the
// profile draw from the client.
type (
	stagesTab  struct{}
	profileTab struct{}
)

func (stagesTab) name() string { return "Stage history" }
func (stagesTab) key(*clientView, *App, tea.KeyPressMsg, time.Time) (tea.Cmd, bool) {
	return nil, false
}

func (stagesTab) short(_ *clientView, k keyMap) []key.Binding { return k.clientShort() }
func (stagesTab) live(*clientView, keyMap) []key.Binding      { return nil }

func (profileTab) name() string { return "Profile" }
func (profileTab) key(*clientView, *App, tea.KeyPressMsg, time.Time) (tea.Cmd, bool) {
	return nil, false
}

func (profileTab) short(_ *clientView, k keyMap) []key.Binding { return k.clientShort() }
func (profileTab) live(*clientView, keyMap) []key.Binding      { return nil }
