// Package tui is the terminal interface: one Bubble Tea model, the App, over
// a stack of layers (layer.go). Each screen, dialog, short list and form is a
// layer with its own keys, view and help, in files named for it; the top
// layer takes the keys and draws, and closing it shows the one under it.
// Update and View never touch the database: every read and write runs in a
// tea.Cmd and reports back as a message named for what happened, which
// app_messages.go hands to the layer it concerns.
package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
	// CheckDelay is how long after the first frame the day's file check and
	// backup start (checkAndBackUp); zero is 300 ms, so that they never slow
	// the first frame.
	CheckDelay time.Duration
	// IdleCheck is how often the time since the last key is compared with
	// the privacy lock's idle time; zero is every 15 seconds, negative never
	// (tests send idleTickMsg themselves).
	IdleCheck time.Duration
	// NewFile is the path of a caseload that does not exist yet, as the
	// officer should read it. With Opening, the first screen then asks
	// before the file is made, so a mistyped path creates nothing.
	NewFile string
	// Sync syncs with the agency's server; nil leaves syncing to the
	// command line.
	Sync SyncFunc
}

// Minimum terminal size: the table and the forms are laid out for 80x24.
const minWidth, minHeight = 80, 24

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
	layers     []layer     // what is open, the caseload at the bottom; see layer.go
	caseload   *caseload   // always the bottom layer
	agenda     *agendaView // kept between visits: the cursor stays where the officer left it
	showHelp   bool        // the full help of the top layer is open
	helpTop    int         // the first line of the full help shown, when it is longer than the window
	sync       syncState
	drafts     []store.Draft // left by a run that ended with a form open
	notice     string        // the last thing that happened, in words
	problem    string        // something wrong with the file, from the quick check
	started    bool          // the first page is in; the slow work may start
	intervals  model.Intervals
	exportDir  string             // where summaries go by default; "" is the home folder
	lock       *lockScreen        // the privacy lock, while it is up
	lockSet    model.LockSettings // idle minutes and whether a passphrase is set
	lastKey    time.Time          // when the officer last pressed a key
	idleCheck  time.Duration
	file       *openFile // the file Opening opens; nil when New was given it
	newFile    string    // a path with no caseload, until the officer starts one there
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
	c := newCaseload(s)
	return &App{st: s, now: opt.Now, draftDelay: opt.DraftDelay, checkDelay: opt.CheckDelay, keys: newKeyMap(),
		help: help.New(), styles: newStyles(true), caseload: c, layers: []layer{c}, width: minWidth, height: minHeight,
		intervals: model.DefaultIntervals(), idleCheck: opt.IdleCheck, sync: syncState{run: opt.Sync}}
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
		form  *recordForm
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
		readSyncSet(st),
		loadOfficers(st),
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
	for _, l := range a.layers {
		if r, ok := l.(resizer); ok {
			r.setSize(w, h)
		}
	}
}

// key handles a key press: quitting first, then the privacy lock, the open
// help, and the top layer.
func (a *App) key(kp tea.KeyPressMsg) tea.Cmd {
	now := a.now()
	if key.Matches(kp, a.keys.ForceQuit) {
		if f := a.form(); f != nil && f.Dirty {
			return tea.Sequence(a.saveDraft(f), tea.Quit)
		}
		return tea.Quit
	}
	a.lastKey = now
	switch {
	case key.Matches(kp, a.keys.Paste):
		return readClipboard // comes back as a paste, wherever that goes
	case a.lock != nil:
		return a.lockKey(kp)
	case key.Matches(kp, a.keys.Lock):
		return a.lockNow()
	case a.showHelp:
		if key.Matches(kp, a.keys.CloseHelp) {
			a.showHelp = false
			return nil
		}
		a.scrollHelp(kp)
		return nil
	}
	return a.top().key(a, kp, now)
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
		if d.conditions, err = st.Conditions(ctx, clientID, model.DateOf(now)); err != nil {
			return formReadyMsg{err: err}
		}
		return formReadyMsg{form: newCheckInForm(d, nil, now), draft: draft}
	}
}

// supervisorFileNotice is what a write key says in a supervisor's file.
// It fits an 80-column line: n, the one record the file writes, is named;
// transfers and the resource directory are in the help and the README.
const supervisorFileNotice = "This is a supervisor's file, read only. n writes your note to the officer."

// openForm opens f over what is on screen; a form already open (a second
// answer to a double press) gives way to it.
func (a *App) openForm(f *recordForm, draft map[string]string) tea.Cmd {
	// A supervisor's file holds the officers' records as the server sent
	// them: a form would only end in a refusal. The store refuses too.
	if a.sync.supervisor && f.kind != "resource" && f.kind != "supervisor_note" {
		a.notice = supervisorFileNotice
		return nil
	}
	if draft != nil {
		f.Restore(draft)
	}
	f.setSize(a.width, a.height)
	a.showHelp = false
	if old, ok := a.top().(*recordForm); ok {
		a.replace(old, f)
		return nil
	}
	a.push(f)
	return nil
}
