package model

import "time"

// CaseloadTab selects which clients the caseload shows.
type CaseloadTab string

// Caseload tabs. Each is a subset of the one before it: "due" holds the
// clients due within the week including those overdue.
const (
	TabAll     CaseloadTab = "all"
	TabDue     CaseloadTab = "due"
	TabOverdue CaseloadTab = "overdue"
)

// CaseloadTabs lists the tabs in display order.
func CaseloadTabs() []Option[CaseloadTab] {
	return []Option[CaseloadTab]{
		{TabAll, "All", "Every client on the caseload."},
		{TabDue, "Due", "Active clients due for a contact within the next 7 days, overdue included."},
		{TabOverdue, "Overdue", "Active clients whose contact was due before today."},
	}
}

// CaseloadSort orders the caseload.
type CaseloadSort string

// Caseload sorts.
const (
	SortDue         CaseloadSort = "due"
	SortName        CaseloadSort = "name"
	SortLastContact CaseloadSort = "last_contact"
)

// CaseloadSorts lists the sorts in the order `s` cycles through them.
func CaseloadSorts() []Option[CaseloadSort] {
	return []Option[CaseloadSort]{
		{SortDue, "Next due", "Most urgent first; clients with nothing due last."},
		{SortName, "Name", "Alphabetical by name."},
		{SortLastContact, "Last contact", "Longest since the last contact first."},
	}
}

// CaseloadQuery asks for one page of the caseload.
type CaseloadQuery struct {
	Filter string // matches name, preferred name or case number; "" for all
	IDs    []string
	Tab    CaseloadTab
	Sort   CaseloadSort
	Limit  int
	Offset int
	Now    time.Time // the officer's now, in local time; sets "today"
	// NotCompliant keeps only the clients with a condition not in
	// compliance.
	NotCompliant bool
	// Owner keeps only one officer's clients (a supervisor's file holds
	// the team's); "" for everyone's.
	Owner string
}

// CaseloadRow is one line of the caseload: the client and what the officer
// needs at a glance.
type CaseloadRow struct {
	ClientID      string
	Name          string
	PreferredName string
	CaseNumber    string
	Level         Level
	Status        ClientStatus
	Stage         Stage
	LastContact   time.Time
	NextDue       time.Time
	HasDue        bool
	OpenReferrals int
	NotCompliant  int    // conditions not in compliance
	Owner         string // the officer the client belongs to, as the agency's server says; "" before a sync
}

// DueState classifies the row's next due against now.
func (r CaseloadRow) DueState(now time.Time) DueState { return StateOf(r.NextDue, r.HasDue, now) }

// ClientSummary is what the store keeps up to date on each client row inside
// every write, so that a caseload page is an index read.
type ClientSummary struct {
	LastContact     time.Time
	LastContactType ContactType
	LastCompleted   time.Time
	NextAppointment time.Time
	Stage           Stage
	StageAt         time.Time
	NextDue         time.Time
	HasDue          bool
	OpenReferrals   int
	// NotCompliant counts the conditions not in compliance.
	NotCompliant int
}
