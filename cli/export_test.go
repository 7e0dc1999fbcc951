package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/internal/privtest"
	"caseload/model"
	"caseload/store"
)

// exportFixture makes a caseload file with one client's day (10 June 2025,
// local time) holding a positive test, and returns its path.
func exportFixture(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	day := func(h int) time.Time { return time.Date(2025, 6, 10, h, 0, 0, 0, time.Local) }
	c, err := st.CreateClient(ctx, model.Client{Name: "Ana Diaz", CaseNumber: "A-1", SupervisionType: model.SupervisionParole,
		Level: model.LevelHigh, Status: model.StatusActive, CreatedAt: day(0).AddDate(0, -1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []model.CheckIn{
		{ClientID: c.ID, At: day(9), Type: model.ContactOffice, Outcome: model.OutcomeCompleted, Test: model.TestPositive,
			Substances: []string{"opioids"}, Note: "Relapsed last week.", Sensitive: true},
		{ClientID: c.ID, At: day(15), Type: model.ContactPhone, Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: "=cmd"},
	} {
		if _, err := st.AddCheckIn(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// runCLI runs the command as main does and returns its exit status and
// output.
func runCLI(t *testing.T, stdout *os.File, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	if stdout != nil {
		e.stdout = stdout
	}
	code := run(context.Background(), args, e)
	return code, out.String(), errOut.String()
}

func exportLog(t *testing.T, db string) []model.Export {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Exports(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestExportWritesAPrivateFileAndRecordsIt(t *testing.T) {
	db := exportFixture(t)
	out := filepath.Join(t.TempDir(), "day.csv")
	code, stdout, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "--format", "csv", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	content, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", info.Mode().Perm())
	}
	if !strings.Contains(stdout, "wrote 2 records of 1 client to "+out) {
		t.Errorf("stdout = %q, want where it wrote and how many records", stdout)
	}
	if !bytes.Contains(content, []byte("'=cmd")) {
		t.Error("the formula in a note was not neutralised")
	}
	log := exportLog(t, db)
	sum := sha256.Sum256(content)
	if len(log) != 1 || log[0].SHA256 != hex.EncodeToString(sum[:]) || log[0].Destination != out ||
		log[0].Format != "csv" || log[0].Records != 2 || log[0].Redacted {
		t.Errorf("export log = %+v, want one csv export of 2 records with the file's digest", log)
	}
}

func TestExportNeverReplacesAFileWithoutForce(t *testing.T) {
	db := exportFixture(t)
	out := filepath.Join(t.TempDir(), "day.md")
	if err := os.WriteFile(out, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", out)
	if code != 1 || !strings.Contains(stderr, "--force") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want 1 and one line that names --force", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "earlier" {
		t.Errorf("the file was replaced: %q", got)
	}
	if log := exportLog(t, db); len(log) != 0 {
		t.Errorf("a refused export was recorded: %+v", log)
	}
	code, _, stderr = runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", out, "--force")
	if code != 0 {
		t.Fatalf("with --force: exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.HasPrefix(got, []byte("# Session summary")) {
		t.Errorf("with --force the file holds %.40q", got)
	}
}

func TestExportBadInputFailsWithOneLineAndLeavesNothing(t *testing.T) {
	db := exportFixture(t)
	dir := t.TempDir()
	aFile := filepath.Join(dir, "a-file")
	if err := os.WriteFile(aFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"from after to", []string{"--from", "2025-06-11", "--to", "2025-06-10"}, 2, "--from 2025-06-11 is after --to 2025-06-10"},
		{"from in the future", []string{"--from", "2999-01-01"}, 2, "after its end"},
		{"not a date", []string{"--from", "next tuesday-ish"}, 2, "not a day"},
		{"unknown format", []string{"--format", "pdf"}, 2, "unknown format"},
		{"unknown client", []string{"--from", "2025-06-10", "--client", "Z-9"}, 1, `no client with case number "Z-9"`},
		{"unwritable path", []string{"--from", "2025-06-10", "--to", "2025-06-10", "-o", filepath.Join(aFile, "day.md")}, 1, "not a directory"},
		{"missing directory", []string{"--from", "2025-06-10", "--to", "2025-06-10", "-o", filepath.Join(dir, "gone", "day.md")}, 1, "no such file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"export", "--db", db, "-o", filepath.Join(dir, "day.md")}, c.args...)
			code, _, stderr := runCLI(t, nil, args...)
			if code != c.code || !strings.Contains(stderr, c.says) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line saying %q", code, stderr, c.code, c.says)
			}
			if list, _ := os.ReadDir(dir); len(list) != 1 {
				t.Errorf("the directory holds %d entries, want only the file it had", len(list))
			}
		})
	}
	if log := exportLog(t, db); len(log) != 0 {
		t.Errorf("failed exports were recorded: %+v", log)
	}
}

// TestExportToAFullDiskRecordsNothing sends the summary to /dev/full, where
// every write fails as on a full disk.
func TestExportToAFullDiskRecordsNothing(t *testing.T) {
	db := exportFixture(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatalf("/dev/full is needed to simulate a full disk: %v", err)
	}
	defer full.Close()
	code, _, stderr := runCLI(t, full, "export", "--db", db, "--from", "2025-06-10", "-o", "-")
	if code != 1 || !strings.Contains(stderr, "no space left on device") {
		t.Errorf("exit %d, stderr %q; want 1 and the cause", code, stderr)
	}
	if log := exportLog(t, db); len(log) != 0 {
		t.Errorf("an export that never arrived was recorded: %+v", log)
	}
}

func TestExportToStdoutCarriesTheNoticeUnlessRedacted(t *testing.T) {
	db := exportFixture(t)
	for _, redact := range []bool{false, true} {
		args := []string{"export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "--client", "a-1"}
		if redact {
			args = append(args, "--redact")
		}
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if got := strings.Contains(stdout, model.Part2NoticeTitle); got == redact {
			t.Errorf("redact=%v: notice present = %v", redact, got)
		}
		if got := strings.Contains(stdout, "opioids") || strings.Contains(stdout, "Relapsed"); got == redact {
			t.Errorf("redact=%v: protected text present = %v", redact, got)
		}
		if !strings.Contains(stdout, "Client: A-1") {
			t.Errorf("the header does not name the client")
		}
	}
	log := exportLog(t, db)
	if len(log) != 2 || log[0].Destination != "stdout" || log[0].ClientID == "" || !log[0].Redacted {
		t.Errorf("export log = %+v, want two one-client exports to stdout, the latest redacted", log)
	}
}

func TestExportRunsSinceTheLastExportByDefault(t *testing.T) {
	db := exportFixture(t)
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCLI(t, nil, "export", "--db", db); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	log := exportLog(t, db)
	if len(log) != 2 {
		t.Fatalf("%d exports recorded, want 2", len(log))
	}
	first, second := log[1], log[0]
	if !first.From.Equal(model.StartOfDay(first.At)) {
		t.Errorf("the first export runs from %v, want the start of today", first.From)
	}
	if !second.From.Equal(first.At) {
		t.Errorf("the second export runs from %v, want the first's time %v", second.From, first.At)
	}
}

func TestParseDay(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)
	cases := map[string]string{
		"2026-02-14": "2026-02-14",
		"today":      "2026-03-01",
		" Today ":    "2026-03-01",
		"yesterday":  "2026-02-28",
		"-7d":        "2026-02-22",
		"-0d":        "2026-03-01",
	}
	for in, want := range cases {
		got, err := parseDay(in, now)
		if err != nil || got.String() != want {
			t.Errorf("parseDay(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "2026-02-30", "7d", "-d", "tomorrow\x1b[2J", "-99999d"} {
		if _, err := parseDay(bad, now); err == nil {
			t.Errorf("parseDay(%q) accepted", bad)
		} else if strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("parseDay(%q) error carries a terminal escape", bad)
		}
	}
}

func TestExportToTodayEndsNow(t *testing.T) {
	db := exportFixture(t)
	before := time.Now().Truncate(time.Millisecond) // the log keeps milliseconds
	if code, _, stderr := runCLI(t, nil, "export", "--db", db, "--from", "yesterday", "--to", "today"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	log := exportLog(t, db)
	if len(log) != 1 || log[0].To.After(time.Now()) || log[0].To.Before(before) {
		t.Errorf("export log = %+v, want a range ending now, not at midnight to come", log)
	}
	if want := model.StartOfDay(before).AddDate(0, 0, -1); !log[0].From.Equal(want) {
		t.Errorf("range starts %v, want %v", log[0].From, want)
	}
}

// TestExportIntoAFolderThatCannotBeSyncedIsRecorded: in a folder this
// account may write into but not read, the summary is put in place whole
// and only the folder's sync fails. The export is recorded and reported
// as written, and the command fails with the warning: the file is there,
// and saying nothing was written would be untrue.
func TestExportIntoAFolderThatCannotBeSyncedIsRecorded(t *testing.T) {
	db := exportFixture(t)
	out := filepath.Join(unsyncableFolder(t, db), "day.md")
	code, stdout, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", out)
	if code != 1 || !strings.Contains(stdout, "wrote 2 records of 1 client to "+out) ||
		!strings.Contains(stderr, "the file is in place, but the folder's sync failed") || !strings.Contains(stderr, "the export log records it") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, the file written, and the warning", code, stdout, stderr)
	}
	content, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(content, []byte("# Session summary")) {
		t.Fatalf("the file holds %.40q (%v)", content, err)
	}
	log := exportLog(t, db)
	if sum := sha256.Sum256(content); len(log) != 1 || log[0].Destination != out || log[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("export log = %+v, want the file written, with its digest", log)
	}
}

// unsyncableFolder makes, beside db, a folder the test may write into but
// not read (mode 0300), and runs the rest of the test as an unprivileged
// account: a file is put in it whole, and the folder's sync then fails.
func unsyncableFolder(t *testing.T, db string) string {
	t.Helper()
	dir := filepath.Join(filepath.Dir(db), "drop-box")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	privtest.Drop(t, filepath.Dir(db))
	if err := os.Chmod(dir, 0o300); err != nil { // write and search, no read
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	return dir
}

// TestExportWhoseLogFailsSaysTheFileIsThere: when the export log cannot
// record a summary already in place, the command fails saying where the
// unrecorded file is; and when the folder's sync failed as well, it says
// both, neither failure hiding the other. A trigger refuses every entry of
// the log, as a failing disk would refuse the write.
func TestExportWhoseLogFailsSaysTheFileIsThere(t *testing.T) {
	for _, synced := range []bool{true, false} {
		name := map[bool]string{true: "the folder synced", false: "the folder not synced"}[synced]
		t.Run(name, func(t *testing.T) {
			db := exportFixture(t)
			sqlExec(t, db, `CREATE TRIGGER refuse_exports BEFORE INSERT ON exports
				BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`)
			dir := filepath.Dir(db)
			if !synced {
				dir = unsyncableFolder(t, db)
			}
			out := filepath.Join(dir, "day.md")
			code, stdout, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", out)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing said to have been written and logged", code, stdout)
			}
			for _, want := range []string{"the summary was written to " + out + " but the export log could not record it",
				"the disk refused the write"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q does not say %q", stderr, want)
				}
			}
			if sync := "the file is in place, but the folder's sync failed"; strings.Contains(stderr, sync) == synced {
				t.Errorf("stderr %q: saying %q is %v, want %v", stderr, sync, synced, !synced)
			}
			if strings.Contains(stderr, "the export log records it") {
				t.Errorf("stderr %q says the log records a summary it refused", stderr)
			}
			content, err := os.ReadFile(out)
			if err != nil || !bytes.HasPrefix(content, []byte("# Session summary")) {
				t.Fatalf("the file holds %.40q (%v)", content, err)
			}
			if log := exportLog(t, db); len(log) != 0 {
				t.Errorf("export log = %+v, want nothing: the trigger refuses every entry", log)
			}
		})
	}
}
