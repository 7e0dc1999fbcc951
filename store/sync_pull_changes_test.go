package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// pulledClient is a client as a first pull brings it: every field under the
// one stamp of its creation on another laptop.
func pulledClient(i int, at model.HLC) store.PulledRow {
	row := store.PulledRow{Values: map[string]any{"id": fmt.Sprintf("0193a000-0000-7000-8000-%012d", 7000+i),
		"name": fmt.Sprintf("Pulled Person %03d", i), "preferred_name": "", "case_number": fmt.Sprintf("P-%03d", i),
		"date_of_birth": "", "phone": "555-0000", "address": "", "supervision_type": "parole", "level": "high",
		"supervision_from": "", "supervision_to": "", "conditions": "", "status": "active", "tags": "[]",
		"created_at": "2026-03-01T10:00:00.000Z", "updated_at": "2026-03-01T10:00:00.000Z", "owner": "officer_bob"},
		Stamps: map[string]model.HLC{}}
	for _, f := range store.SyncClients.Fields() {
		row.Stamps[f] = at
	}
	return row
}

// A page of records that change goes in fifty to a statement where the
// records are new, each with its one stamp and its officer; a record the
// laptop holds already merges field by field, and one whose fields carry
// stamps of their own keeps each; the laptop's clock moves past them all.
func TestAPageOfPulledClientsIsSavedWithEachStampAndMerge(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	laptop, err := s.StartSync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other := model.NewClock("other-laptop", model.HLC{})
	created := other.Now(testNow.Add(time.Hour)) // ahead of this laptop's clock
	// Six of the records that go in together were created later still.
	latest := other.Now(testNow.Add(2 * time.Hour))
	var page []store.PulledRow
	for i := 0; i < 120; i++ {
		at := created
		if i >= 60 && i < 66 {
			at = latest
		}
		page = append(page, pulledClient(i, at))
	}
	// Already held: the first record, pulled before with an older phone.
	older := pulledClient(0, model.NewClock("third-laptop", model.HLC{}).Now(testNow.Add(-time.Hour)))
	older.Values["phone"] = "555-9999"
	if _, err := s.ApplyPulled(ctx, store.SyncClients, []store.PulledRow{older}, store.Cursor{TxID: "1", RowID: "a"}); err != nil {
		t.Fatal(err)
	}
	// Stamped field by field: record 77's address was changed later.
	page[77].Values["address"] = "9 Elm St"
	page[77].Stamps["address"] = model.NewClock("fourth-laptop", model.HLC{}).Now(testNow.Add(90 * time.Minute))
	n, err := s.ApplyPulled(ctx, store.SyncClients, page, store.Cursor{TxID: "2", RowID: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 120 {
		t.Errorf("ApplyPulled counted %d records new or changed, want 120", n)
	}
	var held, oneStamp, ownerBob int
	db := s.DB()
	db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE owner = 'officer_bob') FROM clients").Scan(&held, &ownerBob)
	db.QueryRowContext(ctx, "SELECT count(*) FROM sync_fields WHERE tbl = 'clients' AND field = '' AND at IN (?, ?)", created.String(), latest.String()).Scan(&oneStamp)
	if held != 120 || ownerBob != 120 {
		t.Errorf("the file holds %d clients, %d of them bob's; want 120 and 120", held, ownerBob)
	}
	// 118 new with one stamp, and the held record, whose every field took
	// the later stamp.
	if oneStamp != 118 {
		t.Errorf("%d clients keep the one stamp of their creation, want 118", oneStamp)
	}
	var apart int
	db.QueryRowContext(ctx, "SELECT count(*) FROM sync_fields WHERE tbl = 'clients' AND row_id = ? AND field <> ''", page[77].Values["id"]).Scan(&apart)
	if apart != len(store.SyncClients.Fields()) {
		t.Errorf("the client stamped field by field keeps %d stamps, want %d", apart, len(store.SyncClients.Fields()))
	}
	first, _, err := s.Client(ctx, page[0].Values["id"].(string))
	if err != nil || first.Phone != "555-0000" {
		t.Errorf("the held client's phone is %q (%v), want the later pulled 555-0000", first.Phone, err)
	}
	c77, _, err := s.Client(ctx, page[77].Values["id"].(string))
	if err != nil || c77.Address != "9 Elm St" {
		t.Errorf("client 77's address is %q (%v), want 9 Elm St", c77.Address, err)
	}
	// The name to sort by went in with each.
	var sorted int
	db.QueryRowContext(ctx, "SELECT count(*) FROM clients WHERE sort_name = lower(name)").Scan(&sorted)
	if sorted != 120 {
		t.Errorf("%d of 120 clients sort by their name", sorted)
	}
	// The laptop's clock moved past the latest stamp pulled, and a local
	// edit is later still.
	var clock string
	db.QueryRowContext(ctx, "SELECT value FROM sync_state WHERE key = 'clock'").Scan(&clock)
	if h, err := model.ParseHLC(clock); err != nil || h.Wall < latest.Wall || h.Wall == latest.Wall && h.Counter < latest.Counter {
		t.Errorf("the laptop's clock reads %q (%v), behind the pulled %v", clock, err, latest)
	}
	c61, _, _ := s.Client(ctx, page[61].Values["id"].(string))
	c61.Phone = "555-1212"
	if _, err := s.UpdateClient(ctx, c61); err != nil {
		t.Fatal(err)
	}
	edits := 0
	for _, e := range outboxOps(t, s) {
		if e.Field == "phone" && e.RowID == c61.ID {
			edits++
			if !e.At.After(latest) || e.At.Laptop != laptop || e.Base != latest {
				t.Errorf("the local edit is stamped %v based on %v; want after the pulled %v", e.At, e.Base, latest)
			}
		}
	}
	if edits != 1 {
		t.Errorf("the outbox holds %d changes of the phone, want 1", edits)
	}
}

// A chunk the file refuses part of is refused whole, and the error names
// the record.
func TestAPulledPageOfClientsWithOneRefusedNamesIt(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	created := model.NewClock("other-laptop", model.HLC{}).Now(testNow)
	var page []store.PulledRow
	for i := 0; i < 60; i++ {
		page = append(page, pulledClient(i, created))
	}
	for _, bad := range []int{37, 55} { // in a whole chunk, and after the last
		page[bad].Values["level"] = "bogus"
		_, err := s.ApplyPulled(ctx, store.SyncClients, page, store.Cursor{TxID: "2", RowID: "b"})
		if err == nil {
			t.Fatalf("a client of no known level was saved (record %d)", bad)
		}
		if id := page[bad].Values["id"].(string); !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "CHECK") {
			t.Errorf("the error %q does not name record %s and its cause", err, id)
		}
		var held int
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&held); err != nil || held != 0 {
			t.Errorf("a refused page left %d clients (%v)", held, err)
		}
		page[bad].Values["level"] = "high"
	}
}

// A new record's stamps of fields this laptop does not know (a newer
// server's) move the clock too, as every stamp pulled does.
func TestAPulledRecordsEveryStampMovesTheClock(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	other := model.NewClock("other-laptop", model.HLC{})
	created := other.Now(testNow)
	later := other.Now(testNow.Add(2 * time.Hour))
	for _, n := range []int{1, 60} { // alone, and among a chunk
		var page []store.PulledRow
		for i := range n {
			row := pulledClient(100*n+i, created)
			row.Stamps["a_field_of_a_newer_server"] = later
			page = append(page, row)
		}
		if _, err := s.ApplyPulled(ctx, store.SyncClients, page, store.Cursor{TxID: fmt.Sprint(n), RowID: "x"}); err != nil {
			t.Fatal(err)
		}
		var clock string
		s.DB().QueryRowContext(ctx, "SELECT value FROM sync_state WHERE key = 'clock'").Scan(&clock)
		if h, err := model.ParseHLC(clock); err != nil || h.Wall < later.Wall {
			t.Errorf("after %d records the laptop's clock reads %q (%v), behind the pulled %v", n, clock, err, later)
		}
		later = other.Now(testNow.Add(3 * time.Hour))
	}
}
