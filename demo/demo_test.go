package demo

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

var demoNow = time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)

func fill(t *testing.T, clients int, seed uint64) (*store.Store, Report) {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	rep, err := Fill(context.Background(), s, Options{Clients: clients, Seed: seed, Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	return s, rep
}

func TestDemoIsDeterministic(t *testing.T) {
	ctx := context.Background()
	a, repA := fill(t, 40, 7)
	b, repB := fill(t, 40, 7)
	if repA != repB {
		t.Fatalf("same seed, different reports: %+v vs %+v", repA, repB)
	}
	pa, _ := a.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Now: demoNow})
	pb, _ := b.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Now: demoNow})
	for i := range pa {
		if pa[i] != pb[i] {
			t.Fatalf("row %d differs: %+v vs %+v", i, pa[i], pb[i])
		}
	}
	_, repC := fill(t, 40, 8)
	if repC == repA {
		t.Error("a different seed gave the same caseload")
	}
}

func TestDemoCoversEveryKindOfRecord(t *testing.T) {
	ctx := context.Background()
	s, rep := fill(t, 120, 1)
	if rep.Clients != 120 || rep.Resources != 60 || rep.CheckIns < 1000 || rep.Referrals < 10 {
		t.Fatalf("report = %+v", rep)
	}
	var types, outcomes, tests, statuses, stages, categories map[string]bool
	types, outcomes, tests = map[string]bool{}, map[string]bool{}, map[string]bool{}
	statuses, stages, categories = map[string]bool{}, map[string]bool{}, map[string]bool{}
	rows, _ := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Now: demoNow})
	movedBack := false
	for _, r := range rows {
		page, err := s.Timeline(ctx, r.ClientID, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			if k := e.CheckIn; k != nil {
				types[string(k.Type)], outcomes[string(k.Outcome)], tests[string(k.Test)] = true, true, true
			}
			if ev := e.Event; ev != nil {
				statuses[string(ev.To)] = true
			}
		}
		history, _ := s.StageHistory(ctx, r.ClientID)
		for _, ch := range model.StageChanges(history) {
			stages[string(ch.To)] = true
			movedBack = movedBack || ch.Back
		}
	}
	res, _ := s.Resources(ctx, "", 0, 0)
	for _, r := range res {
		categories[string(r.Category)] = true
	}
	for name, got := range map[string]struct {
		seen map[string]bool
		want int
	}{
		"contact types": {types, len(model.ContactTypes())}, "outcomes": {outcomes, len(model.Outcomes())},
		"test results": {tests, len(model.TestResults())}, "referral statuses": {statuses, len(model.ReferralStatuses())},
		"stages": {stages, len(model.Stages())}, "resource categories": {categories, len(model.ResourceCategories())},
	} {
		if len(got.seen) != got.want {
			t.Errorf("demo has %d %s, want all %d: %v", len(got.seen), name, got.want, got.seen)
		}
	}
	if !movedBack {
		t.Error("no stage history in the demo moves backwards")
	}
	for _, tab := range []model.CaseloadTab{model.TabDue, model.TabOverdue} {
		n, _ := s.CaseloadCount(ctx, model.CaseloadQuery{Tab: tab, Now: demoNow})
		if n == 0 {
			t.Errorf("nobody in the %s tab of the demo", tab)
		}
	}
	if isDemo, _ := s.IsDemo(ctx); !isDemo {
		t.Error("demo file not marked as demo")
	}
}

func TestDemoRefusesAFileWithRecords(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "mine.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateClient(ctx, model.Client{Name: "Real Person", CaseNumber: "R-1", SupervisionType: model.SupervisionParole,
		Level: model.LevelLow, Status: model.StatusActive}); err != nil {
		t.Fatal(err)
	}
	if _, err := Fill(ctx, s, Options{Clients: 5, Now: demoNow}); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Fill on a file with a client = %v, want ErrNotEmpty", err)
	}
	n, _ := s.ClientCount(ctx)
	if n != 1 {
		t.Errorf("the refused demo wrote clients: %d", n)
	}
}
