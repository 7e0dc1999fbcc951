package summary

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// The share fixture is a day (10 November, like the other fixture) of five
// clients and the consents they gave Harbor Clinic, judged the next
// morning:
//   - Ava Attend consents to attendance only (and to everything for Other
//     Place, which must not widen it; and to plan goals, test results and
//     treatment progress for the person Pat Rivers);
//   - Bea Stage consents to stage of change and notes;
//   - Cal Noconsent gave Harbor Clinic nothing (notes to Pat Rivers);
//   - Dee Expired's consent ran out on the 10th: active on the last day of
//     the range, no longer on the day the summary is made;
//   - Eve Revoked's consent was revoked on the 5th.
//
// Every record holds a distinctive string, so a test can search the output
// for anything the consent does not allow.
type shareFixture struct {
	st                 *store.Store
	harbor, other      model.Resource
	ava, bea, cal, dee model.Client
	eve                model.Client
}

func shareID(n int) string { return fmt.Sprintf("01900000-0000-7000-8000-%012d", n) }

func newShareFixture(t testing.TB) *shareFixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "share.db"), store.WithClock(func() time.Time { return fixtureNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f := &shareFixture{st: st}
	must(st.SaveSettings(ctx, model.Settings{OfficerName: "Officer Dana Kim", Intervals: model.DefaultIntervals()}))
	resource := func(n int, name string) model.Resource {
		r, err := st.CreateResource(ctx, model.Resource{ID: shareID(n), Name: name, Category: model.CategorySubstanceUse, CreatedAt: day(1, 9, 0)})
		must(err)
		return r
	}
	f.harbor, f.other = resource(901, "Harbor Clinic"), resource(902, "Other Place")
	detox := resource(903, "Lakeside Detox")
	client := func(n int, name, caseNo string) model.Client {
		c, err := st.CreateClient(ctx, model.Client{ID: shareID(n), Name: name, CaseNumber: caseNo, SupervisionType: model.SupervisionProbation,
			Level: model.LevelModerate, Status: model.StatusActive, CreatedAt: day(1, 9, 0).AddDate(0, -2, 0)})
		must(err)
		return c
	}
	f.ava, f.bea, f.cal = client(1, "Ava Attend", "CR-2001"), client(2, "Bea Stage", "CR-2002"), client(3, "Cal Noconsent", "CR-2003")
	f.dee, f.eve = client(4, "Dee Expired", "CR-2004"), client(5, "Eve Revoked", "CR-2005")
	n := 100
	checkIn := func(k model.CheckIn) {
		n++
		k.ID = shareID(n)
		_, err := st.AddCheckIn(ctx, k)
		must(err)
	}
	screening := func(c model.Client, i model.Instrument, at time.Time, answers ...int) {
		n++
		_, err := st.AddScreening(ctx, model.Screening{ID: shareID(n), ClientID: c.ID, Instrument: i, At: at, Answers: answers})
		must(err)
	}
	consent := func(c model.Client, to model.Recipient, signed, expires model.Date, kinds ...model.ShareKind) model.Consent {
		n++
		cn, err := st.CreateConsent(ctx, model.Consent{ID: shareID(n), ClientID: c.ID, Recipient: to, Kinds: kinds,
			Purpose: "Treatment coordination", SignedOn: signed, ExpiresOn: expires, CreatedAt: day(1, 9, 0)})
		must(err)
		return cn
	}
	goal := func(c model.Client, d model.GoalDomain, words, step string) {
		n++
		_, err := st.CreateGoal(ctx, model.Goal{ID: shareID(n), ClientID: c.ID, Domain: d, Words: words, Status: model.GoalOpen,
			TargetDate: model.DateOf(day(30, 0, 0)), Steps: []model.Step{{Text: step, Due: model.DateOf(day(20, 0, 0))}}, At: day(2, 9, 0)})
		must(err)
	}
	oct1, dec31 := model.DateOf(day(1, 0, 0).AddDate(0, -1, 0)), model.DateOf(day(1, 0, 0).AddDate(0, 1, 30))
	harbor, pat := model.Recipient{ResourceID: f.harbor.ID}, model.Recipient{Person: "Pat Rivers"}
	all := []model.ShareKind{model.ShareAttendance, model.ShareTestResults, model.ShareTreatmentProgress, model.ShareStageOfChange,
		model.SharePlanGoals, model.ShareNotes}

	// Ava: attendance only.
	consent(f.ava, harbor, oct1, dec31, model.ShareAttendance)
	consent(f.ava, model.Recipient{ResourceID: f.other.ID}, oct1, dec31, all...)
	consent(f.ava, pat, oct1, dec31, model.SharePlanGoals, model.ShareTestResults, model.ShareTreatmentProgress)
	checkIn(model.CheckIn{ClientID: f.ava.ID, At: day(10, 9, 0), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Location: "Pier 4 office", Test: model.TestPositive, Substances: []string{"zolpidem-x"}, Stage: model.StageMaintenance,
		Flags: []model.RiskFlag{model.FlagCraving}, Sensitive: true, Note: "AVA-NOTE-SENSITIVE", NextAppointment: day(17, 9, 0)})
	checkIn(model.CheckIn{ClientID: f.ava.ID, At: day(10, 14, 0), Type: model.ContactPhone, Outcome: model.OutcomeNoShow,
		Test: model.TestNotTested, Note: "AVA-NOTE-PLAIN"})
	_, err = st.AddStageNote(ctx, model.StageNote{ID: shareID(180), ClientID: f.ava.ID, At: day(10, 15, 0),
		Stage: model.StageRecurrence, Note: "AVA-STAGE-NOTE"})
	must(err)
	_, err = st.CreateReferral(ctx, model.Referral{ID: shareID(181), ClientID: f.ava.ID, ResourceID: detox.ID,
		Reason: "AVA-REFERRAL-REASON", ReferredOn: model.DateOf(day(10, 0, 0))}, "AVA-REFERRAL-NOTE")
	must(err)
	screening(f.ava, model.InstrumentPHQ9, day(10, 10, 0), 1, 1, 1, 1, 1, 1, 1, 0, 0)
	goal(f.ava, model.DomainEmployment, "AVA-GOAL-WORDS", "AVA-STEP")

	// Bea: stage of change and notes.
	consent(f.bea, harbor, oct1, dec31, model.ShareStageOfChange, model.ShareNotes)
	checkIn(model.CheckIn{ClientID: f.bea.ID, At: day(10, 10, 30), Type: model.ContactHome, Outcome: model.OutcomeAttempted,
		Location: "Bea Lane", Test: model.TestNegative, Stage: model.StageContemplation, Flags: []model.RiskFlag{model.FlagDistress},
		Note: "BEA-NOTE-PLAIN"})
	checkIn(model.CheckIn{ClientID: f.bea.ID, At: day(10, 16, 0), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestPositive, Substances: []string{"bea-substance"}, Sensitive: true, Note: "BEA-NOTE-SENSITIVE"})
	_, err = st.AddStageNote(ctx, model.StageNote{ID: shareID(280), ClientID: f.bea.ID, At: day(10, 17, 0),
		Stage: model.StagePreparation, Note: "BEA-STAGE-NOTE"})
	must(err)
	_, err = st.CreateReferral(ctx, model.Referral{ID: shareID(281), ClientID: f.bea.ID, ResourceID: detox.ID,
		Reason: "BEA-REFERRAL-REASON", ReferredOn: model.DateOf(day(10, 0, 0))}, "BEA-REFERRAL-NOTE")
	must(err)
	screening(f.bea, model.InstrumentAUDITC, day(10, 11, 0), 2, 1, 0)
	screening(f.bea, model.InstrumentReadiness, day(10, 11, 5), 7, 5, 6)
	goal(f.bea, model.DomainHousing, "BEA-GOAL-WORDS", "BEA-STEP")

	// Cal: nothing for Harbor Clinic; notes for Pat Rivers.
	consent(f.cal, pat, oct1, dec31, model.ShareNotes)
	checkIn(model.CheckIn{ClientID: f.cal.ID, At: day(10, 12, 0), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested, Note: "CAL-NOTE"})
	screening(f.cal, model.InstrumentGAD2, day(10, 12, 5), 1, 1)

	// Dee: expired on the last day of the range. Eve: revoked.
	consent(f.dee, harbor, oct1, model.DateOf(day(10, 0, 0)), all...)
	checkIn(model.CheckIn{ClientID: f.dee.ID, At: day(10, 13, 0), Type: model.ContactVideo, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested, Note: "DEE-NOTE"})
	eve := consent(f.eve, harbor, oct1, dec31, all...)
	_, err = st.RevokeConsent(ctx, eve.ID, model.DateOf(day(5, 0, 0)))
	must(err)
	checkIn(model.CheckIn{ClientID: f.eve.ID, At: day(10, 13, 30), Type: model.ContactField, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested, Note: "EVE-NOTE"})
	return f
}

// forHarbor is the request for Harbor Clinic's summary of the day.
func (f *shareFixture) forHarbor() Request {
	return Request{From: fixtureFrom, To: fixtureTo, Now: fixtureNow,
		For: &store.ShareRecipient{To: model.Recipient{ResourceID: f.harbor.ID}, Name: f.harbor.Name}}
}
