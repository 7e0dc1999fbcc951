package store_test

import (
	"context"
	"testing"

	"caseload/model"
)

// BenchmarkWorkload reads what the workload screen shows: twelve weeks of
// figures, the shape, the signals and the load, at 10,000 clients and about
// 200,000 check-ins. The target is under 50 ms.
func BenchmarkWorkload(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	for _, weeks := range []int{5, 12} {
		b.Run(map[int]string{5: "5weeks", 12: "12weeks"}[weeks], func(b *testing.B) {
			loopWithCPU(b, func() {
				wl, err := s.Workload(ctx, benchNow, weeks)
				if err != nil || wl.Shape.Active == 0 {
					b.Fatalf("%+v, %v", wl.Shape, err)
				}
			})
		})
	}
}

// BenchmarkClientCourse reads what a client's charts draw, for the client
// with the longest record among the first page; the target is under 2 ms.
func BenchmarkClientCourse(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	page, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortDue, Limit: 200, Now: benchNow})
	if err != nil || len(page) == 0 {
		b.Fatal(err)
	}
	id := page[0].ClientID
	for _, r := range page {
		if r.Level == model.LevelIntensive {
			id = r.ClientID
			break
		}
	}
	loopWithCPU(b, func() {
		course, err := s.ClientCourse(ctx, id)
		if err != nil || len(course.Contacts) == 0 {
			b.Fatalf("%d contacts, %v", len(course.Contacts), err)
		}
	})
}
