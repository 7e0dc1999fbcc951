package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAMistypedPathIsRefusedAndNothingIsCreated: every command that reads or
// changes a caseload refuses a path with no file, in one line naming it, and
// leaves no file, journal or folder behind.
func TestAMistypedPathIsRefusedAndNothingIsCreated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.md")
	commands := [][]string{{"export"}, {"export", "--from", "-7d", "-o", out}, {"export", "--list"}, {"check"}, {"audit"},
		{"backup"}, {"backup", out}, {"lock"}, {"lock", "--idle", "5"}, {"settings"}, {"settings", "--officer", "P. Officer"}}
	for _, args := range commands {
		dir := t.TempDir()
		for _, path := range []string{filepath.Join(dir, "typo.db"), filepath.Join(dir, "usb", "caseload.db")} {
			code, stdout, stderr := cli(t, nil, append(args, "--db", path)...)
			want := "caseload: no caseload at " + path + "; `caseload` creates one, `caseload demo` fills one\n"
			if code != 1 || stderr != want || stdout != "" {
				t.Errorf("%v on %s: exit %d, stdout %q, stderr %q; want 1 and %q", args, path, code, stdout, stderr, want)
			}
		}
		if list, _ := os.ReadDir(dir); len(list) != 0 {
			t.Errorf("%v created %v", args, list[0].Name())
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v wrote %s", args, out)
		}
	}
}

// TestTheCommandsThatFillACaseloadMayCreateOne: demo and the imports start a
// new file where there was none.
func TestTheCommandsThatFillACaseloadMayCreateOne(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(csv, []byte("name,case number,supervision type,level\nAnn,G-1,probation,low\n"), 0o600)
	for _, args := range [][]string{{"demo", "--clients", "1"}, {"import", "clients", csv}, {"import", "resources", filepath.Join("..", "testdata", "hsds", "csv")}} {
		path := filepath.Join(t.TempDir(), "new", "caseload.db")
		if code, _, stderr := cli(t, nil, append(args, "--db", path)...); code != 0 {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%v did not create the caseload: %v", args, err)
		}
	}
}

// TestEndToEndTheAppSaysItStartsANewCaseload: a path with no file is shown on
// the first screen, so a mistyped one is seen at once.
func TestEndToEndTheAppSaysItStartsANewCaseload(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "new.db")
	term.start(bin, db)
	term.waitFor("Starting a new caseload at")
	if screen := strings.ReplaceAll(term.screen(), "\n", ""); !strings.Contains(screen, "new.db") {
		t.Errorf("the notice does not name the path; the screen:\n%s", term.screen())
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	term.start(bin, db)
	term.waitFor("No clients yet.")
	if strings.Contains(term.screen(), "Starting a new caseload") {
		t.Errorf("the second start says it starts a new caseload; the screen:\n%s", term.screen())
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
}
