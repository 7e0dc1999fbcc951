package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/demo"
	"caseload/model"
)

// key handles the caseload's keys: while the filter is typed in, the list
// takes them all; otherwise what opens from the caseload, then the list.
func (c *caseload) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if c.filtering {
		return c.update(kp, a.keys, now)
	}
	switch {
	case key.Matches(kp, a.keys.Quit):
		return a.quit()
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.AddClient):
		return a.openForm(newClientForm(nil, now), nil)
	case key.Matches(kp, a.keys.AuditLog):
		return a.openAudit()
	case key.Matches(kp, a.keys.Agenda):
		return a.openAgenda(now)
	case key.Matches(kp, a.keys.Workload):
		return a.openWorkload(now)
	case key.Matches(kp, a.keys.Sync):
		return a.startSync()
	// The agenda and the workload are the caseload's second and third tabs:
	// tab from All goes to the agenda, shift+tab from Due to the workload
	// (not while a filter narrows the list).
	case key.Matches(kp, a.keys.NextTab) && c.tab == model.TabAll && !c.filterActive():
		return a.openAgenda(now)
	case key.Matches(kp, a.keys.PrevTab) && c.tab == model.TabDue && !c.filterActive():
		return a.openWorkload(now)
	case key.Matches(kp, a.keys.Resources):
		return a.openDirectory()
	case key.Matches(kp, a.keys.LoadDemo) && c.empty():
		a.notice = "Loading the demo caseload…"
		st := a.st
		return func() tea.Msg {
			_, err := demo.Fill(context.Background(), st, demo.Options{Now: model.StartOfDay(now)})
			return demoLoadedMsg{err}
		}
	case key.Matches(kp, a.keys.Restore) && len(a.drafts) > 0:
		return a.restoreDraft(a.drafts[0])
	case key.Matches(kp, a.keys.DiscardDraft) && len(a.drafts) > 0:
		d := a.drafts[0]
		a.drafts = a.drafts[1:]
		return a.deleteDraft(d.Key)
	}
	row, ok := c.selected()
	switch {
	case key.Matches(kp, a.keys.Open) && ok:
		return loadClient(a.st, row.ClientID)
	case key.Matches(kp, a.keys.CheckIn) && ok:
		return a.prepareCheckIn(row.ClientID, nil)
	case key.Matches(kp, a.keys.Export):
		return a.openExport(nil)
	}
	return c.update(kp, a.keys, now)
}

// paste goes into the filter while it is typed in, and nowhere else.
func (c *caseload) paste(a *App, msg tea.PasteMsg) tea.Cmd {
	if !c.filtering {
		return nil
	}
	return c.typeIntoFilter(msg, a.now())
}

// passOn gives the filter its cursor blinks while it is typed in.
func (c *caseload) passOn(msg tea.Msg) tea.Cmd {
	if !c.filtering {
		return nil
	}
	var cmd tea.Cmd
	c.filter, cmd = c.filter.Update(msg)
	return cmd
}

func (c *caseload) setSize(w, h int) {
	c.height = max(1, h-5)
	c.width = w
	c.clampRows()
}

func (c *caseload) short(k keyMap) []key.Binding {
	switch {
	case c.filtering:
		return k.filterShort()
	case c.empty():
		return []key.Binding{k.LoadDemo, k.AddClient, k.Quit}
	case c.supervisorFile:
		return withoutWrites(k.caseloadShort(), k)
	}
	return k.caseloadShort()
}

func (c *caseload) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Caseload", k.caseloadGroups()
}

// caseloadKeys are the keys of the caseload alone.
type caseloadKeys struct {
	Sort, AddClient, LoadDemo, Restore, DiscardDraft, Agenda, AuditLog, Workload key.Binding
	// NotCompliant narrows the list to the clients with a condition not in
	// compliance, and back.
	NotCompliant key.Binding
	// Sync syncs with the agency's server in the background.
	Sync key.Binding
	// NextOfficer narrows a supervisor's list to the next officer's
	// clients, then everyone's.
	NextOfficer key.Binding
}

func newCaseloadKeys() caseloadKeys {
	return caseloadKeys{
		Sort:         bind([]string{"s"}, "s", "sort"),
		AddClient:    bind([]string{"a"}, "a", "add"),
		LoadDemo:     bind([]string{"d"}, "d", "load demo caseload"),
		Restore:      bind([]string{"r"}, "r", "restore draft"),
		DiscardDraft: bind([]string{"X"}, "X", "discard draft"),
		Agenda:       bind([]string{"g"}, "g", "agenda"),
		AuditLog:     bind([]string{"L"}, "L", "audit log"),
		Workload:     bind([]string{"W"}, "W", "workload"),
		NotCompliant: bind([]string{"!"}, "!", "not in compliance only"),
		Sync:         bind([]string{"Y"}, "Y", "sync with the agency"),
		NextOfficer:  bind([]string{"o"}, "o", "next officer's clients"),
	}
}

// caseloadGroups are the caseload's keys, for the full help.
func (k keyMap) caseloadGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.AcceptFilter, k.ClearFilter, k.NextTab, k.PrevTab, k.Sort, k.NotCompliant, k.NextOfficer},
		{k.Open, k.CheckIn, k.AddClient, k.LoadDemo, k.Restore, k.DiscardDraft},
		{k.Agenda, k.Workload, k.Resources, k.Export, k.AuditLog, k.Sync, k.Lock, k.Help, k.Quit, k.ForceQuit},
	}
}

func (k keyMap) caseloadShort() []key.Binding {
	return []key.Binding{k.Filter, k.Open, k.CheckIn, k.AddClient, k.NextTab, k.Sort, k.Help, k.Quit}
}

func (k keyMap) filterShort() []key.Binding {
	return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Arrows.Up, k.Arrows.Down}
}

func (c *caseload) live(a *App) []key.Binding {
	k := a.keys
	if c.filtering {
		return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Arrows.Up, k.Arrows.Down}
	}
	out := append(k.listKeys.all(), k.Quit, k.Help, k.AddClient, k.AuditLog, k.Agenda, k.Workload, k.NextTab, k.PrevTab,
		k.Resources, k.Open, k.CheckIn, k.Export, k.Filter, k.NotCompliant, k.Sync)
	if c.filterActive() {
		out = append(out, k.ClearFilter)
	} else {
		out = append(out, k.Sort)
	}
	if c.empty() {
		out = append(out, k.LoadDemo)
	}
	if len(c.officers) > 1 {
		out = append(out, k.NextOfficer)
	}
	if len(a.drafts) > 0 {
		out = append(out, k.Restore, k.DiscardDraft)
	}
	return out
}
