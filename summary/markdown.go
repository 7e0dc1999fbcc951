package summary

import (
	"bytes"
	"strings"
)

// writeMarkdown writes the summary's blocks as Markdown that also reads
// well as plain text: headings, lists, and the notice as a block quote at
// the top. The blocks follow others (or start the document, when first),
// with a blank line between blocks except inside a run of list items. No
// run of items goes on across two calls: a client's blocks start with its
// heading, and the end with a paragraph or a heading.
func writeMarkdown(b *bytes.Buffer, blocks []block, first bool) {
	prev := blockTitle
	for i, bl := range blocks {
		if (i > 0 || !first) && !(bl.kind == blockItem && prev == blockItem) {
			b.WriteString("\n")
		}
		prev = bl.kind
		switch bl.kind {
		case blockTitle:
			b.WriteString("# " + bl.text + "\n")
		case blockSection:
			b.WriteString("## " + bl.text + "\n")
		case blockSubsection:
			b.WriteString("### " + bl.text + "\n")
		case blockPara:
			b.WriteString(bl.text + "\n")
		case blockItem:
			b.WriteString("- " + indentLines(bl.text, "  ") + "\n")
			for _, d := range bl.details {
				b.WriteString("  - " + indentLines(d, "    ") + "\n")
			}
		case blockNotice:
			b.WriteString("> **" + bl.text + "**\n>\n")
			for _, d := range bl.details {
				for _, line := range strings.Split(d, "\n") {
					b.WriteString("> " + line + "  \n")
				}
			}
		}
	}
}

// indentLines indents the lines after the first, so that a note of several
// lines stays inside its list item.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}
