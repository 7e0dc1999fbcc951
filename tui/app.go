// Package tui is the terminal interface: one Bubble Tea model per view and a
// root model that routes between them. Update and View never touch the
// database: every read and write runs in a tea.Cmd and reports back as a
// message named for what happened.
package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// Options tune the app; the zero value is what the officer runs.
type Options struct {
	// Now is the clock; nil is time.Now. Tests freeze it.
	Now func() time.Time
	// DraftDelay is the pause in typing after which a form is kept as a
	// draft; zero is half a second.
	DraftDelay time.Duration
	// CheckDelay is how long after the first frame the file's quick check
	// starts; zero is 300 ms, so that it never slows the first frame.
	CheckDelay time.Duration
	// IdleCheck is how often the time since the last key is compared with
	// the privacy lock's idle time; zero is every 15 seconds, negative never
	// (tests send idleTickMsg themselves).
	IdleCheck time.Duration
	// Notice is the first screen's line of news: that a new caseload is
	// starting at the path given, so a mistyped path shows at once.
	Notice string
}

// Minimum terminal size: the table and the forms are laid out for 80x24.
const minWidth, minHeight = 80, 24

// screen says which view is active.
type screen int

const (
	screenCaseload screen = iota
	screenClient
	screenAudit
	screenAgenda
	screenResources
)

// App is the root model: it owns the views, routes keys to the active one,
// and runs every database call as a command.
type App struct {
	st         *store.Store
	now        func() time.Time
	draftDelay time.Duration
	checkDelay time.Duration
	keys       keyMap
	help       help.Model
	styles     styles
	width      int
	height     int
	screen     screen
	caseload   *caseload
	client     *clientView
	agenda     *agendaView
	back       screen // where esc from a client goes: the caseload or the agenda
	picker     *resourcePicker
	overlay    overlay // a small list over the client screen
	directory  *directory
	form       *form
	export     *exportDialog
	showHelp   bool
	drafts     []store.Draft // left by a run that ended with a form open
	notice     string        // the last thing that happened, in words
	problem    string        // something wrong with the file, from the quick check
	started    bool          // the first page is in; the slow work may start
	intervals  model.Intervals
	exportDir  string // where summaries go by default; "" is the home folder
	audit      *auditView
	lock       *lockScreen        // the privacy lock, while it is up
	lockSet    model.LockSettings // idle minutes and whether a passphrase is set
	lastKey    time.Time          // when the officer last pressed a key
	idleCheck  time.Duration
	file       *openFile // the file Opening opens; nil when New was given it
	early      []tea.Msg // keys pressed and text pasted while the file was opening
}

// New makes the app over an open store.
func New(s *store.Store, opt Options) *App {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.DraftDelay == 0 {
		opt.DraftDelay = 500 * time.Millisecond
	}
	if opt.CheckDelay == 0 {
		opt.CheckDelay = 300 * time.Millisecond
	}
	if opt.IdleCheck == 0 {
		opt.IdleCheck = 15 * time.Second
	}
	return &App{st: s, now: opt.Now, draftDelay: opt.DraftDelay, checkDelay: opt.CheckDelay, keys: newKeyMap(),
		help: help.New(), styles: newStyles(true), caseload: newCaseload(s), width: minWidth, height: minHeight,
		intervals: model.DefaultIntervals(), idleCheck: opt.IdleCheck, notice: opt.Notice}
}

// Messages for the work that runs once, after the first frame.
type (
	draftsFoundMsg struct {
		drafts []store.Draft
		err    error
	}
	fileCheckedMsg struct {
		problems []string
		err      error
	}
	checkDueMsg    struct{}
	backupTakenMsg struct {
		path string
		err  error
	}
	settingsReadMsg struct {
		intervals model.Intervals
		exportDir string
	}
	demoLoadedMsg   struct{ err error }
	draftSavedMsg   struct{ err error }
	draftDeletedMsg struct{ err error }
	formReadyMsg    struct {
		form  *form
		draft map[string]string
		err   error
	}
)

// Init reads the first page of the caseload and nothing else: the first
// frame waits for nothing slow.
func (a *App) Init() tea.Cmd {
	if a.file != nil {
		return tea.Batch(a.openThenRead(), tea.RequestBackgroundColor)
	}
	return tea.Batch(a.caseload.loadWindow(a.now()), tea.RequestBackgroundColor)
}

// firstFrameWait is how long after the first page is in the slow work waits:
// two frames of the renderer's 60 per second. The renderer draws on its own
// tick, so work started at once (the count, the filter index of every
// client) would compete with that first draw for the two cores of a field
// laptop; measured in tmux at 10,000 clients it put the first frame about
// 10 ms later.
const firstFrameWait = 2 * time.Second / 60

// firstFrameDrawnMsg says the first page has had time to reach the screen.
type firstFrameDrawnMsg struct{}

// afterFirstFrame starts what the first frame did not wait for: the count,
// the filter index, drafts left behind, settings, and the file check.
func (a *App) afterFirstFrame() tea.Cmd {
	st := a.st
	return tea.Batch(
		a.caseload.count(a.now()),
		loadClientIndex(st),
		func() tea.Msg {
			d, err := st.Drafts(context.Background())
			return draftsFoundMsg{d, err}
		},
		func() tea.Msg {
			set, err := st.Settings(context.Background())
			if err != nil {
				return settingsReadMsg{intervals: model.DefaultIntervals()}
			}
			return settingsReadMsg{intervals: set.Intervals, exportDir: set.ExportDir}
		},
		tea.Tick(a.checkDelay, func(time.Time) tea.Msg { return checkDueMsg{} }),
		a.startIdleWatch(),
	)
}

