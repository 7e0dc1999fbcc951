package summary

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"

	"caseload/model"
)

// SchemaVersion is the version of the JSON format, described by
// testdata/summary.schema.json. It goes up when a field changes meaning or
// goes away, or when a reader must learn of new parts to read a summary
// whole: version 2 adds the conditions of supervision (conditions, court
// events, violations and responses, incentives, employment) and their
// totals, and nothing of version 1 changed.
const SchemaVersion = 2

// The JSON format: stable snake_case names, enumeration values as stored
// (not as labelled), times in RFC 3339 with the officer's offset. Fields left
// out by redaction are absent, not empty. Text is cleaned of control
// characters as in every format: JSON escapes C0 controls but would pass C1
// controls and bidirectional overrides to a terminal.
type jsonSummary struct {
	SchemaVersion int          `json:"schema_version"`
	Officer       string       `json:"officer"`
	Range         jsonRange    `json:"range"`
	ProducedAt    string       `json:"produced_at"`
	CaseNumber    *string      `json:"case_number"`
	Redacted      bool         `json:"redacted"`
	Redaction     *string      `json:"redaction,omitempty"`
	SharedWith    *jsonShared  `json:"shared_with,omitempty"`
	Part2Notice   *string      `json:"part2_notice"`
	Clients       []jsonClient `json:"clients"`
	Totals        jsonTotals   `json:"totals"`
}

type jsonRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// A field marked omitzero with a maybe type is absent when the summary may
// not hold it: left out by redaction or outside the client's consent.
type jsonClient struct {
	ClientID      string                   `json:"client_id"`
	Name          string                   `json:"name"`
	PreferredName string                   `json:"preferred_name"`
	CaseNumber    string                   `json:"case_number"`
	SharedKinds   []model.ShareKind        `json:"shared_kinds,omitempty"`
	Consents      []jsonConsent            `json:"consents,omitempty"`
	CheckIns      []jsonCheckIn            `json:"check_ins"`
	StageChanges  maybe[[]jsonStageChange] `json:"stage_changes,omitzero"`
	Referrals     maybe[[]jsonReferral]    `json:"referrals,omitzero"`
	FlagsRaised   maybe[[]model.RiskFlag]  `json:"flags_raised,omitzero"`
	Screenings    maybe[[]jsonScreening]   `json:"screenings,omitzero"`
	PlanGoals     maybe[[]jsonGoal]        `json:"plan_goals,omitzero"`
	Conditions    maybe[[]jsonCondition]   `json:"conditions,omitzero"`
	CourtEvents   maybe[[]jsonCourtEvent]  `json:"court_events,omitzero"`
	Violations    maybe[[]jsonViolation]   `json:"violations,omitzero"`
	Incentives    maybe[[]jsonIncentive]   `json:"incentives,omitzero"`
	Employment    maybe[[]jsonJob]         `json:"employment,omitzero"`
	NextDue       maybe[*string]           `json:"next_due,omitzero"`
	NextDueIsAppt maybe[bool]              `json:"next_due_is_appointment,omitzero"`
	Overdue       maybe[bool]              `json:"overdue,omitzero"`
}

// jsonConsent is the scope of one consent behind a summary for a
// recipient: what it lets go, for what purpose, from when until when.
type jsonConsent struct {
	Kinds     []model.ShareKind `json:"kinds"`
	Purpose   string            `json:"purpose"`
	SignedOn  string            `json:"signed_on"`
	ExpiresOn string            `json:"expires_on"`
}

type jsonCheckIn struct {
	ID              string                   `json:"id"`
	At              string                   `json:"at"`
	Type            maybe[model.ContactType] `json:"type,omitzero"`
	Outcome         maybe[model.Outcome]     `json:"outcome,omitzero"`
	Location        maybe[string]            `json:"location,omitzero"`
	TestResult      maybe[model.TestResult]  `json:"test_result,omitzero"`
	Substances      maybe[[]string]          `json:"substances,omitzero"`
	Stage           maybe[*model.Stage]      `json:"stage,omitzero"`
	Flags           maybe[[]model.RiskFlag]  `json:"flags,omitzero"`
	Note            maybe[string]            `json:"note,omitzero"`
	Sensitive       maybe[bool]              `json:"sensitive,omitzero"`
	NextAppointment maybe[*string]           `json:"next_appointment,omitzero"`
}

type jsonStageChange struct {
	At        string        `json:"at"`
	From      *model.Stage  `json:"from"`
	To        model.Stage   `json:"to"`
	MovedBack bool          `json:"moved_back"`
	Note      maybe[string] `json:"note,omitzero"`
}

