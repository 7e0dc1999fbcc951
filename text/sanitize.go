// Package text shapes text for a terminal or a file: it makes untrusted text
// safe to show, and measures, cuts, pads and wraps it by display cells
// rather than bytes. It knows nothing of the app, so the screens and the
// command line share one policy.
package text

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Mode says what becomes of a character that could act on the terminal.
type Mode int

const (
	// Show turns each into a visible placeholder (␛, ␇, ⟨U+202E⟩, ↵ for a
	// line break), so the officer sees that something odd is there instead
	// of its effect. The screens use it.
	Show Mode = iota
	// ShowLines is Show for text drawn over several lines: line breaks stay.
	ShowLines
	// Drop deletes each, and makes line breaks and tabs spaces: one line of
	// plain text with nothing added, for the command line's messages, which
	// scripts read.
	Drop
)

// Clean makes text from the database safe to draw on one line. Names, notes
// and imported data are untrusted: an escape sequence in them could retitle
// the window, clear the screen or, with bidi overrides, make text read
// differently from what is stored.
func Clean(s string) string { return Sanitize(s, Show) }

// CleanLines is Clean for text drawn over several lines: line breaks stay.
func CleanLines(s string) string { return Sanitize(s, ShowLines) }

// Plain is Drop: one line of plain text, for the command line.
func Plain(s string) string { return Sanitize(s, Drop) }

// Sanitize makes s safe for a terminal in the given mode. What counts as
// unsafe is the same in every mode: C0 and C1 controls, DEL, the bidi
// embeddings, overrides, isolates and marks, the line and paragraph
// separators, and bytes that are not UTF-8.
func Sanitize(s string, m Mode) string {
	if safe(s, m == ShowLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteString("\uFFFD")
				continue
			}
		}
		if m == Drop {
			drop(&b, r)
		} else {
			show(&b, r, m == ShowLines)
		}
	}
	return b.String()
}

func show(b *strings.Builder, r rune, keepNewlines bool) {
	switch {
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
		fmt.Fprintf(b, "⟨U+%04X⟩", r)
	default:
		b.WriteRune(r)
	}
}

func drop(b *strings.Builder, r rune) {
	switch {
	case r == '\n', r == '\t':
		b.WriteByte(' ')
	case r < 0x20, r == 0x7f, needsPlaceholder(r):
	default:
		b.WriteRune(r)
	}
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
// the direction or breaking of text: C1 controls (0x9B is a one-byte CSI on
// some terminals), the bidi embeddings, overrides, isolates and marks, and
// the line and paragraph separators.
func needsPlaceholder(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
