package summary

import (
	"bytes"
	"strings"

	"github.com/mattn/go-runewidth"
)

// textWidth is the column the plain-text format wraps at.
const textWidth = 80

// writeText writes the summary's blocks as plain text wrapped at 80
// columns, with no markup (for systems that take text as it is typed), and
// blank lines as writeMarkdown puts them.
func writeText(b *bytes.Buffer, blocks []block, first bool) {
	prev := blockTitle
	put := func(lines []string) {
		for _, l := range lines {
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	for i, bl := range blocks {
		if (i > 0 || !first) && !(bl.kind == blockItem && prev == blockItem) {
			b.WriteString("\n")
		}
		prev = bl.kind
		switch bl.kind {
		case blockTitle:
			put(underlined(strings.ToUpper(bl.text), "="))
		case blockSection:
			put(underlined(bl.text, "-"))
		case blockSubsection:
			put(wrap(bl.text+":", "", ""))
		case blockPara:
			put(wrap(bl.text, "", ""))
		case blockItem:
			put(wrap(bl.text, "- ", "  "))
			for _, d := range bl.details {
				put(wrap(d, "    ", "      "))
			}
		case blockNotice:
			put(wrap(strings.ToUpper(bl.text), "", ""))
			for _, d := range bl.details {
				put(wrap(d, "", ""))
			}
		}
	}
}

// underlined wraps a heading and rules it off with its own width.
func underlined(text, rule string) []string {
	lines := wrap(text, "", "")
	w := 0
	for _, l := range lines {
		w = max(w, runewidth.StringWidth(l))
	}
	return append(lines, strings.Repeat(rule, w))
}

// wrap fills the words of text into lines of at most textWidth columns: the
// first line starts with first, the others with rest. A line break in the
// text starts a new line; a word longer than a line is cut.
func wrap(text, first, rest string) []string {
	var out []string
	prefix := first
	for _, para := range strings.Split(text, "\n") {
		line := prefix
		empty := true
		flush := func() {
			out = append(out, line)
			prefix, line, empty = rest, rest, true
		}
		for _, word := range strings.Fields(para) {
			for runewidth.StringWidth(prefix)+runewidth.StringWidth(word) > textWidth {
				if !empty {
					flush()
					continue
				}
				head, tail := cut(word, textWidth-runewidth.StringWidth(line))
				line += head
				word = tail
				empty = false
				flush()
			}
			if !empty && runewidth.StringWidth(line)+1+runewidth.StringWidth(word) > textWidth {
				flush()
			}
			if !empty {
				line += " "
			}
			line += word
			empty = false
		}
		flush()
	}
	return out
}

// cut splits s after at most w columns (at least one rune, so wrapping
// always moves on).
func cut(s string, w int) (string, string) {
	width := 0
	for i, r := range s {
		rw := runewidth.RuneWidth(r)
		if width+rw > w && i > 0 {
			return s[:i], s[i:]
		}
		width += rw
	}
	return s, ""
}
