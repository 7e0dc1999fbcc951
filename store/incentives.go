package store

import (
	"context"
	"fmt"

	"caseload/model"
)

const incentiveColumns = `i.id, i.client_id, i.at, i.step_key, i.step_label, i.tier, coalesce(i.condition_id, ''), i.reason,
	i.created_at`

func scanIncentive(row scanner) (model.Incentive, error) {
	var i model.Incentive
	var at, created string
	if err := row.Scan(&i.ID, &i.ClientID, &at, &i.StepKey, &i.StepLabel, &i.Tier, &i.ConditionID, &i.Reason, &created); err != nil {
		return i, err
	}
	var d decoder
	i.At, i.CreatedAt = d.time(at), d.time(created)
	return i, d.err
}

// AddIncentive records a reward for progress.
func (s *Store) AddIncentive(ctx context.Context, i model.Incentive) (model.Incentive, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		i, err = w.AddIncentive(i)
		return err
	})
	return i, err
}

// AddIncentive records an incentive in the writer's transaction, taking the
// step's label and tier from the agency's ladder as it is today.
func (w *Writer) AddIncentive(i model.Incentive) (model.Incentive, error) {
	set, err := readResponseSettings(w.ctx, w.tx)
	if err != nil {
		return i, err
	}
	if i.At.IsZero() {
		i.At = w.now
	}
	if err := i.Validate(set.Incentives, w.now); err != nil {
		return i, err
	}
	step, _ := set.Incentives.Step(i.StepKey)
	i.StepLabel, i.Tier = step.Label, step.Tier
	if i.ID == "" {
		i.ID = newID()
	}
	if i.CreatedAt.IsZero() {
		i.CreatedAt = w.now
	}
	_, err = w.exec(`INSERT INTO incentives (id, client_id, at, step_key, step_label, tier, condition_id, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, i.ID, i.ClientID, fmtTime(i.At), i.StepKey, i.StepLabel, i.Tier,
		nullable(i.ConditionID), i.Reason, fmtTime(i.CreatedAt))
	if err != nil {
		return i, fmt.Errorf("save incentive: %w", explain(err))
	}
	return i, nil
}
