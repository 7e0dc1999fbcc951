package model

import "time"

// SummaryRecords is what a session summary is built from: the records the
// store loads for a time range, and each client's standing at its end. Only
// records that still count are here: an amended record is left out and its
// correction is in. Order does not matter; BuildSummary sorts.
type SummaryRecords struct {
	Officer    string
	From, To   time.Time // From inclusive, To exclusive
	Intervals  Intervals
	Clients    []SummaryClient
	CheckIns   []CheckIn
	StageNotes []StageNote
	Referrals  []ReferralActivity
	Screenings []Screening
	// Goals are the clients' supervision-plan goals as they stood at the end
	// of the range; loaded only for a summary for a recipient.
	Goals []Goal
	// Compliance holds the conditions of supervision: conditions and their
	// progress, court events, violations and responses, incentives, jobs.
	Compliance ComplianceRecords
}

// SummaryClient is a client the summary covers, with what the due rule needs
// to know as of the end of the range.
type SummaryClient struct {
	Client ClientHeading
	Due    DueInput
	// StageBefore holds the last stage note before the range (none when the
	// stage was never recorded), so that a change in the range says what it
	// changed from.
	StageBefore []StageNote
}

// ClientHeading is what a summary shows of a client: the heading of the
// client's section. Only it is kept, not the whole client: a summary of a
// month of a large caseload covers thousands.
type ClientHeading struct {
	ID, Name, PreferredName, CaseNumber string
}

// ReferralActivity is a referral made or changed in the range, with its
// changes in the range (in any order: BuildSummary sorts them).
type ReferralActivity struct {
	Referral     Referral
	ResourceName string
	// Category is the resource's: a substance-use one makes the whole
	// referral substance-use information.
	Category ResourceCategory
	Events   []ReferralEvent
}

// SummaryOptions say how a summary is made.
type SummaryOptions struct {
	ProducedAt time.Time
	// ClientID and CaseNumber name the one client the summary is about; ""
	// for the whole caseload.
	ClientID   string
	CaseNumber string
	// Redact leaves out test results, substances, screenings and notes
	// marked sensitive.
	Redact bool
	// Share makes the summary for a recipient: only the clients and the
	// kinds of information their consents allow. Nil for the officer's own.
	Share *ShareScope
}

// Summary is the work done in a time range, ready to be written in any
// format: a header, a section per client seen and totals.
type Summary struct {
	Officer    string
	From, To   time.Time
	ProducedAt time.Time
	ClientID   string
	CaseNumber string
	Redacted   bool
	// SharedWith names the recipient of a summary made for one, and
	// ConsentDay is the day its consents were judged on; "" and zero in the
	// officer's own summary.
	SharedWith string
	ConsentDay Date
	Clients    []ClientActivity
	Totals     SummaryTotals
}

// ClientActivity is one client's section of a summary.
type ClientActivity struct {
	ClientID      string
	Name          string
	PreferredName string
	CaseNumber    string
	CheckIns      []CheckIn
	StageChanges  []SummaryStageChange
	Referrals     []SummaryReferral
	FlagsRaised   []RiskFlag
	Screenings    []SummaryScreening
	// Goals are the plan goals at the end of the range; only in a summary
	// for a recipient whose consent allows plan goals.
	Goals []Goal
	// The conditions of supervision: conditions with their progress,
	// hearings, violations with their responses, incentives, jobs.
	Conditions  []SummaryCondition
	CourtEvents []CourtEvent
	Violations  []SummaryViolation
	Incentives  []SummaryIncentive
	Employment  []Employment
	// Shares lists what the client's consent lets go to the recipient; nil
	// in the officer's own summary, which holds everything.
	Shares []ShareKind
	// Consents are the active consents behind Shares, whose scope the
	// summary explains; nil in the officer's own summary.
	Consents []Consent
	// NextDue is when the next contact is due as of the end of the range;
	// ByAppointment says an appointment set at a contact fixes it.
	NextDue       time.Time
	HasDue        bool
	ByAppointment bool
	Overdue       bool
}

// SummaryStageChange is a change of stage in the range, with the note of the
// stage note that made it.
type SummaryStageChange struct {
	StageChange
	Note      string
	Sensitive bool
}

// SummaryReferral is a referral made or changed in the range.
type SummaryReferral struct {
	ReferralID string
	Resource   string
	Reason     string
	// SubstanceUse marks a referral to a resource in a substance-use
	// category; ReasonSensitive a reason marked sensitive.
	SubstanceUse    bool
	ReasonSensitive bool
	Made            bool           // first made in the range
	Status          ReferralStatus // as of the end of the range
	Changes         []ReferralEvent
}

// Count is how many records have one value of an enumeration.
type Count[T ~string] struct {
	Value T
	N     int
}

// SummaryTotals sum up the summary. Counts list only values that occur, in
// the enumeration's order.
type SummaryTotals struct {
	Clients           int
	Contacts          int
	ContactsByType    []Count[ContactType]
	ContactsByOutcome []Count[Outcome]
	Tests             int
	TestsByResult     []Count[TestResult] // none in a redacted summary
	StageChanges      int
	Referrals         int
	ReferralsByStatus []Count[ReferralStatus]
	ClientsOverdue    int
	Screenings        int
	// The conditions of supervision: conditions with activity, those not in
	// compliance at the end of the range, hearings, violations, responses,
	// incentives and jobs.
	Conditions             int
	ConditionsNotCompliant int
	CourtEvents            int
	Violations             int
	Responses              int
	Incentives             int
	Jobs                   int
}

// HoldsSubstanceUse reports whether the summary carries information protected
// by 42 CFR Part 2 (a test result, a note marked sensitive, and the rest
// part2_rules.go lists), and so must carry the redisclosure notice. A
// redacted summary holds none. An AUDIT-C screening is about drinking, so it
// counts; so does a plan goal in the substance-use domain.
func (s Summary) HoldsSubstanceUse() bool {
	for _, c := range s.Clients {
		for _, k := range c.CheckIns {
			if k.HoldsSubstanceUse() {
				return true
			}
		}
		for _, ch := range c.StageChanges {
			if ch.Sensitive {
				return true
			}
		}
		for _, sc := range c.Screenings {
			if sc.SubstanceUse {
				return true
			}
		}
		for _, r := range c.Referrals {
			if r.SubstanceUse || r.ReasonSensitive && r.Reason != "" {
				return true
			}
			for _, e := range r.Changes {
				if e.Sensitive && e.Note != "" {
					return true
				}
			}
		}
		for _, cd := range c.Conditions {
			if cd.Condition.Kind.SubstanceUse() {
				return true
			}
		}
		for _, g := range c.Goals {
			if g.SubstanceUse() {
				return true
			}
		}
		for _, v := range c.Violations {
			if v.Violation.SubstanceUse(v.ConditionKind) {
				return true
			}
		}
		for _, i := range c.Incentives {
			if i.ConditionKind.SubstanceUse() {
				return true
			}
		}
	}
	return false
}

// Records counts the records the summary reports (check-ins, stage changes,
// referral changes, screenings and plan goals): the number kept in the export
// log.
func (s Summary) Records() int {
	n := 0
	for _, c := range s.Clients {
		n += c.records()
	}
	return n
}
