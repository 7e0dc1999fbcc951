package summary

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"caseload/model"
	"caseload/store"
)

var allFormats = []Format{Markdown, PlainText, JSON, CSV}

// outsideHarborConsent are strings of records Harbor Clinic may not see:
// Ava's notes, test, substances, stages, flags, referral, screening and
// goal; Bea's place, attendance, test, sensitive note, referral and goal;
// Cal, who gave no consent; Dee's expired and Eve's revoked consents.
var outsideHarborConsent = []string{
	"AVA-NOTE-SENSITIVE", "AVA-NOTE-PLAIN", "zolpidem-x", "positive", "maintenance", "recurrence", "craving",
	"AVA-STAGE-NOTE", "AVA-REFERRAL", "Lakeside Detox", "PHQ-9", "phq9", "AVA-GOAL-WORDS", "AVA-STEP",
	"Bea Lane", "attempted", "negative", "bea-substance", "BEA-NOTE-SENSITIVE", "BEA-REFERRAL", "BEA-GOAL-WORDS",
	"BEA-STEP", "distress", "Cal Noconsent", "CR-2003", "CAL-NOTE", "GAD-2", "gad2",
	"Dee Expired", "CR-2004", "DEE-NOTE", "Eve Revoked", "CR-2005", "EVE-NOTE", "Other Place",
}

// Harbor Clinic may see these: who the clients are, Ava's attendance, Bea's
// notes, stages and screenings.
var insideHarborConsent = map[Format][]string{
	Markdown:  {"Harbor Clinic", "Ava Attend", "Bea Stage", "Pier 4 office", "BEA-NOTE-PLAIN", "BEA-STAGE-NOTE", "AUDIT-C", "Readiness ruler"},
	PlainText: {"Harbor Clinic", "Ava Attend", "Bea Stage", "Pier 4 office", "BEA-NOTE-PLAIN", "BEA-STAGE-NOTE", "AUDIT-C", "Readiness ruler"},
	JSON:      {"Harbor Clinic", "Ava Attend", "Bea Stage", "Pier 4 office", "BEA-NOTE-PLAIN", "BEA-STAGE-NOTE", "auditc", "readiness"},
	// CSV holds the check-ins only.
	CSV: {"Harbor Clinic", "Ava Attend", "Bea Stage", "Pier 4 office", "BEA-NOTE-PLAIN", "contemplation"},
}

