package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/model"
)

// TestStageSinceInTheHeaderIgnoresTheSameStageNotedAgain: Annie came to
// Preparation on 16 November; noting Preparation again on the 20th (as a
// check-in does when the stage is left as it was) must not move "since".
func TestStageSinceInTheHeaderIgnoresTheSameStageNotedAgain(t *testing.T) {
	st := fixtureStore(t)
	id := firstClient(t, st, "CR-1001")
	if _, err := st.AddStageNote(context.Background(), model.StageNote{ClientID: id, At: at(11, 20, 9, 0),
		Stage: model.StagePreparation}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter")
	h.mustSee("Stage: PREP Preparation since 16 Nov")
}

// TestALastContactFromAnotherYearKeepsItsColumnApart: "07 Oct 2025" is the
// widest date the Last column shows; it must not run into the next column.
func TestALastContactFromAnotherYearKeepsItsColumnApart(t *testing.T) {
	st := fixtureStore(t)
	id := firstClient(t, st, "CR-1003")
	if _, err := st.AddCheckIn(context.Background(), model.CheckIn{ClientID: id, At: at(10, 7, 9, 0).AddDate(-1, 0, 0),
		Type: model.ContactOffice, Outcome: model.OutcomeCompleted, Test: model.TestNotTested}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.mustSee("07 Oct 2025 ")
	if strings.Contains(h.screen(), "07 Oct 2025O") {
		t.Fatalf("the Last column runs into Next due:\n%s", h.screen())
	}
}

// TestAnOpenGoalPastItsTargetSaysSo: the target line of an open goal whose
// date has gone by says "passed", in words.
func TestAnOpenGoalPastItsTargetSaysSo(t *testing.T) {
	now := model.DateOf(frozen)
	g := model.Goal{Domain: model.DomainEmployment, Status: model.GoalOpen, TargetDate: now.AddDays(-1)}
	if line := goalLine(g, frozen); !strings.Contains(line, "(passed)") {
		t.Errorf("open goal a day past its target: %q, want it to say passed", line)
	}
	g.TargetDate = now
	if line := goalLine(g, frozen); strings.Contains(line, "passed") {
		t.Errorf("open goal due today: %q says passed", line)
	}
	g.TargetDate, g.Status = now.AddDays(-1), model.GoalAchieved
	if line := goalLine(g, frozen); strings.Contains(line, "passed") {
		t.Errorf("achieved goal: %q says passed", line)
	}
}

// TestEveryRiskFlagShowsAt80x24WithPlanSteps: with the plan's steps on the
// check-in form, the risk flags' list must still show all seven options
// while the flags are being ticked.
func TestEveryRiskFlagShowsAt80x24WithPlanSteps(t *testing.T) {
	st := fixtureStore(t)
	addPlan(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "c")
	for range 5 {
		h.keys("tab")
	}
	if f := h.app.form(); f == nil || f.Focused().Name != model.FieldFlags {
		t.Fatalf("the focus is not on the risk flags:\n%s", h.screen())
	}
	if h.app.form().Field(model.FieldSteps) == nil {
		t.Fatal("the check-in form has no plan steps field")
	}
	for _, o := range model.RiskFlags() {
		h.mustSee(o.Label)
	}
}

// TestThePlanHintOffersTickingOnlyWithAnOpenGoal: with every goal closed,
// the Goals heading does not say space ticks a step, since it would not.
func TestThePlanHintOffersTickingOnlyWithAnOpenGoal(t *testing.T) {
	goals := []model.Goal{{Status: model.GoalAchieved}, {Status: model.GoalDropped}}
	if c := goalCounts(goals); strings.Contains(c, "space") || !strings.Contains(c, "0 open of 2") {
		t.Errorf("all goals closed: %q", c)
	}
	goals[1].Status = model.GoalOpen
	if c := goalCounts(goals); !strings.Contains(c, "space ticks a step") {
		t.Errorf("an open goal: %q, want the space hint", c)
	}
}
