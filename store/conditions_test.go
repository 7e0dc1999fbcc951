package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

func openEmpty(t *testing.T) *store.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
}

func TestNewClientsConditionsBecomeRecordsOnce(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	c := newClient("C-1")
	c.Conditions = "Complete 40 hours community service\nReport as directed"
	c, err := s.CreateClient(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	c.Conditions += "; Pay fines $300"
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	list, err := s.Conditions(ctx, c.ID, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cs := range list {
		got = append(got, string(cs.Condition.Kind)+":"+cs.Condition.Wording)
	}
	want := "community_service:Complete 40 hours community service|report:Report as directed|payment:Pay fines $300"
	if strings.Join(got, "|") != want {
		t.Errorf("conditions = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestProgressAddsUpAndTheHistoryStays(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	c, err := s.CreateClient(ctx, newClient("C-2"))
	if err != nil {
		t.Fatal(err)
	}
	cd, err := s.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionCommunityWork,
		Wording: "Complete 40 hours of community service", OrderedOn: model.Date{Year: 2026, Month: 1, Day: 5},
		DueBy: model.Date{Year: 2026, Month: 3, Day: 1}, Target: 40 * 60})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []int64{8 * 60, 18 * 60} {
		if _, err := s.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressHours, Amount: h,
			At: testNow.Add(-time.Hour), Where: "Food bank"}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Conditions(ctx, c.ID, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if p := list[0].Progress; p.Text != "26 of 40 hours, due 1 Mar" || !p.Behind || list[0].Condition.Status != model.ConditionInProgress {
		t.Errorf("progress %+v, status %s", p, list[0].Condition.Status)
	}
	// A payment does not go on hours; the store refuses it, nothing written.
	_, err = s.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressPayment, Amount: 100, At: testNow})
	if model.FieldErrors(err).For(model.FieldType) == "" {
		t.Errorf("a payment on hours: %v", err)
	}
	if _, err := s.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressStatus,
		Status: model.ConditionNotCompliant, Note: "No hours since January", At: testNow}); err != nil {
		t.Fatal(err)
	}
	_, sum, err := s.Client(ctx, c.ID)
	if err != nil || sum.NotCompliant != 1 {
		t.Errorf("not-compliant count %d (%v), want 1", sum.NotCompliant, err)
	}
	entries, err := s.ConditionEntries(ctx, cd.ID)
	if err != nil || len(entries) != 3 || entries[2].From != model.ConditionInProgress {
		t.Fatalf("entries %+v, %v", entries, err)
	}
	for _, stmt := range []string{
		`UPDATE condition_progress SET amount = 9999`,
		`DELETE FROM condition_progress`,
		`UPDATE conditions SET wording = 'Complete 4 hours'`,
		`UPDATE conditions SET target = 60`,
		`DELETE FROM conditions`,
	} {
		if err := execRaw(t, s, stmt); err == nil {
			t.Errorf("%s was allowed", stmt)
		}
	}
	if n := auditCount(t, s, "condition_progress"); n != 3 {
		t.Errorf("%d audit rows for progress, want 3", n)
	}
}

func TestPaymentPlanComesDueOnTheAgenda(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	c, err := s.CreateClient(ctx, newClient("C-3"))
	if err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(testNow) // 10 Mar 2026
	cd, err := s.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionPayment, Wording: "Pay restitution of $600",
		OrderedOn: today.AddDays(-60), Target: 60000, Instalment: 10000, FirstInstalmentOn: model.Date{Year: 2026, Month: 2, Day: 15},
		Status: model.ConditionInProgress})
	if err != nil {
		t.Fatal(err)
	}
	sections, err := s.ComplianceAgenda(ctx, testNow, 10)
	if err != nil {
		t.Fatal(err)
	}
	due := sections[1]
	if due.Kind != model.AgendaConditionDue || due.Total != 1 || len(due.Items) != 1 {
		t.Fatalf("conditions due: %+v", due)
	}
	if it := due.Items[0]; it.Due != (model.Date{Year: 2026, Month: 2, Day: 15}) || it.Owed != 10000 ||
		it.ProgressText != "$0.00 of $600.00, next $100.00 due 15 Feb" || it.CaseNumber != "C-3" {
		t.Errorf("item %+v", it)
	}
	// Paying February and March moves the next instalment to 15 April,
	// beyond the 14 days: off the agenda.
	if _, err := s.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressPayment, Amount: 20000,
		Receipt: "R-1001", At: testNow}); err != nil {
		t.Fatal(err)
	}
	sections, err = s.ComplianceAgenda(ctx, testNow, 10)
	if err != nil || sections[1].Total != 0 {
		t.Errorf("after paying: %+v, %v", sections[1], err)
	}
}

