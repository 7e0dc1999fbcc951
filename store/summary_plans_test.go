package store

import (
	"strings"
	"testing"
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
