package summary

import (
	"bytes"
	"encoding/csv"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestCSVHasOneRowPerCheckInAsSQLiteCounts parses the CSV back and compares
// its rows with what the sqlite3 command-line shell counts in the same file
// over the same range: an independent reading of "check-ins that count".
func TestCSVHasOneRowPerCheckInAsSQLiteCounts(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatalf("the sqlite3 command-line shell is needed to cross-check the CSV (apt-get install sqlite3): %v", err)
	}
	f := newFixture(t)
	for _, redact := range []bool{false, true} {
		out, err := Render(f.load(t, redact), CSV)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		// A statement row (notice or redaction) comes before the header.
		if len(rows) < 2 || rows[1][0] != "client_name" {
			t.Fatalf("want a statement row then the header, got %q", rows[:min(2, len(rows))])
		}
		data := len(rows) - 2

		query := `SELECT count(*) FROM checkins k WHERE k.at >= '2026-11-10T05:00:00.000Z' AND k.at < '2026-11-11T05:00:00.000Z'
			AND NOT EXISTS (SELECT 1 FROM amendments a WHERE a.target_id = k.id);`
		cmd := exec.Command(sqlite3, "-readonly", f.path, query)
		got, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sqlite3: %v: %s", err, got)
		}
		want, err := strconv.Atoi(strings.TrimSpace(string(got)))
		if err != nil {
			t.Fatalf("sqlite3 printed %q", got)
		}
		if data != want || want != 5 {
			t.Errorf("redact=%v: CSV has %d check-in rows; sqlite3 counts %d (the fixture has 5)", redact, data, want)
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	cases := map[string]string{
		"=1+1":             "'=1+1",
		"+1 555 0100":      "'+1 555 0100",
		"-tried twice":     "'-tried twice",
		"@SUM(A1)":         "'@SUM(A1)",
		"\tcmd":            "'\tcmd",
		"\rcmd":            "'\rcmd",
		"  =HYPERLINK()":   "'  =HYPERLINK()",
		"\n=1":             "'\n=1",
		"Main office":      "Main office",
		"a=b":              "a=b",
		"2026-11-10T09:15": "2026-11-10T09:15",
		"":                 "",
	}
	for in, want := range cases {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVCellsNeverStartAFormula checks every cell the fixture produces,
// where a location, a note and a name try it.
func TestCSVCellsNeverStartAFormula(t *testing.T) {
	out, err := Render(newFixture(t).load(t, false), CSV)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	neutralised := 0
	for _, row := range rows[1:] {
		for _, cell := range row {
			trimmed := strings.TrimLeft(cell, " \t\r\n")
			if trimmed != "" && strings.ContainsRune("=+-@", rune(trimmed[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
			if strings.HasPrefix(cell, "'") {
				neutralised++
			}
			if strings.ContainsRune(cell, 0x1b) {
				t.Errorf("cell %q holds a terminal escape", cell)
			}
		}
	}
	if neutralised < 3 {
		t.Errorf("only %d cells were neutralised; the fixture has a location, a note and a location that need it", neutralised)
	}
	if !bytes.Contains(out, []byte("\r\n")) {
		t.Error("rows do not end in CRLF as RFC 4180 asks")
	}
}
