package summary

import (
	"strings"
	"unicode"
)

// clean makes text that came from the officer or an import safe to print:
// line endings become \n, a tab a space, and other control characters
// (terminal escapes among them) and the bidirectional overrides that can make
// text read differently from what it holds are dropped. A summary may be
// written to a terminal (-o -), so no raw escape may pass.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteRune('\n')
		case r == '\t':
			b.WriteRune(' ')
		case unicode.IsControl(r), isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path: most notes are plain printable text.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// markdownSpecial are the characters that could turn text into Markdown or
// HTML markup anywhere in a line.
var markdownSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`, `~`, `\~`,
)

// escapeMarkdown cleans text and escapes it so that it reads as the same text
// once rendered: no markup, link, list or heading can be slipped in a note.
func escapeMarkdown(s string) string {
	s = markdownSpecial.Replace(clean(s))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

// escapeLineStart escapes what makes a list, a heading rule or a numbered
// list only at the start of a line.
func escapeLineStart(l string) string {
	trimmed := strings.TrimLeft(l, " ")
	lead := l[:len(l)-len(trimmed)]
	if trimmed == "" {
		return l
	}
	switch trimmed[0] {
	case '-', '+', '=':
		return lead + `\` + trimmed
	}
	digits := len(trimmed) - len(strings.TrimLeft(trimmed, "0123456789"))
	if digits > 0 && digits < len(trimmed) && (trimmed[digits] == '.' || trimmed[digits] == ')') {
		return lead + trimmed[:digits] + `\` + trimmed[digits:]
	}
	return l
}
