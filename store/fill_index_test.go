package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// schemaOf lists the file's tables, indexes and triggers with their SQL, in
// name order.
func schemaOf(t *testing.T, s *store.Store) []string {
	t.Helper()
	rows, err := s.DB().QueryContext(context.Background(), "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

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
// before it commits: the file then has
// the schema of a new file, every index agrees with its table, and the
// reports that read those indexes by name find them. A fill that fails
// leaves them as they were.
func TestFillNewBuildsTheTimeIndexesAtItsEnd(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"), store.WithClock(func() time.Time { return testNow }))
	before := schemaOf(t, s)
	for _, name := range store.TimeIndexes {
		if !hasIndex(t, s, name) {
			t.Errorf("%s is not an index of a new file: the fill would not build it at the end", name)
		}
	}

	boom := errors.New("boom")
	err := s.FillNew(ctx, func(w *store.Writer) error {
		if _, err := w.CreateClient(newClient("A-1")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed fill = %v, want boom", err)
	}
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Errorf("after a failed fill the schema differs from a new file's:\n%v\nwant\n%v", after, before)
	}

	now := model.StartOfDay(testNow)
	if _, err := demo.Fill(ctx, s, demo.Options{Clients: 30, Resources: 8, Seed: 3, Now: now}); err != nil {
		t.Fatal(err)
	}
	if after := schemaOf(t, s); !slices.Equal(after, before) {
		t.Errorf("after a fill the schema differs from a new file's:\n%v\nwant\n%v", after, before)
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
