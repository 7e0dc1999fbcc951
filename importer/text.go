package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// windows1252 holds the characters Windows-1252 puts at 0x80–0x9F, where
// Latin-1 has control codes. Spreadsheet programs that do not write UTF-8
// write this, so reading those bytes as Latin-1 would lose curly quotes,
// dashes and the euro sign. The five unassigned bytes stay Latin-1 controls
// and are then dropped by clean.
var windows1252 = [32]rune{
	'\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
	'\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
	'\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
	'\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178',
}

// decodeText returns data as UTF-8 without a byte-order mark. A byte that is
// not part of valid UTF-8 is read as Latin-1 (Windows-1252), so a file saved
// by an old spreadsheet is converted rather than refused; converted reports
// whether that happened. Valid UTF-8 sequences are kept as they are, so a
// mostly UTF-8 file with one stray byte keeps its other accents.
func decodeText(data []byte) (text string, converted bool) {
	data = trimBOM(data)
	if utf8.Valid(data) {
		return string(data), false
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			c := data[0]
			if c >= 0x80 && c < 0xa0 {
				b.WriteRune(windows1252[c-0x80])
			} else {
				b.WriteRune(rune(c))
			}
			data = data[1:]
			continue
		}
		b.Write(data[:size])
		data = data[size:]
	}
	return b.String(), true
}

func trimBOM(data []byte) []byte {
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		return data[3:]
	}
	return data
}

// clean trims a text field and drops control characters (escape sequences in
// a file must never reach a terminal or the database), keeping line breaks
// and tabs. Windows line ends become plain ones.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r) || isBidiControl(r) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// cleanLine is clean for a one-line field: any run of white space, line
// breaks included, becomes one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// isBidiControl reports the invisible characters that reorder text on screen,
// which can make a name display as something else.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f'
}
