package agency

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"caseload/internal/schematest"
	"caseload/model"
	"caseload/store"
)

// complianceTables are the synced tables of conditions and what follows
// them.
var complianceTables = []store.SyncTable{store.SyncConditions, store.SyncConditionProgress, store.SyncViolations,
	store.SyncResponses, store.SyncIncentives, store.SyncArrests, store.SyncCustody, store.SyncCourtEvents,
	store.SyncEmployment, store.SyncRelapsePlans}

// addCompliance records, for a client, one of every kind of compliance
// record, each changing record changed once after it was made. It returns
// the condition's id.
func (l *laptop) addCompliance(clientID string) string {
	l.t.Helper()
	ctx := context.Background()
	must := func(what string, err error) {
		l.t.Helper()
		if err != nil {
			l.t.Fatalf("%s: %v", what, err)
		}
	}
	day := func(d int) time.Time { return l.now.AddDate(0, 0, d) }
	cd, err := l.st.AddCondition(ctx, model.Condition{ClientID: clientID, Kind: model.ConditionCommunityWork,
		Wording: "Complete 40 hours community service", OrderedOn: model.DateOf(day(-60)), DueBy: model.DateOf(day(60)), Target: 2400})
	must("condition", err)
	_, err = l.st.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressHours, Amount: 300, At: day(-20), Where: "Food bank"})
	must("hours", err)
	_, err = l.st.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressStatus,
		Status: model.ConditionNotCompliant, At: day(-10), Note: "no hours for a month"})
	must("status", err)
	k := l.addCheckIn(clientID, "missed curfew twice")
	v, err := l.st.RecordViolation(ctx, model.Violation{ClientID: clientID, Kind: model.ViolationCurfew, At: day(-3),
		Seriousness: model.SeriousnessLow, CheckInID: k.ID, ConditionID: cd.ID, Description: "out after 10pm"}, nil)
	must("violation", err)
	_, err = l.st.AddResponse(ctx, model.Response{ViolationID: v.ID, ClientID: clientID, StepKey: "verbal_warning", At: day(-2)})
	must("response", err)
	_, err = l.st.RecordViolation(ctx, model.Violation{ClientID: clientID, Kind: model.ViolationMissedContact, At: day(-1),
		Seriousness: model.SeriousnessLow}, nil)
	must("unanswered violation", err)
	_, err = l.st.AddIncentive(ctx, model.Incentive{ClientID: clientID, StepKey: "praise", At: day(-1), ConditionID: cd.ID})
	must("incentive", err)
	_, err = l.st.AddArrest(ctx, model.Arrest{ClientID: clientID, At: day(-40), Agency: "City PD", Charges: "Trespass"})
	must("arrest", err)
	cu, err := l.st.AddCustody(ctx, model.Custody{ClientID: clientID, In: day(-40), Facility: "County jail"})
	must("custody", err)
	must("release", l.st.ReleaseFromCustody(ctx, cu.ID, day(-38)))
	ce, err := l.st.AddCourtEvent(ctx, model.CourtEvent{ClientID: clientID, Kind: model.CourtReview, At: day(-5), Court: "District Court"})
	must("hearing", err)
	ce.Outcome, ce.OutcomeNote = model.CourtContinued, "continued for 30 days"
	_, err = l.st.UpdateCourtEvent(ctx, ce)
	must("outcome", err)
	job, err := l.st.AddEmployment(ctx, model.Employment{ClientID: clientID, Employer: "Acme Warehouse", StartOn: model.DateOf(day(-30)), HoursPerWeek: 30})
	must("job", err)
	job.EndOn = model.DateOf(day(-4))
	_, err = l.st.UpdateEmployment(ctx, job)
	must("job ended", err)
	_, err = l.st.SaveRelapsePlan(ctx, model.RelapsePlan{ClientID: clientID, Places: []string{"The Anchor"}, Coping: []string{"Call sponsor"}})
	must("relapse plan", err)
	return cd.ID
}

