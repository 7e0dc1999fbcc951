package tui

import (
	"context"
	"errors"
	"time"

	"caseload/model"
	"caseload/store"
)

// errNothingWaits says a draft of a court outcome has no hearing left to
// record it on (another laptop recorded it first).
var errNothingWaits = errors.New("no hearing is waiting for its outcome any more")

// complianceDraftForm rebuilds the forms of the conditions of supervision
// from a draft: progress on a condition, its status, a violation with its
// response, the response to an earlier violation, an incentive, a job, a
// hearing and its outcome. ok says the draft was of one of them.
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
	case "incentive":
		f, err := incentiveFormFor(ctx, st, c, now)
		return f, true, err
	case "employment":
		return newEmploymentForm(c, now), true, nil
	case "court_event":
		return newCourtForm(c, now), true, nil
	case "court_outcome":
		f, err := outcomeFormFor(ctx, st, c, now)
		if err == nil && f == nil {
			err = errNothingWaits
		}
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
