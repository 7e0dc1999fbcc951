package tui

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSanitize: whatever a name or note holds, what reaches the terminal has
// no control character, no escape, no bidi override, and is valid UTF-8.
func FuzzSanitize(f *testing.F) {
	f.Add("\x1b]0;owned\x07Ann\x1b[2J")
	f.Add("note \u202eevil\u202c end\r\nline two\t")
	f.Add("\xff\xfe broken \x9b31m C1")
	f.Fuzz(func(t *testing.T, s string) {
		for _, keep := range []bool{false, true} {
			out := sanitize(s, keep)
			if !utf8.ValidString(out) {
				t.Fatalf("sanitize(%q) = %q: not valid UTF-8", s, out)
			}
			for _, r := range out {
				if r == '\n' && keep {
					continue
				}
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Fatalf("sanitize(%q, %v) = %q keeps %U", s, keep, out, r)
				}
			}
			if strings.ContainsRune(out, 0x1b) {
				t.Fatalf("sanitize(%q) kept an escape", s)
			}
		}
	})
}
