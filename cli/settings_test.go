package cli

import (
	"context"
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
