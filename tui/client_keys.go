package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// key handles the client screen's keys: the tab's own first, then what
// opens from a client on any tab.
func (v *clientView) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if cmd, ok := v.tab.key(v, a, kp, now); ok {
		return cmd
	}
	if _, _, modal := v.modal(a.keys); modal {
		return nil // the tab takes every key for now
	}
	switch {
	case key.Matches(kp, a.keys.NextTab):
		v.step(1)
	case key.Matches(kp, a.keys.PrevTab):
		v.step(-1)
	case key.Matches(kp, a.keys.Back):
		a.pop(v)
		a.notice = ""
		if _, ok := a.top().(*agendaView); ok {
			return a.loadAgenda(now)
		}
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.CheckIn):
		return a.prepareCheckIn(v.client.ID, nil)
	case key.Matches(kp, a.keys.Violation):
		return a.prepareViolation(v.client)
	case key.Matches(kp, a.keys.Incentive):
		return a.prepareIncentive(v.client)
	case key.Matches(kp, a.keys.CourtEvent):
		return a.openForm(newCourtForm(v.client, now), nil)
	case key.Matches(kp, a.keys.CourtOutcome):
		return a.prepareOutcome(v.client)
	case key.Matches(kp, a.keys.Employment):
		return a.openForm(newEmploymentForm(v.client, now), nil)
	case key.Matches(kp, a.keys.AddGoal):
		return a.prepareGoalForm(v.client, "")
	case key.Matches(kp, a.keys.EditRelapsePlan):
		return a.prepareRelapseForm(v.client)
	case key.Matches(kp, a.keys.Export):
		c := v.client
		return a.openExport(&c)
	case key.Matches(kp, a.keys.StageNote):
		if a.sync.supervisor {
			return a.openForm(newSupervisorNoteForm(v.client, now), nil)
		}
		return a.openForm(newStageNoteForm(v.client, v.summary.Stage, nil, now), nil)
	case key.Matches(kp, a.keys.EditClient):
		c := v.client
		return a.openForm(newClientForm(&c, now), nil)
	case key.Matches(kp, a.keys.Refer):
		return a.openPicker(v.client)
	case key.Matches(kp, a.keys.Resources):
		return a.openDirectory()
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
	return nil
}

func (v *clientView) setSize(_, h int) { v.height = timelineRows(h) }

func (v *clientView) short(k keyMap) []key.Binding {
	if _, groups, ok := v.modal(k); ok {
		return groups[len(groups)-1]
	}
	if v.supervisorFile {
		return withoutWrites(v.tab.short(v, k), k)
	}
	return v.tab.short(v, k)
}

// recordWrites are the keys that open a form on the officer's records
// (a new client among them), which a supervisor's file refuses.
func (k keyMap) recordWrites() []key.Binding {
	return []key.Binding{k.AddClient, k.CheckIn, k.EditClient, k.Amend, k.Refer, k.ChangeStatus, k.AddProgress, k.ConditionStatus,
		k.AddGoal, k.TickStep, k.EditGoal, k.EditRelapsePlan, k.Violation, k.Incentive, k.CourtEvent, k.CourtOutcome,
		k.Employment, k.Screening, k.Consent}
}

// withoutWrites leaves out of a short help the keys a supervisor's file
// would only answer with its notice: the line offers what the file does.
func withoutWrites(bs []key.Binding, k keyMap) []key.Binding {
	writes := map[key.Help]bool{}
	for _, w := range k.recordWrites() {
		writes[w.Help()] = true
	}
	var out []key.Binding
	for _, b := range bs {
		if !writes[b.Help()] {
			out = append(out, b)
		}
	}
	return out
}

func (v *clientView) groups(k keyMap) (string, [][]key.Binding) {
	if title, groups, ok := v.modal(k); ok {
		return title, groups
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
	// Incentive, CourtEvent, CourtOutcome and Employment open their forms.
	Incentive, CourtEvent, CourtOutcome, Employment key.Binding
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
		Incentive:       bind([]string{"i"}, "i", "incentive"),
		CourtEvent:      bind([]string{"o"}, "o", "court event"),
		CourtOutcome:    bind([]string{"O"}, "O", "court outcome"),
		Employment:      bind([]string{"w"}, "w", "job"),
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
		{k.AddProgress, k.ConditionStatus, k.LogFilter, k.Violation, k.Incentive, k.CourtEvent, k.CourtOutcome, k.Employment},
	}
}

func (k keyMap) clientShort() []key.Binding {
	return []key.Binding{k.CheckIn, k.StageNote, k.EditClient, k.Amend, k.NextTab, k.Help, k.Back}
}

func (v *clientView) live(a *App) []key.Binding {
	k := a.keys
	if _, groups, ok := v.modal(k); ok {
		var out []key.Binding
		for _, g := range groups {
			out = append(out, g...)
		}
		return out
	}
	out := []key.Binding{k.AddGoal, k.EditRelapsePlan, k.Back, k.Help, k.CheckIn, k.Export, k.StageNote, k.EditClient, k.Violation,
		k.Incentive, k.CourtEvent, k.CourtOutcome, k.Employment,
		k.Refer, k.Resources, k.Screening, k.Consent, k.Consents, k.Amend, k.NextTab, k.PrevTab}
	return append(out, v.tab.live(v, k)...)
}
