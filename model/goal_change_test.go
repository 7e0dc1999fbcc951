package model

import "testing"

func TestGoalChangeTellsWhatAVersionDid(t *testing.T) {
	v1 := Goal{Domain: DomainEmployment, Words: "A job", Status: GoalOpen,
		Steps: []Step{{Text: "Sign up at the job centre"}, {Text: "Two applications a week"}}}
	ticked, _ := v1.WithStep(1, true)
	both, _ := ticked.WithStep(0, true)
	achieved := ticked
	achieved.Status = GoalAchieved
	reworded := v1
	reworded.Words = "A steady job"
	tests := []struct {
		name string
		prev *Goal
		cur  Goal
		want string
	}{
		{"first version", nil, v1, "goal set"},
		{"one step ticked", &v1, ticked, "step done: Two applications a week"},
		{"one step unticked", &ticked, v1, "step not done after all: Two applications a week"},
		{"two steps at once", &v1, both, "goal changed"},
		{"status", &ticked, achieved, "Open → Achieved"},
		{"words", &v1, reworded, "goal changed"},
	}
	for _, tt := range tests {
		if got := ChangeOf(tt.prev, tt.cur).String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
