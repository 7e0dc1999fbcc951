package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// sizes are the window sizes every screen is pinned at.
var sizes = [][2]int{{80, 24}, {120, 40}}

// TestScreens pins every screen as the officer sees it, without colour, at
// 80x24 and 120x40. Regenerate with `go test ./tui -update` and read the
// diff before committing it.
func TestScreens(t *testing.T) {
	screens := []struct {
		name  string
		empty bool
		keys  []string
	}{
		{name: "caseload"},
		{name: "caseload_overdue_tab", keys: []string{"tab", "tab", "tab"}},
		{name: "caseload_sorted_by_name", keys: []string{"s"}},
		{name: "caseload_filter", keys: []string{"/", "a", "n", "n"}},
		{name: "first_start", empty: true},
		{name: "help", keys: []string{"?"}},
		{name: "client_timeline", keys: []string{"/", "a", "n", "n", "enter", "enter"}},
		{name: "client_stage_history", keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab"}},
		{name: "client_profile", keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab", "tab"}},
		{name: "checkin_form", keys: []string{"/", "a", "n", "n", "enter", "c"}},
		{name: "checkin_form_stage_help", keys: []string{"/", "a", "n", "n", "enter", "c", "2", "2"}},
		{name: "checkin_form_errors", keys: []string{"/", "a", "n", "n", "enter", "c", "2", "3", "tab", "tab", "h", "i", "ctrl+s"}},
		{name: "checkin_form_confirm_discard", keys: []string{"/", "a", "n", "n", "enter", "c", "2", "esc"}},
		{name: "client_form_new", keys: []string{"a"}},
		{name: "client_form_edit", keys: []string{"/", "a", "n", "n", "enter", "enter", "e"}},
		{name: "stage_note_form", keys: []string{"/", "a", "n", "n", "enter", "enter", "n"}},
		{name: "amend_checkin_form", keys: []string{"/", "a", "n", "n", "enter", "enter", "j", "A"}},
		{name: "form_help", keys: []string{"/", "a", "n", "n", "enter", "c", "tab", "tab", "f1"}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := emptyStore(t)
				if !sc.empty {
					st = fixtureStore(t)
				}
				h := start(t, st, size[0], size[1])
				h.keys(sc.keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

func TestTooSmallWindowSaysSo(t *testing.T) {
	h := start(t, fixtureStore(t), 79, 30)
	h.mustSee("The window is too small.")
	h.mustSee("It is 79x30; caseload needs at least 80x24.")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustSee("Caseload")
}
