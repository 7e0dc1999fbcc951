package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/internal/damagetest"
	"caseload/store"
)

// cli runs the real command line in process and returns the exit status and
// what it printed.
func cli(t testing.TB, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(k string) string { return vars[k] }}
	code := run(context.Background(), args, e)
	return code, stdout.String(), stderr.String()
}

// newCaseload makes an empty caseload, as the app's first start does.
func newCaseload(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// demoDB makes a demo database through the CLI.
func demoDB(t *testing.T, clients string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	if code, _, stderr := cli(t, nil, "demo", "--db", path, "--clients", clients); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	return path
}

func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func sqlExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// assertOneLineError checks that a command failed as the officer should see
// it: a non-zero status and one line on stderr, no stack trace.
func assertOneLineError(t *testing.T, code int, stderr, words string) {
	t.Helper()
	if code == 0 {
		t.Fatal("want a non-zero exit status")
	}
	if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "caseload") || strings.Contains(stderr, "goroutine") {
		t.Fatalf("want one error line, got %q", stderr)
	}
	if !strings.Contains(stderr, words) {
		t.Fatalf("want the error to say %q, got %q", words, stderr)
	}
}

func TestBadDatabasesFailInOneLineAndStayUnchanged(t *testing.T) {
	files := []struct {
		name, words string
		make        func(t *testing.T) string
	}{
		{"empty: a copy that never finished", "the file is empty", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "caseload.db")
			os.WriteFile(p, nil, 0o600)
			return p
		}},
		{"not a database", "not a caseload database", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "caseload.db")
			os.WriteFile(p, []byte("name,case number\nAnn,1\n"), 0o600)
			return p
		}},
		{"truncated", "cut off", func(t *testing.T) string {
			p := demoDB(t, "8")
			info, _ := os.Stat(p)
			os.Truncate(p, info.Size()/3)
			return p
		}},
		{"from a newer version", "update caseload", func(t *testing.T) string {
			p := demoDB(t, "1")
			sqlExec(t, p, "PRAGMA user_version = 9999")
			return p
		}},
		{"with a damaged page", "damaged", func(t *testing.T) string {
			p := demoDB(t, "1")
			f, _ := os.OpenFile(p, os.O_RDWR, 0)
			f.WriteAt(bytes.Repeat([]byte{0xff}, 4096), 4096)
			f.Close()
			return p
		}},
	}
	csv := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(csv, []byte("name,case number,supervision type,level\nAnn,G-1,probation,low\n"), 0o600)
	resources := filepath.Join(t.TempDir(), "resources.csv")
	os.WriteFile(resources, []byte("name,category\nHarbor Clinic,treatment\n"), 0o600)
	commands := [][]string{{}, {"check"}, {"backup"}, {"audit"}, {"import", "clients", csv}, {"export", "--from", "-7d"},
		{"export", "--list"}, {"lock"}, {"settings", "--officer", "P. Officer"}, {"demo"}, {"import", "resources", resources}}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path := f.make(t)
			before := sha(t, path)
			for _, args := range commands {
				code, _, stderr := cli(t, nil, append(args, "--db", path)...)
				assertOneLineError(t, code, stderr, f.words)
			}
			if sha(t, path) != before {
				t.Fatal("a refused file was changed")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Fatal("a refused file was given a journal")
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "backups")); err == nil {
				t.Fatal("a refused file was backed up")
			}
		})
	}
}

func TestBackupAndRestoreThroughTheCLI(t *testing.T) {
	path := demoDB(t, "3")
	code, stdout, stderr := cli(t, nil, "backup", "--db", path)
	if code != 0 || !strings.Contains(stdout, "backup of 3 clients written to ") {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}
	backup := strings.TrimSpace(stdout[strings.LastIndex(stdout, " ")+1:])
	csv := filepath.Join(t.TempDir(), "new.csv")
	os.WriteFile(csv, []byte("name,case number,supervision type,level\nAnn Ames,H-1,probation,low\n"), 0o600)
	if code, _, stderr := cli(t, nil, "import", "clients", "--db", path, csv); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr = cli(t, nil, "restore", backup, "--db", path)
	if code != 0 || !strings.Contains(stdout, "3 clients") || !strings.Contains(stdout, "kept as ") {
		t.Fatalf("restore: %d %q %q", code, stdout, stderr)
	}
	if code, stdout, _ := cli(t, nil, "check", "--db", path); code != 0 || strings.Count(stdout, ": ok") != 3 {
		t.Fatalf("want the restored file to check out, got %d %q", code, stdout)
	}
}

