package cli

import (
	"strings"
	"unicode"
)

// printable strips what could drive the terminal from text that came from a
// file or another person: control characters (escape sequences start with
// one) and the invisible marks that reorder text.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t', r == '\n':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}
