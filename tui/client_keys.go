package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles the client screen's keys: the plan's first (p and P work from
// any tab), then what opens from a client, then the tab's own list.
func (v *clientView) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if cmd, ok := v.logKey(a, kp); ok {
		return cmd
	}
	if cmd, ok := a.planKey(kp); ok {
		return cmd
	}
	switch {
	case key.Matches(kp, a.keys.Back):
		a.pop(v)
		a.notice = ""
		if _, ok := a.top().(*agendaView); ok {
			return loadAgenda(a.st, now)
		}
		return nil
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.CheckIn):
		return a.prepareCheckIn(v.client.ID, nil)
	case key.Matches(kp, a.keys.Violation):
		return a.prepareViolation(v.client)
	case key.Matches(kp, a.keys.Export):
		c := v.client
		return a.openExport(&c)
	case key.Matches(kp, a.keys.StageNote):
		return a.openForm(newStageNoteForm(v.client, v.summary.Stage, nil, now), nil)
	case key.Matches(kp, a.keys.EditClient):
		c := v.client
		return a.openForm(newClientForm(&c, now), nil)
	case key.Matches(kp, a.keys.Refer):
		return a.openPicker(v.client)
	case key.Matches(kp, a.keys.Resources):
		return a.openDirectory()
	case key.Matches(kp, a.keys.ChangeStatus) && v.tab == tabReferrals:
		return a.openStatusForm(now)
	case key.Matches(kp, a.keys.Screening), key.Matches(kp, a.keys.Consent), key.Matches(kp, a.keys.Consents):
		return a.screeningConsentKey(kp, now)
	case key.Matches(kp, a.keys.Amend):
		f, why := v.amendForm(now, checkinDefaults{client: v.client, summary: v.summary, intervals: a.intervals})
		if f == nil {
			a.notice = why
			return nil
		}
		return a.openForm(f, nil)
	}
	if cmd, ok := v.conditionKey(a, kp, now); ok {
		return cmd
	}
	if a.referralTabKey(kp) {
		return nil
	}
	return v.update(kp, a.keys, a.st)
}

func (v *clientView) setSize(_, h int) { v.height = timelineRows(h) }

func (v *clientView) short(k keyMap) []key.Binding {
	switch v.tab {
	case tabPlan:
		return k.planTabShort()
	case tabReferrals:
		return k.referralTabShort()
	case tabConditions:
		return k.conditionTabShort()
	case tabLog:
		if v.log != nil && v.log.choosing {
			return []key.Binding{k.AllKinds, k.Back}
		}
		return k.logTabShort()
	}
	return k.clientShort()
}

func (v *clientView) groups(k keyMap) (string, [][]key.Binding) {
	if v.tab == tabLog && v.log != nil && v.log.choosing {
		return "Keys · Show which kind of record", [][]key.Binding{logKindKeys(), {k.AllKinds, k.Back}}
	}
	return "Keys · Client", k.clientGroups()
}

// clientKeys are the keys of the client screen alone.
type clientKeys struct {
	StageNote, EditClient, Amend, Refer, ChangeStatus key.Binding
	// AddProgress and ConditionStatus work on the Conditions tab.
	AddProgress, ConditionStatus key.Binding
	// LogFilter then a kind's key narrows the Log tab; AllKinds widens it.
	LogFilter, AllKinds key.Binding
	// Violation records a violation with its response in one form.
	Violation key.Binding
}

func newClientKeys() clientKeys {
	return clientKeys{
		StageNote:       bind([]string{"n"}, "n", "stage note"),
		EditClient:      bind([]string{"e"}, "e", "edit"),
		Amend:           bind([]string{"A"}, "A", "amend"),
		Refer:           bind([]string{"r"}, "r", "refer"),
		ChangeStatus:    bind([]string{"u"}, "u", "update referral"),
		AddProgress:     bind([]string{"enter"}, "enter", "add progress"),
		ConditionStatus: bind([]string{"m"}, "m", "condition status"),
		LogFilter:       bind([]string{"/"}, "/", "log: show one kind"),
		AllKinds:        bind([]string{"*"}, "*", "every kind"),
		Violation:       bind([]string{"b"}, "b", "violation + response"),
	}
}

// clientGroups are the client screen's keys.
func (k keyMap) clientGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.CheckIn, k.StageNote, k.EditClient, k.Amend},
		{k.Refer, k.ChangeStatus, k.Resources, k.Export, k.Back, k.Lock, k.Help, k.ForceQuit},
		{k.AddGoal, k.TickStep, k.EditGoal, k.GoalHistory, k.EditRelapsePlan, k.OlderPlan},
		{k.Screening, k.Consent, k.Consents},
		{k.AddProgress, k.ConditionStatus, k.LogFilter, k.Violation},
	}
}

func (k keyMap) clientShort() []key.Binding {
	return []key.Binding{k.CheckIn, k.StageNote, k.EditClient, k.Amend, k.NextTab, k.Help, k.Back}
}

func (v *clientView) live(a *App) []key.Binding {
	k := a.keys
	if v.tab == tabLog && v.log != nil && v.log.choosing {
		return append(logKindKeys(), k.AllKinds, k.Back)
	}
	out := []key.Binding{k.AddGoal, k.EditRelapsePlan, k.Back, k.Help, k.CheckIn, k.Export, k.StageNote, k.EditClient, k.Violation,
		k.Refer, k.Resources, k.Screening, k.Consent, k.Consents, k.Amend, k.NextTab, k.PrevTab}
	switch {
	case v.tab == tabTimeline:
		out = append(out, k.listKeys.all()...)
	case v.tab == tabPlan && v.plan != nil && v.plan.history != nil:
		out = append(out, k.listKeys.all()...)
	case v.tab == tabPlan && v.plan != nil:
		out = append(out, k.TickStep, k.EditGoal, k.GoalHistory, k.OlderPlan)
		out = append(out, k.planListKeys().all()...)
	case v.tab == tabReferrals && v.refs != nil:
		out = append(out, k.ChangeStatus)
		out = append(out, k.referralListKeys().all()...)
	case v.tab == tabReferrals:
		out = append(out, k.ChangeStatus)
	case v.tab == tabConditions && v.conds != nil:
		out = append(out, k.AddProgress, k.ConditionStatus)
		out = append(out, k.referralListKeys().all()...)
	case v.tab == tabConditions:
		out = append(out, k.AddProgress, k.ConditionStatus)
	case v.tab == tabLog && v.log != nil:
		out = append(out, k.LogFilter)
		out = append(out, k.listKeys.all()...)
	}
	return out
}
