package summary

import (
	"encoding/json"
	"time"

	"caseload/model"
)

// SchemaVersion is the version of the JSON format, described by
// testdata/summary.schema.json. It goes up when a field changes meaning or
// goes away; a new optional field does not change it.
const SchemaVersion = 1

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
	Part2Notice   *string      `json:"part2_notice"`
	Clients       []jsonClient `json:"clients"`
	Totals        jsonTotals   `json:"totals"`
}

type jsonRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type jsonClient struct {
	ClientID      string            `json:"client_id"`
	Name          string            `json:"name"`
	PreferredName string            `json:"preferred_name"`
	CaseNumber    string            `json:"case_number"`
	CheckIns      []jsonCheckIn     `json:"check_ins"`
	StageChanges  []jsonStageChange `json:"stage_changes"`
	Referrals     []jsonReferral    `json:"referrals"`
	FlagsRaised   []model.RiskFlag  `json:"flags_raised"`
	NextDue       *string           `json:"next_due"`
	NextDueIsAppt bool              `json:"next_due_is_appointment"`
	Overdue       bool              `json:"overdue"`
}

type jsonCheckIn struct {
	ID              string            `json:"id"`
	At              string            `json:"at"`
	Type            model.ContactType `json:"type"`
	Outcome         model.Outcome     `json:"outcome"`
	Location        string            `json:"location"`
	TestResult      *model.TestResult `json:"test_result,omitempty"`
	Substances      *[]string         `json:"substances,omitempty"`
	Stage           *model.Stage      `json:"stage"`
	Flags           []model.RiskFlag  `json:"flags"`
	Note            string            `json:"note"`
	Sensitive       *bool             `json:"sensitive,omitempty"`
	NextAppointment *string           `json:"next_appointment"`
}

type jsonStageChange struct {
	At        string       `json:"at"`
	From      *model.Stage `json:"from"`
	To        model.Stage  `json:"to"`
	MovedBack bool         `json:"moved_back"`
	Note      string       `json:"note"`
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
	Note string                `json:"note"`
}

type jsonTotals struct {
	Clients           int             `json:"clients"`
	Contacts          int             `json:"contacts"`
	ContactsByType    map[string]int  `json:"contacts_by_type"`
	ContactsByOutcome map[string]int  `json:"contacts_by_outcome"`
	Tests             *int            `json:"tests,omitempty"`
	TestsByResult     *map[string]int `json:"tests_by_result,omitempty"`
	StageChanges      int             `json:"stage_changes"`
	Referrals         int             `json:"referrals"`
	ReferralsByStatus map[string]int  `json:"referrals_by_status"`
	ClientsOverdue    int             `json:"clients_overdue"`
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

func jsonDocument(s model.Summary) ([]byte, error) {
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
	if s.HoldsSubstanceUse() {
		n := model.Part2Notice
		doc.Part2Notice = &n
	}
	for _, c := range s.Clients {
		jc := jsonClient{
			ClientID: c.ClientID, Name: clean(c.Name), PreferredName: clean(c.PreferredName), CaseNumber: clean(c.CaseNumber),
			CheckIns: []jsonCheckIn{}, StageChanges: []jsonStageChange{}, Referrals: []jsonReferral{},
			FlagsRaised: orEmpty(c.FlagsRaised), NextDueIsAppt: c.ByAppointment, Overdue: c.Overdue,
		}
		if c.HasDue {
			jc.NextDue = optTime(c.NextDue)
		}
		for _, k := range c.CheckIns {
			jk := jsonCheckIn{
				ID: k.ID, At: rfc3339(k.At), Type: k.Type, Outcome: k.Outcome, Location: clean(k.Location),
				Stage: optional(k.Stage), Flags: orEmpty(k.Flags), Note: clean(k.Note), NextAppointment: optTime(k.NextAppointment),
			}
			if !s.Redacted {
				test, subs, sensitive := k.Test, cleanAll(k.Substances), k.Sensitive
				jk.TestResult, jk.Substances, jk.Sensitive = &test, &subs, &sensitive
			}
			jc.CheckIns = append(jc.CheckIns, jk)
		}
		for _, ch := range c.StageChanges {
			jc.StageChanges = append(jc.StageChanges, jsonStageChange{
				At: rfc3339(ch.At), From: optional(ch.From), To: ch.To, MovedBack: ch.Back, Note: clean(ch.Note),
			})
		}
		for _, r := range c.Referrals {
			jr := jsonReferral{ReferralID: r.ReferralID, Resource: clean(r.Resource), Reason: clean(r.Reason), Made: r.Made, Status: r.Status}
			for _, e := range r.Changes {
				jr.Changes = append(jr.Changes, jsonReferralChange{At: rfc3339(e.At), From: optional(e.From), To: e.To, Note: clean(e.Note)})
			}
			jc.Referrals = append(jc.Referrals, jr)
		}
		doc.Clients = append(doc.Clients, jc)
	}
	t := s.Totals
	doc.Totals = jsonTotals{
		Clients: t.Clients, Contacts: t.Contacts, ContactsByType: countMap(t.ContactsByType),
		ContactsByOutcome: countMap(t.ContactsByOutcome), StageChanges: t.StageChanges, Referrals: t.Referrals,
		ReferralsByStatus: countMap(t.ReferralsByStatus), ClientsOverdue: t.ClientsOverdue,
	}
	if !s.Redacted {
		tests := t.Tests
		byResult := countMap(t.TestsByResult)
		doc.Totals.Tests, doc.Totals.TestsByResult = &tests, &byResult
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
