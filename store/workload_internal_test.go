package store

import (
	"strings"
	"testing"

	"caseload/model"
)

// The checkins_signals index and the signals query name the test results
// that show use in SQL; they must be the model's.
func TestUseIndicatedInSQLIsTheModelRule(t *testing.T) {
	var want []string
	for _, o := range model.TestResults() {
		if o.Value.UseIndicated() {
			want = append(want, "'"+string(o.Value)+"'")
		}
	}
	if got := strings.Join(want, ", "); got != useIndicated {
		t.Errorf("SQL lists %s, the model %s", useIndicated, got)
	}
	body, err := migrationFiles.ReadFile("migrations/0006_workload.sql")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "test_result IN ("+useIndicated+")") {
		t.Errorf("the checkins_signals index does not list %s", useIndicated)
	}
}

// The referral_events_closing index is written with openStatuses, which
// must be the model's open states.
func TestOpenStatusesInSQLAreTheModelRule(t *testing.T) {
	var want []string
	for _, o := range model.ReferralStatuses() {
		if o.Value.Open() {
			want = append(want, "'"+string(o.Value)+"'")
		}
	}
	if got := strings.Join(want, ","); got != openStatuses {
		t.Errorf("SQL lists %s, the model %s", openStatuses, got)
	}
	body, err := migrationFiles.ReadFile("migrations/0006_workload.sql")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(body), "IN ("+openStatuses+")") != 2 {
		t.Errorf("the referral_events_closing index does not list %s", openStatuses)
	}
}

// The last 30 days' flags and tests are counted from the checkins_signals
// index alone: looked up in the table, each row of the range would be a
// read somewhere in the file.
func TestRecentSignalsAreReadFromTheIndexAlone(t *testing.T) {
	st := openSummaryStore(t)
	plan := strings.Join(queryPlan(t, st.db, recentSignalsRead, "2026-11-01"), "; ")
	if !strings.Contains(plan, "SEARCH k USING COVERING INDEX checkins_signals") {
		t.Errorf("the signals read: %s; want the checkins_signals index alone", plan)
	}
}

// This month's screenings of one instrument are picked on the time index,
// which carries the instrument: by time alone, every screening of the month
// would be looked up in the table to read its instrument.
func TestScreeningsOfTheMonthArePickedOnTheIndex(t *testing.T) {
	st := openSummaryStore(t)
	plan := strings.Join(queryPlan(t, st.db, screeningsOfMonthRead, model.InstrumentPHQ9, "2026-11-01", "2026-11-20"), "; ")
	if !strings.Contains(plan, "SEARCH screenings USING INDEX screenings_by_time (at>? AND at<?)") {
		t.Fatalf("the screenings read: %s; want a range of screenings_by_time", plan)
	}
	var got string
	err := st.db.QueryRow("SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info('screenings_by_time') ORDER BY seqno)").Scan(&got)
	if err != nil {
		t.Fatal(err)
	}
	if got != "at, instrument" {
		t.Errorf("screenings_by_time holds %s; want at, instrument", got)
	}
}
