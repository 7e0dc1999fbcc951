package tui

import (
	"bytes"
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"caseload/model"
)

// TestProgramLogsACheckInUnderTheRealRuntime runs the app in Bubble Tea's
// own loop (teatest): commands run concurrently, as in the terminal. The
// screens themselves are pinned by TestScreens, where nothing races.
func TestProgramLogsACheckInUnderTheRealRuntime(t *testing.T) {
	st := fixtureStore(t)
	app := New(st, Options{Now: func() time.Time { return frozen }})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
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
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if final.form != nil || final.notice != "Check-in saved." {
		t.Fatalf("after ctrl+s and q: form %v, notice %q", final.form != nil, final.notice)
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