func TestEncryptedBackupNeedsAPassphrase(t *testing.T) {
	path := demoDB(t, "2")
	out := filepath.Join(t.TempDir(), "stick", "backup.db.age")
	os.MkdirAll(filepath.Dir(out), 0o700)
	code, _, stderr := cli(t, nil, "backup", "--encrypt", "--db", path, out)
	assertOneLineError(t, code, stderr, "no passphrase")
	code, _, stderr = cli(t, map[string]string{"CASELOAD_PASSPHRASE": "short"}, "backup", "--encrypt", "--db", path, out)
	assertOneLineError(t, code, stderr, "at least 10 characters")

	pass := map[string]string{"CASELOAD_PASSPHRASE": "a long enough passphrase"}
	if code, _, stderr := cli(t, pass, "backup", "--db", path, out, "--encrypt"); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("age-encryption.org/v1")) {
		t.Fatal("want an age file")
	}
	code, _, stderr = cli(t, map[string]string{"CASELOAD_PASSPHRASE": "not the passphrase"}, "restore", "--db", path, out)
	assertOneLineError(t, code, stderr, "passphrase does not open")
	if code, stdout, stderr := cli(t, pass, "restore", "--db", path, out); code != 0 || !strings.Contains(stdout, "2 clients") {
		t.Fatalf("restore: %d %q %q", code, stdout, stderr)
	}
}

func TestCheckExitsOneWhenSomethingIsWrong(t *testing.T) {
	path := demoDB(t, "2")
	sqlExec(t, path, "DROP TRIGGER checkins_no_delete")
	code, stdout, stderr := cli(t, nil, "check", "--db", path)
	assertOneLineError(t, code, stderr, "the check found problems")
	if !strings.Contains(stdout, "caseload rules: 1 problems") || !strings.Contains(stdout, "checkins_no_delete") {
		t.Fatalf("want the missing guard listed, got %q", stdout)
	}
}

func TestCommandsSayWhatPermissionsTheyFixed(t *testing.T) {
	path := demoDB(t, "1")
	os.Chmod(path, 0o644)
	code, _, stderr := cli(t, nil, "check", "--db", path)
	if code != 0 || !strings.Contains(stderr, "made private") || !strings.Contains(stderr, "was 0644, now 0600") {
		t.Fatalf("want the fix reported, got %d %q", code, stderr)
	}
}

func TestImportClientsThroughTheCLI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "caseload.db")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,case number,date of birth,supervision type,level\n"+
		"Ann Ames,J-1,02/03/1981,probation,low\n"+
		"\"Evil \x1b]52;c;aGk=\x07Name\",J-2,1981-02-30,probation,low\n"), 0o600)
	code, stdout, stderr := cli(t, nil, "import", "clients", "--db", path, bad)
	assertOneLineError(t, code, stderr, "nothing was imported")
	if !strings.Contains(stdout, "line 2: would add J-1, Ann Ames") || !strings.Contains(stdout, "line 3: rejected: date of birth") {
		t.Fatalf("want the report by line, got %q", stdout)
	}
	if strings.ContainsRune(stdout, '\x1b') || strings.ContainsRune(stdout, '\x07') {
		t.Fatalf("control characters reached the terminal: %q", stdout)
	}

	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("name,case number,date of birth,supervision type,level\nAnn Ames,J-1,02/03/1981,probation,low\n"), 0o600)
	if code, stdout, _ := cli(t, nil, "import", "clients", "--dry-run", "--db", path, good); code != 0 || !strings.Contains(stdout, "dry run: nothing was written") {
		t.Fatalf("dry run: %d %q", code, stdout)
	}
	if code, stdout, _ := cli(t, nil, "import", "clients", "--db", path, good); code != 0 || !strings.Contains(stdout, "1 added") {
		t.Fatalf("import: %d %q", code, stdout)
	}
	if code, stdout, _ := cli(t, nil, "import", "clients", "--db", path, good); code != 0 || !strings.Contains(stdout, "1 unchanged") {
		t.Fatalf("second import: %d %q", code, stdout)
	}
}

func TestAuditListsWritesSinceADate(t *testing.T) {
	path := demoDB(t, "1")
	code, stdout, _ := cli(t, nil, "audit", "--db", path)
	if code != 0 || !strings.Contains(stdout, "create  client") || strings.HasSuffix(stdout, "\n0 entries\n") {
		t.Fatalf("want the demo's writes listed, got %d %q", code, stdout)
	}
	if code, stdout, _ := cli(t, nil, "audit", "--db", path, "--since", "12/31/2999"); code != 0 || stdout != "0 entries\n" {
		t.Fatalf("want nothing after 2999, got %d %q", code, stdout)
	}
	code, _, stderr := cli(t, nil, "audit", "--db", path, "--since", "someday")
	if code != 2 || !strings.Contains(stderr, "not a date") {
		t.Fatalf("want a usage error, got %d %q", code, stderr)
	}
}

func TestFileArgumentsAreCounted(t *testing.T) {
	for _, args := range [][]string{{"restore"}, {"backup", "a.db", "b.db"}, {"import", "clients"}, {"check", "extra"}} {
		if code, _, stderr := cli(t, nil, args...); code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: want a one-line usage error, got %d %q", args, code, stderr)
		}
	}
}

func TestCheckReportsADamagedDataPage(t *testing.T) {
	path := demoDB(t, "30")
	damagetest.Root(t, path, "checkins_by_time")
	before := sha(t, path)
	code, stdout, stderr := cli(t, nil, "check", "--db", path)
	assertOneLineError(t, code, stderr, "the check found problems")
	if !strings.Contains(stdout, "integrity: ") || strings.Contains(stdout, "integrity: ok") {
		t.Fatalf("want integrity problems listed, got %q", stdout)
	}
	if sha(t, path) != before {
		t.Fatal("check changed a damaged file")
	}
}
