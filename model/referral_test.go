package model

import (
	"errors"
	"testing"
	"time"
)

func TestReferralLifecycle(t *testing.T) {
	allowed := map[[2]ReferralStatus]bool{}
	for _, pair := range [][2]ReferralStatus{
		{ReferralReferred, ReferralScheduled}, {ReferralReferred, ReferralWaitlisted}, {ReferralReferred, ReferralDeclined},
		{ReferralReferred, ReferralIneligible}, {ReferralReferred, ReferralCancelled},
		{ReferralScheduled, ReferralEngaged}, {ReferralScheduled, ReferralWaitlisted}, {ReferralScheduled, ReferralNoShow},
		{ReferralScheduled, ReferralDeclined}, {ReferralScheduled, ReferralIneligible}, {ReferralScheduled, ReferralCancelled},
		{ReferralWaitlisted, ReferralScheduled}, {ReferralWaitlisted, ReferralDeclined}, {ReferralWaitlisted, ReferralIneligible},
		{ReferralWaitlisted, ReferralCancelled},
		{ReferralEngaged, ReferralCompleted}, {ReferralEngaged, ReferralDischarged}, {ReferralEngaged, ReferralCancelled},
	} {
		allowed[pair] = true
	}
	for _, from := range ReferralStatuses() {
		for _, to := range ReferralStatuses() {
			want := allowed[[2]ReferralStatus{from.Value, to.Value}]
			if got := CanMove(from.Value, to.Value); got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from.Value, to.Value, got, want)
			}
		}
		if !from.Value.Open() && len(NextStatuses(from.Value)) != 0 {
			t.Errorf("closed status %s offers moves %v", from.Value, NextStatuses(from.Value))
		}
		if from.Value.Open() && len(NextStatuses(from.Value)) == 0 {
			t.Errorf("open status %s offers no move", from.Value)
		}
	}
}

func TestReferralEventMustFollowLifecycle(t *testing.T) {
	at := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	follow := Date{2026, 11, 8}
	if err := (ReferralEvent{At: at, To: ReferralReferred, FollowUpOn: follow}).Validate(); err != nil {
		t.Errorf("first event to referred refused: %v", err)
	}
	if err := (ReferralEvent{At: at, To: ReferralScheduled, FollowUpOn: follow}).Validate(); FieldErrors(err).For(FieldStatus) == "" {
		t.Errorf("a referral starting as scheduled was accepted: %v", err)
	}
	err := (ReferralEvent{At: at, From: ReferralCompleted, To: ReferralEngaged, FollowUpOn: follow}).Validate()
	if FieldErrors(err).For(FieldStatus) == "" {
		t.Errorf("completed → engaged was accepted: %v", err)
	}
	err = (ReferralEvent{At: at, From: ReferralReferred, To: ReferralScheduled}).Validate()
	if FieldErrors(err).For(FieldFollowUp) == "" {
		t.Errorf("an open referral without follow-up date was accepted: %v", err)
	}
	var te ErrTransition
	if !errors.As(error(ErrTransition{ReferralCompleted, ReferralEngaged}), &te) || te.Error() == "" {
		t.Error("ErrTransition has no message")
	}
}

func TestReferralApplyMovesFollowUp(t *testing.T) {
	r := Referral{Status: ReferralReferred, FollowUpOn: Date{2026, 11, 8}}
	appt := time.Date(2026, 11, 12, 10, 0, 0, 0, time.UTC)
	r = r.Apply(ReferralEvent{To: ReferralScheduled, FollowUpOn: Date{2026, 11, 13}, AppointmentAt: appt})
	if r.Status != ReferralScheduled || r.FollowUpOn != (Date{2026, 11, 13}) || !r.AppointmentAt.Equal(appt) {
		t.Errorf("after scheduling: %+v", r)
	}
	r = r.Apply(ReferralEvent{To: ReferralNoShow, Note: "missed intake"})
	if !r.FollowUpOn.IsZero() || r.OutcomeNote != "missed intake" {
		t.Errorf("a closed referral keeps a follow-up date or loses its outcome: %+v", r)
	}
	if r.FollowUpOverdue(Date{2027, 1, 1}) {
		t.Error("a closed referral shows as overdue")
	}
	open := Referral{Status: ReferralEngaged, FollowUpOn: Date{2026, 11, 8}}
	if !open.FollowUpOverdue(Date{2026, 11, 9}) || open.FollowUpOverdue(Date{2026, 11, 8}) {
		t.Error("follow-up overdue is not 'a day after the follow-up date'")
	}
}
