package model

// GoalChange says what one version of a goal changed, for the timeline:
// "goal set", "step done: …", "achieved", "changed".
type GoalChange struct {
	Kind GoalChangeKind
	// Step is the step ticked or unticked, for those kinds.
	Step string
	// From and To are the statuses, for a status change.
	From, To GoalStatus
}

// GoalChangeKind names what a goal version did.
type GoalChangeKind string

// Kinds of goal change.
const (
	GoalCreated       GoalChangeKind = "created"
	GoalStepTicked    GoalChangeKind = "step_ticked"
	GoalStepUnticked  GoalChangeKind = "step_unticked"
	GoalStatusChanged GoalChangeKind = "status_changed"
	GoalEdited        GoalChangeKind = "edited"
)

// ChangeOf tells what cur changed from prev (nil for a goal's first version).
// A version that only ticks one step reads as that step; one that moves the
// status reads as the status change; anything else is an edit.
func ChangeOf(prev *Goal, cur Goal) GoalChange {
	if prev == nil {
		return GoalChange{Kind: GoalCreated, To: cur.Status}
	}
	if prev.Status != cur.Status {
		return GoalChange{Kind: GoalStatusChanged, From: prev.Status, To: cur.Status}
	}
	if len(prev.Steps) == len(cur.Steps) && prev.Domain == cur.Domain && prev.Words == cur.Words && prev.TargetDate == cur.TargetDate {
		changed := -1
		for i := range cur.Steps {
			p, c := prev.Steps[i], cur.Steps[i]
			if p.Text != c.Text || p.Due != c.Due {
				changed = -2
				break
			}
			if p.Done != c.Done {
				if changed != -1 {
					changed = -2
					break
				}
				changed = i
			}
		}
		if changed >= 0 {
			kind := GoalStepUnticked
			if cur.Steps[changed].Done {
				kind = GoalStepTicked
			}
			return GoalChange{Kind: kind, Step: cur.Steps[changed].Text, To: cur.Status}
		}
	}
	return GoalChange{Kind: GoalEdited, To: cur.Status}
}

// String reads the change in the officer's words.
func (c GoalChange) String() string {
	switch c.Kind {
	case GoalCreated:
		return "goal set"
	case GoalStepTicked:
		return "step done: " + c.Step
	case GoalStepUnticked:
		return "step not done after all: " + c.Step
	case GoalStatusChanged:
		return c.From.Label() + " → " + c.To.Label()
	}
	return "goal changed"
}
