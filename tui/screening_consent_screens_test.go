package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestScreeningConsentScreens pins the screening and consent screens, the
// client header with consents and the check-in form's plan additions at
// 80x24 and 120x40.
func TestScreeningConsentScreens(t *testing.T) {
	ann := []string{"/", "a", "n", "n", "enter", "enter"}
	nine := func(last string) []string { return []string{"2", "2", "1", "2", "1", "1", "2", "1", last} }
	screens := []struct {
		name string
		keys []string
	}{
		{"client_header_consents", nil},
		{"screening_chooser", []string{"S"}},
		{"screening_phq9", []string{"S", "2"}},
		{"screening_phq9_complete", append(append([]string{"S", "2"}, nine("1")...), "3")},
		{"screening_phq9_safety", append([]string{"S", "2"}, nine("2")...)},
		{"screening_phq9_unanswered", []string{"S", "2", "2", "2", "ctrl+s"}},
		{"screening_auditc", []string{"S", "5", "3"}},
		{"screening_readiness", []string{"S", "6", "7", "tab"}},
		{"consent_picker", []string{"C"}},
		{"consent_form", []string{"C", "enter"}},
		{"consent_form_errors", []string{"C", "enter", "space", "tab", "tab", "backspace", "backspace", "backspace",
			"backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "2", "0", "2", "6", "-", "1", "1",
			"-", "2", "0", "tab", "2", "0", "2", "6", "-", "0", "1", "-", "0", "1", "ctrl+s"}},
		{"consent_list", []string{"V"}},
		{"consent_list_confirm", []string{"V", "j", "j", "enter"}},
		{"checkin_steps", []string{"c", "tab", "tab", "tab", "tab", "tab", "1", "2", "tab"}},
		{"checkin_plan_panel", []string{"c", "tab", "tab", "tab", "tab", "tab", "1", "2", "tab", "1", "tab"}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := start(t, planStore(t), size[0], size[1])
				h.keys(ann...)
				h.keys(sc.keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}
