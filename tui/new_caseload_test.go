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

// newFileApp is the app as the binary starts it over a path with no file.
func newFileApp(t *testing.T, path string) *harness {
	t.Helper()
	open := func(ctx context.Context) (*store.Store, error) {
		return store.Open(ctx, path, store.WithClock(func() time.Time { return frozen }))
	}
	app := Opening(context.Background(), open, Options{Now: func() time.Time { return frozen }, DraftDelay: time.Millisecond,
		CheckDelay: time.Millisecond, IdleCheck: -1, NewFile: path})
	t.Cleanup(func() {
		if st, err := app.Opened(); err == nil {
			st.Close()
		}
	})
	return &harness{t: t, app: app}
}

// TestQuittingAtTheNewCaseloadQuestionMakesNothing: a mistyped path is named
// on the first screen, keys other than the answer are not kept for later,
// and quitting leaves the folder as it was.
func TestQuittingAtTheNewCaseloadQuestionMakesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "typo.db")
	h := newFileApp(t, path)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.app.Init()
	h.mustSee("No caseload at this path:")
	if whole := strings.ReplaceAll(strings.ReplaceAll(h.screen(), "\n", ""), " ", ""); !strings.Contains(whole, path) {
		t.Errorf("the path is not shown whole:\n%s", h.screen())
	}
	h.mustSee("enter start a new caseload here")
	h.keys("/", "x")
	if _, cmd := h.app.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd == nil {
		t.Fatal("q at the question did not quit")
	}
	if _, err := h.app.Opened(); !errors.Is(err, ErrNotStarted) {
		t.Fatalf("Opened after quitting: %v, want ErrNotStarted", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("quitting at the question left %v", entries)
	}
}

// TestEnterAtTheNewCaseloadQuestionStartsOne: enter makes and opens the
// file, and the caseload says it has started.
func TestEnterAtTheNewCaseloadQuestionStartsOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	h := newFileApp(t, path)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	first := h.app.Init()
	h.keys("enter")
	h.run(first)
	h.mustSee("Started a new caseload at ")
	if strings.Contains(h.screen(), "No caseload at") {
		t.Errorf("the question is still up:\n%s", h.screen())
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("enter did not make the caseload: %v", err)
	}
}
