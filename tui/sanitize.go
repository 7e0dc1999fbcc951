package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// clean makes text from the database safe to draw on one line. Names, notes
// and imported data are untrusted: an escape sequence in them could retitle
// the window, clear the screen or, with bidi overrides, make text read
// differently from what is stored. Control characters become visible
// placeholders (␛, ␇, ⟨U+202E⟩), so the officer sees that something odd is
// there instead of its effect; a line break shows as ↵.
func clean(s string) string { return sanitize(s, false) }

// cleanLines is clean for text drawn over several lines: line breaks stay.
func cleanLines(s string) string { return sanitize(s, true) }

func sanitize(s string, keepNewlines bool) string {
	if safe(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteString("\uFFFD")
			} else {
				b.WriteRune(r)
			}
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString("↵")
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // the Unicode control pictures: ␀ … ␛ … ␟
		case r == 0x7f:
			b.WriteRune('␡')
		case needsPlaceholder(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safe reports whether s can be drawn as it is; most text can, and then no
// copy is made.
func safe(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return safeUnicode(s[i:], keepNewlines)
		case c == '\n':
			if !keepNewlines {
				return false
			}
		case c < 0x20, c == 0x7f:
			return false
		}
	}
	return true
}

func safeUnicode(s string, keepNewlines bool) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		case r == '\n':
			if !keepNewlines {
				return false
			}
		case r < 0x20, r == 0x7f, needsPlaceholder(r):
			return false
		}
	}
	return true
}

// needsPlaceholder reports the non-ASCII runes that act on the terminal or on
// the direction of text: C1 controls (0x9B is a one-byte CSI on some
// terminals) and the bidi embeddings, overrides, isolates and marks.
func needsPlaceholder(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