// kept reads what a laptop works out for itself from its records: each
// condition's total, next due date and status, each violation's answered
// mark and each client's count of conditions not in compliance.
func (l *laptop) kept() []string {
	l.t.Helper()
	db, err := sql.Open("sqlite", "file:"+l.path+"?mode=ro")
	if err != nil {
		l.t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, q := range []string{
		"SELECT id || '|' || status || '|' || done || '|' || next_due_on FROM conditions ORDER BY id",
		"SELECT id || '|' || answered FROM violations ORDER BY id",
		"SELECT id || '|' || not_compliant FROM clients ORDER BY id",
	} {
		rows, err := db.Query(q)
		if err != nil {
			l.t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
		}
		rows.Close()
	}
	return out
}

func TestConditionsHearingsAndViolationsComeBackOnANewLaptop(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	old := s.laptop(alice)
	c := old.addClient("A-1")
	old.addCompliance(c.ID)
	old.sync()
	old.outboxEmpty()
	for _, tbl := range complianceTables {
		if len(old.rows(tbl)) == 0 {
			t.Fatalf("the fixture made no %s", tbl.Name)
		}
		sameRows(t, "server "+tbl.Name, s.serverRows(tbl), old.rows(tbl))
	}

	replacement := s.laptop(alice)
	replacement.sync()
	for _, tbl := range store.SyncTables() {
		sameRows(t, "replacement "+tbl.Name, replacement.rows(tbl), old.rows(tbl))
	}
	// What the laptop works out for itself is worked out again, the same.
	sameRows(t, "kept totals", replacement.kept(), old.kept())
	if problems, err := replacement.st.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the replacement's file fails its check: %v %v", problems, err)
	}
	if r := replacement.sync(); r.Pushed != 0 || r.Pulled != 0 {
		t.Errorf("a second sync did something: %s", describe(r))
	}

	// A change on the replacement reaches the old laptop: the condition is
	// back in compliance, the job verified.
	cds, err := replacement.st.Conditions(ctx, c.ID, model.DateOf(replacement.now))
	if err != nil || len(cds) != 1 {
		t.Fatalf("conditions on the replacement: %v %v", cds, err)
	}
	replacement.tick(time.Hour)
	if _, err := replacement.st.AddProgress(ctx, model.ProgressEntry{ConditionID: cds[0].Condition.ID, Kind: model.ProgressStatus,
		Status: model.ConditionCompliant, Note: "hours made up"}); err != nil {
		t.Fatal(err)
	}
	replacement.sync()
	old.tick(2 * time.Hour)
	old.sync()
	for _, tbl := range complianceTables {
		sameRows(t, "after the change "+tbl.Name, old.rows(tbl), replacement.rows(tbl))
	}
	sameRows(t, "kept totals after the change", old.kept(), replacement.kept())
	if problems, err := old.st.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the old laptop's file fails its check: %v %v", problems, err)
	}

	// Another officer's laptop holds none of it; the supervisor's, all.
	bob := s.laptop(s.staff(Officer, "bob", lead))
	bob.sync()
	sup := s.laptop(lead)
	sup.sync()
	for _, tbl := range complianceTables {
		if n := len(bob.rows(tbl)); n != 0 {
			t.Errorf("bob's laptop holds %d of alice's %s", n, tbl.Name)
		}
		sameRows(t, "supervisor's "+tbl.Name, sup.rows(tbl), old.rows(tbl))
	}
}

