package model

import "time"

// CourtEventKind is the kind of hearing.
type CourtEventKind string

// Court event kinds.
const (
	CourtSentencing       CourtEventKind = "sentencing"
	CourtReview           CourtEventKind = "review"
	CourtStatusConference CourtEventKind = "status_conference"
	CourtViolationHearing CourtEventKind = "violation_hearing"
	CourtRevocation       CourtEventKind = "revocation_hearing"
	CourtEarlyTermination CourtEventKind = "early_termination_hearing"
	CourtOther            CourtEventKind = "other"
)

var courtEventKinds = []Option[CourtEventKind]{
	{CourtSentencing, "Sentencing", "The court sets the sentence and its conditions."},
	{CourtReview, "Review hearing", "The court reviews progress on supervision."},
	{CourtStatusConference, "Status conference", "A short hearing on where the case stands."},
	{CourtViolationHearing, "Violation hearing", "The court hears an alleged violation."},
	{CourtRevocation, "Revocation hearing", "The court decides whether to revoke supervision."},
	{CourtEarlyTermination, "Early termination hearing", "The court decides whether to end supervision early."},
	{CourtOther, "Other", "Any other hearing."},
}

// CourtEventKinds lists the court event kinds.
func CourtEventKinds() []Option[CourtEventKind] { return copyOf(courtEventKinds) }

// Label is the officer-facing name.
func (v CourtEventKind) Label() string { return labelOf(courtEventKinds, v) }

// Valid reports whether v is known.
func (v CourtEventKind) Valid() bool { return valid(courtEventKinds, v) }

// CourtOutcome is what the court decided at an event.
type CourtOutcome string

// Court outcomes; "" while the event has not happened or is not recorded.
const (
	CourtPending            CourtOutcome = ""
	CourtContinued          CourtOutcome = "continued"
	CourtConditionsModified CourtOutcome = "conditions_modified"
	CourtSanctionImposed    CourtOutcome = "sanction_imposed"
	CourtRevoked            CourtOutcome = "revoked"
	CourtTerminatedEarly    CourtOutcome = "terminated_early"
	CourtOutcomeOther       CourtOutcome = "other"
)

var courtOutcomes = []Option[CourtOutcome]{
	{CourtContinued, "Continued", "Supervision continues as it was, or the hearing was put off."},
	{CourtConditionsModified, "Conditions modified", "The court changed the conditions; change them here too."},
	{CourtSanctionImposed, "Sanction imposed", "The court imposed a sanction."},
	{CourtRevoked, "Revoked", "Supervision was revoked."},
	{CourtTerminatedEarly, "Terminated early", "Supervision ended early."},
	{CourtOutcomeOther, "Other", "Anything else; say what in the note."},
}

// CourtOutcomes lists the outcomes.
func CourtOutcomes() []Option[CourtOutcome] { return copyOf(courtOutcomes) }

// Label is the officer-facing name; "Pending" before an outcome is recorded.
func (v CourtOutcome) Label() string {
	if v == CourtPending {
		return "Pending"
	}
	return labelOf(courtOutcomes, v)
}

// Valid reports whether v is known (pending included).
func (v CourtOutcome) Valid() bool { return v == CourtPending || valid(courtOutcomes, v) }

// ModifiesConditions reports whether the outcome changes the conditions, so
// the app offers to change them.
func (v CourtOutcome) ModifiesConditions() bool { return v == CourtConditionsModified }

// CourtEvent is a hearing about a client, before and after: when and where,
// whether the officer must attend and a report is due, then what the court
// decided.
type CourtEvent struct {
	ID             string
	ClientID       string
	Kind           CourtEventKind
	At             time.Time
	Court          string
	Courtroom      string
	Judge          string
	OfficerAttends bool
	ReportDueOn    Date // zero when no report is due
	Outcome        CourtOutcome
	OutcomeNote    string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Court event field names used in validation errors.
const (
	FieldCourt       = "court"
	FieldCourtroom   = "courtroom"
	FieldJudge       = "judge"
	FieldReportDueOn = "report_due_on"
	FieldCourtResult = "outcome"
)

// Validate checks a court event as of now: an outcome can only be recorded
// for an event that has begun.
func (e CourtEvent) Validate(now time.Time) error {
	var p problems
	if e.ClientID == "" {
		p.add("client", "required")
	}
	if !e.Kind.Valid() {
		p.add(FieldType, "choose a kind of hearing")
	}
	if e.At.IsZero() {
		p.add(FieldAt, "required")
	}
	checkText(&p, FieldCourt, e.Court, false, 200)
	checkText(&p, FieldCourtroom, e.Courtroom, false, 100)
	checkText(&p, FieldJudge, e.Judge, false, 200)
	if !e.ReportDueOn.IsZero() && !e.At.IsZero() && DateOf(e.At).Before(e.ReportDueOn) {
		p.add(FieldReportDueOn, "is after the hearing")
	}
	if !e.Outcome.Valid() {
		p.add(FieldCourtResult, "choose an outcome")
	} else if e.Outcome != CourtPending && !e.At.IsZero() && e.At.After(now) {
		p.add(FieldCourtResult, "the hearing has not happened yet")
	}
	if e.Outcome == CourtPending && e.OutcomeNote != "" {
		p.add(FieldOutcomeNote, "choose the outcome the note is about")
	}
	checkText(&p, FieldOutcomeNote, e.OutcomeNote, false, maxNote)
	return p.err()
}

// CourtEventWindowDays is how far ahead the agenda lists court events.
const CourtEventWindowDays = 14