type jsonReferral struct {
	ReferralID string               `json:"referral_id"`
	Resource   string               `json:"resource"`
	Reason     string               `json:"reason"`
	Made       bool                 `json:"made_in_range"`
	Status     model.ReferralStatus `json:"status"`
	Changes    []jsonReferralChange `json:"changes"`
}

type jsonReferralChange struct {
	At   string                `json:"at"`
	From *model.ReferralStatus `json:"from"`
	To   model.ReferralStatus  `json:"to"`
	Note maybe[string]         `json:"note,omitzero"`
}

type jsonTotals struct {
	Clients           int                   `json:"clients"`
	Contacts          maybe[int]            `json:"contacts,omitzero"`
	ContactsByType    maybe[map[string]int] `json:"contacts_by_type,omitzero"`
	ContactsByOutcome maybe[map[string]int] `json:"contacts_by_outcome,omitzero"`
	Tests             maybe[int]            `json:"tests,omitzero"`
	TestsByResult     maybe[map[string]int] `json:"tests_by_result,omitzero"`
	StageChanges      maybe[int]            `json:"stage_changes,omitzero"`
	Referrals         maybe[int]            `json:"referrals,omitzero"`
	ReferralsByStatus maybe[map[string]int] `json:"referrals_by_status,omitzero"`
	ClientsOverdue    maybe[int]            `json:"clients_overdue,omitzero"`
	Screenings        maybe[int]            `json:"screenings,omitzero"`
	Conditions        maybe[int]            `json:"conditions,omitzero"`
	NotCompliant      maybe[int]            `json:"conditions_not_in_compliance,omitzero"`
	Violations        maybe[int]            `json:"violations,omitzero"`
	Responses         maybe[int]            `json:"responses,omitzero"`
	Incentives        maybe[int]            `json:"incentives,omitzero"`
	Jobs              maybe[int]            `json:"jobs,omitzero"`
	CourtEvents       maybe[int]            `json:"court_events,omitzero"`
}

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// optTime is null for an unset time.
func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := rfc3339(t)
	return &s
}

// optional is null for an empty value.
func optional[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}

func countMap[T ~string](counts []model.Count[T]) map[string]int {
	m := make(map[string]int, len(counts))
	for _, c := range counts {
		m[string(c.Value)] = c.N
	}
	return m
}

// cleanAll cleans every string of a list, and makes nil an empty list.
func cleanAll(list []string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = clean(v)
	}
	return out
}

// orEmpty makes a nil list an empty JSON array, so that readers need not
// tell null from [].
func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// jsonSheet writes the JSON document a client at a time, and the rest of
// the document around them. The bytes are those json.MarshalIndent makes of
// the whole document: the rest is the document with no clients, marshalled
// so and cut open at its empty list of clients, and each client is
// marshalled at the depth it has there.
type jsonSheet struct{}

// jsonClientsKey opens the list of clients, at the top level of the
// document; no text inside a string can hold it, as a line break there is
// escaped.
const jsonClientsKey = "\n  \"clients\": ["

func (jsonSheet) client(b *bytes.Buffer, s model.Summary, c model.ClientActivity) error {
	m, err := json.MarshalIndent(jsonClientOf(c, s.Redacted), "    ", "  ")
	if err != nil {
		return err
	}
	b.WriteString("\n    ")
	b.Write(m)
	return nil
}

func (jsonSheet) frame(s model.Summary, notice, none bool) (head, between, end []byte, err error) {
	doc := jsonSummary{
		SchemaVersion: SchemaVersion, Officer: clean(s.Officer),
		Range:      jsonRange{From: rfc3339(s.From), To: rfc3339(s.To)},
		ProducedAt: rfc3339(s.ProducedAt), CaseNumber: optional(clean(s.CaseNumber)), Redacted: s.Redacted,
		Clients: []jsonClient{},
	}
	if s.Redacted {
		r := model.RedactionStatement
		doc.Redaction = &r
	}
	if s.SharedWith != "" {
		doc.SharedWith = &jsonShared{Recipient: clean(s.SharedWith), ConsentDay: s.ConsentDay.String()}
	}
	if notice {
		n := model.Part2Notice
		doc.Part2Notice = &n
	}
	doc.Totals = jsonTotalsOf(s)
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, nil, nil, err
	}
	cut := bytes.Index(b, []byte(jsonClientsKey+"]"))
	if cut < 0 {
		return nil, nil, nil, errors.New("the document has no list of clients")
	}
	cut += len(jsonClientsKey)
	end = b[cut:]
	if !none {
		end = append([]byte("\n  "), end...)
	}
	return b[:cut], []byte(","), append(end, '\n'), nil
}

