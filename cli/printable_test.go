package cli

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPrintableStripsWhatDrivesTheTerminal(t *testing.T) {
	got := printable("Ann\x1b[2J\u202eAmes\tB-1\a\r\n")
	if got != "Ann[2JAmes B-1 " {
		t.Fatalf("got %q", got)
	}
}

// FuzzPrintable: go test . -run '^$' -fuzz '^FuzzPrintable$' -fuzztime 10s
func FuzzPrintable(f *testing.F) {
	f.Add("Jane \x1b[31mDoe\x1b[0m")
	f.Fuzz(func(t *testing.T, s string) {
		out := printable(s)
		for _, r := range out {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				t.Fatalf("%q kept %U", out, r)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("%q is not valid UTF-8: a broken byte must become a replacement mark", out)
		}
	})
}
