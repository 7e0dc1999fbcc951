package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// StepTick is a plan step ticked done on the check-in form: the goal, the
// step's place in it, and the goal version the form showed, so that a goal
// changed in the meantime is not ticked at the wrong step.
type StepTick struct {
	GoalID  string
	Step    int // 0-based
	Version int
}

// AddCheckInWithTicks records a contact and the plan steps ticked done in
// passing, in one transaction: if a tick cannot be written, neither is the
// check-in, so the record never says a step was done at a contact that is
// not there (or the other way round).
func (s *Store) AddCheckInWithTicks(ctx context.Context, c model.CheckIn, ticks []StepTick) (model.CheckIn, error) {
	return s.AddCheckInWith(ctx, c, CheckInExtras{Ticks: ticks})
}

// tickFromCheckIn ticks one step of the check-in's client's goal.
func (w *Writer) tickFromCheckIn(c model.CheckIn, t StepTick) error {
	var owner string
	var version int
	err := w.queryRow(`SELECT g.client_id, max(v.version) FROM goals g JOIN goal_versions v ON v.goal_id = g.id
		WHERE g.id = ? GROUP BY g.id`, t.GoalID).Scan(&owner, &version)
	if err != nil {
		return fmt.Errorf("tick step: %w", notFound(err))
	}
	if owner != c.ClientID {
		return &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldSteps, Message: "a step of another client's goal"}}}
	}
	if t.Version != 0 && t.Version != version {
		return &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldSteps,
			Message: "the goal was changed since the form opened: untick its step or reopen the form"}}}
	}
	_, err = w.TickStep(t.GoalID, t.Step, true)
	return err
}
