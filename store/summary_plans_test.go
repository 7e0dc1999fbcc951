package store

import (
	"strings"
	"testing"
	"time"
)

// A summary of one day must read that day's records by an index, for the
// whole caseload and for one client: a scan reads every record the file
// holds, however short the range (a one-day export of a 10,000-client
// caseload read all 20,000 conditions before the time indexes).
func TestSummaryReadsUseAnIndex(t *testing.T) {
	st := openSummaryStore(t)
	for _, oneClient := range []bool{false, true} {
		reads := complianceReads(oneClient)
		args := []any{"2026-11-19", "2026-11-20"}
		if oneClient {
			args = append(args, "0")
		}
		for _, query := range append(reads.all(), summaryClientQuery) {
			if query == summaryClientQuery {
				args = []any{"2026-11-19", "2026-11-20", "[]"}
			}
			plan := queryPlan(t, st.db, query, args...)
			for _, step := range plan {
				// A scan of a table-valued function (the list of ids the
				// query is given) reads only that list.
				if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, "VIRTUAL TABLE") {
					t.Errorf("one client %v: %q scans:\n%s\nplan: %s", oneClient, step, query, strings.Join(plan, "; "))
				}
			}
		}
	}
}

// The progress before a summary's range only adds up: it is read from the
// condition's index alone, not from one table page per entry.
func TestSummaryProgressTotalsAreReadFromTheIndexAlone(t *testing.T) {
	st := openSummaryStore(t)
	plan := queryPlan(t, st.db, progressTotalsRead, `["a","b"]`, "2026-11-19")
	if !strings.Contains(strings.Join(plan, "; "), "USING COVERING INDEX condition_progress_by_condition") {
		t.Errorf("the progress totals read: %s; want the condition's covering index", strings.Join(plan, "; "))
	}
}

// A summary reads a range's rows in the order they lie in the file: the
// time index (or the client's) gives the rowids alone, and the rows are then
// looked up by rowid from the sorted list, not one by one in the index's
// order, which reads the table's upper pages again for every row once the
// small cache of a short command is full.
func TestSummaryRangesAreReadInRowOrder(t *testing.T) {
	st := openSummaryStore(t)
	q := SummaryQuery{From: time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	for _, clientID := range []string{"", "0"} {
		q.ClientID = clientID
		for _, r := range []struct{ table, alias, also string }{
			{"checkins", "k", evenRows}, {"checkins", "k", ""}, {"stage_notes", "n", ""},
			{"referral_events", "e", ""}, {"screenings", "sc", ""},
		} {
			where, args := rangeWhere(q, r.table, r.alias, r.also)
			query := "SELECT " + r.alias + ".* FROM " + r.table + " " + r.alias + " WHERE " + where
			assertReadInRowOrder(t, st, r.alias, query, args...)
		}
		reads := complianceReads(clientID != "")
		args := []any{"2026-11-19", "2026-11-20"}
		if clientID != "" {
			args = append(args, clientID)
		}
		for alias, query := range map[string]string{"p": reads.progress, "ce": reads.courtEvents, "i": reads.incentives} {
			assertReadInRowOrder(t, st, alias, query, args...)
		}
	}
}

func assertReadInRowOrder(t *testing.T, st *Store, alias, query string, args ...any) {
	t.Helper()
	plan := strings.Join(queryPlan(t, st.db, query, args...), "; ")
	if !strings.Contains(plan, "SEARCH "+alias+" USING INTEGER PRIMARY KEY (rowid=?)") ||
		!strings.Contains(plan, "LIST SUBQUERY") || !strings.Contains(plan, "USING COVERING INDEX") {
		t.Errorf("%s\nplan: %s\nwant the rows looked up by rowid from a list the index alone gives", query, plan)
	}
}
