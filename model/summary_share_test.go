package model

import (
	"strings"
	"testing"
)

// policy is the share policy of one active consent listing kinds.
func policy(kinds ...ShareKind) SharePolicy {
	today := DateOf(day(11, 8, 0))
	return SharePolicyFor([]Consent{{Recipient: Recipient{Person: "Pat"}, Kinds: kinds, SignedOn: today.AddDays(-30),
		ExpiresOn: today.AddDays(30)}}, Recipient{Person: "Pat"}, today)
}

func sharedSummary(policies map[string]SharePolicy) Summary {
	return BuildSummary(summaryFixture(), SummaryOptions{ProducedAt: day(11, 8, 0),
		Share: &ShareScope{Recipient: "Pat", Day: DateOf(day(11, 8, 0)), Policies: policies}})
}

func TestShareLeavesOutClientsWithoutAConsent(t *testing.T) {
	s := sharedSummary(map[string]SharePolicy{"c1": policy(ShareAttendance), "c2": {}})
	if len(s.Clients) != 1 || s.Clients[0].ClientID != "c1" || s.Totals.Clients != 1 {
		t.Fatalf("clients %+v, want Ana alone", s.Clients)
	}
}

// TestShareKeepsASensitiveNoteOnlyWithTestResults: a note marked sensitive
// holds substance-use information, so notes alone do not let it go.
func TestShareKeepsASensitiveNoteOnlyWithTestResults(t *testing.T) {
	notes := sharedSummary(map[string]SharePolicy{"c1": policy(ShareNotes)}).Clients[0]
	if len(notes.CheckIns) != 1 || notes.CheckIns[0].Note != "no answer" || notes.CheckIns[0].Type != "" {
		t.Fatalf("with notes only, check-ins = %+v, want the plain note without its attendance", notes.CheckIns)
	}
	both := sharedSummary(map[string]SharePolicy{"c1": policy(ShareNotes, ShareTestResults)})
	k := both.Clients[0].CheckIns
	if len(k) != 2 || k[1].Note != "used at a party" || !k[1].Sensitive || k[1].Test != TestPositive || !both.HoldsSubstanceUse() {
		t.Fatalf("with notes and test results, check-ins = %+v, want the sensitive note and test, with the notice", k)
	}
}

func TestShareNeverLetsRiskFlagsGo(t *testing.T) {
	all := policy(ShareAttendance, ShareTestResults, ShareTreatmentProgress, ShareStageOfChange, SharePlanGoals, ShareNotes)
	s := sharedSummary(map[string]SharePolicy{"c1": all, "c2": all})
	for _, c := range s.Clients {
		if len(c.FlagsRaised) > 0 {
			t.Errorf("%s: flags raised %v", c.Name, c.FlagsRaised)
		}
		for _, k := range c.CheckIns {
			if len(k.Flags) > 0 {
				t.Errorf("%s: check-in flags %v", c.Name, k.Flags)
			}
		}
	}
}

func TestShareCutsEachKindOut(t *testing.T) {
	s := sharedSummary(map[string]SharePolicy{"c1": policy(ShareTreatmentProgress), "c2": policy(ShareStageOfChange)})
	ana, ben := s.Clients[0], s.Clients[1]
	if ana.Name != "ana Diaz" {
		ana, ben = ben, ana
	}
	if len(ana.CheckIns) != 0 || len(ana.StageChanges) != 0 || ana.HasDue || len(ana.Referrals) != 1 || ana.Referrals[0].Status != ReferralScheduled {
		t.Errorf("treatment progress only: %+v, want the referral alone", ana)
	}
	if len(ben.StageChanges) != 1 || ben.StageChanges[0].Note != "" || len(ben.Referrals) != 0 || len(ben.CheckIns) != 0 {
		t.Errorf("stage of change only: %+v, want the stage change without its note", ben)
	}
	if s.Totals.Contacts != 0 || s.Totals.ClientsOverdue != 0 || s.Shows(ShareAttendance) || !s.Shows(ShareStageOfChange) {
		t.Errorf("totals %+v count attendance no consent shares", s.Totals)
	}
	if got := strings.Join(kindStrings(ana.Shares), ","); got != "treatment_progress" {
		t.Errorf("Ana's shares %s", got)
	}
}

