package model

import "time"

// TimelineEntry is one record on a client's timeline. Exactly one of the
// record pointers is set, named by Kind.
type TimelineEntry struct {
	Kind      TimelineKind
	At        time.Time
	ID        string
	CheckIn   *CheckIn
	StageNote *StageNote
	Event     *ReferralEvent
	Amendment *Amendment
	Screening *Screening
	// Goal is the goal version recorded at this point; Previous is the
	// version before it (nil for a new goal), so the change can be told.
	Goal     *Goal
	Previous *Goal
	// AmendedBy is the amendment that corrects this record, if any: the
	// record stays on the timeline, marked.
	AmendedBy string
	// ResourceName names the resource of a referral event.
	ResourceName string
}

// TimelineKind names the kind of record on the timeline.
type TimelineKind string

// Timeline kinds.
const (
	TimelineCheckIn   TimelineKind = "checkin"
	TimelineStageNote TimelineKind = "stage_note"
	TimelineReferral  TimelineKind = "referral_event"
	TimelineAmendment TimelineKind = "amendment"
	TimelineScreening TimelineKind = "screening"
	TimelineGoal      TimelineKind = "goal_version"
)
