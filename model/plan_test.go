package model

import "testing"

func validGoal() Goal {
	return Goal{ClientID: "c1", Domain: DomainEmployment, Words: "I want a job where I can use my hands",
		Status: GoalOpen, TargetDate: Date{2027, 3, 1},
		Steps: []Step{{Text: "Sign up at the job centre", Due: Date{2026, 12, 1}}, {Text: "Finish the forklift course", Due: Date{2027, 3, 1}}}}
}

func TestGoalValidateNamesEachBadField(t *testing.T) {
	if err := validGoal().Validate(); err != nil {
		t.Fatalf("valid goal refused: %v", err)
	}
	tests := []struct {
		name   string
		field  string
		mutate func(*Goal)
	}{
		{"step due after target", FieldStepDue(2), func(g *Goal) { g.Steps[1].Due = Date{2027, 3, 2} }},
		{"blank step", FieldStepText(1), func(g *Goal) { g.Steps[0].Text = " " }},
		{"unknown domain", FieldDomain, func(g *Goal) { g.Domain = "sports" }},
		{"no words", FieldWords, func(g *Goal) { g.Words = "" }},
		{"unknown status", FieldStatus, func(g *Goal) { g.Status = "paused" }},
		{"referral twice", FieldReferrals, func(g *Goal) { g.ReferralIDs = []string{"r1", "r1"} }},
	}
	for _, tt := range tests {
		g := validGoal()
		g.Steps = append([]Step(nil), g.Steps...)
		tt.mutate(&g)
		if FieldErrors(g.Validate()).For(tt.field) == "" {
			t.Errorf("%s: no error on %s (got %v)", tt.name, tt.field, g.Validate())
		}
	}
}

func TestStepDueOnTheTargetDateOrWithoutOneIsFine(t *testing.T) {
	g := validGoal()
	g.TargetDate = Date{}
	g.Steps = []Step{{Text: "Any time", Due: Date{2030, 1, 1}}, {Text: "Undated"}}
	if err := g.Validate(); err != nil {
		t.Errorf("goal without a target refused: %v", err)
	}
}

func TestTickingAStepLeavesTheOriginalVersionAlone(t *testing.T) {
	g := validGoal()
	next, ok := g.WithStep(1, true)
	if !ok || !next.Steps[1].Done || next.StepsDone() != 1 {
		t.Fatalf("ticked = %+v %v", next.Steps, ok)
	}
	if g.Steps[1].Done {
		t.Error("ticking a step changed the version it came from")
	}
	if _, ok := g.WithStep(2, true); ok {
		t.Error("ticked a step that does not exist")
	}
}

func TestStepsOverdueOnlyOnOpenGoals(t *testing.T) {
	g := validGoal()
	today := Date{2026, 12, 5}
	if got := g.StepsOverdue(today); len(got) != 1 || got[0].Text != "Sign up at the job centre" {
		t.Errorf("overdue = %+v", got)
	}
	g.Status = GoalAchieved
	if got := g.StepsOverdue(today); len(got) != 0 {
		t.Errorf("an achieved goal has overdue steps: %+v", got)
	}
}

func TestGoalEnumsHaveLabelsAndHelp(t *testing.T) {
	if len(GoalDomains()) != 9 || len(GoalStatuses()) != 4 {
		t.Fatalf("%d domains, %d statuses", len(GoalDomains()), len(GoalStatuses()))
	}
	for _, o := range GoalDomains() {
		if o.Value.Label() == string(o.Value) || o.Value.Help() == "" {
			t.Errorf("domain %s lacks a label or help", o.Value)
		}
	}
	if DomainFamily.Label() != "Family and relationships" || DomainThinking.Label() != "Thinking and behaviour" {
		t.Error("domain labels differ from the plan's wording")
	}
}
