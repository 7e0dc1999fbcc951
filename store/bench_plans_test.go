package store_test

import (
	"context"
	"testing"

	"caseload/model"
	"caseload/store"
)

// planClient finds a client of the benchmark caseload with goals and a
// relapse-prevention plan, and returns an open goal of several steps (only
// an open goal's steps can be ticked).
func planClient(b *testing.B, s *store.Store) (string, model.Goal) {
	b.Helper()
	ctx := context.Background()
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Limit: 200, Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rows {
		goals, err := s.Goals(ctx, r.ClientID)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.RelapsePlan(ctx, r.ClientID); err != nil {
			continue
		}
		for _, g := range goals {
			if g.Status == model.GoalOpen && len(g.Steps) > 1 {
				return r.ClientID, g
			}
		}
	}
	b.Fatal("no client with an open goal and a relapse-prevention plan in the first 200")
	return "", model.Goal{}
}

// BenchmarkPlanTab reads what a client's plan tab shows: current goals, the
// relapse-prevention plan, consents and screenings.
func BenchmarkPlanTab(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	id, _ := planClient(b, s)
	for b.Loop() {
		goals, err := s.Goals(ctx, id)
		if err != nil || len(goals) == 0 {
			b.Fatalf("%d goals, %v", len(goals), err)
		}
		if _, err := s.RelapsePlan(ctx, id); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Consents(ctx, id); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Screenings(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTickStep is the cost of ticking a step: a new goal version.
func BenchmarkTickStep(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	_, g := planClient(b, s)
	done := false
	for b.Loop() {
		done = !done
		if _, err := s.TickStep(ctx, g.ID, 1, done); err != nil {
			b.Fatal(err)
		}
	}
}
