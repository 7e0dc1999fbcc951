package store

// SyncTable is one table the agency sync carries. Its name and columns are
// the same in the laptop's file and on the agency's server, so a record
// reads back byte for byte.
type SyncTable struct {
	Name string
	// Columns are the synced columns, the id first. For a table whose
	// records change, every column after the id and the creation time is
	// a field merged on its own.
	Columns []string
	// Changes: the records are edited and merge field by field; otherwise
	// they are history, inserted once and never changed.
	Changes bool
	// ClientColumn names the client a record belongs to ("" for a client
	// itself, whose id is its own client).
	ClientColumn string
	// Quiet are fields every edit changes (the time of the last edit):
	// merged like the others, but two laptops changing them at once is no
	// conflict worth showing anyone.
	Quiet []string
	// Server are columns the server keeps and the laptop only reads, never
	// sends: the officer a client belongs to, which only a transfer on the
	// server changes.
	Server []string
	// Nullable are the fields a record that changes may leave NULL (a
	// resource's HSDS id, a consent's resource): merged as "", kept as NULL.
	Nullable []string
	// Supervisors: the records are written by supervisors, for any client
	// of their team, rather than by the officer whose client it is.
	Supervisors bool
	// StandIns: besides its history the table holds stand-ins, records
	// this laptop made while taking a pull (provisional = 1): never sent,
	// they give way to the history pulled for their client (a client's
	// status, recorded as it arrived, until the status history comes).
	StandIns bool
}

// IsNullable tells a field kept as NULL when it is "".
func (t SyncTable) IsNullable(field string) bool {
	for _, n := range t.Nullable {
		if n == field {
			return true
		}
	}
	return false
}

// Stored is a merged field's value as the file or the server keeps it.
func (t SyncTable) Stored(field, value string) any {
	if value == "" && t.IsNullable(field) {
		return nil
	}
	return value
}

// Fields are the columns merged one by one: all but the id and the
// creation time.
func (t SyncTable) Fields() []string {
	var out []string
	for _, c := range t.Columns[1:] {
		if c != "created_at" {
			out = append(out, c)
		}
	}
	return out
}

// IsQuiet tells a field whose conflicts are not recorded.
func (t SyncTable) IsQuiet(field string) bool {
	for _, q := range t.Quiet {
		if q == field {
			return true
		}
	}
	return false
}

// HasField tells whether name is one of the table's merged fields: field
// names from a laptop or the server are checked against it before they
// reach a statement.
func (t SyncTable) HasField(name string) bool {
	for _, f := range t.Fields() {
		if f == name {
			return true
		}
	}
	return false
}

// Synced tables, in the order a pull applies them: a client before its
// records, a check-in before the stage note written with it.
var (
	SyncClients = SyncTable{Name: "clients", Changes: true, Columns: []string{"id", "name", "preferred_name", "case_number",
		"date_of_birth", "phone", "address", "supervision_type", "level", "supervision_from", "supervision_to",
		"conditions", "status", "tags", "created_at", "updated_at"}, Quiet: []string{"updated_at"}, Server: []string{"owner"}}
	SyncCheckIns = SyncTable{Name: "checkins", ClientColumn: "client_id", Columns: []string{"id", "client_id", "at", "type",
		"outcome", "location", "test_result", "substances", "stage", "flags", "note", "sensitive", "next_appointment_at", "created_at"}}
	SyncStageNotes = SyncTable{Name: "stage_notes", ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"checkin_id", "at", "stage", "note", "sensitive", "created_at"}}
	SyncScreenings = SyncTable{Name: "screenings", ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"instrument", "at", "answers", "total", "note", "created_at"}}
	SyncAmendments = SyncTable{Name: "amendments", ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"target_kind", "target_id", "replacement_id", "reason", "at"}}
	// A client's status over time (migration 0018), for the workload's
	// past weeks: history, recorded by the laptop where the status changed.
	SyncStatusChanges = SyncTable{Name: "client_status_changes", ClientColumn: "client_id", Columns: []string{"id",
		"client_id", "at", "status", "delta"}, StandIns: true}
)

