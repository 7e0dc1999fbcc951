package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/model"
	"caseload/store"
)

// A file from before migration 0017 kept the contact intervals, caseload
// standards and response ladders among its own settings; opening it moves
// them to the agency's settings, each under the id every laptop gives it,
// and the officer's own settings stay where they were.
func TestTheAgencysSettingsMoveToTheirOwnTable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openAt(t, path)
	s.Close()
	db := rewindBefore(t, path, "0017_agency_settings.sql")
	// As a file of version 16 held them.
	for _, kv := range [][2]string{{"officer_name", "J. Smith"}, {"interval_high", "10"}, {"standard_low", "150"},
		{"responses", `{"sanctions":[{"key":"warn","label":"Written warning","tier":1}],"incentives":[{"key":"praise","label":"Praise","tier":1}],"matrix":{}}`}} {
		if _, err := db.Exec("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	again := openAt(t, path)
	set, err := again.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.OfficerName != "J. Smith" || set.Intervals.Days(model.LevelHigh) != 10 || set.Standards.PerOfficer(model.LevelLow) != 150 {
		t.Errorf("after the move the settings read %+v", set)
	}
	if r, err := again.ResponseSettings(ctx); err != nil || len(r.Sanctions) != 1 || r.Sanctions[0].Label != "Written warning" {
		t.Errorf("after the move the response ladders read %+v, %v", r, err)
	}
	var left, moved int
	db = again.DB()
	if err := db.QueryRow("SELECT count(*) FROM settings WHERE key IN ('interval_high', 'standard_low', 'responses')").Scan(&left); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT count(*) FROM agency_settings WHERE id = ? AND name = 'interval_high' AND value = '10'",
		store.AgencySettingID("interval_high")).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if left != 0 || moved != 1 {
		t.Errorf("%d agency settings left among the file's own, %d interval_high moved under its id", left, moved)
	}
}

// A contact interval or standard for a level this version does not know
// (one a later version added, pulled from the agency's server) is left
// aside, not an error that would stop every write.
func TestASettingForALevelThisVersionDoesNotKnowIsLeftAside(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	for _, name := range []string{"interval_enhanced", "standard_enhanced"} {
		if _, err := s.DB().ExecContext(ctx, "INSERT INTO agency_settings (id, name, value, created_at, updated_at) VALUES (?, ?, '5', '', '')",
			store.AgencySettingID(name), name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Settings(ctx); err != nil {
		t.Errorf("settings with a level this version does not know: %v", err)
	}
	if _, err := s.CreateClient(ctx, newClient("A-1")); err != nil {
		t.Errorf("a write with a level this version does not know among the intervals: %v", err)
	}
}
