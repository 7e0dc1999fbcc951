package model

import "time"

// AgendaKind is one heading of the agenda: a kind of thing to do.
type AgendaKind string

// Agenda kinds, in the order the agenda shows them: what is due today first,
// then what is already late, then what is coming.
const (
	AgendaToday           AgendaKind = "today"
	AgendaContactOverdue  AgendaKind = "contact_overdue"
	AgendaContactDue      AgendaKind = "contact_due"
	AgendaFollowUpOverdue AgendaKind = "follow_up_overdue"
	AgendaReferralSoon    AgendaKind = "referral_soon"
)

var agendaKinds = []Option[AgendaKind]{
	{AgendaToday, "Today", "Clients reporting today and referral appointments today."},
	{AgendaContactOverdue, "Contacts overdue", "Active clients whose contact was due before today."},
	{AgendaContactDue, "Contacts due this week", "Active clients due for a contact within the next 7 days, not by appointment today."},
	{AgendaFollowUpOverdue, "Referral follow-ups overdue", "Open referrals past their follow-up date."},
	{AgendaReferralSoon, "Referral appointments this week", "Open referrals with an appointment in the 7 days after today."},
}

// Agenda kinds of the conditions of supervision: hearings coming, what is
// due on conditions, violations nobody has answered.
const (
	AgendaCourtSoon    AgendaKind = "court_soon"
	AgendaConditionDue AgendaKind = "condition_due"
	AgendaUnanswered   AgendaKind = "violation_unanswered"
)

var complianceAgendaKinds = []Option[AgendaKind]{
	{AgendaCourtSoon, "Court in the next 14 days", "Hearings from today to 14 days ahead, with the reports due before them."},
	{AgendaConditionDue, "Conditions due or overdue", "A payment plan's next instalment, a deadline for hours or sessions, due within 14 days or past."},
	{AgendaUnanswered, "Violations without a response", "Violations recorded with no response yet, oldest first."},
}

// AgendaKinds lists the agenda's headings in the order they are shown.
func AgendaKinds() []Option[AgendaKind] { return copyOf(agendaKinds) }

// ComplianceAgendaKinds lists the headings of the conditions of
// supervision, shown after AgendaKinds.
func ComplianceAgendaKinds() []Option[AgendaKind] { return copyOf(complianceAgendaKinds) }

// Label is the heading the officer reads.
func (v AgendaKind) Label() string {
	if o, ok := lookup(complianceAgendaKinds, v); ok {
		return o.Label
	}
	return labelOf(agendaKinds, v)
}

// Help is the one-line explanation.
func (v AgendaKind) Help() string {
	return helpOf(append(copyOf(agendaKinds), complianceAgendaKinds...), v)
}

// Valid reports whether v is known.
func (v AgendaKind) Valid() bool { return valid(agendaKinds, v) || valid(complianceAgendaKinds, v) }

// AgendaItem is one thing to do, naming the client so that the agenda can
// jump to them. Referral fields are empty for a contact.
type AgendaItem struct {
	Kind          AgendaKind
	ClientID      string
	ClientName    string
	PreferredName string
	CaseNumber    string
	// At is when it is due: the contact's due time or the referral's
	// appointment; zero for a follow-up, which has only a date.
	At             time.Time
	ReferralID     string
	ResourceID     string
	ResourceName   string
	ReferralStatus ReferralStatus
	FollowUpOn     Date
	// Court is the hearing of a court item (At is when it is).
	Court *CourtEvent
	// Condition is the condition of a condition item, with what is due
	// (Due: the day, Owed: cents of a payment plan's instalment) and its
	// progress in words.
	Condition    *Condition
	Due          Date
	Owed         int64
	ProgressText string
	// Violation is the violation of an unanswered item (At is when).
	Violation *Violation
}

// IsReferral reports whether the item is about a referral rather than a
// contact.
func (i AgendaItem) IsReferral() bool { return i.ReferralID != "" }

// AgendaSection is the items under one heading, most urgent first. Total
// counts them all when the section was cut to a limit.
type AgendaSection struct {
	Kind  AgendaKind
	Items []AgendaItem
	Total int
}

// Agenda is what needs doing now, heading by heading in AgendaKinds order;
// every heading is present, empty or not.
type Agenda struct {
	Now      time.Time
	Sections []AgendaSection
}

// Section returns the section of one kind (empty when unknown).
func (a Agenda) Section(k AgendaKind) AgendaSection {
	for _, s := range a.Sections {
		if s.Kind == k {
			return s
		}
	}
	return AgendaSection{Kind: k}
}
