package tui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// openingApp is the app as the binary starts it: over a file it opens in
// the background from the start.
func openingApp(t *testing.T, path string) *harness {
	t.Helper()
	open := func(ctx context.Context) (*store.Store, error) {
		return store.Open(ctx, path, store.WithClock(func() time.Time { return frozen }))
	}
	app := Opening(context.Background(), open, Options{Now: func() time.Time { return frozen }, DraftDelay: time.Millisecond,
		CheckDelay: time.Millisecond, IdleCheck: -1})
	t.Cleanup(func() {
		if st, err := app.Opened(); err == nil {
			st.Close()
		}
	})
	return &harness{t: t, app: app}
}

// TestKeysPressedWhileTheFileOpensAreNotLost: an officer who types "/ca"
// and pastes "r" before the first frame finds Carla once the file is open,
// as if it had all come after it.
func TestKeysPressedWhileTheFileOpensAreNotLost(t *testing.T) {
	h := openingApp(t, fixtureFile(t))
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	first := h.app.Init()
	h.keys("/")
	h.typeText("ca")
	h.send(tea.PasteMsg{Content: "r"})
	if strings.Contains(h.screen(), "Carla") {
		t.Fatalf("rows shown before the file was open:\n%s", h.screen())
	}
	h.run(first)
	h.mustSee("/ car")
	h.mustSee("Carla Test")
	if s := h.screen(); strings.Contains(s, "Ann Example") {
		t.Errorf("the filter typed early was not applied:\n%s", s)
	}
}

// TestCtrlCWhileTheFileOpensQuitsAtOnce: ctrl+c is never kept waiting for
// the file.
func TestCtrlCWhileTheFileOpensQuitsAtOnce(t *testing.T) {
	h := openingApp(t, fixtureFile(t))
	h.app.Init()
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c before the file was open did not quit")
	}
}

// TestAFileThatWillNotOpenEndsTheProgramWithItsError: the program quits at
// once and hands back the store's error for the command line to print.
func TestAFileThatWillNotOpenEndsTheProgramWithItsError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("not a database at all, just text\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := openingApp(t, path)
	h.run(h.app.Init())
	if !h.quit {
		t.Fatal("the program went on over a file that is not a database")
	}
	if st, err := h.app.Opened(); !errors.Is(err, store.ErrNotCaseload) || st != nil {
		t.Fatalf("Opened() = %v, %v; want no store and the store's ErrNotCaseload", st, err)
	}
}

// TestOpeningSaysWhichPermissionsItTightened: the notice names the file
// made private, on screen, where the officer is looking.
func TestOpeningSaysWhichPermissionsItTightened(t *testing.T) {
	path := fixtureFile(t)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	h := openingApp(t, path)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.app.Init())
	h.mustSee("Made private (only you can read it now):")
	h.mustSee(filepath.Base(path))
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode after open: %v (%v)", fi.Mode().Perm(), err)
	}
}
