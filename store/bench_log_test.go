package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// busiestClient is the client of the 10,000-client demo with the most
// check-ins: the longest log.
func busiestClient(b *testing.B, s *store.Store) string {
	b.Helper()
	var id string
	if err := s.DB().QueryRow(`SELECT client_id FROM checkins GROUP BY client_id ORDER BY count(*) DESC LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	return id
}

// BenchmarkClientLog reads the first page of the busiest client's log, of
// every kind and of each kind (target: under 2 ms each), and a page deep in
// the log by its cursor.
func BenchmarkClientLog(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	id := busiestClient(b, s)
	kinds := []model.LogKind{""}
	for _, o := range model.LogKinds() {
		kinds = append(kinds, o.Value)
	}
	for _, k := range kinds {
		name := string(k)
		if name == "" {
			name = "all"
		}
		b.Run(name, func(b *testing.B) {
			page, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Kind: k, Limit: 40})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%d entries", len(page.Entries))
			loopWithCPU(b, func() {
				if _, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Kind: k, Limit: 40}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	b.Run("all/third-page", func(b *testing.B) {
		q := model.LogQuery{ClientID: id, Limit: 40}
		for range 2 {
			page, err := s.ClientLog(ctx, q)
			if err != nil || page.Next.IsZero() {
				b.Fatalf("the log has fewer than three pages: %v", err)
			}
			q.After = page.Next
		}
		loopWithCPU(b, func() {
			if _, err := s.ClientLog(ctx, q); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkAgendaWithCompliance10000 reads the whole agenda of a
// 10,000-client caseload, its contact and referral headings and the
// hearings, conditions due and unanswered violations (target: under 10 ms
// together).
func BenchmarkAgendaWithCompliance10000(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	now := benchNow.Add(9 * time.Hour)
	for _, limit := range []int{0, 50} {
		sections, err := s.ComplianceAgenda(ctx, now, limit)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("compliance/limit=%d", limit), func(b *testing.B) {
			for _, sec := range sections {
				b.Logf("%s: %d of %d", sec.Kind, len(sec.Items), sec.Total)
			}
			loopWithCPU(b, func() {
				if _, err := s.ComplianceAgenda(ctx, now, limit); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(fmt.Sprintf("whole/limit=%d", limit), func(b *testing.B) {
			loopWithCPU(b, func() {
				if _, err := s.Agenda(ctx, now, limit); err != nil {
					b.Fatal(err)
				}
				if _, err := s.ComplianceAgenda(ctx, now, limit); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
