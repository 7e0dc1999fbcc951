package summary

import (
	"testing"
	"time"
)

func TestParseFormatAcceptsTheFourFormats(t *testing.T) {
	cases := map[string]Format{"md": Markdown, "Markdown": Markdown, "txt": PlainText, "text": PlainText,
		" JSON ": JSON, "csv": CSV}
	for in, want := range cases {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "pdf", "html"} {
		if _, err := ParseFormat(bad); err == nil {
			t.Errorf("ParseFormat(%q) accepted", bad)
		}
	}
	if len(Formats()) != 4 {
		t.Errorf("the dialog offers %d formats, want 4", len(Formats()))
	}
}

func TestDefaultFileNameIsTheDayAndFormat(t *testing.T) {
	now := time.Date(2026, 11, 23, 23, 30, 0, 0, zone)
	if got := DefaultFileName(now, CSV); got != "caseload-summary-2026-11-23.csv" {
		t.Errorf("DefaultFileName = %q", got)
	}
}
