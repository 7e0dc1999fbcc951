package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// A pulled client's status is recorded as a stand-in for its history; when
// the history its own laptop recorded arrives, the stand-ins give way, so
// that no change is counted twice, even one this laptop dated otherwise
// (its updated_at was not taken, so the trigger dated the change "now").
func TestPulledStatusHistoryReplacesTheStandIns(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	other := model.NewClock("other-laptop", model.HLC{})
	created := other.Now(testNow.Add(-48 * time.Hour))
	id := "0193a000-0000-7000-8000-000000000002"
	values := map[string]any{"id": id, "name": "Pulled Person", "preferred_name": "", "case_number": "P-2", "date_of_birth": "",
		"phone": "", "address": "", "supervision_type": "parole", "level": "high", "supervision_from": "", "supervision_to": "",
		"conditions": "", "status": "active", "tags": "[]", "created_at": "2026-03-08T10:00:00.000Z", "updated_at": "2026-03-08T10:00:00.000Z"}
	stamps := map[string]model.HLC{}
	for k := range values {
		if k != "id" && k != "created_at" {
			stamps[k] = created
		}
	}
	if _, err := s.ApplyPulled(ctx, store.SyncClients, []store.PulledRow{{Values: values, Stamps: stamps}}, store.Cursor{TxID: "1", RowID: id}); err != nil {
		t.Fatal(err)
	}
	// The status closes; the updated_at that came with it is not newer than
	// the one held, so the stand-in is dated when the pull took it.
	values["status"] = "closed"
	stamps["status"] = other.Now(testNow.Add(-24 * time.Hour))
	if _, err := s.ApplyPulled(ctx, store.SyncClients, []store.PulledRow{{Values: values, Stamps: stamps}}, store.Cursor{TxID: "2", RowID: id}); err != nil {
		t.Fatal(err)
	}
	history := []store.PulledRow{
		{Values: map[string]any{"id": "0193a000-0000-4000-8000-0000000000a1", "client_id": id, "at": "2026-03-08T10:00:00.000Z",
			"status": "active", "delta": int64(0)}},
		{Values: map[string]any{"id": "0193a000-0000-4000-8000-0000000000a2", "client_id": id, "at": "2026-03-09T10:00:00.000Z",
			"status": "closed", "delta": int64(-1)}},
	}
	if _, err := s.ApplyPulled(ctx, store.SyncStatusChanges, history, store.Cursor{TxID: "3", RowID: "x"}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB().QueryContext(ctx, "SELECT id, at, status, delta, provisional FROM client_status_changes WHERE client_id = ? ORDER BY at", id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	sum := 0
	for rows.Next() {
		var rid, at, status string
		var delta, provisional int
		if err := rows.Scan(&rid, &at, &status, &delta, &provisional); err != nil {
			t.Fatal(err)
		}
		got = append(got, rid+" "+at+" "+status)
		sum += delta
		if provisional != 0 {
			t.Errorf("a stand-in is left: %s %s %s", rid, at, status)
		}
	}
	if len(got) != 2 || sum != -1 {
		t.Errorf("the status history is %v (deltas summing to %d), want the two pulled changes, -1", got, sum)
	}
	if n, _ := s.OutboxCount(ctx); n != 0 {
		t.Errorf("the pulled history entered the outbox: %d entries", n)
	}
}

// One write that changes a client's status twice (an import naming the
// client twice): every change recorded is queued, the outbox names only
// records the file holds, and the changes add up to what happened (closed,
// then active again: no change). Two changes that fall on the same
// millisecond are one change under the id already queued (the triggers'
// upsert); a fixed test clock cannot make them fall so.
func TestTwoStatusChangesAtOneMomentAreOneChange(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Batch(ctx, func(w *store.Writer) error {
		for _, st := range []model.ClientStatus{model.StatusClosed, model.StatusActive} {
			c.Status = st
			var err error
			if c, err = w.UpdateClient(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.Outbox(ctx, 0, 100)
	if err != nil {
		t.Fatalf("the outbox after two changes at one moment: %v", err)
	}
	var statuses int
	for _, e := range entries {
		if e.Table == store.SyncStatusChanges.Name {
			statuses++
		}
	}
	var n, sum int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*), sum(delta) FROM client_status_changes WHERE client_id = ?", c.ID).Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	if sum != 0 || statuses != n {
		t.Errorf("%d status changes summing to %d, %d queued; want changes adding to 0, each queued", n, sum, statuses)
	}
}
