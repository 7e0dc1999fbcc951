package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// schemaQuery lists the file's tables, indexes and triggers with their SQL.
const schemaQuery = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema"

func hasIndex(t *testing.T, s *store.Store, name string) bool {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n == 1
}

// TestFillNewBuildsTheTimeIndexesAtItsEnd: a fill that writes without the
// indexes in time order (TestAFillWritesWithoutTheTimeIndexes) builds them
// before it commits: the file then has the schema of a new file, every index
// agrees with its table, and the reports that read those indexes by name
// find them. (A fill that fails leaves them as they were:
// TestFillNewFailingWritesNothing.)
func TestFillNewBuildsTheTimeIndexesAtItsEnd(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"), store.WithClock(func() time.Time { return testNow }))
	before := tableText(t, s, schemaQuery)
	for _, name := range store.TimeIndexes {
		if !hasIndex(t, s, name) {
			t.Errorf("%s is not an index of a new file: the fill would not build it at the end", name)
		}
	}

	now := model.StartOfDay(testNow)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 30, Resources: 8, Seed: 3, Now: now}); err != nil {
		t.Fatal(err)
	}
	if after := tableText(t, s, schemaQuery); !slices.Equal(after, before) {
		t.Errorf("after a fill the schema differs from a new file's: %s", firstDifference(before, after))
	}
	var check string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check after the fill: %q, %v", check, err)
	}
	// The week's figures and the workload read the time indexes by name.
	var inWeek, fromIndex int
	weekAgo := now.AddDate(0, 0, -7).UTC().Format("2006-01-02")
	if err := s.DB().QueryRow("SELECT count(*) FROM checkins NOT INDEXED WHERE at >= ?", weekAgo).Scan(&inWeek); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().QueryRow("SELECT count(*) FROM checkins INDEXED BY checkins_by_time WHERE at >= ?", weekAgo).Scan(&fromIndex); err != nil {
		t.Fatal(err)
	}
	if inWeek == 0 || fromIndex != inWeek {
		t.Errorf("the last week's check-ins: %d by the time index, %d in the table; want the same, not none", fromIndex, inWeek)
	}
}
