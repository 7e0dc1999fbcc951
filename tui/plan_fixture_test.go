package tui

import (
	"context"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// annID finds Ann Example, the fixture's client with a referral.
func annID(t testing.TB, st *store.Store) string {
	t.Helper()
	rows, err := st.CaseloadPage(context.Background(), model.CaseloadQuery{Tab: model.TabAll, Filter: "CR-1001", Now: frozen})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Name == "Ann Example" {
			return r.ClientID
		}
	}
	t.Fatal("the fixture has no Ann Example")
	return ""
}

// addPlan gives Ann two goals (one with an overdue step, one linked to her
// referral and changed once) and a relapse-prevention plan in two versions.
func addPlan(t testing.TB, st *store.Store) (ann string, goals []model.Goal) {
	t.Helper()
	ctx := context.Background()
	ann = annID(t, st)
	refs, err := st.Referrals(ctx, ann)
	if err != nil || len(refs) != 1 {
		t.Fatalf("Ann's referrals: %v, %v", refs, err)
	}
	d := func(m time.Month, day int) model.Date { return model.Date{Year: 2026, Month: m, Day: day} }
	job, err := st.CreateGoal(ctx, model.Goal{ClientID: ann, Domain: model.DomainEmployment, Status: model.GoalOpen,
		Words: "Get a job at the warehouse so I can pay rent myself", TargetDate: d(12, 20),
		Steps: []model.Step{{Text: "Write a CV", Due: d(11, 10), Done: true}, {Text: "Call the job centre", Due: d(11, 20)},
			{Text: "Go to the interview", Due: d(12, 5)}},
		At: at(11, 2, 9, 0)})
	if err != nil {
		t.Fatal(err)
	}
	clean, err := st.CreateGoal(ctx, model.Goal{ClientID: ann, Domain: model.DomainSubstanceUse, Status: model.GoalOpen,
		Words: "Stay off alcohol", Steps: []model.Step{{Text: "Go to the intake at Harbor"}}, At: at(11, 3, 9, 0)})
	if err != nil {
		t.Fatal(err)
	}
	clean.ReferralIDs, clean.Note, clean.At = []string{refs[0].ID}, "Linked to the treatment referral.", at(11, 16, 11, 0)
	if clean, err = st.SaveGoal(ctx, clean); err != nil {
		t.Fatal(err)
	}
	first := model.RelapsePlan{ClientID: ann, People: []string{"Mike from the old crew"}, Places: []string{"The Blue Bar"},
		Coping: []string{"Walk the dog"}, Supports: []model.SupportPerson{{Name: "Aunt Rosa", Phone: "555-0142"}}, At: at(11, 2, 10, 0)}
	if _, err := st.SaveRelapsePlan(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := first
	second.Feelings, second.Situations = []string{"Lonely at night"}, []string{"Payday"}
	second.WarningSigns = []string{"Skips meals", "Stops answering the phone"}
	second.Coping = []string{"Walk the dog", "Call Rosa before going out"}
	second.Supports = append(second.Supports, model.SupportPerson{Name: "Sponsor Dave", Phone: "555-0199"})
	second.Note, second.At = "Added what happened on payday.", at(11, 16, 10, 30)
	if _, err := st.SaveRelapsePlan(ctx, second); err != nil {
		t.Fatal(err)
	}
	return ann, []model.Goal{job, clean}
}

// openAnnPlan opens Ann's client screen on the Plan tab.
func openAnnPlan(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "tab")
}
