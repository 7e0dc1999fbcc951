package model

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/olebedev/when"
)

// TestParseNaturalReadsAsTheLibrarysParser: parseNatural drives the
// library's English and common rules itself; for every input it must find
// the same text and the same time as the library's own English parser.
func TestParseNaturalReadsAsTheLibrarysParser(t *testing.T) {
	base := time.Date(2026, 11, 23, 10, 30, 0, 0, time.FixedZone("UTC-5", -5*3600))
	inputs := []string{
		"today 3pm", "tomorrow", "tomorrow 9am", "fri 10:00", "next mon", "last friday", "in 2 weeks", "in 3 days",
		"monday at 14:30", "tonight", "this evening", "next week", "3pm", "15:45", "noon", "at 9",
		"fri at the office", "see you tue", "yesterday", "in an hour", "next month", "the day after tomorrow",
		"sat 8pm please", "", "nonsense", "12/03/2026", "3 december", "december 3rd 10am", "mon tue",
	}
	for _, in := range inputs {
		got, matched, ok, err := parseNatural(in, base)
		want, werr := when.EN.Parse(in, base)
		switch {
		case (err != nil) != (werr != nil):
			t.Errorf("%q: err %v, the library's %v", in, err, werr)
		case want == nil:
			if ok {
				t.Errorf("%q: read as %v (%q); the library reads nothing", in, got, matched)
			}
		case !ok || !got.Equal(want.Time) || matched != want.Text:
			t.Errorf("%q: %v %q (ok %v); the library reads %v %q", in, got, matched, ok, want.Time, want.Text)
		}
	}
}

// TestTheAppDoesNotBuildEveryLanguagesParser: the library's root package
// builds parsers for four languages when the program starts; the app reads
// English only and must not pay for the others.
func TestTheAppDoesNotBuildEveryLanguagesParser(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "caseload").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "github.com/olebedev/when" || strings.HasPrefix(pkg, "github.com/olebedev/when/rules/") &&
			!strings.HasSuffix(pkg, "/en") && !strings.HasSuffix(pkg, "/common") {
			t.Errorf("the app imports %s", pkg)
		}
	}
}
