package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHelpListsEveryCommandWithExamples(t *testing.T) {
	code, out, errOut := cli(t, nil, "--help")
	if code != 0 || errOut != "" {
		t.Fatalf("--help: exit %d, stderr %q", code, errOut)
	}
	for _, name := range []string{"audit", "backup", "check", "completion", "demo", "export", "import", "lock", "restore", "settings", "version", "--db"} {
		if !strings.Contains(out, name) {
			t.Errorf("--help does not list %s:\n%s", name, out)
		}
	}
	for _, args := range [][]string{{"help", "export"}, {"export", "--help"}, {"import", "clients", "--help"}} {
		code, out, _ := cli(t, nil, args...)
		if code != 0 || !strings.Contains(out, "EXAMPLES") || strings.Count(out, "\n    caseload ") < 2 {
			t.Errorf("%v: exit %d; want the usage with at least two examples:\n%s", args, code, out)
		}
	}
	if _, export, _ := cli(t, nil, "export", "--help"); !strings.Contains(export, "--from") || !strings.Contains(export, "-o --output") {
		t.Errorf("export --help does not list its flags:\n%s", export)
	}
}

func TestDatabaseFlagGoesBeforeOrAfterTheCommand(t *testing.T) {
	path := demoDB(t, "2")
	for _, args := range [][]string{{"--db", path, "check"}, {"check", "--db", path}, {"--db=" + path, "check"}} {
		if code, out, errOut := cli(t, nil, args...); code != 0 || strings.Count(out, ": ok") != 3 {
			t.Errorf("%v: exit %d, %q %q; want the file checked", args, code, out, errOut)
		}
	}
	if code, out, _ := cli(t, nil, "--db", path, "import", "clients", "--dry-run", filepath.Join(t.TempDir(), "none.csv")); code != 1 || out != "" {
		t.Errorf("--db before a nested command: exit %d, %q; want the missing CSV refused", code, out)
	}
}

func TestVersionAndCompletion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		if code, out, _ := cli(t, nil, args...); code != 0 || out != "caseload dev\n" {
			t.Errorf("%v: exit %d, %q; want caseload dev", args, code, out)
		}
	}
	for shell, marker := range map[string]string{"bash": "complete -o default", "zsh": "#compdef caseload", "fish": "complete -c caseload", "powershell": "Register-ArgumentCompleter"} {
		if code, out, errOut := cli(t, nil, "completion", shell); code != 0 || !strings.Contains(out, marker) {
			t.Errorf("completion %s: exit %d, stderr %q; want a script with %q", shell, code, errOut, marker)
		}
	}
}

// TestOutputForScriptsIsPlain: help, errors and the audit log carry no
// terminal escapes when they do not go to a terminal.
func TestOutputForScriptsIsPlain(t *testing.T) {
	path := demoDB(t, "1")
	for _, args := range [][]string{{"--help"}, {"export", "--help"}, {"audit", "--db", path}, {"export", "--db", path, "--list"},
		{"export", "--db", path, "-o", "-", "--from", "-7d"}, {"frobnicate"}, {"export", "--bogus"}} {
		_, out, errOut := cli(t, nil, args...)
		if strings.ContainsRune(out+errOut, '\x1b') {
			t.Errorf("%v printed terminal escapes to a pipe: %q", args, out+errOut)
		}
	}
}

func TestUsageMistakesAreOneLineWithExitStatusTwo(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"export", "--bogus"}, {"export", "--from"}, {"demo", "--clients", "many"},
		{"import"}, {"import", "vehicles", "x"}, {"lock", "--passphrase", "--clear-passphrase"}} {
		code, _, errOut := cli(t, nil, args...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "caseload") || !strings.Contains(errOut, "--help") {
			t.Errorf("%v: exit %d, %q; want 2 and one line pointing at --help", args, code, errOut)
		}
	}
}

func TestManPageDescribesTheCommands(t *testing.T) {
	out, err := exec.Command(buildBinary(t), "man").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), ".TH CASELOAD") || !strings.Contains(string(out), "export") {
		t.Errorf("caseload man printed %.200q; want a roff page naming the commands", out)
	}
}
