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

// TestEndToEndTheAppAsksBeforeItStartsANewCaseload: a path with no file is
// named on the first screen and nothing is made there until the officer says
// so, so a mistyped path is seen before anything is written.
func TestEndToEndTheAppAsksBeforeItStartsANewCaseload(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	term.start(bin, db)
	term.waitFor("No caseload at this path")
	if screen := strings.ReplaceAll(term.screen(), "\n", ""); !strings.Contains(screen, "new.db") {
		t.Errorf("the first screen does not name the path; the screen:\n%s", term.screen())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("something was written before the officer answered: %v", entries)
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("quitting at the question left files behind: %v", entries)
	}

	term.start(bin, db)
	term.waitFor("No caseload at this path")
	term.press("Enter")
	term.waitFor("No clients yet.")
	if !strings.Contains(term.screen(), "Started a new caseload at") {
		t.Errorf("the new caseload is not said; the screen:\n%s", term.screen())
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("enter did not make the caseload: %v", err)
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	term.start(bin, db)
	term.waitFor("No clients yet.")
	if strings.Contains(term.screen(), "No caseload at") {
		t.Errorf("the second start asks again; the screen:\n%s", term.screen())
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
}
