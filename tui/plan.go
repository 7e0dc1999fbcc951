package tui

import (
	"context"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// planLoadedMsg brings a client's goals (their current versions) and every
// version of the relapse-prevention plan, for the client's Plan tab.
type planLoadedMsg struct {
	clientID string
	goals    []model.Goal
	plans    []model.RelapsePlan // newest first
	err      error
}

// stepTickedMsg reports a step ticked done or not done (or why not).
type stepTickedMsg struct {
	clientID string
	step     string
	done     bool
	err      error
}

// goalHistoryLoadedMsg brings every version of one goal, for H.
type goalHistoryLoadedMsg struct {
	versions []model.Goal
	err      error
}

// goalSavedMsg reports a goal added or changed (or why not).
type goalSavedMsg struct{ saved }

// relapsePlanSavedMsg reports a new version of the relapse-prevention plan
// (or why not).
type relapsePlanSavedMsg struct{ saved }

// planView is the client's Plan tab: the goals with their steps, the
// relapse-prevention plan, and where the cursor is.
type planView struct {
	clientID   string
	goals      []model.Goal
	plans      []model.RelapsePlan // newest first
	shown      int                 // the plan version on screen, as an index in plans
	listCursor                     // over items(); the view keeps it in sight
	ticking    bool                // a tick is on its way to the file: a second one waits for the reload
	history    *goalHistory        // one goal's versions, while H shows them
}

// goalHistory is the read-only list of a goal's versions and how far it is
// scrolled.
type goalHistory struct {
	versions []model.Goal // oldest first, as the store gives them
	// scroll's cursor is the first line on screen: the history is read,
	// not chosen from, so the keys scroll it.
	scroll listCursor
}

// planItem is a line of the Plan tab the cursor stops on: a goal (step -1),
// one of its steps, or (goal -1) an entry of the relapse-prevention plan, so
// that the cursor can walk the whole tab and the screen scrolls with it.
type planItem struct {
	goal, step int
}

func loadPlan(st *store.Store, clientID string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		goals, err := st.Goals(ctx, clientID)
		if err != nil {
			return planLoadedMsg{clientID: clientID, err: err}
		}
		plans, err := st.RelapsePlanHistory(ctx, clientID)
		return planLoadedMsg{clientID: clientID, goals: goals, plans: plans, err: err}
	}
}

// items lists the cursor stops in the order they are drawn.
func (p *planView) items() []planItem {
	var out []planItem
	for i, g := range p.goals {
		out = append(out, planItem{i, -1})
		for j := range g.Steps {
			out = append(out, planItem{i, j})
		}
	}
	for k := range p.planEntries() {
		out = append(out, planItem{-1, k})
	}
	return out
}

// shownPlan is the relapse-prevention plan version on screen.
func (p *planView) shownPlan() (model.RelapsePlan, bool) {
	if p.shown >= len(p.plans) {
		return model.RelapsePlan{}, false
	}
	return p.plans[p.shown], true
}

// planEntries are the lines of the shown plan, section by section, as the
// tab draws them.
func (p *planView) planEntries() []string {
	rp, ok := p.shownPlan()
	if !ok {
		return nil
	}
	var out []string
	for _, sec := range model.RelapseSections() {
		out = append(out, rp.Lines(sec.Value)...)
	}
	return out
}

func (p *planView) selected() (planItem, bool) {
	items := p.items()
	if p.cursor >= len(items) {
		return planItem{}, false
	}
	return items[p.cursor], true
}

// handlePlanWork takes the answers about goals and relapse-prevention plans.
func (a *App) handlePlanWork(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case planLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the plan: " + msg.err.Error()
			return nil
		}
		if a.client() == nil || a.client().client.ID != msg.clientID {
			return nil
		}
		p := &planView{clientID: msg.clientID, goals: msg.goals, plans: msg.plans}
		if old := a.client().plan; old != nil && old.clientID == msg.clientID {
			p.cursor = old.cursor
			p.clamp(len(p.items()))
			// An older version stays on screen unless a new one was saved.
			if len(old.plans) == len(p.plans) {
				p.shown = old.shown
			}
		}
		a.client().plan = p
	case stepTickedMsg:
		// The reload that follows a tick brings a fresh view, ready for the
		// next one; a tick that failed frees this one.
		if msg.err != nil {
			if a.client() != nil && a.client().plan != nil {
				a.client().plan.ticking = false
			}
			a.notice = "Could not tick the step: " + msg.err.Error()
			return nil
		}
		a.notice = "Step not done: " + text.Clean(msg.step) + "."
		if msg.done {
			a.notice = "Step done: " + text.Clean(msg.step) + "."
		}
		return loadPlan(a.st, msg.clientID)
	case goalHistoryLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the goal's history: " + msg.err.Error()
			return nil
		}
		if a.client() != nil && a.client().plan != nil {
			a.client().plan.history = &goalHistory{versions: msg.versions}
		}
	case goalSavedMsg:
		return a.saved(msg.saved)
	case relapsePlanSavedMsg:
		return a.saved(msg.saved)
	}
	return nil
}

// planTab is the client's goals with their steps and the relapse-prevention
// plan; p and P, which open their forms, work from any tab.
type planTab struct{}

func (planTab) name() string { return "Plan" }

func (planTab) load(v *clientView, st *store.Store, _ time.Time) tea.Cmd {
	return loadPlan(st, v.client.ID)
}

