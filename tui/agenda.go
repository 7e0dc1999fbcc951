package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
)

// agendaLoadedMsg brings what needs doing now.
type agendaLoadedMsg struct {
	agenda model.Agenda
	owner  string // the officer it is of, "" for everyone
	err    error
}

// agendaLimit caps each heading: the agenda is a screenful of work, and the
// heading's count still says how many there are in all.
const agendaLimit = 50

// agendaView is what needs doing now, heading by heading; the cursor moves
// over the items only, never onto a heading.
type agendaView struct {
	agenda     model.Agenda
	owner      string             // the officer the agenda is of, "" for everyone
	items      []model.AgendaItem // every item, in the order shown
	loaded     bool
	listCursor // over the items; the view keeps it in sight
}

// loadAgenda reads the contact and referral headings, then those of the
// conditions of supervision (hearings, what is due, violations nobody has
// answered), which follow them on the screen: of the officer the caseload
// is narrowed to in a supervisor's file, else of everyone.
func (a *App) loadAgenda(now time.Time) tea.Cmd {
	st, owner := a.st, a.caseload.owner
	return func() tea.Msg {
		ag, err := st.AgendaOf(context.Background(), now, agendaLimit, owner)
		return agendaLoadedMsg{agenda: ag, owner: owner, err: err}
	}
}

// setAgenda takes a fresh agenda, keeping the cursor where it was when it can:
// coming back from a client, the officer carries on down the list.
func (v *agendaView) setAgenda(ag model.Agenda) {
	v.agenda, v.loaded, v.items = ag, true, nil
	for _, s := range ag.Sections {
		v.items = append(v.items, s.Items...)
	}
	v.clamp(len(v.items))
}

func (v *agendaView) selected() (model.AgendaItem, bool) {
	if v.cursor < len(v.items) {
		return v.items[v.cursor], true
	}
	return model.AgendaItem{}, false
}

// openAgenda shows the agenda and reads it afresh.
func (a *App) openAgenda(now time.Time) tea.Cmd {
	if a.agenda == nil {
		a.agenda = &agendaView{}
	}
	if a.top() != layer(a.agenda) {
		a.push(a.agenda)
	}
	a.notice = ""
	return a.loadAgenda(now)
}

func (v *agendaView) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	switch {
	case key.Matches(kp, a.keys.Back):
		a.pop(v)
		a.notice = ""
		return nil
	case key.Matches(kp, a.keys.NextTab):
		// On to the workload, the tab beside the agenda.
		a.pop(v)
		return a.openWorkload(now)
	case key.Matches(kp, a.keys.PrevTab):
		// Back to the caseload's All tab.
		a.pop(v)
		a.notice = ""
		a.caseload.tab = model.TabAll
		return a.caseload.reset(now)
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.Quit):
		return a.quit()
	case key.Matches(kp, a.keys.Resources):
		return a.openDirectory()
	case key.Matches(kp, a.keys.Open):
		if it, ok := v.selected(); ok {
			return a.openAgendaItem(it)
		}
		return nil
	}
	v.navigate(kp, a.keys.listKeys, len(v.items), max(1, a.height-6))
	return nil
}

// groups are the agenda's keys, for the full help.
func (v *agendaView) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Agenda", [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.NextTab, k.PrevTab, k.Resources, k.Back, k.Help, k.Quit, k.ForceQuit},
	}
}

func (v *agendaView) short(k keyMap) []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Open, k.Resources, k.Back, k.Help, k.Quit}
}

func (v *agendaView) live(a *App) []key.Binding {
	k := a.keys
	return append(k.listKeys.all(), k.Back, k.NextTab, k.PrevTab, k.Help, k.Quit, k.Resources, k.Open)
}

// openAgendaItem goes where the item is dealt with: a violation nobody has
// answered opens its response; a condition opens the client on the
// Conditions tab, a hearing on the Log; anything else opens the client.
func (a *App) openAgendaItem(it model.AgendaItem) tea.Cmd {
	switch {
	case it.Violation != nil:
		return a.prepareResponse(it)
	case it.Condition != nil:
		return loadClientOn(a.st, it.ClientID, conditionsTab{}, it.Condition.ID)
	case it.Court != nil:
		return loadClientOn(a.st, it.ClientID, logTab{}, "")
	}
	return loadClient(a.st, it.ClientID)
}
