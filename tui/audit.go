package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
)

// auditView is the audit log, newest first, one screenful at a time: the
// log grows with every write, so only the entries on screen are read.
type auditView struct {
	page    auditPage
	back    []auditPage // the newer pages, for page up
	entries []model.AuditEntry
	more    bool // there are older entries than this page
	total   int
	rows    int // entries that fit on the screen
	loading bool
	err     string
}

// auditPage says where a page starts: below entry before (0 for the
// newest), after offset newer entries.
type auditPage struct {
	before int64
	offset int
}

type auditLoadedMsg struct {
	page    auditPage
	entries []model.AuditEntry
	more    bool
	total   int
	err     error
}

// auditRows is how many entries fit: the window less the title, the count,
// the header and the help line.
func auditRows(h int) int { return max(1, h-4) }

// auditResized reads the page again when the window holds more or fewer
// entries, from the same first entry.
func (a *App) auditResized() tea.Cmd {
	v := a.audit()
	if v == nil || v.rows == auditRows(a.height) {
		return nil
	}
	v.rows = auditRows(a.height)
	return v.load(a.st, v.page)
}

func (a *App) openAudit() tea.Cmd {
	v := &auditView{rows: auditRows(a.height)}
	a.push(v)
	a.notice = ""
	return v.load(a.st, auditPage{})
}

// load reads one page, and one entry more to know whether there is a next.
func (v *auditView) load(st *store.Store, p auditPage) tea.Cmd {
	v.loading = true
	rows := v.rows
	return func() tea.Msg {
		ctx := context.Background()
		entries, err := st.AuditLogNewest(ctx, p.before, rows+1)
		if err != nil {
			return auditLoadedMsg{err: err}
		}
		total, err := st.AuditCount(ctx)
		more := len(entries) > rows
		if more {
			entries = entries[:rows]
		}
		return auditLoadedMsg{page: p, entries: entries, more: more, total: total, err: err}
	}
}

// answer takes a page of the log.
func (v *auditView) answer(_ *App, msg tea.Msg) (tea.Cmd, bool) {
	m, ok := msg.(auditLoadedMsg)
	if ok {
		v.loaded(m)
	}
	return nil, ok
}

func (v *auditView) loaded(msg auditLoadedMsg) {
	v.loading = false
	if msg.err != nil {
		v.err = "Could not read the audit log: " + msg.err.Error()
		return
	}
	v.err = ""
	v.page, v.entries, v.more, v.total = msg.page, msg.entries, msg.more, msg.total
}

func (v *auditView) key(a *App, kp tea.KeyPressMsg, _ time.Time) tea.Cmd {
	switch {
	case key.Matches(kp, a.keys.Back):
		a.pop(v)
		return nil
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case v.loading:
		// A page is on its way; a second press would skip one.
		return nil
	case key.Matches(kp, a.keys.PageDown) && v.more:
		v.back = append(v.back, v.page)
		return v.load(a.st, auditPage{before: v.entries[len(v.entries)-1].Seq, offset: v.page.offset + len(v.entries)})
	case key.Matches(kp, a.keys.PageUp) && len(v.back) > 0:
		p := v.back[len(v.back)-1]
		v.back = v.back[:len(v.back)-1]
		return v.load(a.st, p)
	case key.Matches(kp, a.keys.Top):
		v.back = nil
		return v.load(a.st, auditPage{})
	}
	return nil
}

func (v *auditView) short(k keyMap) []key.Binding {
	return []key.Binding{k.PageDown, k.PageUp, k.Top, k.Help, k.Back}
}

// groups are the audit log's keys.
func (v *auditView) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Audit log", [][]key.Binding{{k.PageDown, k.PageUp, k.Top}, {k.Back, k.Lock, k.Help, k.ForceQuit}}
}

func (v *auditView) live(a *App) []key.Binding {
	k := a.keys
	return []key.Binding{k.Back, k.Help, k.PageDown, k.PageUp, k.Top}
}