func render(t *testing.T, s model.Summary, f Format) string {
	t.Helper()
	out, err := Render(s, f)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestSummaryForARecipientHoldsOnlyWhatEachConsentAllows(t *testing.T) {
	f := newShareFixture(t)
	s, err := Load(context.Background(), f.st, f.forHarbor())
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range allFormats {
		t.Run(string(format), func(t *testing.T) {
			out := strings.ToLower(render(t, s, format))
			for _, bad := range outsideHarborConsent {
				if strings.Contains(out, strings.ToLower(bad)) {
					t.Errorf("the summary for Harbor Clinic holds %q, which no consent allows", bad)
				}
			}
			for _, good := range insideHarborConsent[format] {
				if !strings.Contains(out, strings.ToLower(good)) {
					t.Errorf("the summary for Harbor Clinic lacks %q, which a consent allows", good)
				}
			}
		})
	}
}

func TestSummaryForARecipientSaysWhoAndWhatInItsHeader(t *testing.T) {
	f := newShareFixture(t)
	s, err := Load(context.Background(), f.st, f.forHarbor())
	if err != nil {
		t.Fatal(err)
	}
	md := render(t, s, Markdown)
	for _, want := range []string{
		"- For: Harbor Clinic",
		"- Shared: only what each client's consent, active on 2026-11-11, allows",
		"- Consent of Ava Attend · CR-2001: Attendance",
		"- Consent of Bea Stage · CR-2002: Stage of change, Notes",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the header lacks %q", want)
		}
	}
	var doc struct {
		SharedWith struct {
			Recipient  string `json:"recipient"`
			ConsentDay string `json:"consent_day"`
		} `json:"shared_with"`
		Clients []struct {
			Name   string   `json:"name"`
			Shared []string `json:"shared_kinds"`
		} `json:"clients"`
	}
	if err := json.Unmarshal([]byte(render(t, s, JSON)), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SharedWith.Recipient != "Harbor Clinic" || doc.SharedWith.ConsentDay != "2026-11-11" {
		t.Errorf("shared_with = %+v", doc.SharedWith)
	}
	if len(doc.Clients) != 2 || strings.Join(doc.Clients[0].Shared, ",") != "attendance" ||
		strings.Join(doc.Clients[1].Shared, ",") != "stage_of_change,notes" {
		t.Errorf("clients = %+v, want Ava (attendance) and Bea (stage_of_change, notes)", doc.Clients)
	}
}

// TestTotalsOfASummaryForARecipientCountOnlyWhatIsShared: Bea's two
// check-ins are shown for their stage and note, without their attendance,
// so they are no contacts; her tests are not shared, so no tests line.
func TestTotalsOfASummaryForARecipientCountOnlyWhatIsShared(t *testing.T) {
	f := newShareFixture(t)
	s, err := Load(context.Background(), f.st, f.forHarbor())
	if err != nil {
		t.Fatal(err)
	}
	tt := s.Totals
	if tt.Clients != 2 || tt.Contacts != 2 || tt.Tests != 0 || tt.Referrals != 0 || tt.Screenings != 2 || tt.StageChanges != 2 {
		t.Errorf("totals = %+v, want 2 clients, Ava's 2 contacts, no tests or referrals, Bea's 2 screenings and 2 stage changes", tt)
	}
	md := render(t, s, Markdown)
	for _, absent := range []string{"Tests:", "Referrals made or changed:"} {
		if strings.Contains(md, absent) {
			t.Errorf("the totals hold %q though no consent allows it", absent)
		}
	}
}

func TestSummaryForARecipientCarriesTheNoticeOnlyWithSubstanceUseShown(t *testing.T) {
	f := newShareFixture(t)
	ctx := context.Background()
	// Bea's AUDIT-C goes with her stage of change: substance-use information.
	s, err := Load(ctx, f.st, f.forHarbor())
	if err != nil {
		t.Fatal(err)
	}
	if !s.HoldsSubstanceUse() {
		t.Error("the summary with Bea's AUDIT-C does not carry the Part 2 notice")
	}
	// Ava alone: her positive test and sensitive note are not shared.
	req := f.forHarbor()
	req.ClientID, req.CaseNumber = f.ava.ID, f.ava.CaseNumber
	if s, err = Load(ctx, f.st, req); err != nil {
		t.Fatal(err)
	}
	for _, format := range allFormats {
		if present, _ := noticeIn(t, format, []byte(render(t, s, format))); present {
			t.Errorf("%s: Ava's summary for Harbor Clinic carries the notice though nothing protected is shared", format)
		}
	}
	// Redacted, Bea's screenings go and the notice with them.
	req = f.forHarbor()
	req.Redact = true
	if s, err = Load(ctx, f.st, req); err != nil {
		t.Fatal(err)
	}
	out := render(t, s, Markdown)
	if s.HoldsSubstanceUse() || strings.Contains(out, "AUDIT-C") || !strings.Contains(out, "Redacted: yes") {
		t.Errorf("the redacted summary for Harbor Clinic still holds a screening or the notice, or does not say it is redacted:\n%s", out)
	}
}

func TestSummaryForARecipientIsRefusedWithoutAnActiveConsent(t *testing.T) {
	f := newShareFixture(t)
	ctx := context.Background()
	for _, c := range []model.Client{f.cal, f.dee, f.eve} {
		req := f.forHarbor()
		req.ClientID, req.CaseNumber = c.ID, c.CaseNumber
		_, err := Load(ctx, f.st, req)
		if !errors.Is(err, ErrNoConsent) || !strings.Contains(err.Error(), c.CaseNumber) {
			t.Errorf("%s: err = %v, want a refusal that names the client", c.Name, err)
		}
	}
	// A range in which only Cal, Dee and Eve were seen.
	req := f.forHarbor()
	req.From, req.To = day(10, 12, 0), day(10, 13, 59)
	if _, err := Load(ctx, f.st, req); !errors.Is(err, ErrNoConsent) {
		t.Errorf("a range without a consenting client: err = %v, want ErrNoConsent", err)
	}
}

// TestSummaryForAPersonCoversOnlyTheClientWhoNamedThem: Ava and Cal both
// named a "Pat Rivers" on a consent. A name is not an identity: a summary
// for Ava's Pat Rivers holds what Ava's consent allows and nothing of Cal's,
// and the other way round; one that does not say whose contact is refused.
func TestSummaryForAPersonCoversOnlyTheClientWhoNamedThem(t *testing.T) {
	f := newShareFixture(t)
	req := f.forHarbor()
	pat := model.Recipient{Person: "pat  RIVERS"}
	cases := []struct {
		client    model.Client
		want, bad []string
	}{
		{f.ava, []string{"AVA-GOAL-WORDS", "[ ] AVA-STEP (due 2026-11-20)", "Lakeside Detox", "Test: Positive"},
			[]string{"CAL-NOTE", "Cal Noconsent", "AVA-NOTE", "AVA-REFERRAL-NOTE", "Pier 4", "PHQ-9", "GAD-2", "Bea Stage", "Next contact due"}},
		{f.cal, []string{"CAL-NOTE"}, []string{"Ava Attend", "AVA-GOAL-WORDS", "Lakeside Detox", "Bea Stage"}},
	}
	for _, c := range cases {
		req.For = &store.ShareRecipient{To: pat, Name: "Pat Rivers", ClientID: c.client.ID}
		s, err := Load(context.Background(), f.st, req)
		if err != nil {
			t.Fatalf("for %s's Pat Rivers: %v", c.client.Name, err)
		}
		md := render(t, s, Markdown)
		for _, want := range c.want {
			if !strings.Contains(md, want) {
				t.Errorf("the summary for %s's Pat Rivers lacks %q", c.client.Name, want)
			}
		}
		for _, bad := range c.bad {
			if strings.Contains(md, bad) {
				t.Errorf("the summary for %s's Pat Rivers holds %q", c.client.Name, bad)
			}
		}
	}
	req.For = &store.ShareRecipient{To: pat, Name: "Pat Rivers"}
	if _, err := Load(context.Background(), f.st, req); !errors.Is(err, ErrPersonNeedsClient) {
		t.Errorf("a summary for a person without their client: err = %v, want ErrPersonNeedsClient", err)
	}
}

func TestOfficersSummaryShowsScreeningsButNoPlanGoals(t *testing.T) {
	f := newShareFixture(t)
	req := f.forHarbor()
	req.For = nil
	s, err := Load(context.Background(), f.st, req)
	if err != nil {
		t.Fatal(err)
	}
	md := render(t, s, Markdown)
	for _, want := range []string{
		"PHQ-9 · total 7 of 27, score band 5–9: mild",
		"AUDIT-C · total 3 of 12, score band 3–3: at the usual cut-off for women (3 or more)",
		"Readiness ruler · importance 7 of 10, confidence 5 of 10, readiness 6 of 10",
		"GAD-2 · total 2 of 6, score band 0–2: below the screening cut-off of 3",
		"- Screenings: 4",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the officer's summary lacks %q", want)
		}
	}
	if strings.Contains(md, "GOAL-WORDS") {
		t.Error("the officer's summary holds plan goals")
	}
	if red := render(t, mustLoad(t, f.st, Request{From: fixtureFrom, To: fixtureTo, Now: fixtureNow, Redact: true}), Markdown); strings.Contains(red, "Screenings") {
		t.Error("the redacted officer's summary holds screenings")
	}
}

