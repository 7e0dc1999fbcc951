package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
)

// workloadWeeks is how many weeks the workload screen reads: twelve for the
// trends, of which the table shows the last five.
const workloadWeeks = 12

// workloadLoadedMsg brings the officer's figures.
type workloadLoadedMsg struct {
	workload model.Workload
	owner    string
	err      error
}

// workloadView is the officer's week, the caseload's shape, the load against
// the caseload standards and the trends, on one screen that scrolls when
// the terminal is short.
type workloadView struct {
	workload model.Workload
	owner    string // the officer it is of in a supervisor's file, "" for the whole file
	loaded   bool
	top      int // the first line shown
}

// loadWorkload reads the workload of the officer the caseload is narrowed
// to (o, in a supervisor's file), or the whole file's.
func loadWorkload(st *store.Store, now time.Time, owner string) tea.Cmd {
	return func() tea.Msg {
		wl, err := st.WorkloadOf(context.Background(), now, workloadWeeks, owner)
		return workloadLoadedMsg{workload: wl, owner: owner, err: err}
	}
}

// openWorkload shows the workload and reads it afresh.
func (a *App) openWorkload(now time.Time) tea.Cmd {
	var v *workloadView
	for _, l := range a.layers {
		if w, ok := l.(*workloadView); ok {
			v = w
		}
	}
	if v == nil {
		v = &workloadView{}
		a.push(v)
	}
	a.notice = ""
	return loadWorkload(a.st, now, a.caseload.owner)
}

// answer takes the figures it asked for.
func (v *workloadView) answer(a *App, msg tea.Msg) (tea.Cmd, bool) {
	m, ok := msg.(workloadLoadedMsg)
	if !ok {
		return nil, false
	}
	if m.err != nil {
		a.notice = "Could not read the workload: " + m.err.Error()
		return nil, true
	}
	v.workload, v.owner, v.loaded = m.workload, m.owner, true
	return nil, true
}

func (v *workloadView) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	k := a.keys
	switch {
	case key.Matches(kp, k.Back):
		a.pop(v)
		a.notice = ""
		return nil
	case key.Matches(kp, k.PrevTab):
		a.pop(v)
		return a.openAgenda(now)
	case key.Matches(kp, k.NextTab):
		a.pop(v)
		a.notice = ""
		a.caseload.tab = model.TabDue
		return a.caseload.reset(now)
	case key.Matches(kp, k.Help):
		return a.openHelp()
	case key.Matches(kp, k.Quit):
		return tea.Quit
	case key.Matches(kp, k.Up):
		v.top = max(0, v.top-1)
	case key.Matches(kp, k.Down):
		v.top++
	case key.Matches(kp, k.PageUp):
		v.top = max(0, v.top-(a.height-4))
	case key.Matches(kp, k.PageDown):
		v.top += a.height - 4
	case key.Matches(kp, k.Top):
		v.top = 0
	case key.Matches(kp, k.Bottom):
		v.top = 1 << 20 // the view clamps it
	}
	return nil
}

func (v *workloadView) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Workload", [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.Back, k.Help, k.Quit, k.ForceQuit},
	}
}

func (v *workloadView) short(k keyMap) []key.Binding {
	return []key.Binding{k.Up, k.Down, k.NextTab, k.Back, k.Help, k.Quit}
}

func (v *workloadView) live(a *App) []key.Binding {
	k := a.keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextTab, k.PrevTab, k.Back, k.Help, k.Quit}
}
