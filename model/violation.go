package model

import "time"

// ViolationKind is what the client did or failed to do.
type ViolationKind string

// Violation kinds.
const (
	ViolationMissedContact   ViolationKind = "missed_contact"
	ViolationTest            ViolationKind = "positive_or_refused_test"
	ViolationMissedTreatment ViolationKind = "missed_treatment"
	ViolationNewArrest       ViolationKind = "new_arrest"
	ViolationCurfew          ViolationKind = "curfew_or_monitoring"
	ViolationPayment         ViolationKind = "failure_to_pay"
	ViolationCommunityWork   ViolationKind = "failure_community_service"
	ViolationAbsconding      ViolationKind = "absconding"
	ViolationOther           ViolationKind = "other"
)

var violationKinds = []Option[ViolationKind]{
	{ViolationMissedContact, "Missed contact", "Did not report or could not be found as directed."},
	{ViolationTest, "Positive or refused test", "A positive, refused or tampered drug or alcohol test (substance-use information)."},
	{ViolationMissedTreatment, "Missed treatment", "Missed a treatment or programme session."},
	{ViolationNewArrest, "New arrest", "Arrested or charged with a new offence."},
	{ViolationCurfew, "Curfew or monitoring", "Out after curfew, or a monitoring alert or tamper."},
	{ViolationPayment, "Failure to pay", "Behind on fines, fees or restitution."},
	{ViolationCommunityWork, "Failure to do community service", "Behind on community service hours."},
	{ViolationAbsconding, "Absconding", "Whereabouts unknown; contact lost."},
	{ViolationOther, "Other", "Any other violation of a condition."},
}

// ViolationKinds lists the violation kinds.
func ViolationKinds() []Option[ViolationKind] { return copyOf(violationKinds) }

// Label is the officer-facing name.
func (v ViolationKind) Label() string { return labelOf(violationKinds, v) }

// Valid reports whether v is known.
func (v ViolationKind) Valid() bool { return valid(violationKinds, v) }

// Seriousness is how serious a violation is, the first axis of the
// response matrix.
type Seriousness string

// Seriousness levels.
const (
	SeriousnessLow    Seriousness = "low"
	SeriousnessMedium Seriousness = "medium"
	SeriousnessHigh   Seriousness = "high"
)

var seriousnesses = []Option[Seriousness]{
	{SeriousnessLow, "Low", "A minor lapse: late, one missed call, a small shortfall."},
	{SeriousnessMedium, "Medium", "A clear breach of a condition."},
	{SeriousnessHigh, "High", "A new offence, absconding, or a risk to someone's safety."},
}

// Seriousnesses lists the seriousness levels, least first.
func Seriousnesses() []Option[Seriousness] { return copyOf(seriousnesses) }

// Label is the officer-facing name.
func (v Seriousness) Label() string { return labelOf(seriousnesses, v) }

// Valid reports whether v is known.
func (v Seriousness) Valid() bool { return valid(seriousnesses, v) }

// Violation is a breach of supervision, kept for ever: what happened, when,
// how serious, and the check-in or condition it came from where there is
// one. The response to it is a separate record, made with it or later.
type Violation struct {
	ID          string
	ClientID    string
	Kind        ViolationKind
	At          time.Time
	Seriousness Seriousness
	Description string
	CheckInID   string // the check-in it came from, if any
	ConditionID string // the condition it breaches, if any
	// Sensitive marks a description that holds substance-use information.
	Sensitive bool
	CreatedAt time.Time
}

// Violation field names used in validation errors.
// (FieldDescription, shared with resources, names the description.)
const FieldSeriousness = "seriousness"

// Validate checks a violation as of now.
func (v Violation) Validate(now time.Time) error {
	var p problems
	if v.ClientID == "" {
		p.add("client", "required")
	}
	if !v.Kind.Valid() {
		p.add(FieldType, "choose what happened")
	}
	if v.At.IsZero() {
		p.add(FieldAt, "required")
	} else if v.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	if !v.Seriousness.Valid() {
		p.add(FieldSeriousness, "choose low, medium or high")
	}
	checkText(&p, FieldDescription, v.Description, false, maxNote)
	return p.err()
}

// ViolationFromCheckIn is the violation a check-in suggests, offered in the
// same save: a positive, refused or invalid test, or a new arrest. ok is
// false when the check-in suggests none.
func ViolationFromCheckIn(k CheckIn) (Violation, bool) {
	v := Violation{ClientID: k.ClientID, At: k.At, CheckInID: k.ID}
	switch {
	case k.Test == TestPositive || k.Test == TestRefused || k.Test == TestDilute:
		v.Kind, v.Seriousness, v.Sensitive = ViolationTest, SeriousnessMedium, true
	case hasFlag(k.Flags, FlagNewArrest):
		v.Kind, v.Seriousness = ViolationNewArrest, SeriousnessHigh
	case k.Outcome == OutcomeNoShow:
		v.Kind, v.Seriousness = ViolationMissedContact, SeriousnessLow
	default:
		return Violation{}, false
	}
	return v, true
}

func hasFlag(list []RiskFlag, f RiskFlag) bool {
	for _, x := range list {
		if x == f {
			return true
		}
	}
	return false
}
