package model

import "time"

// ConditionKind is what a court-ordered condition asks of the client.
type ConditionKind string

// Condition kinds.
const (
	ConditionReport        ConditionKind = "report"
	ConditionNoNewOffence  ConditionKind = "no_new_offence"
	ConditionTesting       ConditionKind = "substance_testing"
	ConditionSUTreatment   ConditionKind = "substance_use_treatment"
	ConditionMHTreatment   ConditionKind = "mental_health_treatment"
	ConditionProgramme     ConditionKind = "programme"
	ConditionCommunityWork ConditionKind = "community_service"
	ConditionPayment       ConditionKind = "payment"
	ConditionCurfew        ConditionKind = "curfew"
	ConditionMonitoring    ConditionKind = "electronic_monitoring"
	ConditionNoContact     ConditionKind = "no_contact"
	ConditionStayAway      ConditionKind = "stay_away"
	ConditionEmployment    ConditionKind = "employment"
	ConditionEducation     ConditionKind = "education"
	ConditionTravel        ConditionKind = "travel_restriction"
	ConditionOther         ConditionKind = "other"
)

var conditionKinds = []Option[ConditionKind]{
	{ConditionReport, "Report as directed", "Report to the officer as directed."},
	{ConditionNoNewOffence, "No new offences", "Commit no new offence."},
	{ConditionTesting, "Substance testing", "Submit to drug and alcohol testing (substance-use information)."},
	{ConditionSUTreatment, "Substance-use treatment", "Assessment and treatment for substance use (substance-use information)."},
	{ConditionMHTreatment, "Mental-health treatment", "Evaluation and treatment for mental health."},
	{ConditionProgramme, "Programme", "Anger management, a domestic-violence programme, cognitive skills: sessions to attend."},
	{ConditionCommunityWork, "Community service", "Hours of unpaid work; the target is the hours ordered."},
	{ConditionPayment, "Fines, fees, restitution", "An amount to pay; the target is the amount ordered."},
	{ConditionCurfew, "Curfew", "Be at home between set hours."},
	{ConditionMonitoring, "Electronic monitoring", "Wear and keep charged a monitoring device."},
	{ConditionNoContact, "No contact", "No contact with a named person."},
	{ConditionStayAway, "Stay away", "Stay away from a named place."},
	{ConditionEmployment, "Employment or job search", "Keep a job or look for one."},
	{ConditionEducation, "Education", "Enrol in or keep up with school or a course."},
	{ConditionTravel, "Travel restriction", "Do not leave the area without permission."},
	{ConditionOther, "Other", "Any other condition, in the court's words."},
}

// ConditionKinds lists the condition kinds.
func ConditionKinds() []Option[ConditionKind] { return copyOf(conditionKinds) }

// Label is the officer-facing name.
func (v ConditionKind) Label() string { return labelOf(conditionKinds, v) }

// Help is the one-line explanation.
func (v ConditionKind) Help() string { return helpOf(conditionKinds, v) }

// Valid reports whether v is known.
func (v ConditionKind) Valid() bool { return valid(conditionKinds, v) }

// Measure is how progress on a condition is counted.
type Measure string

// Measures: a condition of hours, of money, of sessions, or of none.
const (
	MeasureNone     Measure = ""
	MeasureMinutes  Measure = "minutes"
	MeasureCents    Measure = "cents"
	MeasureSessions Measure = "sessions"
)

// Measure says how the kind's progress is counted: community service in
// minutes (shown as hours), payments in cents, programmes and treatment in
// sessions; the rest are kept or broken rather than counted.
func (v ConditionKind) Measure() Measure {
	switch v {
	case ConditionCommunityWork:
		return MeasureMinutes
	case ConditionPayment:
		return MeasureCents
	case ConditionProgramme, ConditionSUTreatment, ConditionMHTreatment, ConditionEducation:
		return MeasureSessions
	}
	return MeasureNone
}

// ConditionStatus is where the client stands on one condition.
type ConditionStatus string

// Condition statuses.
const (
	ConditionNotStarted   ConditionStatus = "not_started"
	ConditionInProgress   ConditionStatus = "in_progress"
	ConditionCompliant    ConditionStatus = "in_compliance"
	ConditionNotCompliant ConditionStatus = "not_in_compliance"
	ConditionCompleted    ConditionStatus = "completed"
	ConditionModified     ConditionStatus = "modified"
	ConditionWaived       ConditionStatus = "waived"
)

