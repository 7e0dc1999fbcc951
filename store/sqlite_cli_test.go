package store

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

// TestFileReadsInTheSqlite3Tool checks the file as an officer's IT support
// would see it with the standard sqlite3 tool: WAL mode, sound, with its
// tables and triggers.
func TestFileReadsInTheSqlite3Tool(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Fatal("this test needs the sqlite3 command-line tool: run `make test`, which installs it, or install sqlite3")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, model.Client{Name: "Ann Lee", CaseNumber: "A-1", SupervisionType: model.SupervisionProbation,
		Level: model.LevelHigh, Status: model.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(ctx, homeVisit(c.ID, time.Now().Add(-time.Hour))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, err := exec.Command(sqlite3, path,
		"PRAGMA journal_mode;",
		"PRAGMA integrity_check;",
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('clients','checkins','stage_notes','resources','referrals','referral_events','amendments','settings','audit_log');",
		"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%no_update';",
		"SELECT count(*) FROM checkins;",
	).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	if got, want := strings.Fields(string(out)), []string{"wal", "ok", "9", "14", "1"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sqlite3 says %q, want %q", got, want)
	}
}
