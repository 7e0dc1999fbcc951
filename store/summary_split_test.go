package store_test

import (
	"cmp"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// TestSummaryReadInTwoAgreesWithEachClientsOwn: a whole caseload's summary
// records are read over two connections, each taking half the check-ins and
// half the clients. Every client's share of them must be exactly what the
// one-connection read of that client alone finds, and nothing may be read
// twice or lost between the halves.
func TestSummaryReadInTwoAgreesWithEachClientsOwn(t *testing.T) {
	ctx := context.Background()
	zone := time.FixedZone("EST", -5*3600)
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, zone)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "c.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Fill(ctx, st, demo.Options{Clients: 150, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		name     string
		from, to time.Time
		atLeast  int // check-ins, so that the halves have something to split
	}{
		{"a day", now.AddDate(0, 0, -1), now, 5},
		{"a month", now.AddDate(0, -1, 0), now, 100},
		{"a day with nothing in it", now.AddDate(0, 0, 5), now.AddDate(0, 0, 6), 0},
	} {
		t.Run(r.name, func(t *testing.T) {
			whole, err := st.SummaryRecords(ctx, store.SummaryQuery{From: r.from, To: r.to, Goals: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(whole.CheckIns) < r.atLeast {
				t.Fatalf("only %d check-ins in the range, want %d or more to split", len(whole.CheckIns), r.atLeast)
			}
			mustBeUnique(t, "check-in", whole.CheckIns, func(k model.CheckIn) string { return k.ID })
			mustBeUnique(t, "client", whole.Clients, func(c model.SummaryClient) string { return c.Client.ID })
			inWhole := map[string]bool{}
			for _, c := range whole.Clients {
				inWhole[c.Client.ID] = true
			}
			for _, k := range whole.CheckIns {
				if !inWhole[k.ClientID] {
					t.Fatalf("check-in %s belongs to client %s, who is not in the summary", k.ID, k.ClientID)
				}
			}
			var checkIns int
			for _, c := range whole.Clients {
				one, err := st.SummaryRecords(ctx, store.SummaryQuery{From: r.from, To: r.to, ClientID: c.Client.ID, Goals: true})
				if err != nil {
					t.Fatal(err)
				}
				if len(one.Clients) != 1 || !reflect.DeepEqual(one.Clients[0], c) {
					t.Fatalf("client %s: read in two %+v, alone %+v", c.Client.ID, c, one.Clients)
				}
				id := c.Client.ID
				sameRecords(t, id, "check-ins", of(whole.CheckIns, id, func(k model.CheckIn) string { return k.ClientID }), one.CheckIns,
					func(k model.CheckIn) string { return k.ID })
				sameRecords(t, id, "stage notes", of(whole.StageNotes, id, func(n model.StageNote) string { return n.ClientID }), one.StageNotes,
					func(n model.StageNote) string { return n.ID })
				sameRecords(t, id, "referrals", of(whole.Referrals, id, func(r model.ReferralActivity) string { return r.Referral.ClientID }),
					one.Referrals, func(r model.ReferralActivity) string { return r.Referral.ID })
				sameRecords(t, id, "screenings", of(whole.Screenings, id, func(s model.Screening) string { return s.ClientID }), one.Screenings,
					func(s model.Screening) string { return s.ID })
				sameRecords(t, id, "goals", of(whole.Goals, id, func(g model.Goal) string { return g.ClientID }), one.Goals,
					func(g model.Goal) string { return g.ID })
				checkIns += len(one.CheckIns)
			}
			if checkIns != len(whole.CheckIns) {
				t.Errorf("the clients alone have %d check-ins, the whole summary %d", checkIns, len(whole.CheckIns))
			}
		})
	}
}

func of[T any](list []T, clientID string, owner func(T) string) []T {
	var out []T
	for _, x := range list {
		if owner(x) == clientID {
			out = append(out, x)
		}
	}
	return out
}

// sameRecords compares two lists of records in any order.
func sameRecords[T any](t *testing.T, clientID, what string, inTwo, alone []T, id func(T) string) {
	t.Helper()
	byID := func(a, b T) int { return cmp.Compare(id(a), id(b)) }
	slices.SortFunc(inTwo, byID)
	slices.SortFunc(alone, byID)
	if len(inTwo) == 0 && len(alone) == 0 {
		return
	}
	if !reflect.DeepEqual(inTwo, alone) {
		t.Fatalf("client %s, %s: read in two %+v, alone %+v", clientID, what, inTwo, alone)
	}
}

func mustBeUnique[T any](t *testing.T, what string, list []T, id func(T) string) {
	t.Helper()
	seen := map[string]bool{}
	for _, x := range list {
		if seen[id(x)] {
			t.Fatalf("%s %s was read twice", what, id(x))
		}
		seen[id(x)] = true
	}
}

// TestManySummariesAtOnceDoNotLockEachOtherOut: each whole-caseload summary
// takes three of the pool's four connections. Started together (quick keys
// in the export dialog), they must take turns, not each hold some and wait
// for ever for the rest, with every other read and save stuck behind them.
func TestManySummariesAtOnceDoNotLockEachOtherOut(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "c.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Fill(ctx, st, demo.Options{Clients: 50, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 10; round++ {
		deadline, cancel := context.WithTimeout(ctx, 10*time.Second)
		errs := make(chan error, 8)
		start := make(chan struct{})
		for range 8 {
			go func() {
				<-start
				_, err := st.SummaryRecords(deadline, store.SummaryQuery{From: now.AddDate(0, -1, 0), To: now})
				errs <- err
			}()
		}
		close(start)
		for range 8 {
			if err := <-errs; err != nil {
				cancel()
				t.Fatalf("round %d: %v", round, err)
			}
		}
		cancel()
	}
}
