package tui

import (
	"context"
	"time"

	"caseload/model"
	"caseload/store"
)

// complianceDraftForm rebuilds the forms of the conditions of supervision
// from a draft: progress on a condition, its status, a violation with its
// response, the response to an earlier violation. ok says the draft was of
// one of them.
func complianceDraftForm(ctx context.Context, st *store.Store, d store.Draft, c model.Client, now time.Time) (*recordForm, bool, error) {
	target := d.Data["_target"]
	switch d.Form {
	case "progress", "condition_status":
		cond, err := st.Condition(ctx, target)
		if err != nil {
			return nil, true, err
		}
		if d.Form == "progress" {
			return newProgressForm(c, cond, now), true, nil
		}
		return newConditionStatusForm(c, cond, now), true, nil
	case "violation":
		f, err := violationFormFor(ctx, st, c, now)
		return f, true, err
	case "response":
		v, err := violationByID(ctx, st, c.ID, target)
		if err != nil {
			return nil, true, err
		}
		f, err := responseFormFor(ctx, st, c, v, now)
		return f, true, err
	}
	return nil, false, nil
}
