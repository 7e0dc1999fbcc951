package store

import (
	"context"
	"testing"

	"caseload/model"
)

func ticksCheckIn(clientID string) model.CheckIn {
	return model.CheckIn{ClientID: clientID, At: frozenNow, Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested, Note: "Brought the CV."}
}

func TestCheckInAndItsTicksAreWrittenTogether(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	k, err := s.AddCheckInWithTicks(ctx, ticksCheckIn(c.ID), []StepTick{{GoalID: g.ID, Step: 1, Version: g.Version}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckIn(ctx, k.ID); err != nil {
		t.Fatalf("the check-in is not on disk: %v", err)
	}
	now, err := s.Goal(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Version != 2 || !now.Steps[1].Done || now.Steps[0].Done {
		t.Errorf("goal after the check-in: version %d steps %+v; want version 2 with step 2 alone done", now.Version, now.Steps)
	}
}

func TestAFailingTickRollsBackTheCheckIn(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	other := newClient(t, s, "Bo Tam", "B-2", model.LevelLow)
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := s.CreateGoal(ctx, jobGoal(other.ID))
	if err != nil {
		t.Fatal(err)
	}
	changed, err := s.TickStep(ctx, g.ID, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	for name, ticks := range map[string][]StepTick{
		"no such step":       {{GoalID: g.ID, Step: 0, Version: changed.Version}, {GoalID: g.ID, Step: 99, Version: changed.Version}},
		"no such goal":       {{GoalID: "missing", Step: 0}},
		"another client":     {{GoalID: theirs.ID, Step: 0, Version: theirs.Version}},
		"goal changed since": {{GoalID: g.ID, Step: 1, Version: g.Version}},
	} {
		t.Run(name, func(t *testing.T) {
			checkins, versions := count(t, s, "checkins"), count(t, s, "goal_versions")
			if _, err := s.AddCheckInWithTicks(ctx, ticksCheckIn(c.ID), ticks); err == nil {
				t.Fatal("the save went through")
			}
			if n := count(t, s, "checkins"); n != checkins {
				t.Errorf("%d check-ins after a refused save, want %d: the check-in was not rolled back", n, checkins)
			}
			if n := count(t, s, "goal_versions"); n != versions {
				t.Errorf("%d goal versions after a refused save, want %d", n, versions)
			}
		})
	}
}

// TestATickFailingAfterTheOtherExtrasRollsThemBack: hours, a violation and
// a tick go in one save; a tick that cannot be written leaves neither the
// hours nor the violation behind.
func TestATickFailingAfterTheOtherExtrasRollsThemBack(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	cond, err := s.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionCommunityWork, Wording: "Complete 20 hours community service",
		OrderedOn: model.DateOf(frozenNow.AddDate(0, -1, 0)), Status: model.ConditionInProgress, Target: 20 * 60})
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.CreateGoal(ctx, jobGoal(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	k := ticksCheckIn(c.ID)
	k.Test = model.TestRefused
	v, _ := model.ViolationFromCheckIn(k)
	x := CheckInExtras{Violation: &v, Progress: []model.ProgressEntry{{ConditionID: cond.ID, ClientID: c.ID, Kind: model.ProgressHours, Amount: 120}},
		Ticks: []StepTick{{GoalID: g.ID, Step: 99, Version: g.Version}}}
	if _, err := s.AddCheckInWith(ctx, k, x); err == nil {
		t.Fatal("a save with a tick of no such step went through")
	}
	for _, table := range []string{"checkins", "condition_progress", "violations"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%d rows in %s after a refused save", n, table)
		}
	}
	x.Ticks[0].Step = 1
	saved, err := s.AddCheckInWith(ctx, k, x)
	if err != nil {
		t.Fatal(err)
	}
	if now, _ := s.Goal(ctx, g.ID); !now.Steps[1].Done || x.Violation.CheckInID != saved.ID || count(t, s, "condition_progress") != 1 {
		t.Errorf("after the save: steps %+v, violation %+v, %d progress rows", now.Steps, x.Violation, count(t, s, "condition_progress"))
	}
}
