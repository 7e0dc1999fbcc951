package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
)

// openAnnLog opens Ann on her Log tab, the last tab.
func openAnnLog(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "shift+tab")
}

func TestLogShowsEveryKindNewestFirstAndFiltersByKey(t *testing.T) {
	st := fixtureStore(t)
	addConditions(t, st)
	h := start(t, st, 120, 40)
	openAnnLog(h)
	v := h.app.client()
	if v == nil || v.tab != (logTab{}) || v.log == nil || len(v.log.entries) == 0 {
		t.Fatal("the Log tab did not open with records")
	}
	kinds := map[model.LogKind]bool{}
	for i, e := range v.log.entries {
		kinds[e.Kind] = true
		if i > 0 && e.At.After(v.log.entries[i-1].At) {
			t.Fatalf("record %d (%s) is newer than the one above it", i, e.At)
		}
	}
	for _, k := range []model.LogKind{model.LogContact, model.LogStage, model.LogReferral, model.LogCondition, model.LogAmendment} {
		if !kinds[k] {
			t.Errorf("the log has no %s record: %v", k, kinds)
		}
	}
	h.keys("/")
	h.mustSee("Show which kind?")
	h.keys("c")
	v = h.app.client()
	if v.log.kind != model.LogContact || len(v.log.entries) == 0 {
		t.Fatalf("/ c shows %q, %d records", v.log.kind, len(v.log.entries))
	}
	for _, e := range v.log.entries {
		if e.Kind != model.LogContact {
			t.Fatalf("/ c shows a %s record", e.Kind)
		}
	}
	h.mustSee("Showing: Contacts")
	h.keys("/", "*")
	if v := h.app.client(); v.log.kind != "" || len(v.log.entries) <= 2 {
		t.Fatalf("/ * shows %q, %d records", v.log.kind, len(v.log.entries))
	}
}

func TestLogReadsTheNextPageAsTheCursorNearsTheEnd(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	for i := range 70 {
		if _, err := st.AddStageNote(context.Background(), model.StageNote{ClientID: ann, Stage: model.StageAction,
			At: at(9, 1, 9, 0).Add(time.Duration(i) * time.Hour), Note: fmt.Sprint("note ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	h := start(t, st, 80, 24)
	openAnnLog(h)
	if n := len(h.app.client().log.entries); n != logPage {
		t.Fatalf("first read brought %d records, want a page of %d", n, logPage)
	}
	h.keys("G")
	h.keys("G")
	if n := len(h.app.client().log.entries); n <= logPage {
		t.Fatalf("after G the log still holds %d records", n)
	}
	for range 3 {
		h.keys("G")
	}
	if n := len(h.app.client().log.entries); n < 70 {
		t.Fatalf("the whole log was not reachable: %d records", n)
	}
}

// TestLogScreens pins the Log tab, the kind chooser and one kind shown.
func TestLogScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{name: "log_tab"},
		{name: "log_choose_kind", keys: []string{"/"}},
		{name: "log_contacts", keys: []string{"/", "c"}},
		{name: "log_help_choosing", keys: []string{"/", "?"}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				addConditions(t, st)
				h := start(t, st, size[0], size[1])
				openAnnLog(h)
				h.keys(sc.keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

// A change lost to another laptop's reads as what was kept and what was
// not, escape sequences in the values shown as text.
func TestLogSaysWhatAnotherLaptopChanged(t *testing.T) {
	e := model.LogEntry{Kind: model.LogSync, Conflict: &model.Conflict{Table: "conditions", Field: "status",
		Kept: "in_compliance", Lost: "waived\x1b[2J"}}
	got := logSummary(e)
	if !strings.Contains(got, `changed on another laptop: a condition's status was "waived`) || !strings.Contains(got, `now "in_compliance"`) {
		t.Errorf("log line = %q", got)
	}
	if strings.ContainsRune(got, '\x1b') {
		t.Errorf("an escape sequence reached the screen: %q", got)
	}
}
