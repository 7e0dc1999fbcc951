package model

import (
	"fmt"
	"time"
)

// ReferralStatus is where a referral stands in its lifecycle.
type ReferralStatus string

// Referral statuses.
const (
	ReferralReferred   ReferralStatus = "referred"
	ReferralScheduled  ReferralStatus = "scheduled"
	ReferralEngaged    ReferralStatus = "engaged"
	ReferralCompleted  ReferralStatus = "completed"
	ReferralDeclined   ReferralStatus = "declined"
	ReferralIneligible ReferralStatus = "ineligible"
	ReferralWaitlisted ReferralStatus = "waitlisted"
	ReferralNoShow     ReferralStatus = "no_show"
	ReferralDischarged ReferralStatus = "discharged"
	ReferralCancelled  ReferralStatus = "cancelled"
)

var referralStatuses = []Option[ReferralStatus]{
	{ReferralReferred, "Referred", "Referral sent; no appointment yet."},
	{ReferralScheduled, "Scheduled", "An intake or first appointment is booked."},
	{ReferralEngaged, "Engaged", "The client is taking part in the program."},
	{ReferralCompleted, "Completed", "The client completed the program."},
	{ReferralDeclined, "Declined", "The client declined the referral."},
	{ReferralIneligible, "Ineligible", "The provider turned the client down."},
	{ReferralWaitlisted, "Waitlisted", "Waiting for a place; back to scheduled when one opens."},
	{ReferralNoShow, "No-show", "The client missed the intake appointment."},
	{ReferralDischarged, "Discharged", "Left the program without completing it."},
	{ReferralCancelled, "Cancelled", "Withdrawn by the officer."},
}

// ReferralStatuses lists the statuses in lifecycle order.
func ReferralStatuses() []Option[ReferralStatus] { return copyOf(referralStatuses) }

// Label is the officer-facing name.
func (v ReferralStatus) Label() string { return labelOf(referralStatuses, v) }

// Help is the one-line explanation.
func (v ReferralStatus) Help() string { return helpOf(referralStatuses, v) }

// Valid reports whether v is known.
func (v ReferralStatus) Valid() bool { return valid(referralStatuses, v) }

// Open reports whether the referral still needs following up: referred,
// scheduled, waitlisted or engaged.
func (v ReferralStatus) Open() bool {
	switch v {
	case ReferralReferred, ReferralScheduled, ReferralWaitlisted, ReferralEngaged:
		return true
	}
	return false
}

// referralTransitions is the lifecycle of PRODUCT.md: referred → scheduled →
// engaged → completed, with exits from the open states. Completion and
// discharge need the client to have engaged; a no-show needs an appointment;
// a waitlisted referral goes back to scheduled when a place opens. Closed
// states are final: trying again is a new referral, so the history of the
// first one stays true.
var referralTransitions = map[ReferralStatus][]ReferralStatus{
	ReferralReferred:   {ReferralScheduled, ReferralWaitlisted, ReferralDeclined, ReferralIneligible, ReferralCancelled},
	ReferralScheduled:  {ReferralEngaged, ReferralWaitlisted, ReferralNoShow, ReferralDeclined, ReferralIneligible, ReferralCancelled},
	ReferralWaitlisted: {ReferralScheduled, ReferralDeclined, ReferralIneligible, ReferralCancelled},
	ReferralEngaged:    {ReferralCompleted, ReferralDischarged, ReferralCancelled},
}

// NextStatuses lists the statuses a referral may move to from s, in lifecycle
// order; none when s is closed.
func NextStatuses(s ReferralStatus) []ReferralStatus {
	return append([]ReferralStatus(nil), referralTransitions[s]...)
}