var conditionStatuses = []Option[ConditionStatus]{
	{ConditionNotStarted, "Not started", "Ordered; nothing done yet."},
	{ConditionInProgress, "In progress", "Under way."},
	{ConditionCompliant, "In compliance", "Being met."},
	{ConditionNotCompliant, "Not in compliance", "Not being met; a violation may follow."},
	{ConditionCompleted, "Completed", "Met in full."},
	{ConditionModified, "Modified by the court", "Replaced by the court's new wording."},
	{ConditionWaived, "Waived", "The court no longer requires it."},
}

// ConditionStatuses lists the condition statuses.
func ConditionStatuses() []Option[ConditionStatus] { return copyOf(conditionStatuses) }

// Label is the officer-facing name.
func (v ConditionStatus) Label() string { return labelOf(conditionStatuses, v) }

// Help is the one-line explanation.
func (v ConditionStatus) Help() string { return helpOf(conditionStatuses, v) }

// Valid reports whether v is known.
func (v ConditionStatus) Valid() bool { return valid(conditionStatuses, v) }

// Open reports whether the condition still binds the client: not completed,
// modified or waived.
func (v ConditionStatus) Open() bool {
	return v != ConditionCompleted && v != ConditionModified && v != ConditionWaived
}

// Condition is one court-ordered condition of a client's supervision. What
// the court ordered (kind, wording, dates, target) never changes once saved:
// a change by the court is a new condition and this one is marked modified.
// The status moves only by progress entries.
type Condition struct {
	ID        string
	ClientID  string
	Kind      ConditionKind
	Wording   string // the court's words, exactly
	OrderedOn Date
	DueBy     Date // zero when the order sets no deadline
	// Target is what a measurable condition asks for, in its kind's
	// Measure: minutes of community service, cents owed, sessions to
	// attend; zero when there is none.
	Target int64
	// Instalment and FirstInstalmentOn make a payment plan: that many cents
	// each month from that day. Zero when there is no plan.
	Instalment        int64
	FirstInstalmentOn Date
	// Whom names the person of a no-contact order or the place of a
	// stay-away order.
	Whom      string
	Status    ConditionStatus
	CreatedAt time.Time
}

// Condition field names used in validation errors.
const (
	FieldConditionKind = "kind"
	FieldWording       = "wording"
	FieldOrderedOn     = "ordered_on"
	FieldDueBy         = "due_by"
	FieldTarget        = "target"
	FieldInstalment    = "instalment"
	FieldWhom          = "whom"
)

// Validate checks a condition.
func (c Condition) Validate() error {
	var p problems
	if c.ClientID == "" {
		p.add("client", "required")
	}
	if !c.Kind.Valid() {
		p.add(FieldConditionKind, "choose a kind of condition")
	}
	checkText(&p, FieldWording, c.Wording, true, maxNote) // as long as the client's conditions text may be
	if c.OrderedOn.IsZero() {
		p.add(FieldOrderedOn, "required")
	}
	if !c.DueBy.IsZero() && !c.OrderedOn.IsZero() && c.DueBy.Before(c.OrderedOn) {
		p.add(FieldDueBy, "is before the order")
	}
	switch {
	case c.Target < 0:
		p.add(FieldTarget, "cannot be negative")
	case c.Target > 0 && c.Kind.Measure() == MeasureNone:
		p.add(FieldTarget, c.Kind.Label()+" has nothing to count")
	}
	if c.Instalment < 0 {
		p.add(FieldInstalment, "cannot be negative")
	} else if c.Instalment > 0 {
		switch {
		case c.Kind != ConditionPayment:
			p.add(FieldInstalment, "only a payment has instalments")
		case c.FirstInstalmentOn.IsZero():
			p.add(FieldInstalment, "say when the first instalment is due")
		case c.Target > 0 && c.Instalment > c.Target:
			p.add(FieldInstalment, "is more than the amount owed")
		}
	}
	checkText(&p, FieldWhom, c.Whom, false, 200)
	if !c.Status.Valid() {
		p.add(FieldStatus, "choose a status")
	}
	return p.err()
}