func kindStrings(kinds []ShareKind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

func TestScreeningsInTheSummaryAreScoredAndLeaveWithRedaction(t *testing.T) {
	rec := summaryFixture()
	rec.Screenings = []Screening{
		{ID: "s2", ClientID: "c2", Instrument: InstrumentAUDITC, At: day(10, 14, 0), Answers: []int{4, 4, 4}},
		{ID: "s1", ClientID: "c2", Instrument: InstrumentPHQ2, At: day(10, 13, 0), Answers: []int{0, 0}},
	}
	s := BuildSummary(rec, SummaryOptions{ProducedAt: day(11, 8, 0)})
	var ben ClientActivity
	for _, c := range s.Clients {
		if c.ClientID == "c2" {
			ben = c
		}
	}
	if len(ben.Screenings) != 2 || ben.Screenings[0].Instrument != InstrumentPHQ2 || ben.Screenings[1].Total != 12 ||
		!strings.Contains(ben.Screenings[1].Band, "4–12") || !ben.Screenings[1].SubstanceUse || s.Totals.Screenings != 2 {
		t.Fatalf("screenings %+v, want PHQ-2 then AUDIT-C 12 in its top band", ben.Screenings)
	}
	if red := BuildSummary(rec, SummaryOptions{ProducedAt: day(11, 8, 0), Redact: true}); red.Totals.Screenings != 0 || red.HoldsSubstanceUse() {
		t.Fatalf("a redacted summary kept screenings: %+v", red.Totals)
	}
}

// TestShareLeavesOutAClientWithNothingTheConsentAllows: a consent to plan
// goals for a client with none leaves nothing to show, and the client's name
// alone would tell the recipient they were seen in the range.
func TestShareLeavesOutAClientWithNothingTheConsentAllows(t *testing.T) {
	s := sharedSummary(map[string]SharePolicy{"c1": policy(ShareAttendance), "c2": policy(SharePlanGoals)})
	if len(s.Clients) != 1 || s.Clients[0].ClientID != "c1" || s.Totals.Clients != 1 {
		t.Fatalf("clients %+v, want only the one with something to share", s.Clients)
	}
	if none := sharedSummary(map[string]SharePolicy{"c2": policy(SharePlanGoals)}); len(none.Clients) != 0 {
		t.Errorf("clients %+v, want none", none.Clients)
	}
}

// TestASubstanceUseGoalCarriesTheNoticeAndLeavesWithRedaction: a plan goal
// in the substance-use domain is Part 2 information, like a test result: a
// summary that shares it carries the notice, and a redacted one leaves it
// out (and then needs no notice for it).
func TestASubstanceUseGoalCarriesTheNoticeAndLeavesWithRedaction(t *testing.T) {
	rec := summaryFixture()
	rec.Goals = []Goal{
		{ID: "g1", ClientID: "c1", Domain: DomainSubstanceUse, Words: "Stop drinking before work", Status: GoalOpen},
		{ID: "g2", ClientID: "c1", Domain: DomainHousing, Words: "A flat of my own", Status: GoalOpen},
	}
	build := func(redact bool) Summary {
		return BuildSummary(rec, SummaryOptions{ProducedAt: day(11, 8, 0), Redact: redact,
			Share: &ShareScope{Recipient: "Pat", Day: DateOf(day(11, 8, 0)),
				Policies: map[string]SharePolicy{"c1": policy(SharePlanGoals)}}})
	}
	full := build(false)
	if len(full.Clients) != 1 || len(full.Clients[0].Goals) != 2 {
		t.Fatalf("plan goals shared: %+v, want both of Ana's", full.Clients)
	}
	if !full.HoldsSubstanceUse() {
		t.Fatal("a summary sharing a substance-use goal does not call for the Part 2 notice")
	}
	red := build(true)
	if len(red.Clients) != 1 || len(red.Clients[0].Goals) != 1 || red.Clients[0].Goals[0].ID != "g2" {
		t.Fatalf("redacted, the goals shared are %+v, want the housing goal alone", red.Clients[0].Goals)
	}
	if red.HoldsSubstanceUse() {
		t.Fatal("a redacted summary still calls for the Part 2 notice")
	}
}
