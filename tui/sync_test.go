package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// appBeforeItKnowsSync is the app with its first frame up but the file's
// sync settings not read yet: Init's reads are still on their way.
func appBeforeItKnowsSync(t *testing.T, when store.SyncWhen) (*harness, *store.Store, *int) {
	t.Helper()
	st := fixtureStore(t)
	ctx := context.Background()
	if err := st.SetServerURL(ctx, "postgres://alice@agency.example/caseload"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSyncWhen(ctx, when); err != nil {
		t.Fatal(err)
	}
	runs := 0
	app := New(st, Options{Now: func() time.Time { return frozen }, IdleCheck: -1,
		Sync: func(context.Context, *store.Store, func(string)) (SyncReport, error) {
			runs++
			return SyncReport{Pushed: 2}, nil
		}})
	h := &harness{t: t, app: app}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return h, st, &runs
}

// Y pressed before the app has read whether sync is set up waits for the
// answer, rather than say "not set up" of a laptop that is.
func TestSyncPressedBeforeTheSettingsAreReadWaitsForThem(t *testing.T) {
	h, st, runs := appBeforeItKnowsSync(t, store.SyncWhen{})
	h.keys("Y")
	if strings.Contains(h.app.notice, "not set up") || *runs != 0 {
		t.Fatalf("Y before the settings were read: notice %q, %d syncs", h.app.notice, *runs)
	}
	h.run(readSyncSet(st))
	if *runs != 1 || !strings.Contains(h.app.notice, "Synced with the agency: 2 sent") {
		t.Fatalf("once the settings were read: notice %q, %d syncs; want the sync that was asked for", h.app.notice, *runs)
	}
}

// q pressed before the app has read the settings still syncs on quit when
// they say so: a quick q must not leave the day's work off the server.
func TestQuitPressedBeforeTheSettingsAreReadStillSyncsOnQuit(t *testing.T) {
	h, st, runs := appBeforeItKnowsSync(t, store.SyncWhen{OnQuit: true})
	h.keys("q")
	if h.quit {
		t.Fatal("q quit before the app knew whether to sync on quit")
	}
	h.run(readSyncSet(st))
	if *runs != 1 || !h.quit {
		t.Fatalf("once the settings were read: %d syncs, quit %v; want one sync, then quit", *runs, h.quit)
	}
}

// Without sync on quit, q quits as soon as the settings are read.
func TestQuitPressedBeforeTheSettingsAreReadQuitsWithoutSyncWhenNotAsked(t *testing.T) {
	h, st, runs := appBeforeItKnowsSync(t, store.SyncWhen{})
	h.keys("q")
	h.run(readSyncSet(st))
	if *runs != 0 || !h.quit {
		t.Fatalf("%d syncs, quit %v; want no sync, and quit", *runs, h.quit)
	}
}
