package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

const hostileName = "\x1b]0;owned\x07Ann\x1b[2J"

func TestCleanShowsControlCharactersAsPlaceholders(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ann Example", "Ann Example"},
		{hostileName, "␛]0;owned␇Ann␛[2J"},
		{"a\u202Eb\u202Cc", "a⟨U+202E⟩b⟨U+202C⟩c"},
		{"\u2066iso\u2069", "⟨U+2066⟩iso⟨U+2069⟩"},
		{"csi\u009b2J", "csi⟨U+009B⟩2J"},
		{"del\x7f", "del␡"},
		{"two\nlines", "two↵lines"},
		{"tab\there", "tab here"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"para\u2029graph", "para⟨U+2029⟩graph"},
		{"Zoë Ngô 日本", "Zoë Ngô 日本"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := CleanLines("one\ntwo\x1b"); got != "one\ntwo␛" {
		t.Errorf("CleanLines kept %q", got)
	}
}

func TestDropDeletesWhatDrivesTheTerminal(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ann\x1b[2J\u202eAmes\tB-1\a\r\n", "Ann[2JAmes B-1 "},
		{"line\u2028sep", "linesep"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"Zoë Ngô 日本", "Zoë Ngô 日本"},
	}
	for _, c := range cases {
		if got := Sanitize(c.in, Drop); got != c.want {
			t.Errorf("Sanitize(%q, Drop) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzSanitize: whatever a name or note holds, what reaches the terminal has
// no control character, no escape, no bidi override, and is valid UTF-8, in
// every mode.
func FuzzSanitize(f *testing.F) {
	f.Add("\x1b]0;owned\x07Ann\x1b[2J")
	f.Add("note \u202eevil\u202c end\r\nline two\t")
	f.Add("\xff\xfe broken \x9b31m C1")
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range []Mode{Show, ShowLines, Drop} {
			out := Sanitize(s, m)
			if !utf8.ValidString(out) {
				t.Fatalf("Sanitize(%q, %d) = %q: not valid UTF-8", s, m, out)
			}
			for _, r := range out {
				if r == '\n' && m == ShowLines {
					continue
				}
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
					t.Fatalf("Sanitize(%q, %d) = %q keeps %U", s, m, out, r)
				}
			}
			if strings.ContainsRune(out, 0x1b) {
				t.Fatalf("Sanitize(%q, %d) kept an escape", s, m)
			}
		}
	})
}
