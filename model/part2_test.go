package model

import (
	"os"
	"strings"
	"testing"
)

// TestPart2NoticeIsStatementOne pins the notice to the words of 42 CFR
// § 2.32(a)(1), kept in testdata one item to a line as the regulation sets
// them out: a rewrap, a tidied comma or a dropped "or" in the constant is a
// change to a legal text and fails here.
func TestPart2NoticeIsStatementOne(t *testing.T) {
	want, err := os.ReadFile("testdata/part2-statement-1.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := Part2Notice + "\n"; got != string(want) {
		t.Errorf("the notice differs from Statement 1:\ngot:\n%s\nwant:\n%s", got, want)
	}
	lines := strings.Split(Part2Notice, "\n")
	if len(lines) != 5 {
		t.Fatalf("want the lead, items (i) to (iii) and the closing sentence on lines of their own, got %d lines", len(lines))
	}
	for i, prefix := range []string{"This record which has been disclosed to you", "(i) ", "(ii) ", "(iii) ", "A general authorization"} {
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("line %d begins %q, want %q", i+1, lines[i][:min(len(lines[i]), 40)], prefix)
		}
	}
}
