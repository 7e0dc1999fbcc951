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

// logPage is how many records one read of the log brings; more come as the
// cursor nears the end.
const logPage = 40

// logLoadedMsg brings a page of a client's log.
type logLoadedMsg struct {
	clientID string
	kind     model.LogKind
	after    model.LogCursor
	page     model.LogPage
	err      error
}

// clientLog is the client's Log tab: every kind of record, newest first,
// read a page at a time, perhaps narrowed to one kind.
type clientLog struct {
	clientID   string
	kind       model.LogKind // "" for every kind
	entries    []model.LogEntry
	next       model.LogCursor // zero when the last page is in
	loading    bool
	choosing   bool // the next key picks the kind to show
	listCursor      // height is its rows on screen
}

func loadLog(st *store.Store, clientID string, kind model.LogKind, after model.LogCursor) tea.Cmd {
	return func() tea.Msg {
		page, err := st.ClientLog(context.Background(), model.LogQuery{ClientID: clientID, Kind: kind, After: after, Limit: logPage})
		return logLoadedMsg{clientID: clientID, kind: kind, after: after, page: page, err: err}
	}
}

// logLoaded takes a page: the first replaces what is shown, the next adds
// to it; a page for another client or kind is too late and dropped.
func (v *clientView) logLoaded(a *App, msg logLoadedMsg) {
	if msg.err != nil {
		a.notice = "Could not read the log: " + msg.err.Error()
		if v.log != nil {
			v.log.loading = false
		}
		return
	}
	if msg.clientID != v.client.ID || (v.log != nil && v.log.kind != msg.kind) {
		return
	}
	if msg.after.IsZero() || v.log == nil {
		l := &clientLog{clientID: msg.clientID, kind: msg.kind, entries: msg.page.Entries, next: msg.page.Next}
		if v.log != nil {
			l.listCursor = v.log.listCursor
			l.choosing = v.log.choosing
		}
		l.clamp(len(l.entries))
		v.log = l
		return
	}
	if v.log.next != msg.after {
		return
	}
	v.log.entries = append(v.log.entries, msg.page.Entries...)
	v.log.next, v.log.loading = msg.page.Next, false
}

// logTab is every kind of record of the client, newest first, read a page
// at a time; / then a kind's key shows one kind.
type logTab struct{}

func (logTab) name() string { return "Log" }

// load reads the log's first page, of the kind shown before when the
// client is read again.
func (logTab) load(v *clientView, st *store.Store, _ time.Time) tea.Cmd {
	kind := model.LogKind("")
	if v.log != nil && v.log.clientID == v.client.ID {
		kind = v.log.kind
	}
	return loadLog(st, v.client.ID, kind, model.LogCursor{})
}

func (logTab) short(_ *clientView, k keyMap) []key.Binding { return k.logTabShort() }

func (logTab) live(v *clientView, k keyMap) []key.Binding {
	if v.log == nil {
		return nil
	}
	return append([]key.Binding{k.LogFilter}, k.listKeys.all()...)
}

// mode: while a kind is being chosen only the kinds' keys, * and esc
// answer.
func (logTab) mode(v *clientView, k keyMap) (string, [][]key.Binding, bool) {
	if v.log == nil || !v.log.choosing {
		return "", nil, false
	}
	return "Keys · Show which kind of record", [][]key.Binding{logKindKeys(), {k.AllKinds, k.Back}}, true
}

// key handles the Log tab's keys: / then a kind's key narrows the log
// to that kind, * shows every kind again; the list keys move and read
// further pages. ok says the key was one of them.
func (logTab) key(v *clientView, a *App, kp tea.KeyPressMsg, _ time.Time) (tea.Cmd, bool) {
	l := v.log
	if l == nil {
		return nil, false
	}
	if l.choosing {
		// Only the kinds' keys, * and esc answer; the rest wait.
		switch {
		case key.Matches(kp, a.keys.AllKinds):
			return v.showKind(a, ""), true
		case key.Matches(kp, a.keys.Back):
			l.choosing = false
			return nil, true
		}
		if kind, ok := model.LogKindForKey(kp.String()); ok {
			return v.showKind(a, kind), true
		}
		return nil, true
	}
	switch {
	case key.Matches(kp, a.keys.LogFilter):
		l.choosing = true
		return nil, true
	case l.navigate(kp, a.keys.listKeys, len(l.entries), l.height):
		return v.moreLog(a.st), true
	}
	return nil, false
}

// showKind narrows the log to kind ("" for all) from its newest record.
func (v *clientView) showKind(a *App, kind model.LogKind) tea.Cmd {
	v.log = &clientLog{clientID: v.client.ID, kind: kind, listCursor: listCursor{height: v.log.height}}
	return loadLog(a.st, v.client.ID, kind, model.LogCursor{})
}

