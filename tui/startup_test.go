package tui

import (
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestSlowWorkWaitsForTheFirstFrame: when the first page is in, the count,
// the filter index, drafts and settings are not read at once (they would
// compete with the first draw for the CPU); they start once the renderer
// has had time to draw, and then they do start.
func TestSlowWorkWaitsForTheFirstFrame(t *testing.T) {
	st := fixtureStore(t)
	app := New(st, Options{Now: func() time.Time { return frozen }, IdleCheck: -1})
	app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	page := app.caseload.loadWindow(frozen)()
	if _, ok := page.(caseloadLoadedMsg); !ok {
		t.Fatalf("first page: got %T", page)
	}
	// The wait starts when the page is taken in: the tick is made inside
	// Update, so a clock read after it returns starts late.
	began := time.Now()
	_, cmd := app.Update(page)
	msgs := flatten(cmd)
	var drawn bool
	for _, m := range msgs {
		switch m.(type) {
		case firstFrameDrawnMsg:
			drawn = true
		case caseloadCountedMsg, clientIndexLoadedMsg, draftsFoundMsg, settingsReadMsg:
			t.Errorf("%T was read before the first frame was drawn", m)
		}
	}
	if !drawn {
		t.Fatal("the first page did not schedule the slow work")
	}
	if waited := time.Since(began); waited < firstFrameWait {
		t.Errorf("the slow work was let in after %v, before a frame could be drawn (%v)", waited, firstFrameWait)
	}
	_, cmd = app.Update(firstFrameDrawnMsg{})
	var counted, indexed bool
	for _, m := range flatten(cmd) {
		switch m.(type) {
		case caseloadCountedMsg:
			counted = true
		case clientIndexLoadedMsg:
			indexed = true
		}
	}
	if !counted || !indexed {
		t.Errorf("after the first frame: counted %v, filter index read %v; want both", counted, indexed)
	}
}

// flatten runs a command and the batch it may be, one level at a time, and
// returns the messages; ticks longer than a second (the idle watch, the
// file check) are not waited for.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Second):
		return nil
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestAFailedFirstPageStillStartsTheSlowWork: when the first page cannot be
// read, the file check and the filter's names are still read after it, so
// the filter can find (no "Finding…" for good) and the check can explain.
func TestAFailedFirstPageStillStartsTheSlowWork(t *testing.T) {
	st := fixtureStore(t)
	app := New(st, Options{Now: func() time.Time { return frozen }, DraftDelay: time.Millisecond, CheckDelay: time.Millisecond,
		IdleCheck: -1})
	h := &harness{t: t, app: app}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.send(caseloadLoadedMsg{gen: app.caseload.gen, err: errors.New("disk I/O error")})
	h.mustSee("Could not read the caseload: disk I/O error")
	if app.caseload.index == nil {
		t.Fatal("the filter's names were not read after a failed first page")
	}
	h.keys("/", "c", "a", "r")
	h.mustSee("Carla Test")
}
