package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// A whole caseload pulled onto an empty laptop, in pages as a first sync
// brings it, works out to what the laptop it came from holds: the same
// records, and the same summaries, spells and counters derived from them
// (the pulled records go in many to a statement, the clients summed up
// together).
func TestACaseloadPulledOntoAnEmptyLaptopSumsUpAsItsSource(t *testing.T) {
	ctx := context.Background()
	src := openAt(t, demoFile(t, 40))
	dst := openAt(t, filepath.Join(t.TempDir(), "new.db"))
	if _, err := dst.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	stamp := model.NewClock("source-laptop", model.HLC{}).Now(testNow.Add(-time.Hour))
	tx := 0
	for _, table := range store.SyncTables() {
		rows := sourceRows(t, src, table, stamp)
		for len(rows) > 0 {
			n := min(len(rows), 130) // pages of two whole chunks and some
			tx++
			if _, err := dst.ApplyPulled(ctx, table, rows[:n], store.Cursor{TxID: fmt.Sprint(tx), RowID: "x"}); err != nil {
				t.Fatalf("pull %s: %v", table.Name, err)
			}
			rows = rows[n:]
		}
	}
	if n, err := dst.RefreshStale(ctx); err != nil || n != 40 {
		t.Fatalf("summed up %d clients (%v), want 40", n, err)
	}
	for _, q := range []string{
		`SELECT id, last_contact_at, last_contact_type, last_completed_at, next_appointment_at, current_stage,
			current_stage_at, next_due_at, open_referrals FROM clients`,
		`SELECT client_id, due_at, due_day_at, overdue_from_at, from_at, until_at FROM due_spells`,
		`SELECT client_id, stage, from_at, until_at FROM stage_spells`,
		`SELECT day, kind, n FROM due_days WHERE n <> 0`,
		`SELECT day, type, outcome, test_result, n FROM checkin_days WHERE n <> 0`,
		`SELECT id, done FROM conditions`,
		`SELECT count(*) FROM checkins`,
		`SELECT count(*) FROM condition_progress`,
		`SELECT id, answered FROM violations`,
		`SELECT kind, record_id, client_id, body FROM notes_fts`,
		`SELECT client_id, at, status, delta FROM client_status_changes`,
	} {
		want, got := tableText(t, src, q), tableText(t, dst, q)
		if len(want) == 0 {
			t.Errorf("the source holds nothing for %s", q)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("pulled file differs from its source for\n%s\n%s", q, firstDifference(want, got))
		}
	}
	if problems, err := dst.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check of the pulled file: %v %v", problems, err)
	}
}

// sourceRows reads a table's records as a first pull brings them: in the
// order they were written, every field of a record that changes under one
// stamp, and the officer the server keeps.
func sourceRows(t *testing.T, s *store.Store, table store.SyncTable, stamp model.HLC) []store.PulledRow {
	t.Helper()
	q := "SELECT " + strings.Join(table.Columns, ", ") + " FROM " + table.Name + " ORDER BY id"
	if table.StandIns {
		q = "SELECT " + strings.Join(table.Columns, ", ") + " FROM " + table.Name + " WHERE provisional = 0 ORDER BY id"
	}
	rows, err := s.DB().QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("read %s: %v", table.Name, err)
	}
	defer rows.Close()
	var out []store.PulledRow
	for rows.Next() {
		vals := make([]any, len(table.Columns))
		dest := make([]any, len(vals))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		row := store.PulledRow{Values: map[string]any{}}
		for i, c := range table.Columns {
			row.Values[c] = vals[i]
		}
		for _, c := range table.Server {
			row.Values[c] = "officer_source"
		}
		if table.Changes {
			row.Stamps = map[string]model.HLC{}
			for _, f := range table.Fields() {
				row.Stamps[f] = stamp
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// tableText is a query's rows as sorted lines of text.
func tableText(t *testing.T, s *store.Store, q string) []string {
	t.Helper()
	rows, err := s.DB().QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		dest := make([]any, len(vals))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(vals...))
	}
	sort.Strings(out)
	return out
}

// firstDifference shows where two sorted listings part.
func firstDifference(want, got []string) string {
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			return fmt.Sprintf("line %d: want %q, got %q (%d lines against %d)", i, want[i], got[i], len(want), len(got))
		}
	}
	return fmt.Sprintf("%d lines against %d", len(want), len(got))
}