func TestViolationResponseAndTheLadder(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	cl := newClient("C-4")
	cl.Level = model.LevelHigh
	c, err := s.CreateClient(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	first := model.Violation{ClientID: c.ID, Kind: model.ViolationCurfew, At: testNow.AddDate(0, 0, -20),
		Seriousness: model.SeriousnessMedium, Description: "Out at 1am per monitor"}
	sug, err := s.SuggestResponse(ctx, first)
	if err != nil || sug.Step.Key != "increased_reporting" {
		t.Fatalf("first suggestion %+v, %v", sug, err)
	}
	first, err = s.RecordViolation(ctx, first, nil)
	if err != nil {
		t.Fatal(err)
	}
	sections, err := s.ComplianceAgenda(ctx, testNow, 10)
	if err != nil || sections[2].Total != 1 || sections[2].Items[0].Violation.ID != first.ID {
		t.Fatalf("unanswered: %+v, %v", sections[2], err)
	}
	if _, err := s.AddResponse(ctx, model.Response{ViolationID: first.ID, ClientID: c.ID, StepKey: "increased_reporting",
		Suggested: sug.Step.Key, At: testNow.AddDate(0, 0, -19)}); err != nil {
		t.Fatal(err)
	}
	sections, _ = s.ComplianceAgenda(ctx, testNow, 10)
	if sections[2].Total != 0 {
		t.Errorf("answered violation still on the agenda: %+v", sections[2])
	}
	second := model.Violation{ClientID: c.ID, Kind: model.ViolationCurfew, At: testNow.Add(-time.Hour), Seriousness: model.SeriousnessMedium}
	sug, err = s.SuggestResponse(ctx, second)
	if err != nil || sug.Step.Key != "curfew" {
		t.Fatalf("second suggestion %+v, %v: want the next step up", sug, err)
	}
	resp := &model.Response{StepKey: sug.Step.Key, Suggested: sug.Step.Key, Note: "Curfew 8pm for 30 days"}
	if second, err = s.RecordViolation(ctx, second, resp); err != nil {
		t.Fatal(err)
	}
	if resp.StepLabel != "Curfew" || resp.Tier != 2 || resp.ViolationID != second.ID {
		t.Errorf("response saved as %+v", resp)
	}
	// A response to a step not on the ladder leaves no violation behind.
	before := countRows(t, s, "violations")
	_, err = s.RecordViolation(ctx, model.Violation{ClientID: c.ID, Kind: model.ViolationOther, At: testNow, Seriousness: model.SeriousnessLow},
		&model.Response{StepKey: "stocks"})
	if model.FieldErrors(err).For(model.FieldStep) == "" || countRows(t, s, "violations") != before {
		t.Errorf("bad response: %v; violations %d → %d", err, before, countRows(t, s, "violations"))
	}
	for i := 0; i < 3; i++ {
		if _, err := s.AddIncentive(ctx, model.Incentive{ClientID: c.ID, StepKey: "praise", Reason: "Kept every appointment",
			At: testNow.AddDate(0, 0, -i)}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.IncentiveRatio(ctx, c.ID, testNow)
	if err != nil || r != (model.Ratio{Incentives: 3, Sanctions: 2}) {
		t.Errorf("ratio %+v, %v", r, err)
	}
	if err := execRaw(t, s, `UPDATE violations SET seriousness = 'low'`); err == nil {
		t.Error("a violation was changed")
	}
	if err := execRaw(t, s, `UPDATE violations SET answered = 0`); err == nil {
		t.Error("a response was undone")
	}
}

func TestCheckInAndItsViolationAreOneSave(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	cl := newClient("C-5")
	cl.Conditions = "Complete 20 hours community service"
	c, err := s.CreateClient(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	conds, _ := s.Conditions(ctx, c.ID, model.DateOf(testNow))
	k := model.CheckIn{ClientID: c.ID, At: testNow.Add(-time.Hour), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestPositive, Substances: []string{"cocaine"}}
	v, ok := model.ViolationFromCheckIn(k)
	if !ok {
		t.Fatal("a positive test offers no violation")
	}
	v.Seriousness = "grave" // invalid: the whole save must fail
	x := store.CheckInExtras{Violation: &v, Progress: []model.ProgressEntry{{ConditionID: conds[0].Condition.ID,
		Kind: model.ProgressHours, Amount: 120}}}
	if _, err := s.AddCheckInWith(ctx, k, x); err == nil {
		t.Fatal("an invalid violation was saved")
	}
	if countRows(t, s, "checkins") != 0 || countRows(t, s, "condition_progress") != 0 {
		t.Fatal("a failed save left a check-in or progress behind")
	}
	v.Seriousness = model.SeriousnessMedium
	saved, err := s.AddCheckInWith(ctx, k, x)
	if err != nil {
		t.Fatal(err)
	}
	if x.Violation.CheckInID != saved.ID || x.Violation.ID == "" || x.Progress[0].ID == "" {
		t.Errorf("violation %+v, progress %+v", x.Violation, x.Progress[0])
	}
	conds, _ = s.Conditions(ctx, c.ID, model.DateOf(testNow))
	if conds[0].Progress.Text != "2 of 20 hours" {
		t.Errorf("progress %q", conds[0].Progress.Text)
	}
}

func TestCourtEventsComeOnTheAgendaAndTakeAnOutcome(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	c, err := s.CreateClient(ctx, newClient("C-6"))
	if err != nil {
		t.Fatal(err)
	}
	soon := model.CourtEvent{ClientID: c.ID, Kind: model.CourtReview, At: testNow.AddDate(0, 0, 6), Court: "District Court",
		Courtroom: "4B", Judge: "Hon. R. Alvarez", OfficerAttends: true, ReportDueOn: model.DateOf(testNow.AddDate(0, 0, 3))}
	if soon, err = s.AddCourtEvent(ctx, soon); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCourtEvent(ctx, model.CourtEvent{ClientID: c.ID, Kind: model.CourtStatusConference, At: testNow.AddDate(0, 0, 20)}); err != nil {
		t.Fatal(err)
	}
	sections, err := s.ComplianceAgenda(ctx, testNow, 10)
	if err != nil || sections[0].Total != 1 || sections[0].Items[0].Court.ID != soon.ID || !sections[0].Items[0].Court.OfficerAttends {
		t.Fatalf("court: %+v, %v", sections[0], err)
	}
	soon.Outcome = model.CourtContinued
	if _, err := s.UpdateCourtEvent(ctx, soon); model.FieldErrors(err).For(model.FieldCourtResult) == "" {
		t.Errorf("an outcome before the hearing: %v", err)
	}
	other := soon
	other.ClientID = "someone-else"
	other.Outcome = ""
	if _, err := s.UpdateCourtEvent(ctx, other); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("moving a hearing to another client: %v", err)
	}
}

func countRows(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// execRaw runs a statement straight on the file, as another tool would.
func execRaw(t *testing.T, s *store.Store, stmt string) error {
	t.Helper()
	_, err := s.DB().Exec(stmt)
	return err
}

func auditCount(t *testing.T, s *store.Store, entity string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM audit_log WHERE entity = ?`, entity).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
