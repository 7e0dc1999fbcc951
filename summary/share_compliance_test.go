package summary

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// complianceShareFixture is one client, Fay, with every kind of record of
// the conditions of supervision on the 10th, each holding a distinctive
// string, and consents to three recipients: Harbor Court Liaison may have
// compliance with conditions; the person "Court Clerk" court events; the
// person "Full Team" compliance, court events, test results and notes.
func complianceShareFixture(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "share.db"), store.WithClock(func() time.Time { return fixtureNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	liaison, err := st.CreateResource(ctx, model.Resource{ID: shareID(950), Name: "Harbor Court Liaison", Category: model.CategoryLegal, CreatedAt: day(1, 9, 0)})
	must(liaison, err)
	fay, err := st.CreateClient(ctx, model.Client{ID: shareID(60), Name: "Fay Kinds", CaseNumber: "CR-6001", SupervisionType: model.SupervisionProbation,
		Level: model.LevelHigh, Status: model.StatusActive, CreatedAt: day(1, 9, 0).AddDate(0, -2, 0)})
	must(fay, err)
	oct1, dec31 := model.DateOf(day(1, 0, 0).AddDate(0, -1, 0)), model.DateOf(day(1, 0, 0).AddDate(0, 1, 30))
	n := 600
	consent := func(to model.Recipient, kinds ...model.ShareKind) {
		n++
		must(st.CreateConsent(ctx, model.Consent{ID: shareID(n), ClientID: fay.ID, Recipient: to, Kinds: kinds, Purpose: "Court reporting",
			SignedOn: oct1, ExpiresOn: dec31, CreatedAt: day(1, 9, 0)}))
	}
	consent(model.Recipient{ResourceID: liaison.ID}, model.ShareCompliance)
	consent(model.Recipient{Person: "Court Clerk"}, model.ShareCourtEvents)
	consent(model.Recipient{Person: "Full Team"}, model.ShareCompliance, model.ShareCourtEvents, model.ShareTestResults, model.ShareNotes)

	ordered := model.DateOf(day(1, 0, 0).AddDate(0, -1, 0))
	hours, err := st.AddCondition(ctx, model.Condition{ID: shareID(610), ClientID: fay.ID, Kind: model.ConditionCommunityWork,
		Wording: "FAY-HOURS-CONDITION", OrderedOn: ordered, Target: 600, Status: model.ConditionInProgress})
	must(hours, err)
	must(st.AddProgress(ctx, model.ProgressEntry{ID: shareID(611), ConditionID: hours.ID, Kind: model.ProgressHours, Amount: 60,
		At: day(10, 9, 0), Note: "FAY-HOURS-NOTE"}))
	su, err := st.AddCondition(ctx, model.Condition{ID: shareID(612), ClientID: fay.ID, Kind: model.ConditionSUTreatment,
		Wording: "FAY-SU-CONDITION", OrderedOn: ordered, Status: model.ConditionInProgress})
	must(su, err)
	must(st.AddProgress(ctx, model.ProgressEntry{ID: shareID(613), ConditionID: su.ID, Kind: model.ProgressAttended, At: day(10, 10, 0)}))
	must(st.RecordViolation(ctx, model.Violation{ID: shareID(614), ClientID: fay.ID, Kind: model.ViolationCurfew, At: day(10, 1, 0),
		Seriousness: model.SeriousnessLow, Description: "FAY-CURFEW"}, &model.Response{ID: shareID(615), StepKey: "written_warning",
		At: day(10, 11, 0), Note: "FAY-RESPONSE-NOTE"}))
	must(st.RecordViolation(ctx, model.Violation{ID: shareID(616), ClientID: fay.ID, Kind: model.ViolationTest, At: day(10, 12, 0),
		Seriousness: model.SeriousnessMedium, Description: "FAY-TEST-VIOLATION"}, nil))
	must(st.AddIncentive(ctx, model.Incentive{ID: shareID(617), ClientID: fay.ID, StepKey: "certificate", At: day(10, 13, 0), Reason: "FAY-INCENTIVE"}))
	must(st.AddEmployment(ctx, model.Employment{ID: shareID(618), ClientID: fay.ID, Employer: "FAY-EMPLOYER", StartOn: model.DateOf(day(10, 0, 0))}))
	must(st.AddCourtEvent(ctx, model.CourtEvent{ID: shareID(619), ClientID: fay.ID, Kind: model.CourtReview, At: day(10, 14, 0),
		Court: "FAY-COURT", Outcome: model.CourtContinued, OutcomeNote: "FAY-OUTCOME"}))
	return st
}

func TestConsentKindsDecideWhichConditionsOfSupervisionGo(t *testing.T) {
	st := complianceShareFixture(t)
	cases := []struct {
		to       model.Recipient
		name     string
		has, not []string
		notice   bool
	}{
		{model.Recipient{ResourceID: shareID(950)}, "Harbor Court Liaison",
			[]string{"FAY-HOURS-CONDITION", "Written warning", "Certificate of progress", "FAY-EMPLOYER"},
			[]string{"FAY-SU-CONDITION", "FAY-TEST-VIOLATION", "FAY-COURT", "FAY-OUTCOME", "FAY-HOURS-NOTE", "FAY-CURFEW",
				"FAY-RESPONSE-NOTE", "FAY-INCENTIVE"}, false},
		{model.Recipient{Person: "Court Clerk"}, "Court Clerk",
			[]string{"FAY-COURT", "FAY-OUTCOME"},
			[]string{"FAY-HOURS-CONDITION", "FAY-SU-CONDITION", "FAY-EMPLOYER", "FAY-CURFEW", "FAY-TEST-VIOLATION", "Written warning"}, false},
		{model.Recipient{Person: "Full Team"}, "Full Team",
			[]string{"FAY-HOURS-CONDITION", "FAY-HOURS-NOTE", "FAY-SU-CONDITION", "FAY-CURFEW", "FAY-RESPONSE-NOTE", "FAY-TEST-VIOLATION",
				"FAY-INCENTIVE", "FAY-EMPLOYER", "FAY-COURT", "FAY-OUTCOME"}, nil, true},
	}
	for _, c := range cases {
		to := &store.ShareRecipient{To: c.to, Name: c.name}
		if c.to.Person != "" {
			to.ClientID = shareID(60)
		}
		s, err := Load(context.Background(), st, Request{From: fixtureFrom, To: fixtureTo, Now: fixtureNow, For: to})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s.HoldsSubstanceUse() != c.notice {
			t.Errorf("%s: holds substance use = %v, want %v", c.name, !c.notice, c.notice)
		}
		for _, format := range []Format{Markdown, PlainText, JSON} {
			out := render(t, s, format)
			for _, want := range c.has {
				if !strings.Contains(out, want) {
					t.Errorf("%s, %s: lacks %q, which the consent allows", c.name, format, want)
				}
			}
			for _, bad := range c.not {
				if strings.Contains(out, bad) {
					t.Errorf("%s, %s: holds %q, which the consent does not allow", c.name, format, bad)
				}
			}
		}
	}
}
