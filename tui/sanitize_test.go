package tui

import (
	"strings"
	"testing"
)

// forbidden are the characters that must never reach the terminal from the
// data: BEL ends an OSC, the rest turn text around.
var forbidden = []string{"\x07", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u009b"}

// TestHostileTextNeverReachesTheTerminal draws every screen that shows the
// hostile client, with colour on, and checks the raw output: the only escape
// sequences in it are our own colours (CSI ... m), never an OSC, a screen
// clear or a bidi override from the data, and the placeholders are visible.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	h := start(t, fixtureStore(t), 120, 40)
	check := func(where string) {
		t.Helper()
		raw := h.app.View().Content
		for _, f := range forbidden {
			if strings.Contains(raw, f) {
				t.Errorf("%s: the screen holds %q", where, f)
			}
		}
		for i := strings.Index(raw, "\x1b"); i >= 0; i = nextEsc(raw, i) {
			if !strings.HasPrefix(raw[i:], "\x1b[") || strings.HasPrefix(raw[i:], "\x1b[2J") {
				t.Errorf("%s: an escape sequence that is not a colour: %q", where, raw[i:min(len(raw), i+12)])
			}
		}
	}
	check("caseload")
	h.mustSee("␛]0;owned␇Ann␛[2J")
	h.keys("/", "o", "w", "n", "enter", "enter")
	check("client timeline")
	h.mustSee("paid fine ⟨U+202E⟩evil⟨U+202C⟩ today")
	h.keys("tab")
	check("client plan")
	h.keys("tab", "tab")
	check("client profile")
	h.keys("e")
	check("client form")
	h.mustSee("␛]0;owned␇Ann␛[2J")
}

func nextEsc(s string, i int) int {
	j := strings.Index(s[i+1:], "\x1b")
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