func mustLoad(t *testing.T, st *store.Store, req Request) model.Summary {
	t.Helper()
	s, err := Load(context.Background(), st, req)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGoldenSummariesForARecipient(t *testing.T) {
	f := newShareFixture(t)
	s := mustLoad(t, f.st, f.forHarbor())
	for _, format := range allFormats {
		name := "summary-for." + format.Extension()
		t.Run(name, func(t *testing.T) { golden(t, name, []byte(render(t, s, format))) })
	}
}

// TestSummaryForARecipientMatchesTheSchema validates the summaries for a
// recipient, plain and redacted, and checks that the schema refuses a
// shared summary that lets a risk flag through.
func TestSummaryForARecipientMatchesTheSchema(t *testing.T) {
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "summary.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := newShareFixture(t)
	for _, redact := range []bool{false, true} {
		req := f.forHarbor()
		req.Redact = redact
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(render(t, mustLoad(t, f.st, req), JSON)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("redact=%v: %v", redact, err)
		}
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(render(t, mustLoad(t, f.st, f.forHarbor()), JSON)), &m); err != nil {
		t.Fatal(err)
	}
	m["clients"].([]any)[0].(map[string]any)["flags_raised"] = []any{"craving"}
	if err := schema.Validate(m); err == nil {
		t.Error("a summary for a recipient with flags_raised passed the schema")
	}
}

// TestCSVForARecipientHasOneRowPerSharedCheckIn: Ava's two check-ins and
// Bea's first, under the statements and the header. Bea's second holds only
// a test and a sensitive note, neither shared, so nothing of it is left.
func TestCSVForARecipientHasOneRowPerSharedCheckIn(t *testing.T) {
	f := newShareFixture(t)
	rows, err := csv.NewReader(bytes.NewReader([]byte(render(t, mustLoad(t, f.st, f.forHarbor()), CSV)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := -1
	for i, r := range rows {
		if r[0] == "client_name" {
			header = i
		}
	}
	if header != 2 || len(rows)-header-1 != 3 {
		t.Fatalf("got %d rows after the header at %d, want 3 after the notice, the recipient and the header:\n%v", len(rows)-header-1, header, rows)
	}
}