// CanMove reports whether the lifecycle allows from → to.
func CanMove(from, to ReferralStatus) bool {
	for _, s := range referralTransitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// ErrTransition is returned for a status change the lifecycle forbids.
type ErrTransition struct{ From, To ReferralStatus }

func (e ErrTransition) Error() string {
	if !e.From.Open() {
		return fmt.Sprintf("a %s referral is closed; make a new referral instead", e.From.Label())
	}
	return fmt.Sprintf("a referral cannot go from %s to %s", e.From.Label(), e.To.Label())
}

// Referral is a client sent to a community resource, followed until it is
// completed or closed.
type Referral struct {
	ID            string
	ClientID      string
	ResourceID    string
	Reason        string
	ReferredOn    Date
	Status        ReferralStatus
	AppointmentAt time.Time
	FollowUpOn    Date
	OutcomeNote   string
	// Sensitive marks a reason that holds substance-use information, for a
	// referral whose resource's category does not already say so.
	Sensitive bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Referral field names used in validation errors.
const (
	FieldResource    = "resource"
	FieldReason      = "reason"
	FieldReferredOn  = "referred_on"
	FieldAppointment = "appointment"
	FieldFollowUp    = "follow_up"
	FieldOutcomeNote = "outcome_note"
)

// DefaultFollowUpDays is how soon a new referral is followed up unless the
// officer says otherwise.
const DefaultFollowUpDays = 7

// Validate checks a referral.
func (r Referral) Validate() error {
	var p problems
	if r.ClientID == "" {
		p.add("client", "required")
	}
	if r.ResourceID == "" {
		p.add(FieldResource, "choose a resource")
	}
	checkText(&p, FieldReason, r.Reason, true, 2000)
	if r.ReferredOn.IsZero() {
		p.add(FieldReferredOn, "required")
	}
	if !r.Status.Valid() {
		p.add(FieldStatus, "unknown status")
	}
	if r.Status.Open() && r.FollowUpOn.IsZero() {
		p.add(FieldFollowUp, "an open referral needs a follow-up date")
	}
	if !r.FollowUpOn.IsZero() && r.FollowUpOn.Before(r.ReferredOn) {
		p.add(FieldFollowUp, "is before the referral date")
	}
	checkText(&p, FieldOutcomeNote, r.OutcomeNote, false, maxNote)
	return p.err()
}

// FollowUpOverdue reports whether an open referral's follow-up date is past.
func (r Referral) FollowUpOverdue(today Date) bool {
	return r.Status.Open() && !r.FollowUpOn.IsZero() && r.FollowUpOn.Before(today)
}

// ReferralEvent is one status change of a referral, kept for ever. The first
// event of every referral goes from "" to referred.
type ReferralEvent struct {
	ID            string
	ReferralID    string
	ClientID      string
	At            time.Time
	From          ReferralStatus
	To            ReferralStatus
	Note          string
	FollowUpOn    Date      // the follow-up date set by this change, if any
	AppointmentAt time.Time // the appointment set by this change, if any
	// Sensitive marks a note that holds substance-use information.
	Sensitive bool
	CreatedAt time.Time
}

// Validate checks the change against the lifecycle.
func (e ReferralEvent) Validate() error {
	var p problems
	if e.At.IsZero() {
		p.add(FieldAt, "required")
	}
	if e.From == "" {
		if e.To != ReferralReferred {
			p.add(FieldStatus, "a referral starts as referred")
		}
	} else if !CanMove(e.From, e.To) {
		p.add(FieldStatus, ErrTransition{e.From, e.To}.Error())
	}
	if e.To.Open() && e.FollowUpOn.IsZero() {
		p.add(FieldFollowUp, "an open referral needs a follow-up date")
	}
	checkText(&p, FieldNote, e.Note, false, maxNote)
	return p.err()
}

// Apply returns the referral after the event: its status, follow-up date and
// appointment move with the change.
func (r Referral) Apply(e ReferralEvent) Referral {
	r.Status = e.To
	if !e.FollowUpOn.IsZero() || !e.To.Open() {
		r.FollowUpOn = e.FollowUpOn
	}
	if !e.AppointmentAt.IsZero() {
		r.AppointmentAt = e.AppointmentAt
	}
	if !e.To.Open() && e.Note != "" {
		r.OutcomeNote = e.Note
	}
	r.UpdatedAt = e.At
	return r
}
