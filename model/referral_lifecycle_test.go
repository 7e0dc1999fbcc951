package model

import (
	"slices"
	"testing"
)

func TestCanMoveAllowsExactlyTheLifecycleOfTheProduct(t *testing.T) {
	allowed := map[ReferralStatus][]ReferralStatus{
		ReferralReferred:   {ReferralScheduled, ReferralWaitlisted, ReferralDeclined, ReferralIneligible, ReferralCancelled},
		ReferralScheduled:  {ReferralEngaged, ReferralWaitlisted, ReferralNoShow, ReferralDeclined, ReferralIneligible, ReferralCancelled},
		ReferralWaitlisted: {ReferralScheduled, ReferralDeclined, ReferralIneligible, ReferralCancelled},
		ReferralEngaged:    {ReferralCompleted, ReferralDischarged, ReferralCancelled},
	}
	for _, from := range ReferralStatuses() {
		for _, to := range ReferralStatuses() {
			want := slices.Contains(allowed[from.Value], to.Value)
			if got := CanMove(from.Value, to.Value); got != want {
				t.Errorf("CanMove(%s, %s) = %v; want %v", from.Value, to.Value, got, want)
			}
		}
	}
}

func TestNextStatusesOffersOnlyAllowedMoves(t *testing.T) {
	for _, from := range ReferralStatuses() {
		next := NextStatuses(from.Value)
		if from.Value.Open() == (len(next) == 0) {
			t.Errorf("NextStatuses(%s) = %v: open statuses move on, closed ones never do", from.Value, next)
		}
		for _, to := range next {
			if !CanMove(from.Value, to) || to == from.Value {
				t.Errorf("NextStatuses(%s) offers %s, which the lifecycle does not allow", from.Value, to)
			}
		}
		for _, to := range ReferralStatuses() {
			if CanMove(from.Value, to.Value) && !slices.Contains(next, to.Value) {
				t.Errorf("NextStatuses(%s) leaves out the allowed %s", from.Value, to.Value)
			}
		}
		if len(next) > 0 {
			next[0] = ReferralCompleted
			if NextStatuses(from.Value)[0] == ReferralCompleted && !CanMove(from.Value, ReferralCompleted) {
				t.Errorf("changing what NextStatuses(%s) returned changed the lifecycle", from.Value)
			}
		}
	}
}
