package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	code, out, _ := cli(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "caseload ") {
		t.Errorf("version = %d %q", code, out)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	code, _, errOut := cli(t, nil, "frobnicate")
	if code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestDemoFillsANewFileThenRefusesIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := cli(t, nil, "demo", "--clients", "5", "--db", db)
	if code != 0 || !strings.Contains(out, "5 clients") {
		t.Fatalf("demo = %d %q %q", code, out, errOut)
	}
	code, _, errOut = cli(t, nil, "demo", "--clients", "5", "--db", db)
	if code != 1 || !strings.Contains(errOut, "already holds records") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("second demo = %d %q, want one line saying the file holds records", code, errOut)
	}
}

func TestDatabaseComesFromFlagThenEnvironment(t *testing.T) {
	dir := t.TempDir()
	fromEnv := filepath.Join(dir, "env.db")
	code, _, errOut := cli(t, map[string]string{"CASELOAD_DB": fromEnv}, "demo", "--clients", "2")
	if code != 0 {
		t.Fatalf("demo via CASELOAD_DB: %q", errOut)
	}
	if _, err := os.Stat(fromEnv); err != nil {
		t.Errorf("CASELOAD_DB was not used: %v", err)
	}
	e := &env{db: "/x/flag.db", getenv: func(string) string { return fromEnv }}
	if got := dbPath(e); got != "/x/flag.db" {
		t.Errorf("the flag should win over the environment, got %s", got)
	}
	e.db, e.getenv = "", func(string) string { return "" }
	if got := dbPath(e); !strings.HasSuffix(got, filepath.Join("caseload", "caseload.db")) {
		t.Errorf("default database = %s", got)
	}
}

func TestBadDatabaseIsOneLineError(t *testing.T) {
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notDB, []byte("not a database at all, just text\n"), 0o600)
	code, _, errOut := cli(t, nil, "demo", "--db", notDB)
	if code != 1 || !strings.Contains(errOut, "not a caseload database") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("code %d stderr %q", code, errOut)
	}
	code, _, errOut = cli(t, nil, "demo", "--clients", "0")
	if code != 2 || !strings.Contains(errOut, "--clients") {
		t.Errorf("bad flag value: code %d stderr %q", code, errOut)
	}
}