func (planTab) short(_ *clientView, k keyMap) []key.Binding { return k.planTabShort() }

func (planTab) live(v *clientView, k keyMap) []key.Binding {
	switch {
	case v.plan == nil:
		return nil
	case v.plan.history != nil:
		return k.listKeys.all()
	}
	return append([]key.Binding{k.TickStep, k.EditGoal, k.GoalHistory, k.OlderPlan}, k.planListKeys().all()...)
}

// key handles the Plan tab's keys. It reports whether the key was one of
// them.
func (planTab) key(v *clientView, a *App, kp tea.KeyPressMsg, _ time.Time) (tea.Cmd, bool) {
	switch {
	case v.plan == nil:
		return nil, false
	case v.plan.history != nil:
		return nil, a.historyKey(kp)
	}
	p := v.plan
	switch {
	case key.Matches(kp, a.keys.TickStep):
		return a.tickSelected(), true
	case p.navigate(kp, a.keys.planListKeys(), len(p.items()), planRows(a.height)):
	case key.Matches(kp, a.keys.EditGoal):
		it, ok := p.selected()
		if !ok || it.goal < 0 {
			a.notice = "Put the cursor on a goal or one of its steps to edit the goal."
			return nil, true
		}
		return a.prepareGoalForm(v.client, p.goals[it.goal].ID), true
	case key.Matches(kp, a.keys.GoalHistory):
		it, ok := p.selected()
		if !ok || it.goal < 0 {
			a.notice = "Put the cursor on a goal to see its history."
			return nil, true
		}
		st, id := a.st, p.goals[it.goal].ID
		return func() tea.Msg {
			versions, err := st.GoalHistory(context.Background(), id)
			return goalHistoryLoadedMsg{versions: versions, err: err}
		}, true
	case key.Matches(kp, a.keys.OlderPlan):
		if len(p.plans) < 2 {
			a.notice = "The relapse-prevention plan has no older version."
			return nil, true
		}
		p.shown = (p.shown + 1) % len(p.plans)
		// The cursor goes to the plan's first entry, which brings the
		// version shown into sight.
		p.cursor = 0
		for _, g := range p.goals {
			p.cursor += 1 + len(g.Steps)
		}
		rp := p.plans[p.shown]
		a.notice = "Showing version " + strconv.Itoa(rp.Version) + " of " + strconv.Itoa(p.plans[0].Version) + "."
	default:
		return nil, false
	}
	return nil, true
}

// historyKey scrolls a goal's history; esc goes back to the plan.
func (a *App) historyKey(kp tea.KeyPressMsg) bool {
	if key.Matches(kp, a.keys.Back) {
		a.client().plan.history = nil
		return true
	}
	hist, page := a.client().plan.history, planRows(a.height)
	// The first line on screen goes as far as shows the last line at the
	// bottom.
	return hist.scroll.navigate(kp, a.keys.listKeys, len(hist.lines(a.styles, a.now()))-page+1, page)
}

// planRows is how many lines of the Plan tab fit on a screen h lines high:
// a page for pgup and pgdn.
func planRows(h int) int { return max(3, h-1-clientChrome) }

// tickSelected ticks the step under the cursor done, or not done when it
// was; the tick is one new version of the goal, written in one transaction.
func (a *App) tickSelected() tea.Cmd {
	p := a.client().plan
	it, ok := p.selected()
	if !ok || it.goal < 0 || it.step < 0 {
		a.notice = "Put the cursor on a step to tick it."
		return nil
	}
	if p.ticking {
		return nil
	}
	g := p.goals[it.goal]
	if !g.CanTickSteps() {
		a.notice = "Not ticked: " + g.TickRefusal() + " (enter edits the goal)."
		return nil
	}
	p.ticking = true
	step, done, st, clientID := g.Steps[it.step], !g.Steps[it.step].Done, a.st, p.clientID
	return func() tea.Msg {
		_, err := st.TickStep(context.Background(), g.ID, it.step, done)
		return stepTickedMsg{clientID: clientID, step: step.Text, done: done, err: err}
	}
}

// planKeys are the keys of the client's supervision and relapse-prevention
// plans: p and P work from any client tab, the rest on the Plan tab.
type planKeys struct {
	AddGoal, TickStep, EditGoal, GoalHistory, EditRelapsePlan, OlderPlan key.Binding
}

func newPlanKeys() planKeys {
	return planKeys{
		AddGoal:         bind([]string{"p"}, "p", "add goal"),
		TickStep:        bind([]string{"space"}, "space", "tick"),
		EditGoal:        bind([]string{"enter"}, "enter", "edit goal"),
		GoalHistory:     bind([]string{"H"}, "H", "goal history"),
		EditRelapsePlan: bind([]string{"P"}, "P", "relapse plan"),
		OlderPlan:       bind([]string{"v"}, "v", "older relapse plans"),
	}
}

// planTabShort is the one-line help of the client's Plan tab; v and H are
// hinted on the tab itself, where they apply, so that the line fits 80
// columns.
func (k keyMap) planTabShort() []key.Binding {
	return []key.Binding{k.AddGoal, k.TickStep, k.EditGoal, k.EditRelapsePlan, k.Help, k.Back}
}

// planListKeys move the cursor of the Plan tab, where space ticks a step
// rather than turning the page.
func (k keyMap) planListKeys() listKeys {
	l := k.listKeys
	l.PageDown = bind([]string{"pgdown", "ctrl+d"}, "pgdn", "page down")
	return l
}