// Update routes a message to the view it concerns.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.file != nil && a.st == nil {
		return a, a.updateOpening(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, tea.Batch(a.caseload.ensure(a.now()), a.auditResized())
	case tea.BackgroundColorMsg:
		a.styles = newStyles(msg.IsDark())
		return a, nil
	case tea.KeyPressMsg:
		return a, a.key(msg)
	case tea.PasteMsg:
		return a, a.paste(msg)
	}
	return a, a.handle(msg)
}

func (a *App) resize(w, h int) {
	a.width, a.height = w, h
	a.help.SetWidth(w)
	a.caseload.height = max(1, h-5)
	a.caseload.width = w
	a.caseload.clamp()
	if a.form != nil {
		a.form.setSize(w, h)
	}
	if a.client != nil {
		a.client.height = timelineRows(h)
	}
	if a.export != nil {
		a.export.setSize(w, h)
	}
}

// key handles a key press: quitting first, then the privacy lock, help,
// the open form, and the active screen.
func (a *App) key(kp tea.KeyPressMsg) tea.Cmd {
	now := a.now()
	if key.Matches(kp, a.keys.ForceQuit) {
		if a.form != nil && a.form.dirty {
			return tea.Sequence(a.saveDraft(a.form), tea.Quit)
		}
		return tea.Quit
	}
	a.lastKey = now
	if key.Matches(kp, a.keys.Paste) {
		return readClipboard // comes back as a paste, wherever that goes
	}
	if a.lock != nil {
		return a.lockKey(kp)
	}
	if key.Matches(kp, a.keys.Lock) {
		return a.lockNow()
	}
	if a.showHelp {
		if key.Matches(kp, a.keys.CloseHelp) {
			a.showHelp = false
		}
		return nil
	}
	if a.form != nil {
		if key.Matches(kp, a.keys.FieldHelp) {
			a.showHelp = true
			return nil
		}
		cmd := a.form.update(kp, a.keys, a.st, now, a.draftDelay)
		if a.form.closed {
			key := a.form.draftKey
			a.form = nil
			a.notice = "Discarded."
			return tea.Batch(cmd, a.deleteDraft(key))
		}
		return cmd
	}
	if a.export != nil {
		return a.exportKey(kp, now)
	}
	if a.picker != nil {
		return a.pickerKey(kp, now)
	}
	if a.overlay != nil {
		return a.overlayKey(kp, now)
	}
	switch a.screen {
	case screenClient:
		return a.clientKey(kp, now)
	case screenAgenda:
		return a.agendaKey(kp, now)
	case screenResources:
		return a.directoryKey(kp, now)
	case screenAudit:
		return a.auditKey(kp)
	}
	return a.caseloadKey(kp, now)
}

func (a *App) caseloadKey(kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	c := a.caseload
	if c.filtering {
		return c.update(kp, a.keys, now)
	}
	switch {
	case key.Matches(kp, a.keys.Quit):
		return tea.Quit
	case key.Matches(kp, a.keys.Help):
		a.showHelp = true
		return nil
	case key.Matches(kp, a.keys.AddClient):
		return a.openForm(newClientForm(nil, now), nil)
	case key.Matches(kp, a.keys.AuditLog):
		return a.openAudit()
	case key.Matches(kp, a.keys.Agenda):
		return a.openAgenda(now)
	// The agenda is the caseload's second tab: tab from All, or shift+tab
	// from Due, goes there (not while a filter narrows the list).
	case key.Matches(kp, a.keys.NextTab) && c.tab == model.TabAll && !c.filterActive(),
		key.Matches(kp, a.keys.PrevTab) && c.tab == model.TabDue && !c.filterActive():
		return a.openAgenda(now)
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

func (a *App) clientKey(kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	v := a.client
	if cmd, ok := a.planKey(kp); ok {
		return cmd
	}
	switch {
	case key.Matches(kp, a.keys.Back):
		a.screen, a.client, a.notice = a.back, nil, ""
		if a.screen == screenAgenda {
			return loadAgenda(a.st, now)
		}
		return nil
	case key.Matches(kp, a.keys.Help):
		a.showHelp = true
	case key.Matches(kp, a.keys.CheckIn):
		return a.prepareCheckIn(v.client.ID, nil)
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
	if a.referralTabKey(kp) {
		return nil
	}
	return v.update(kp, a.keys, a.st)
}

// prepareCheckIn reads what the check-in form's defaults need, then opens it.
func (a *App) prepareCheckIn(clientID string, draft map[string]string) tea.Cmd {
	st, now := a.st, a.now()
	return func() tea.Msg {
		ctx := context.Background()
		c, sum, err := st.Client(ctx, clientID)
		if err != nil {
			return formReadyMsg{err: err}
		}
		set, err := st.Settings(ctx)
		if err != nil {
			return formReadyMsg{err: err}
		}
		d := checkinDefaults{client: c, summary: sum, intervals: set.Intervals}
		if last, err := st.LastCheckIn(ctx, clientID); err == nil {
			d.last = &last
		}
		if err := readCheckInPlan(ctx, st, clientID, &d); err != nil {
			return formReadyMsg{err: err}
		}
		return formReadyMsg{form: newCheckInForm(d, nil, now), draft: draft}
	}
}

func (a *App) openForm(f *form, draft map[string]string) tea.Cmd {
	if draft != nil {
		f.restore(draft)
	}
	f.setSize(a.width, a.height)
	a.form, a.showHelp = f, false
	return nil
}