func TestAnOfficerCannotTouchAnotherOfficersConditions(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bobRole := s.staff(Officer, "bob", lead)
	c := alice.addClient("A-1")
	condition := alice.addCompliance(c.ID)
	alice.sync()

	bob := s.as(bobRole)
	for _, tbl := range complianceTables {
		if n := count(t, bob, "SELECT count(*) FROM caseload."+tbl.Name); n != 0 {
			t.Errorf("bob reads %d of alice's %s", n, tbl.Name)
		}
	}
	_, err := bob.Exec(ctx, `INSERT INTO caseload.conditions (id, client_id, kind, wording, ordered_on, status, at, created_at)
		VALUES (gen_random_uuid(), $1, 'curfew', 'Home by 9pm', '2026-12-01', 'not_started', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')`, c.ID)
	wantRefused(t, "bob adds a condition for alice's client", err, "row-level security")
	_, err = bob.Exec(ctx, `INSERT INTO caseload.condition_progress (id, condition_id, client_id, kind, at, created_at)
		VALUES (gen_random_uuid(), $1, $2, 'attended', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')`, condition, c.ID)
	wantRefused(t, "bob adds progress to alice's condition", err, "row-level security")
	tag, err := bob.Exec(ctx, `UPDATE caseload.conditions SET status = 'waived' WHERE id = $1`, condition)
	if err != nil || tag.RowsAffected() != 0 {
		t.Errorf("bob's update of alice's condition: %v rows, %v", tag.RowsAffected(), err)
	}
	_, err = bob.Exec(ctx, `DELETE FROM caseload.violations WHERE client_id = $1`, c.ID)
	wantRefused(t, "bob deletes alice's violations", err, "permission denied")
	_, err = s.as(alice.role).Exec(ctx, `UPDATE caseload.responses SET note = 'changed' WHERE client_id = $1`, c.ID)
	wantRefused(t, "alice changes a response (history)", err, "permission denied")
	var status string
	if err := s.admin.QueryRow(ctx, "SELECT status FROM caseload.conditions WHERE id = $1", condition).Scan(&status); err != nil || status != "not_in_compliance" {
		t.Errorf("the condition's status on the server = %q, %v", status, err)
	}
}

func TestATransferBringsTheClientsConditionsWhateverTheCursor(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.laptop(s.staff(Officer, "bob", lead))
	x := alice.addClient("X-1")
	alice.addCompliance(x.ID)
	alice.sync()
	// Bob's own work moves his cursors past X's records.
	mine := bob.addClient("B-1")
	bob.addCompliance(mine.ID)
	bob.sync()

	if err := Transfer(ctx, s.as(lead), x.ID, bob.role); err != nil {
		t.Fatal(err)
	}
	bob.sync()
	alice.sync()
	for _, tbl := range complianceTables {
		sameRows(t, "bob's "+tbl.Name, bob.rows(tbl), s.serverRows(tbl))
		if n := len(alice.rows(tbl)); n != 0 {
			t.Errorf("alice's laptop still holds %d %s after the transfer", n, tbl.Name)
		}
	}
	if problems, err := bob.st.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("bob's file fails its check: %v %v", problems, err)
	}
}

// A laptop that synced before conditions travelled holds conditions,
// hearings and violations its outbox never named. Opened by this version,
// its file queues them (migration 0010), and the next sync sends them all.
func TestALaptopThatSyncedBeforeConditionsTravelledSendsThemAfterTheUpgrade(t *testing.T) {
	s := newTestServer(t)
	alice := s.laptop(s.staff(Officer, "alice", s.staff(Supervisor, "lead", "")))
	c := alice.addClient("A-1")
	alice.addCompliance(c.ID)
	alice.st.Close()

	// Back to the file as the version before left it: the compliance
	// records in it, none of them queued or stamped, no outbox triggers.
	db, err := sql.Open("sqlite", "file:"+alice.path)
	if err != nil {
		t.Fatal(err)
	}
	const migrations = "../store/migrations"
	travel, err := schematest.Version(migrations, "0010_sync_compliance.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, migrations, travel-1); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tbl := range complianceTables {
		names = append(names, "'"+tbl.Name+"'")
	}
	in := "(" + strings.Join(names, ", ") + ")"
	// Nor did status history, which travels since 0018.
	for _, q := range []string{"DELETE FROM sync_outbox WHERE tbl IN " + in, "DELETE FROM sync_fields WHERE tbl IN " + in,
		"DELETE FROM sync_outbox WHERE tbl = 'client_status_changes'"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	upgraded := reopen(t, s, alice.role, alice.path)
	upgraded.sync()
	upgraded.outboxEmpty()
	for _, tbl := range complianceTables {
		if len(upgraded.rows(tbl)) == 0 {
			t.Fatalf("no %s in the file", tbl.Name)
		}
		sameRows(t, "server "+tbl.Name, s.serverRows(tbl), upgraded.rows(tbl))
	}
}