// moreLog reads the next page when the cursor nears the end of what is in.
func (v *clientView) moreLog(st *store.Store) tea.Cmd {
	l := v.log
	if l.next.IsZero() || l.loading || l.cursor < len(l.entries)-max(l.height, 1) {
		return nil
	}
	l.loading = true
	return loadLog(st, l.clientID, l.kind, l.next)
}

// view draws the log: the kinds to choose from while choosing, then a
// line a record, newest first.
func (logTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	l := v.log
	if l == nil {
		return []string{s.dim.Render("Reading the log…")}
	}
	head := s.dim.Render("Showing: ") + "every kind of record" + s.dim.Render(" · / filters by kind")
	if l.kind != "" {
		head = s.dim.Render("Showing: ") + l.kind.Label() + s.dim.Render(" · / filters, / * shows all")
	}
	out := []string{text.Truncate(head, w)}
	if l.choosing {
		var kinds []string
		for _, o := range model.LogKinds() {
			kinds = append(kinds, o.Key+" "+o.Label)
		}
		kinds = append(kinds, "* every kind", "esc cancel")
		out = append(out, text.Wrap(s.label.Render("Show which kind? ")+strings.Join(kinds, " · "), w)...)
	}
	l.height = max(1, h-len(out))
	l.clamp(len(l.entries))
	if len(l.entries) == 0 {
		return append(out, s.dim.Render("Nothing of this kind recorded."))
	}
	for i := l.top; i < len(l.entries) && i < l.top+l.height; i++ {
		e := l.entries[i]
		mark := "  "
		if i == l.cursor {
			mark = s.selected.Render("▸") + " "
		}
		kind := text.Pad(e.Kind.Label(), 11)
		line := mark + e.At.Format("2006-01-02 15:04") + "  " + kind + " " + logSummary(e)
		if e.AmendedBy != "" {
			line = mark + e.At.Format("2006-01-02 15:04") + "  " + kind + " " + s.warn.Render("AMENDED ") + s.dim.Render(logSummary(e))
		}
		out = append(out, text.Truncate(line, w))
	}
	return out
}

// logSummary is one line about a record of the log, in the officer's words.
func logSummary(e model.LogEntry) string {
	var parts []string
	switch {
	case e.CheckIn != nil:
		parts = []string{e.CheckIn.Type.Label(), e.CheckIn.Outcome.Label(), "test: " + e.CheckIn.Test.Label(), firstLine(e.CheckIn.Note)}
	case e.StageNote != nil:
		parts = []string{e.StageNote.Stage.Label(), firstLine(e.StageNote.Note)}
	case e.Screening != nil:
		parts = []string{string(e.Screening.Instrument)}
	case e.Event != nil:
		parts = []string{e.ResourceName, e.Event.To.Label()}
	case e.Goal != nil:
		parts = []string{e.Goal.Words}
	case e.Condition != nil:
		parts = []string{e.Condition.Kind.Label(), e.Condition.Wording}
	case e.Progress != nil:
		parts = []string{progressEntryText(*e.Progress), e.ConditionWording}
	case e.CourtEvent != nil:
		parts = []string{e.CourtEvent.Kind.Label(), e.CourtEvent.Court}
	case e.Violation != nil:
		parts = []string{e.Violation.Kind.Label(), e.Violation.Seriousness.Label(), firstLine(e.Violation.Description)}
	case e.Response != nil:
		parts = []string{e.Response.StepLabel}
	case e.Incentive != nil:
		parts = []string{e.Incentive.StepLabel, firstLine(e.Incentive.Reason)}
	case e.Employment != nil:
		parts = []string{e.Employment.Employer, e.Employment.Position}
	case e.Arrest != nil:
		parts = []string{e.Arrest.Agency, firstLine(e.Arrest.Charges)}
	case e.Custody != nil:
		parts = []string{e.Custody.Facility, firstLine(e.Custody.Reason)}
	case e.Amendment != nil:
		parts = []string{"correction", firstLine(e.Amendment.Reason)}
	case e.Conflict != nil:
		parts = []string{e.Conflict.String()}
	case e.Supervisor != nil:
		parts = []string{e.Supervisor.By + ": " + firstLine(e.Supervisor.Note)}
	}
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(text.Clean(p)); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}

// logTabShort is the one-line help of the client's Log tab.
func (k keyMap) logTabShort() []key.Binding {
	return []key.Binding{k.LogFilter, k.Up, k.Down, k.PageDown, k.NextTab, k.Help, k.Back}
}

// logKindKeys are the keys that pick a kind while choosing, for the help.
func logKindKeys() []key.Binding {
	var out []key.Binding
	for _, o := range model.LogKinds() {
		out = append(out, bind([]string{o.Key}, o.Key, strings.ToLower(o.Label)))
	}
	return out
}
