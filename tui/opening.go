package tui

import (
	"context"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/store"
	"caseload/text"
)

// Opener opens the database file.
type Opener func(context.Context) (*store.Store, error)

// Opening makes the app over a file that starts opening at once, in the
// background. The renderer draws its first frame a fixed 1/60 s after the
// program starts, whatever is ready; opening the file (the first reads of
// SQLite's code and pages) and reading the first page both fit inside that
// wait, so the first frame comes that much sooner than when the file is
// opened before the program starts.
//
// Keys pressed and text pasted before the file is open are kept and played
// back in order once it is, except ctrl+c, which quits at once.
//
// With opt.NewFile set, nothing is opened (and so nothing created) until the
// officer says to start a new caseload there; see new_caseload.go.
func Opening(ctx context.Context, open Opener, opt Options) *App {
	a := New(nil, opt)
	f := &openFile{done: make(chan struct{})}
	if opt.NewFile != "" {
		a.newFile = opt.NewFile
		f.start = make(chan bool, 1)
	}
	go func() {
		defer close(f.done)
		if f.start != nil {
			select {
			case yes := <-f.start:
				if !yes {
					f.err = ErrNotStarted
					return
				}
			case <-ctx.Done():
				f.err = ErrNotStarted
				return
			}
		}
		f.st, f.err = open(ctx)
	}()
	a.file = f
	return a
}

// openFile is the file being opened: the result, once done is closed.
type openFile struct {
	done     chan struct{}
	start    chan bool // for a new file: whether the officer said to make it
	answered sync.Once
	st       *store.Store
	err      error
}

// answer says once whether a new file may be made; later answers are
// ignored, so quitting after starting changes nothing.
func (f *openFile) answer(yes bool) {
	if f.start == nil {
		return
	}
	f.answered.Do(func() { f.start <- yes })
}

func (f *openFile) wait() (*store.Store, error) {
	<-f.done
	return f.st, f.err
}

// Opened waits until the file given to Opening is open and returns it, or
// why it could not be opened; the caller closes it. It may be called after
// the program has ended, or when it never started (no terminal): a bad file
// is then still what the officer is told.
func (a *App) Opened() (*store.Store, error) {
	if a.file == nil {
		return a.st, nil
	}
	// A new file the officer never said to make is not made: the program
	// ended (or never started) first.
	a.file.answer(false)
	return a.file.wait()
}

type (
	// storeOpenedMsg brings the open file and the first page read from it.
	storeOpenedMsg struct {
		st   *store.Store
		page tea.Msg
	}
	storeFailedMsg struct{} // Opened says why
)

// openThenRead waits for the file and reads the first window of the
// caseload in the same command, so the two run back to back off the event
// loop.
func (a *App) openThenRead() tea.Cmd {
	w, _ := a.caseload.nextWindow(a.now())
	f := a.file
	return func() tea.Msg {
		st, err := f.wait()
		if err != nil {
			return storeFailedMsg{}
		}
		return storeOpenedMsg{st: st, page: w.read(st)}
	}
}

// updateOpening handles what comes before the file is open: the terminal's
// size and colours are taken, keys are kept for later.
func (a *App) updateOpening(msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok && a.newFile != "" {
		return a.newFileKey(kp)
	}
	if _, ok := msg.(tea.PasteMsg); ok && a.newFile != "" {
		return nil
	}
	switch msg := msg.(type) {
	case storeOpenedMsg:
		return a.opened(msg)
	case storeFailedMsg:
		return tea.Quit
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		a.styles = newStyles(msg.IsDark())
	case tea.KeyPressMsg:
		if key.Matches(msg, a.keys.ForceQuit) {
			return tea.Quit
		}
		a.early = append(a.early, msg)
	case tea.PasteMsg:
		a.early = append(a.early, msg)
	}
	return nil
}

// opened takes the file in, shows the first page, says which permissions
// were tightened, and plays back what was typed while it opened.
func (a *App) opened(msg storeOpenedMsg) tea.Cmd {
	a.st, a.caseload.st = msg.st, msg.st
	if fixed := msg.st.FixedPermissions(); len(fixed) > 0 {
		// After the notice given at start (a new caseload), which matters more.
		a.notice = strings.TrimSpace(a.notice + " Made private (only you can read it now): " + text.Clean(strings.Join(fixed, ", ")))
	}
	// The first page was read for the size known at start; taking it in
	// reads more if the real size wants more rows.
	cmds := []tea.Cmd{a.handle(msg.page)}
	early := a.early
	a.early = nil
	for _, m := range early {
		_, cmd := a.Update(m)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
