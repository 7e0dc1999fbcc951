package summary

import (
	"bytes"
	"strings"

	"caseload/model"
)

// markdown writes the summary as Markdown that also reads well as plain
// text: headings, lists, and the notice as a block quote at the top.
func markdown(s model.Summary) []byte {
	blocks := outline(s, escapeMarkdown)
	var b bytes.Buffer // its bytes are the result, not copied out of a string
	b.Grow(sizeHint(blocks))
	prev := blockTitle
	for i, bl := range blocks {
		// A blank line between blocks, except inside a run of list items.
		if i > 0 && !(bl.kind == blockItem && prev == blockItem) {
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
	return b.Bytes()
}

// indentLines indents the lines after the first, so that a note of several
// lines stays inside its list item.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// sizeHint is about the size of the written blocks, so the output is
// allocated once rather than grown a dozen times.
func sizeHint(blocks []block) int {
	n := 0
	for _, bl := range blocks {
		n += len(bl.text) + 8
		for _, d := range bl.details {
			n += len(d) + 8
		}
	}
	return n
}
