package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"caseload/model"
)

// TestSummaryInPartsHandsEachClientOnce: seven clients seen in a range, in
// parts of three, each client in one part with all of its check-ins, the
// parts in the order of the clients' ids; a client seen only outside the
// range is in none.
func TestSummaryInPartsHandsEachClientOnce(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	if err := st.SaveSettings(ctx, model.Settings{OfficerName: "Officer Ray", Intervals: model.DefaultIntervals()}); err != nil {
		t.Fatal(err)
	}
	var clients []model.Client
	for i := range 8 {
		clients = append(clients, addClient(t, st, fmt.Sprintf("Client %d", i), fmt.Sprintf("CR-%d", i)))
	}
	// Entered day by day, the later clients first: out of their ids' order.
	for d := 10; d <= 12; d++ {
		for i := 6; i >= 0; i-- {
			addCheckIn(t, st, model.CheckIn{ClientID: clients[i].ID, At: at(d, 8+i)})
		}
	}
	addCheckIn(t, st, model.CheckIn{ClientID: clients[7].ID, At: at(2, 9)})

	// Three days of seven clients; the eighth's check-in is before them.
	if n, err := st.CountSummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(13, 0)}); n != 21 || err != nil {
		t.Errorf("counted %d records, %v; want 21", n, err)
	}

	var parts [][]string
	checkins := map[string]int{}
	err := st.SummaryInParts(ctx, SummaryQuery{From: at(10, 0), To: at(13, 0)}, 3, func(rec model.SummaryRecords) error {
		if rec.Officer != "Officer Ray" || !rec.From.Equal(at(10, 0)) {
			t.Errorf("a part's header: officer %q, from %v", rec.Officer, rec.From)
		}
		var ids []string
		for _, c := range rec.Clients {
			ids = append(ids, c.Client.ID)
		}
		for _, k := range rec.CheckIns {
			if !slices.Contains(ids, k.ClientID) {
				t.Errorf("a check-in of %s is in a part without its client", k.ClientID)
			}
			checkins[k.ClientID]++
		}
		parts = append(parts, ids)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, 7)
	for i := range want {
		want[i] = clients[i].ID
	}
	slices.Sort(want)
	if got := slices.Concat(parts...); len(parts) != 3 || !slices.Equal(got, want) {
		t.Fatalf("parts %v, want the clients %v in parts of at most 3", parts, want)
	}
	for _, id := range want {
		if checkins[id] != 3 {
			t.Errorf("client %s: %d check-ins handed over, want 3", id, checkins[id])
		}
	}
}

func TestSummaryInPartsOfNothing(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	parts := 0
	err := st.SummaryInParts(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)}, 3, func(rec model.SummaryRecords) error {
		parts++
		if len(rec.Clients) != 0 || len(rec.CheckIns) != 0 {
			t.Errorf("a part of nothing holds %d clients, %d check-ins", len(rec.Clients), len(rec.CheckIns))
		}
		return nil
	})
	if err != nil || parts != 1 {
		t.Fatalf("%d parts, %v; want one part with no clients", parts, err)
	}
}

// TestSummaryInPartsStops: the caller's error ends the read and comes back
// as it was; a read for a recipient (goals) is refused; a closed file gives
// an error, not a part.
func TestSummaryInPartsStops(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	for i := range 4 {
		c := addClient(t, st, fmt.Sprintf("Client %d", i), fmt.Sprintf("CR-%d", i))
		addCheckIn(t, st, model.CheckIn{ClientID: c.ID, At: at(10, 9)})
	}
	q := SummaryQuery{From: at(10, 0), To: at(11, 0)}
	stop := errors.New("the disk is full")
	parts := 0
	err := st.SummaryInParts(ctx, q, 1, func(model.SummaryRecords) error { parts++; return stop })
	if err != stop || parts != 1 {
		t.Errorf("after the caller's error: %d parts, %v; want 1 part and the error as it was", parts, err)
	}
	q.Goals = true
	if err := st.SummaryInParts(ctx, q, 1, func(model.SummaryRecords) error { return nil }); err == nil {
		t.Error("the records of a summary for a recipient were read in parts")
	}
	q.Goals = false
	st.Close()
	err = st.SummaryInParts(ctx, q, 1, func(model.SummaryRecords) error { t.Error("a part of a closed file"); return nil })
	if err == nil {
		t.Error("a closed file was read")
	}
}
