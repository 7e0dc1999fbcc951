package demo

import (
	"context"
	"reflect"
	"testing"

	"caseload/model"
	"caseload/store"
)

// planRecords reads every plan-related record of the demo's clients.
type planRecords struct {
	goals       []model.Goal // every version
	plans       []model.RelapsePlan
	consents    []model.Consent
	screenings  []model.Screening
	withoutPlan int
}

func readPlans(t *testing.T, s *store.Store) planRecords {
	t.Helper()
	ctx := context.Background()
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	var r planRecords
	for _, row := range rows {
		goals, err := s.Goals(ctx, row.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range goals {
			h, err := s.GoalHistory(ctx, g.ID)
			if err != nil {
				t.Fatal(err)
			}
			r.goals = append(r.goals, h...)
		}
		plans, err := s.RelapsePlanHistory(ctx, row.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		if len(plans) == 0 {
			r.withoutPlan++
		}
		r.plans = append(r.plans, plans...)
		consents, err := s.Consents(ctx, row.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		r.consents = append(r.consents, consents...)
		screenings, err := s.Screenings(ctx, row.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		r.screenings = append(r.screenings, screenings...)
	}
	return r
}

func TestDemoHasPlansConsentsAndScreeningsOfEveryKind(t *testing.T) {
	s, _ := fill(t, 40, 3)
	r := readPlans(t, s)
	today := model.DateOf(demoNow)

	statuses := map[model.GoalStatus]bool{}
	versioned := false
	for _, g := range r.goals {
		statuses[g.Status] = true
		versioned = versioned || g.Version > 1
	}
	if len(statuses) != len(model.GoalStatuses()) || !versioned {
		t.Errorf("goal statuses %v (want all %d), versions beyond the first: %v", statuses, len(model.GoalStatuses()), versioned)
	}
	states := map[string]bool{}
	for _, c := range r.consents {
		switch {
		case c.Active(today):
			states["active"] = true
		case c.Expired(today):
			states["expired"] = true
		case c.Revoked(today):
			states["revoked"] = true
		}
	}
	if len(states) != 3 {
		t.Errorf("consents are %v, want active, expired and revoked", states)
	}
	instruments := map[model.Instrument]bool{}
	for _, sc := range r.screenings {
		instruments[sc.Instrument] = true
	}
	if len(instruments) != len(model.Instruments()) {
		t.Errorf("screenings use %v, want every instrument", instruments)
	}
	planVersions := false
	for _, p := range r.plans {
		planVersions = planVersions || p.Version > 1
	}
	if len(r.plans) == 0 || !planVersions || r.withoutPlan == 0 {
		t.Errorf("%d relapse-plan versions (some beyond the first: %v), %d clients without one", len(r.plans), planVersions, r.withoutPlan)
	}
}

func TestDemoPlansAreDeterministic(t *testing.T) {
	a, _ := fill(t, 30, 11)
	b, _ := fill(t, 30, 11)
	if ra, rb := readPlans(t, a), readPlans(t, b); !reflect.DeepEqual(ra, rb) {
		t.Error("the same seed gave different plans, consents or screenings")
	}
}
