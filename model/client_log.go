package model

import "time"

// LogKind is one kind of record in a client's log, the one feed of
// everything recorded about the client. Each has a key that filters the log
// to it.
type LogKind string

// Log kinds. A drug test is a check-in with a test, listed under both.
const (
	LogContact    LogKind = "contact"
	LogTest       LogKind = "test"
	LogStage      LogKind = "stage"
	LogScreening  LogKind = "screening"
	LogReferral   LogKind = "referral"
	LogGoal       LogKind = "goal"
	LogCondition  LogKind = "condition"
	LogProgress   LogKind = "progress"
	LogCourt      LogKind = "court"
	LogViolation  LogKind = "violation"
	LogResponse   LogKind = "response"
	LogIncentive  LogKind = "incentive"
	LogEmployment LogKind = "employment"
	LogArrest     LogKind = "arrest"
	LogCustody    LogKind = "custody"
	LogAmendment  LogKind = "amendment"
	LogSync       LogKind = "sync"
	// LogSupervisor is a supervisor's note on the client.
	LogSupervisor LogKind = "supervisor"
)

// LogKindOption is a log kind with the key that filters to it.
type LogKindOption struct {
	Option[LogKind]
	Key string
}

var logKinds = []LogKindOption{
	{Option[LogKind]{LogContact, "Contacts", "Every check-in: office, home, field, phone, video, collateral."}, "c"},
	{Option[LogKind]{LogTest, "Drug tests", "Check-ins with a drug or alcohol test."}, "t"},
	{Option[LogKind]{LogStage, "Stage notes", "Stage-of-change notes made on their own."}, "n"},
	{Option[LogKind]{LogScreening, "Screenings", "Brief screenings: PHQ, GAD, AUDIT-C, readiness."}, "s"},
	{Option[LogKind]{LogReferral, "Referrals", "Referrals made and every change of status."}, "r"},
	{Option[LogKind]{LogGoal, "Plan", "Supervision-plan goals and their changes."}, "g"},
	{Option[LogKind]{LogCondition, "Conditions", "Conditions ordered by the court."}, "d"},
	{Option[LogKind]{LogProgress, "Progress", "Hours, payments, sessions and status changes on conditions."}, "p"},
	{Option[LogKind]{LogCourt, "Court", "Hearings, before and after."}, "o"},
	{Option[LogKind]{LogViolation, "Violations", "Conduct: violations of supervision."}, "v"},
	{Option[LogKind]{LogResponse, "Responses", "What was done about each violation."}, "x"},
	{Option[LogKind]{LogIncentive, "Incentives", "Rewards for progress."}, "i"},
	{Option[LogKind]{LogEmployment, "Employment", "Jobs held, and how they were verified."}, "w"},
	{Option[LogKind]{LogArrest, "Arrests", "New arrests and charges."}, "a"},
	{Option[LogKind]{LogCustody, "Custody", "Time held in custody."}, "u"},
	{Option[LogKind]{LogAmendment, "Amendments", "Corrections of the record."}, "m"},
	{Option[LogKind]{LogSupervisor, "Supervisor", "Notes the supervisor wrote on the client, from the supervisor's file."}, "e"},
	{Option[LogKind]{LogSync, "Sync", "The same thing changed on two laptops at once: what was kept, what was not."}, "y"},
}

// LogKinds lists the log's kinds in the order the filter shows them.
func LogKinds() []LogKindOption { return append([]LogKindOption(nil), logKinds...) }

// Label is the officer-facing name.
func (v LogKind) Label() string {
	for _, o := range logKinds {
		if o.Value == v {
			return o.Label
		}
	}
	return string(v)
}

// Valid reports whether v is known.
func (v LogKind) Valid() bool {
	for _, o := range logKinds {
		if o.Value == v {
			return true
		}
	}
	return false
}

// LogKindForKey returns the kind a filter key selects.
func LogKindForKey(key string) (LogKind, bool) {
	for _, o := range logKinds {
		if o.Key == key {
			return o.Value, true
		}
	}
	return "", false
}

// LogCursor marks where a page of the log ended: the next page starts
// after the record at At with this ID, newest first. The zero cursor is the
// first page.
type LogCursor struct {
	At time.Time
	ID string
}

// IsZero reports whether the cursor is the start of the log.
func (c LogCursor) IsZero() bool { return c.At.IsZero() && c.ID == "" }

// LogQuery asks for one page of a client's log.
type LogQuery struct {
	ClientID string
	Kind     LogKind // "" for every kind
	After    LogCursor
	Limit    int
}

// LogEntry is one record in a client's log. Exactly one record pointer is
// set, named by Kind (a drug test sets CheckIn).
type LogEntry struct {
	Kind       LogKind
	At         time.Time
	ID         string
	CheckIn    *CheckIn
	StageNote  *StageNote
	Screening  *Screening
	Event      *ReferralEvent
	Goal       *Goal
	Condition  *Condition
	Progress   *ProgressEntry
	CourtEvent *CourtEvent
	Violation  *Violation
	Response   *Response
	Incentive  *Incentive
	Employment *Employment
	Arrest     *Arrest
	Custody    *Custody
	Amendment  *Amendment
	Conflict   *Conflict
	Supervisor *SupervisorNote
	// ResourceName names the resource of a referral change; ConditionWording
	// the condition of a progress entry or violation.
	ResourceName     string
	ConditionWording string
	// AmendedBy is the amendment that corrects this record, if any.
	AmendedBy string
}

// LogPage is one page of the log and the cursor of the next; Next is zero
// when this was the last page.
type LogPage struct {
	Entries []LogEntry
	Next    LogCursor
}
