package store_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// benchDB returns a private copy of the 10,000-client demo caseload (about
// 200,000 check-ins) for benchmarks that write.
func benchDB(b *testing.B) string {
	b.Helper()
	private := filepath.Join(b.TempDir(), "caseload.db")
	if err := copyFile(benchDemoPath(b, 10000, 60), private); err != nil {
		b.Fatal(err)
	}
	return private
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func openBench(b *testing.B) *store.Store { return benchDemo(b, 10000, 60) }

func BenchmarkOpen(b *testing.B) {
	path := benchDemoPath(b, 10000, 60)
	ctx := context.Background()
	for b.Loop() {
		s, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkCaseloadPage(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	for _, tab := range model.CaseloadTabs() {
		for _, sort := range model.CaseloadSorts() {
			b.Run(string(tab.Value)+"/"+string(sort.Value), func(b *testing.B) {
				q := model.CaseloadQuery{Tab: tab.Value, Sort: sort.Value, Limit: 40, Offset: 200, Now: benchNow}
				loopWithCPU(b, func() {
					rows, err := s.CaseloadPage(ctx, q)
					if err != nil || len(rows) != 40 {
						b.Fatalf("%d rows, %v", len(rows), err)
					}
				})
			})
		}
	}
}

func BenchmarkTimelinePage(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortLastContact, Limit: 1, Now: benchNow})
	if err != nil || len(rows) == 0 {
		b.Fatal(err)
	}
	// The client seen most recently among the longest on supervision has a
	// full timeline; pick an intensive one for the most records.
	page, err := s.CaseloadPage(ctx, model.CaseloadQuery{Filter: "", Sort: model.SortDue, Limit: 200, Now: benchNow})
	if err != nil {
		b.Fatal(err)
	}
	id := page[0].ClientID
	for _, r := range page {
		if r.Level == model.LevelIntensive {
			id = r.ClientID
			break
		}
	}
	for b.Loop() {
		entries, err := s.Timeline(ctx, id, 40, 0)
		if err != nil || len(entries) == 0 {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
	}
}

func BenchmarkAddCheckInWithStage(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// A day's round of visits: each iteration logs a contact for the next of
	// 40 clients, so no one client's history grows without bound.
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortDue, Limit: 40, Now: benchNow})
	if err != nil || len(rows) != 40 {
		b.Fatal(err)
	}
	at := time.Now().Add(-time.Minute)
	i := 0
	for b.Loop() {
		i++
		_, err := s.AddCheckIn(ctx, model.CheckIn{ClientID: rows[i%len(rows)].ClientID, At: at, Type: model.ContactHome,
			Outcome: model.OutcomeCompleted, Test: model.TestNegative, Stage: model.StageAction,
			Note: "Home visit; working, attending group twice a week."})
		if err != nil {
			b.Fatal(err)
		}
	}
}
