package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

func TestSettingsChangeOfficerIntervalsAndExportFolder(t *testing.T) {
	db := newCaseload(t)
	dir := t.TempDir()
	code, out, errOut := cli(t, nil, "settings", "--db", db, "--officer", "P. Officer", "--interval", "high=10",
		"--interval", "low=60", "--export-dir", dir)
	if code != 0 {
		t.Fatalf("settings: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, "P. Officer") || !strings.Contains(out, dir) || !strings.Contains(out, "high       10 days") {
		t.Errorf("settings printed %q", out)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.Settings(context.Background())
	s.Close()
	if err != nil || set.OfficerName != "P. Officer" || set.ExportDir != dir ||
		set.Intervals[model.LevelHigh] != 10 || set.Intervals[model.LevelLow] != 60 || set.Intervals[model.LevelModerate] != 30 {
		t.Errorf("saved settings = %+v (%v)", set, err)
	}
	for _, bad := range [][]string{{"--interval", "high=0"}, {"--interval", "medium=10"}, {"--interval", "high"}} {
		code, _, errOut := cli(t, nil, append([]string{"settings", "--db", db}, bad...)...)
		if code != 2 || !strings.Contains(errOut, "caseload settings:") {
			t.Errorf("settings %v: exit %d, %q; want a usage error", bad, code, errOut)
		}
	}
	s, _ = store.Open(context.Background(), db)
	set, _ = s.Settings(context.Background())
	s.Close()
	if set.Intervals[model.LevelHigh] != 10 {
		t.Errorf("a refused change was saved: %+v", set.Intervals)
	}
}

// The agency's ladders and matrix: printed as a file, changed, read back;
// a file that breaks the rules is refused whole.
func TestTheAgencyChangesItsResponseLadders(t *testing.T) {
	db := newCaseload(t)
	code, out, errOut := cli(t, nil, "settings", "--print-responses", "--db", db)
	if code != 0 || !strings.Contains(out, `"verbal_warning"`) || !strings.Contains(out, `"praise"`) {
		t.Fatalf("--print-responses = %d %q %q", code, out, errOut)
	}
	changed := strings.Replace(out, `"label": "Verbal praise"`, `"label": "Praise in front of the family"`, 1)
	file := filepath.Join(t.TempDir(), "responses.json")
	if err := os.WriteFile(file, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, nil, "settings", "--responses", file, "--db", db); code != 0 || !strings.Contains(out, "8 sanctions, 5 incentives") {
		t.Fatalf("--responses = %d %q %q", code, out, errOut)
	}
	if _, out, _ := cli(t, nil, "settings", "--print-responses", "--db", db); !strings.Contains(out, "Praise in front of the family") {
		t.Fatalf("the new label is not kept: %s", out)
	}
	broken := strings.Replace(changed, `"tier": 3`, `"tier": 9`, 1)
	if err := os.WriteFile(file, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, nil, "settings", "--responses", file, "--db", db)
	if code != 2 || !strings.Contains(errOut, "tier must be 1 to 3") {
		t.Fatalf("a step of tier 9 = %d %q; want a usage error naming the rule", code, errOut)
	}
	if _, out, _ := cli(t, nil, "settings", "--print-responses", "--db", db); !strings.Contains(out, "Praise in front of the family") || strings.Contains(out, `"tier": 9`) {
		t.Fatalf("a refused file changed the ladders: %s", out)
	}
}

// In an officer's synced file the intervals, standards and responses are
// the agency's: `caseload settings` says so, a change to one is a usage
// error naming it and saves nothing, while the officer's own name saves.
func TestAnOfficersSyncedFileKeepsTheAgencysSettings(t *testing.T) {
	db := newCaseload(t)
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartSync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := s.NoteRoleKind(context.Background(), "officer"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := cli(t, nil, "settings", "--db", db)
	if code != 0 || !strings.Contains(out, "are the agency's: a supervisor sets them") {
		t.Errorf("settings = %d %q %q; want the agency's settings named", code, out, errOut)
	}
	code, _, errOut = cli(t, nil, "settings", "--db", db, "--interval", "high=10")
	if code != 2 || !strings.Contains(errOut, "interval_high") || !strings.Contains(errOut, "a supervisor changes it") {
		t.Errorf("settings --interval = %d %q; want a usage error naming the setting", code, errOut)
	}
	if code, out, errOut := cli(t, nil, "settings", "--db", db, "--officer", "P. Officer"); code != 0 || !strings.Contains(out, "P. Officer") {
		t.Errorf("settings --officer = %d %q %q; want the officer's own name saved", code, out, errOut)
	}
	s, err = store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.Settings(context.Background())
	s.Close()
	if err != nil || set.Intervals.Days(model.LevelHigh) != model.DefaultIntervals().Days(model.LevelHigh) {
		t.Errorf("after the refusal the high-risk interval is %d (%v)", set.Intervals.Days(model.LevelHigh), err)
	}
}
