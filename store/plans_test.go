package store

import (
	"context"
	"strings"
	"testing"

	"caseload/model"
)

// count returns the rows of a table, for checking that a refused write left
// nothing behind.
func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func auditActions(t *testing.T, s *Store, entity string) []string {
	t.Helper()
	rows, err := s.db.Query("SELECT action FROM audit_log WHERE entity = ? ORDER BY seq", entity)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		rows.Scan(&a)
		out = append(out, a)
	}
	return out
}

func jobGoal(clientID string) model.Goal {
	return model.Goal{ClientID: clientID, Domain: model.DomainEmployment, Words: "A steady job so I can see my kids",
		Status: model.GoalOpen, TargetDate: model.Date{Year: 2027, Month: 3, Day: 1},
		Steps: []model.Step{{Text: "Sign up at the job centre", Due: model.Date{Year: 2026, Month: 12, Day: 1}},
			{Text: "Two applications a week", Due: model.Date{Year: 2027, Month: 1, Day: 15}}}}
}

func TestGoalChangesAreKeptAsVersionsAndTheLatestIsCurrent(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	if g.Version != 1 || g.ID == "" {
		t.Fatalf("created goal = %+v", g)
	}
	ticked, err := s.TickStep(ctx, g.ID, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	done := ticked
	done.Status, done.Note = model.GoalAchieved, "Started at the warehouse"
	if _, err := s.SaveGoal(ctx, done); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Goal(ctx, g.ID)
	if err != nil || cur.Version != 3 || cur.Status != model.GoalAchieved || !cur.Steps[0].Done || cur.Steps[1].Done {
		t.Fatalf("current goal = %+v, %v; want version 3, achieved, first step done", cur, err)
	}
	history, err := s.GoalHistory(ctx, g.ID)
	if err != nil || len(history) != 3 {
		t.Fatalf("history = %d versions, %v", len(history), err)
	}
	if history[0].Steps[0].Done || history[0].Status != model.GoalOpen || history[1].Status != model.GoalOpen || !history[1].Steps[0].Done {
		t.Errorf("earlier versions changed: %+v", history[:2])
	}
	list, err := s.Goals(ctx, c.ID)
	if err != nil || len(list) != 1 || list[0].Version != 3 {
		t.Errorf("client's goals = %+v, %v; want the one goal at version 3", list, err)
	}
	if got := strings.Join(auditActions(t, s, "goal"), ","); got != "create,update,update" {
		t.Errorf("goal audit = %s", got)
	}
}

func TestGoalWithAStepAfterItsTargetWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	bad := jobGoal(c.ID)
	bad.Steps[1].Due = model.Date{Year: 2027, Month: 4, Day: 1}
	_, err := s.CreateGoal(ctx, bad)
	if model.FieldErrors(err).For(model.FieldStepDue(2)) == "" {
		t.Fatalf("want a field error on step 2's due date, got %v", err)
	}
	if n := count(t, s, "goals") + count(t, s, "goal_versions"); n != 0 {
		t.Errorf("%d rows written by a refused goal", n)
	}
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	g.TargetDate = model.Date{Year: 2026, Month: 12, Day: 20}
	if _, err := s.SaveGoal(ctx, g); model.FieldErrors(err).For(model.FieldStepDue(2)) == "" {
		t.Fatalf("moving the target before a step: want a field error on step 2, got %v", err)
	}
	if n := count(t, s, "goal_versions"); n != 1 {
		t.Errorf("%d versions after a refused change, want 1", n)
	}
	if _, err := s.TickStep(ctx, g.ID, 5, true); model.FieldErrors(err).For(model.FieldSteps) == "" {
		t.Errorf("ticking a missing step: %v", err)
	}
	// A dropped goal's steps are how it ended: a tick is refused and nothing
	// is written until the goal is open again.
	g, err = s.Goal(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.Status, g.Note = model.GoalDropped, "no longer wanted"
	if g, err = s.SaveGoal(ctx, g); err != nil {
		t.Fatal(err)
	}
	before := count(t, s, "goal_versions")
	if _, err := s.TickStep(ctx, g.ID, 0, true); !strings.Contains(model.FieldErrors(err).For(model.FieldSteps), "Dropped") {
		t.Errorf("ticking a step of a dropped goal: %v, want a field error that names the status", err)
	}
	if n := count(t, s, "goal_versions"); n != before {
		t.Errorf("%d versions after a refused tick, want %d", n, before)
	}
}

func TestGoalLinksOnlyTheClientsOwnReferrals(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	ann := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	bo := newClient(t, s, "Bo Diaz", "B-1", model.LevelLow)
	res, err := s.CreateResource(ctx, model.Resource{Name: "Harbor Works", Category: model.CategoryEmployment})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := s.CreateReferral(ctx, model.Referral{ClientID: bo.ID, ResourceID: res.ID, Reason: "Jobs", ReferredOn: model.DateOf(frozenNow)}, "")
	if err != nil {
		t.Fatal(err)
	}
	g := jobGoal(ann.ID)
	g.ReferralIDs = []string{ref.ID}
	if _, err := s.CreateGoal(ctx, g); model.FieldErrors(err).For(model.FieldReferrals) == "" {
		t.Fatalf("linking another client's referral: %v", err)
	}
	g.ClientID = bo.ID
	saved, err := s.CreateGoal(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Goal(ctx, saved.ID)
	if len(got.ReferralIDs) != 1 || got.ReferralIDs[0] != ref.ID {
		t.Errorf("linked referrals = %v", got.ReferralIDs)
	}
}

func TestPlanHistoryTablesRefuseUpdateAndDelete(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRelapsePlan(ctx, model.RelapsePlan{ClientID: c.ID, Coping: []string{"Call sponsor"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddScreening(ctx, model.Screening{ClientID: c.ID, Instrument: model.InstrumentGAD2, At: frozenNow, Answers: []int{1, 1}}); err != nil {
		t.Fatal(err)
	}
	res, _ := s.CreateResource(ctx, model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse})
	if _, err := s.CreateConsent(ctx, clinicConsent(c.ID, res.ID)); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"UPDATE goals SET client_id = client_id",
		"DELETE FROM goals",
		"UPDATE goal_versions SET status = 'dropped'",
		"DELETE FROM goal_versions",
		"UPDATE relapse_plans SET coping = '[]'",
		"DELETE FROM relapse_plans",
		"UPDATE screenings SET total = 0",
		"DELETE FROM screenings",
		"UPDATE consents SET kinds = '[\"notes\"]'",
		"UPDATE consents SET expires_on = '2030-01-01'",
		"DELETE FROM consents",
	} {
		_, err := s.db.Exec(stmt)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want the append-only trigger to abort it", stmt, err)
		}
	}
	// A version that skips a number, or repeats one, is refused too.
	for _, v := range []int{1, 3} {
		_, err := s.db.Exec(`INSERT INTO goal_versions (goal_id, version, domain, words, status, at)
			VALUES (?, ?, 'other', 'x', 'open', '2026-11-23T00:00:00.000Z')`, g.ID, v)
		if err == nil {
			t.Errorf("goal version %d after version 1 was accepted", v)
		}
	}
}