func jsonClientOf(c model.ClientActivity, redacted bool) jsonClient {
	attendance, notes := c.Shows(model.ShareAttendance), c.Shows(model.ShareNotes)
	stage, tests := c.Shows(model.ShareStageOfChange), !redacted && c.Shows(model.ShareTestResults)
	jc := jsonClient{
		ClientID: c.ClientID, Name: clean(c.Name), PreferredName: clean(c.PreferredName), CaseNumber: clean(c.CaseNumber),
		SharedKinds: c.Shares, Consents: jsonConsentsOf(c.Consents), CheckIns: []jsonCheckIn{},
		FlagsRaised:   when(c.Shares == nil, orEmpty(c.FlagsRaised)),
		NextDueIsAppt: when(attendance, c.ByAppointment), Overdue: when(attendance, c.Overdue),
	}
	var due *string
	if c.HasDue {
		due = optTime(c.NextDue)
	}
	jc.NextDue = when(attendance, due)
	for _, k := range c.CheckIns {
		jc.CheckIns = append(jc.CheckIns, jsonCheckIn{
			ID: k.ID, At: rfc3339(k.At),
			Type: when(attendance, k.Type), Outcome: when(attendance, k.Outcome), Location: when(attendance, clean(k.Location)),
			TestResult: when(tests, k.Test), Substances: when(tests, cleanAll(k.Substances)),
			Stage: when(stage, optional(k.Stage)), Flags: when(c.Shares == nil, orEmpty(k.Flags)),
			Note: when(notes, clean(k.Note)), Sensitive: when(!redacted && (tests || notes), k.Sensitive),
			NextAppointment: when(attendance, optTime(k.NextAppointment)),
		})
	}
	changes := []jsonStageChange{}
	for _, ch := range c.StageChanges {
		changes = append(changes, jsonStageChange{
			At: rfc3339(ch.At), From: optional(ch.From), To: ch.To, MovedBack: ch.Back, Note: when(notes, clean(ch.Note)),
		})
	}
	jc.StageChanges = when(stage, changes)
	referrals := []jsonReferral{}
	for _, r := range c.Referrals {
		jr := jsonReferral{ReferralID: r.ReferralID, Resource: clean(r.Resource), Reason: clean(r.Reason), Made: r.Made, Status: r.Status}
		for _, e := range r.Changes {
			jr.Changes = append(jr.Changes, jsonReferralChange{At: rfc3339(e.At), From: optional(e.From), To: e.To, Note: when(notes, clean(e.Note))})
		}
		referrals = append(referrals, jr)
	}
	jc.Referrals = when(c.Shows(model.ShareTreatmentProgress), referrals)
	jc.Screenings = when(!redacted && stage, jsonScreenings(c.Screenings, c.Shares != nil))
	jc.PlanGoals = when(c.Shows(model.SharePlanGoals), jsonGoals(c.Goals))
	jsonCompliance(&jc, c)
	return jc
}

func jsonTotalsOf(s model.Summary) jsonTotals {
	t := s.Totals
	attendance, stage, treatment := s.Shows(model.ShareAttendance), s.Shows(model.ShareStageOfChange), s.Shows(model.ShareTreatmentProgress)
	tests := !s.Redacted && s.Shows(model.ShareTestResults)
	compliance := s.Shows(model.ShareCompliance)
	return jsonTotals{
		Clients: t.Clients, Contacts: when(attendance, t.Contacts), ContactsByType: when(attendance, countMap(t.ContactsByType)),
		ContactsByOutcome: when(attendance, countMap(t.ContactsByOutcome)),
		Tests:             when(tests, t.Tests), TestsByResult: when(tests, countMap(t.TestsByResult)),
		StageChanges: when(stage, t.StageChanges), Referrals: when(treatment, t.Referrals),
		ReferralsByStatus: when(treatment, countMap(t.ReferralsByStatus)), ClientsOverdue: when(attendance, t.ClientsOverdue),
		Screenings: when(!s.Redacted && stage, t.Screenings),
		Conditions: when(compliance, t.Conditions), NotCompliant: when(compliance, t.ConditionsNotCompliant),
		Violations: when(compliance, t.Violations), Responses: when(compliance, t.Responses),
		Incentives: when(compliance, t.Incentives), Jobs: when(compliance, t.Jobs),
		CourtEvents: when(s.Shows(model.ShareCourtEvents), t.CourtEvents),
	}
}

func jsonConsentsOf(consents []model.Consent) []jsonConsent {
	var out []jsonConsent
	for _, c := range consents {
		out = append(out, jsonConsent{Kinds: c.Kinds, Purpose: clean(c.Purpose), SignedOn: c.SignedOn.String(),
			ExpiresOn: c.ExpiresOn.String()})
	}
	return out
}
