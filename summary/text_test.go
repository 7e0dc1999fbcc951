package summary

import (
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestPlainTextWrapsAt80Columns(t *testing.T) {
	out, err := Render(newFixture(t).load(t, false), PlainText)
	if err != nil {
		t.Fatal(err)
	}
	long := false
	for i, line := range strings.Split(string(out), "\n") {
		if w := runewidth.StringWidth(line); w > textWidth {
			t.Errorf("line %d is %d columns: %q", i+1, w, line)
		}
		long = long || runewidth.StringWidth(line) > 70
	}
	if !long {
		t.Error("no line comes near 80 columns: the fixture's long note was not wrapped but cut short")
	}
	for _, markup := range []string{"# ", "**", "> "} {
		if strings.Contains(string(out), "\n"+markup) {
			t.Errorf("plain text holds Markdown %q", markup)
		}
	}
}

func TestWrapKeepsEveryWord(t *testing.T) {
	cases := []string{
		"short",
		strings.Repeat("word ", 40),
		strings.Repeat("x", 200),
		"naïve café 日本語のテキスト " + strings.Repeat("日本", 50),
		"line one\n\nline three",
	}
	for _, in := range cases {
		lines := wrap(in, "- ", "  ")
		joined := ""
		for _, l := range lines {
			if w := runewidth.StringWidth(l); w > textWidth {
				t.Errorf("wrap(%.20q…) made a line of %d columns", in, w)
			}
			joined += strings.TrimPrefix(strings.TrimPrefix(l, "- "), "  ")
		}
		if strip(joined) != strip(in) {
			t.Errorf("wrap(%.20q…) lost text:\n%q\n%q", in, strip(joined), strip(in))
		}
	}
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }

func TestMarkdownEscapesNotesAndStripsEscapes(t *testing.T) {
	cases := map[string]string{
		"**bold**":           `\*\*bold\*\*`,
		"[link](x)":          `\[link\](x)`,
		"# heading":          `\# heading`,
		"- item\n+ item":     "\\- item\n\\+ item",
		"1. one\n 22) two":   "1\\. one\n 22\\) two",
		"<script>":           `\<script\>`,
		"a | b":              `a \| b`,
		"\x1b[31mred\x1b[0m": `\[31mred\[0m`,
		"bidi \u202eevil":    "bidi evil",
		"tab\there":          "tab here",
		"cr\rlf\r\nend":      "cr\nlf\nend",
		"plain, safe text.":  "plain, safe text.",
	}
	for in, want := range cases {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
