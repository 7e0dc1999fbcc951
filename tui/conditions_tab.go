package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// conditionsLoadedMsg brings a client's conditions with their progress, for
// the client's Conditions tab.
type conditionsLoadedMsg struct {
	clientID string
	items    []store.ConditionState
	err      error
}

// progressSavedMsg reports a progress entry or a status change written (or
// why not).
type progressSavedMsg struct{ saved }

// conditionList is the client's conditions and the one under the cursor.
type conditionList struct {
	clientID   string
	items      []store.ConditionState
	listCursor // the view keeps it in sight
}

func (l *conditionList) selected() (store.ConditionState, bool) {
	if l == nil || l.cursor >= len(l.items) {
		return store.ConditionState{}, false
	}
	return l.items[l.cursor], true
}

func loadConditions(st *store.Store, clientID string, today model.Date) tea.Cmd {
	return func() tea.Msg {
		items, err := st.Conditions(context.Background(), clientID, today)
		return conditionsLoadedMsg{clientID: clientID, items: items, err: err}
	}
}

// answer takes the client screen's own answers: its conditions, and a
// progress entry saved.
func (v *clientView) answer(a *App, msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case conditionsLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the conditions: " + msg.err.Error()
			return nil, true
		}
		if msg.clientID != v.client.ID {
			return nil, true
		}
		l := &conditionList{clientID: msg.clientID, items: msg.items}
		if old := v.conds; old != nil && old.clientID == msg.clientID {
			l.cursor = old.cursor
			l.clamp(len(l.items))
		}
		for i, c := range l.items {
			if v.focus != "" && c.Condition.ID == v.focus {
				l.cursor, v.focus = i, ""
			}
		}
		v.conds = l
		return nil, true
	case progressSavedMsg:
		return a.saved(msg.saved), true
	case violationSavedMsg:
		return a.saved(msg.saved), true
	case logLoadedMsg:
		v.logLoaded(a, msg)
		return nil, true
	}
	return nil, false
}

// conditionsTab lists the client's court-ordered conditions with their
// progress; enter adds progress, m changes the status.
type conditionsTab struct{}

func (conditionsTab) name() string { return "Conditions" }

func (conditionsTab) load(v *clientView, st *store.Store, now time.Time) tea.Cmd {
	return loadConditions(st, v.client.ID, model.DateOf(now))
}

func (conditionsTab) short(_ *clientView, k keyMap) []key.Binding { return k.conditionTabShort() }

func (conditionsTab) live(v *clientView, k keyMap) []key.Binding {
	out := []key.Binding{k.AddProgress, k.ConditionStatus}
	if v.conds != nil {
		out = append(out, k.referralListKeys().all()...)
	}
	return out
}

// key handles the Conditions tab's own keys; ok says the key was one of
// them.
func (conditionsTab) key(v *clientView, a *App, kp tea.KeyPressMsg, now time.Time) (tea.Cmd, bool) {
	l := v.conds
	switch {
	case key.Matches(kp, a.keys.AddProgress), key.Matches(kp, a.keys.ConditionStatus):
		c, ok := l.selected()
		if !ok {
			a.notice = "No condition recorded. Conditions come from the court order on the client's profile."
			return nil, true
		}
		if key.Matches(kp, a.keys.ConditionStatus) {
			return a.openForm(newConditionStatusForm(v.client, c.Condition, now), nil), true
		}
		if !c.Condition.Status.Open() {
			a.notice = "This condition is " + strings.ToLower(c.Condition.Status.Label()) + "; nothing more is counted on it. m changes its status."
			return nil, true
		}
		if c.Condition.Kind.Measure() == model.MeasureNone {
			a.notice = c.Condition.Kind.Label() + " is kept or broken, not counted: m changes its status."
			return nil, true
		}
		return a.openForm(newProgressForm(v.client, c.Condition, now), nil), true
	case l != nil && l.navigate(kp, a.keys.referralListKeys(), len(l.items), 0):
		return nil, true
	}
	return nil, false
}

// view lists the conditions, each with its progress as words and
// a bar, then the wording and latest entries of the one under the cursor.
func (conditionsTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	l := v.conds
	if l == nil {
		return []string{s.dim.Render("Reading the conditions…")}
	}
	if len(l.items) == 0 {
		return []string{s.dim.Render("No conditions recorded. They come from the court order on the client's profile (e edits it).")}
	}
	rows := max(1, h-conditionDetail-1)
	l.height = rows
	l.clamp(len(l.items))
	kindW, statusW := 0, len("Behind")
	for _, c := range l.items {
		kindW = max(kindW, text.Width(c.Condition.Kind.Label()))
		statusW = max(statusW, text.Width(c.Condition.Status.Label()))
	}
	var out []string
	for i := l.top; i < len(l.items) && i < l.top+rows; i++ {
		out = append(out, conditionLine(s, l.items[i], i == l.cursor, kindW, statusW, w))
	}
	for len(out) < rows {
		out = append(out, "")
	}
	out = append(out, s.dim.Render(strings.Repeat("─", w)))
	if c, ok := l.selected(); ok {
		out = append(out, conditionDetailLines(s, c, now, w)...)
	}
	return out
}

