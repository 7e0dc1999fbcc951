package tui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"caseload/model"
	"caseload/store"
)

// screenWatch keeps, after every message, the whole screen the app draws,
// in plain text. The terminal's byte stream carries only what changed since
// the last frame, so a text can be on screen without ever being written in
// one piece: waiting on the stream for "of 1 matches" fails when the frame
// before said "of 3 matches".
type screenWatch struct {
	*App
	mu     sync.Mutex
	screen string
}

func (w *screenWatch) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := w.App.Update(msg)
	screen := ansi.Strip(w.App.View().Content)
	w.mu.Lock()
	w.screen = screen
	w.mu.Unlock()
	return w, cmd
}

func (w *screenWatch) current() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.screen
}

// TestProgramLogsACheckInUnderTheRealRuntime runs the app as the binary
// starts it (Opening) in Bubble Tea's own loop (teatest): the file opens and
// commands run concurrently, as in the terminal. The screens themselves are
// pinned by TestScreens, where nothing races.
func TestProgramLogsACheckInUnderTheRealRuntime(t *testing.T) {
	path := fixtureFile(t)
	open := func(ctx context.Context) (*store.Store, error) {
		return store.Open(ctx, path, store.WithClock(func() time.Time { return frozen }))
	}
	watch := &screenWatch{App: Opening(context.Background(), open, Options{Now: func() time.Time { return frozen }})}
	st, err := watch.Opened()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tm := teatest.NewTestModel(t, watch, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(watch.current(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %q; the screen:\n%s", what, watch.current())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor("Carla")
	tm.Send(keyPress("/"))
	tm.Type("car")
	waitFor("of 1 matches")
	tm.Send(keyPress("enter"))
	tm.Send(keyPress("c"))
	waitFor("Drug test")
	for _, k := range []string{"2", "2", "4"} {
		tm.Send(keyPress(k))
	}
	tm.Type("All well.")
	tm.Send(keyPress("ctrl+s"))
	waitFor("saved")
	tm.Send(keyPress("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*screenWatch).App
	if final.form() != nil || final.notice != "Check-in saved." {
		t.Fatalf("after ctrl+s and q: form %v, notice %q", final.form() != nil, final.notice)
	}

	c, _, err := st.ClientByCaseNumber(context.Background(), "CR-1004")
	if err != nil {
		t.Fatal(err)
	}
	last, err := st.LastCheckIn(context.Background(), c.ID)
	if err != nil || last.Type != model.ContactHome || last.Test != model.TestNegative || last.Note != "All well." {
		t.Fatalf("last check-in %+v, %v", last, err)
	}
}
