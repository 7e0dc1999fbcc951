package tui

import (
	"context"
	"testing"

	"caseload/model"
	"caseload/store"
)

// openAnn opens Ann Example's client screen from the caseload.
func openAnn(h *harness) { h.keys("/", "a", "n", "n", "enter", "enter") }

// planStore is the fixture with Ann's plans on top: an open goal with two
// steps (one ticked since), a relapse-prevention plan, consents in every
// state and an earlier PHQ-9.
func planStore(t *testing.T) *store.Store {
	t.Helper()
	st := fixtureStore(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ann := firstClient(t, st, "CR-1001")
	res, err := st.SearchResources(ctx, model.ResourceQuery{Text: "harbor recovery"})
	must(err)
	g, err := st.CreateGoal(ctx, model.Goal{ClientID: ann, Domain: model.DomainEmployment, Words: "A steady job so I can see my kids",
		Status: model.GoalOpen, TargetDate: model.Date{Year: 2027, Month: 3, Day: 1}, At: at(11, 10, 9, 0),
		Steps: []model.Step{{Text: "Sign up at the job centre", Due: model.Date{Year: 2026, Month: 12, Day: 1}},
			{Text: "Two applications a week", Due: model.Date{Year: 2027, Month: 1, Day: 15}},
			{Text: "Ask Dana about the \x1b[2Jforklift course"}}})
	must(err)
	_, err = st.TickStep(ctx, g.ID, 0, true)
	must(err)
	_, err = st.SaveRelapsePlan(ctx, model.RelapsePlan{ClientID: ann, People: []string{"Old crew from the bar"},
		Places: []string{"Main St liquor store"}, Feelings: []string{"Lonely on Sunday nights"},
		WarningSigns: []string{"Skipping meals", "Not answering the phone"},
		Coping:       []string{"Call sponsor", "Walk the dog", "Go to the 7pm meeting"},
		Supports:     []model.SupportPerson{{Name: "Dana (sponsor)", Phone: "555-0177"}}})
	must(err)
	_, err = st.CreateConsent(ctx, model.Consent{ClientID: ann, Recipient: model.Recipient{ResourceID: res[0].ID},
		Kinds: []model.ShareKind{model.ShareAttendance, model.ShareTreatmentProgress}, Purpose: "treatment coordination",
		SignedOn: model.Date{Year: 2026, Month: 11, Day: 1}, ExpiresOn: model.Date{Year: 2027, Month: 3, Day: 1}})
	must(err)
	_, err = st.CreateConsent(ctx, model.Consent{ClientID: ann, Recipient: model.Recipient{Person: "Rita Example (sister)"},
		Kinds: []model.ShareKind{model.ShareAttendance}, Purpose: "family support",
		SignedOn: model.Date{Year: 2025, Month: 1, Day: 5}, ExpiresOn: model.Date{Year: 2026, Month: 1, Day: 5}})
	must(err)
	gone, err := st.CreateConsent(ctx, model.Consent{ClientID: ann, Recipient: model.Recipient{Person: "Dr Ana Ruiz, GP"},
		Kinds: []model.ShareKind{model.ShareTestResults}, Purpose: "medication review",
		SignedOn: model.Date{Year: 2026, Month: 6, Day: 1}, ExpiresOn: model.Date{Year: 2027, Month: 6, Day: 1}})
	must(err)
	_, err = st.RevokeConsent(ctx, gone.ID, model.Date{Year: 2026, Month: 11, Day: 20})
	must(err)
	_, err = st.AddScreening(ctx, model.Screening{ClientID: ann, Instrument: model.InstrumentPHQ9, At: at(11, 16, 10, 15),
		Answers: []int{1, 1, 0, 1, 0, 0, 1, 0, 0}, Unscored: []int{1}})
	must(err)
	return st
}
