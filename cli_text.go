package main

import (
	"strings"
	"unicode"
)

// printable strips control characters (escape sequences included) and the
// invisible characters that reorder text, so that a hostile file cannot
// drive the terminal through the report.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f':
			return -1
		}
		return r
	}, s)
}