// The conditions of supervision and what follows from them. A condition
// stays as the court ordered it; only its status moves, so it merges field
// by field like a client (its total and next due date are worked out on
// each laptop from its progress, never sent). Hearings, jobs and custody
// change too (an outcome, an end date, a release); progress, violations,
// responses, incentives, arrests and relapse-prevention plans are history.
// A violation's "answered" is worked out from its responses on each laptop.
var (
	SyncConditions = SyncTable{Name: "conditions", Changes: true, ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"kind", "wording", "ordered_on", "due_by", "target", "instalment", "first_instalment_on", "whom", "status", "at", "created_at"}}
	SyncConditionProgress = SyncTable{Name: "condition_progress", ClientColumn: "client_id", Columns: []string{"id", "condition_id",
		"client_id", "kind", "at", "amount", "place", "receipt", "status", "from_status", "note", "created_at"}}
	SyncViolations = SyncTable{Name: "violations", ClientColumn: "client_id", Columns: []string{"id", "client_id", "kind", "at",
		"seriousness", "description", "checkin_id", "condition_id", "sensitive", "created_at"}}
	SyncResponses = SyncTable{Name: "responses", ClientColumn: "client_id", Columns: []string{"id", "violation_id", "client_id",
		"at", "step_key", "step_label", "tier", "suggested", "note", "created_at"}}
	SyncIncentives = SyncTable{Name: "incentives", ClientColumn: "client_id", Columns: []string{"id", "client_id", "at",
		"step_key", "step_label", "tier", "condition_id", "reason", "created_at"}}
	SyncArrests = SyncTable{Name: "arrests", ClientColumn: "client_id", Columns: []string{"id", "client_id", "at", "agency",
		"charges", "created_at"}}
	SyncCustody = SyncTable{Name: "custody", Changes: true, ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"in_at", "out_at", "facility", "reason", "created_at"}}
	SyncCourtEvents = SyncTable{Name: "court_events", Changes: true, ClientColumn: "client_id", Columns: []string{"id",
		"client_id", "kind", "at", "court", "courtroom", "judge", "officer_attends", "report_due_on", "outcome", "outcome_note",
		"created_at", "updated_at"}, Quiet: []string{"updated_at"}}
	SyncEmployment = SyncTable{Name: "employment", Changes: true, ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"employer", "position", "start_on", "end_on", "hours_per_week", "verified_by", "verified_on", "at", "created_at",
		"updated_at"}, Quiet: []string{"updated_at"}}
	SyncRelapsePlans = SyncTable{Name: "relapse_plans", ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"version", "people", "places", "feelings", "situations", "warning_signs", "coping", "supports", "note", "at"}}
)

// The agency's resource directory, and the referrals and consents that name
// its resources. A resource is the agency's: officers add to the directory
// (a resource imported from an Open Referral file has the same id on every
// laptop, see ResourceIDForHSDS), supervisors change it. A referral's
// status moves with its events, so the referral merges field by field and
// its events are history; a consent changes once, when revoked.
var (
	SyncResources = SyncTable{Name: "resources", Changes: true, Columns: []string{"id", "hsds_id", "name", "category", "tags",
		"description", "phone", "email", "website", "address", "hours", "eligibility", "languages", "notes", "created_at",
		"updated_at"}, Quiet: []string{"updated_at"}, Nullable: []string{"hsds_id"}}
	SyncReferrals = SyncTable{Name: "referrals", Changes: true, ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"resource_id", "reason", "referred_on", "status", "appointment_at", "follow_up_on", "outcome_note", "sensitive",
		"created_at", "updated_at"}, Quiet: []string{"updated_at"}}
	SyncReferralEvents = SyncTable{Name: "referral_events", ClientColumn: "client_id", Columns: []string{"id", "referral_id",
		"client_id", "at", "from_status", "to_status", "note", "follow_up_on", "appointment_at", "sensitive", "created_at"}}
	SyncConsents = SyncTable{Name: "consents", Changes: true, ClientColumn: "client_id", Columns: []string{"id", "client_id",
		"resource_id", "person", "kinds", "purpose", "signed_on", "expires_on", "revoked_on", "created_at"},
		Nullable: []string{"resource_id"}}
	// A supervision plan's goals, and each goal's versions: history (a
	// change to a goal is its next version).
	SyncGoals        = SyncTable{Name: "goals", ClientColumn: "client_id", Columns: []string{"id", "client_id", "created_at"}}
	SyncGoalVersions = SyncTable{Name: "goal_versions", ClientColumn: "client_id", Columns: []string{"id", "goal_id", "client_id",
		"version", "domain", "words", "steps", "target_date", "status", "referral_ids", "note", "at"}}
	// The agency's settings (contact intervals, caseload standards, the
	// response ladders): a record per setting, named once, its value
	// changed in a supervisor's file (model.AgencySettingsBy).
	SyncAgencySettings = SyncTable{Name: "agency_settings", Changes: true, Columns: []string{"id", "name", "value", "created_at",
		"updated_at"}, Quiet: []string{"updated_at"}}
	// A supervisor's notes on the team's clients: history, written only in
	// a supervisor's file.
	SyncSupervisorNotes = SyncTable{Name: "supervisor_notes", ClientColumn: "client_id", Supervisors: true,
		Columns: []string{"id", "client_id", "at", "author", "note", "created_at"}}
)

// SyncTables lists every synced table in pull order: the agency's settings
// first (the contact intervals set every client's next due date), then a
// record after the records it names (a referral after its resource and
// client, a violation after its check-in and condition, a response after
// its violation).
func SyncTables() []SyncTable {
	return []SyncTable{SyncAgencySettings, SyncResources, SyncClients, SyncStatusChanges, SyncCheckIns, SyncStageNotes, SyncScreenings, SyncAmendments,
		SyncReferrals, SyncReferralEvents, SyncConsents, SyncGoals, SyncGoalVersions,
		SyncConditions, SyncConditionProgress, SyncViolations, SyncResponses, SyncIncentives, SyncArrests, SyncCustody,
		SyncCourtEvents, SyncEmployment, SyncRelapsePlans, SyncSupervisorNotes}
}

// syncTable finds a synced table by name.
func syncTable(name string) (SyncTable, bool) {
	for _, t := range SyncTables() {
		if t.Name == name {
			return t, true
		}
	}
	return SyncTable{}, false
}
