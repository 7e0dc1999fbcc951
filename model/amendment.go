package model

import "time"

// RecordKind names a kind of append-only record that an amendment can correct.
type RecordKind string

// Kinds of record that can be amended.
const (
	KindCheckIn       RecordKind = "checkin"
	KindStageNote     RecordKind = "stage_note"
	KindReferralEvent RecordKind = "referral_event"
)

// Amendment corrects an append-only record without changing it: it points at
// the original and says why; ReplacementID names the corrected record, or is
// empty when the original is struck out (entered for the wrong client, say).
// The original stays readable; an amended record no longer counts.
type Amendment struct {
	ID            string
	ClientID      string
	TargetKind    RecordKind
	TargetID      string
	ReplacementID string
	Reason        string
	At            time.Time
}

// FieldAmendReason names the reason field of an amendment.
const FieldAmendReason = "reason"

// Validate checks the amendment.
func (a Amendment) Validate() error {
	var p problems
	switch a.TargetKind {
	case KindCheckIn, KindStageNote, KindReferralEvent:
	default:
		p.add("target", "unknown kind of record")
	}
	if a.TargetID == "" {
		p.add("target", "required")
	}
	if a.TargetID != "" && a.TargetID == a.ReplacementID {
		p.add("target", "a record cannot replace itself")
	}
	checkText(&p, FieldAmendReason, a.Reason, true, 2000)
	return p.err()
}