// conditionDetail is the lines under the list for the chosen condition.
const conditionDetail = 4

// conditionLine is one condition: a mark, its kind, its status as a word,
// a bar when it is counted, and its progress in words.
func conditionLine(s styles, c store.ConditionState, on bool, kindW, statusW, w int) string {
	mark := "  "
	if on {
		mark = s.selected.Render("▸") + " "
	}
	st := c.Condition.Status
	status := statusWord(s, st, c.Progress.Behind, statusW)
	line := mark + text.Pad(c.Condition.Kind.Label(), kindW) + "  " + status
	if c.Condition.Kind.Measure() != model.MeasureNone && c.Progress.Target > 0 {
		line += " " + progressBar(c.Progress.Done, c.Progress.Target, 10)
	}
	progress := c.Progress.Text
	if c.Condition.Kind.Measure() == model.MeasureNone {
		progress = ""
	}
	if progress != "" {
		line += " " + progress
	}
	return text.Truncate(line, w)
}

// statusWord is the status in words, marked so that it reads without
// colour: "!" where the client is not in compliance or behind.
func statusWord(s styles, st model.ConditionStatus, behind bool, width int) string {
	word := text.Pad(st.Label(), width)
	switch {
	case st == model.ConditionNotCompliant:
		return s.overdue.Render("! " + word)
	case behind && st.Open():
		return s.warn.Render("! " + text.Pad("Behind", width))
	case st == model.ConditionCompleted, st == model.ConditionCompliant:
		return s.ok.Render("✓ " + word)
	case !st.Open():
		return s.dim.Render("– " + word)
	}
	return "· " + word
}

// progressBar draws done of target in width cells: "[####------]". The
// brackets and two shapes carry the meaning without colour.
func progressBar(done, target int64, width int) string {
	filled := 0
	if target > 0 {
		filled = int(min(done, target) * int64(width) / target)
	}
	if filled == 0 && done > 0 {
		filled = 1 // something done shows
	}
	return "[" + strings.Repeat("#", filled) + strings.Repeat("-", width-filled) + "]"
}

// conditionDetailLines is the court's wording and the latest entries.
func conditionDetailLines(s styles, c store.ConditionState, now time.Time, w int) []string {
	out := []string{text.Truncate(s.dim.Render("Ordered ")+c.Condition.OrderedOn.String()+"  "+firstLine(text.Clean(c.Condition.Wording)), w)}
	if due := c.Condition.DueBy; !due.IsZero() {
		out[0] = text.Truncate(out[0]+s.dim.Render("  · due by ")+due.String(), w)
	}
	if c.Condition.Kind.Measure() != model.MeasureNone {
		out = append(out, text.Truncate(s.dim.Render("Progress ")+c.Progress.Text, w))
	}
	entries := c.Entries
	for i := len(entries) - 1; i >= 0 && len(out) < conditionDetail; i-- {
		out = append(out, text.Truncate("  "+entries[i].At.Format("2006-01-02")+"  "+progressEntryText(entries[i]), w))
	}
	if len(entries) == 0 {
		out = append(out, s.dim.Render("  Nothing recorded yet. enter adds progress, m changes the status."))
	}
	return out
}

// progressEntryText is one progress entry in words.
func progressEntryText(e model.ProgressEntry) string {
	var parts []string
	switch e.Kind {
	case model.ProgressHours:
		parts = append(parts, model.Hours(e.Amount)+" hours")
	case model.ProgressPayment:
		parts = append(parts, "Paid "+model.Money(e.Amount))
	case model.ProgressStatus:
		parts = append(parts, "Status: "+e.From.Label()+" → "+e.Status.Label())
	default:
		parts = append(parts, e.Kind.Label())
	}
	if e.Where != "" {
		parts = append(parts, "at "+text.Clean(e.Where))
	}
	if e.Receipt != "" {
		parts = append(parts, "receipt "+text.Clean(e.Receipt))
	}
	if e.Note != "" {
		parts = append(parts, firstLine(text.Clean(e.Note)))
	}
	return strings.Join(parts, " · ")
}

// conditionTabShort is the one-line help of the client's Conditions tab.
func (k keyMap) conditionTabShort() []key.Binding {
	return []key.Binding{k.AddProgress, k.ConditionStatus, k.Up, k.Down, k.NextTab, k.Help, k.Back}
}
