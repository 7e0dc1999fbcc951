package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

func outboxOps(t *testing.T, s *store.Store) []store.OutboxEntry {
	t.Helper()
	entries, err := s.Outbox(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestNothingIsQueuedUntilSyncIsSetUp(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(ctx, syncVisit(c.ID, testNow.Add(-time.Hour))); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxCount(ctx); n != 0 {
		t.Errorf("outbox holds %d entries before sync was set up, want none", n)
	}
	if id, _ := s.LaptopID(ctx); id != "" {
		t.Errorf("laptop id %q before sync was set up", id)
	}
}

func TestStartSyncQueuesEveryRecordAlreadyInTheFile(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := s.AddCheckIn(ctx, syncVisit(c.ID, testNow.Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.StartSync(ctx)
	if err != nil || id == "" {
		t.Fatalf("StartSync = %q, %v", id, err)
	}
	again, err := s.StartSync(ctx)
	if err != nil || again != id {
		t.Errorf("a second StartSync gave %q, %v; want the same id %q", again, err, id)
	}
	got := map[string]string{}
	for _, e := range outboxOps(t, s) {
		got[e.Table+" "+e.Op] = e.RowID
	}
	// The check-in carried a stage, so a stage note was written with it.
	if got["clients create"] != c.ID || got["checkins insert"] != k.ID || got["stage_notes insert"] == "" {
		t.Errorf("outbox = %v, want the client, its check-in and its stage note", got)
	}
}

func TestEveryEditQueuesItsChangedFieldsInTheSameTransaction(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	c.Phone, c.Address = "555-0101", "1 Main St"
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Phone = "555-0199"
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	k, err := s.AddCheckIn(ctx, syncVisit(c.ID, testNow.Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	entries := outboxOps(t, s)
	if len(entries) != 7 {
		t.Fatalf("outbox has %d entries, want create, status, address, phone, phone, check-in, stage note: %+v", len(entries), entries)
	}
	create, status := entries[0], entries[1]
	if create.Op != store.OpCreate || create.RowID != c.ID {
		t.Errorf("first entry %+v, want the client's creation", create)
	}
	// The status the client was made with goes after the client: a batch
	// that ended between them would send it before its client.
	if status.Table != store.SyncStatusChanges.Name || status.ClientID != c.ID || status.Row["status"] != string(model.StatusActive) {
		t.Errorf("second entry %+v, want the client's first status", status)
	}
	entries = entries[1:]
	address, phone1, phone2 := entries[1], entries[2], entries[3]
	if address.Field != "address" || phone1.Field != "phone" || phone1.Value != "555-0101" || phone2.Value != "555-0199" {
		t.Errorf("field entries %+v %+v %+v", phone1, address, phone2)
	}
	// Each change is based on the stamp of the value it replaced.
	if phone1.Base != create.At || phone2.Base != phone1.At || address.Base != create.At {
		t.Errorf("bases: phone %s then %s, address %s; want the creation %s, then the first phone %s",
			phone1.Base, phone2.Base, address.Base, create.At, phone1.At)
	}
	if !phone2.At.After(phone1.At) || !phone1.At.After(create.At) {
		t.Errorf("stamps do not move forward: %s, %s, %s", create.At, phone1.At, phone2.At)
	}
	if entries[4].Table != "checkins" || entries[4].RowID != k.ID || entries[4].Row["note"] != k.Note {
		t.Errorf("check-in entry %+v", entries[4])
	}
	// An edit that changes nothing queues nothing.
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxCount(ctx); n != 7 {
		t.Errorf("an unchanged save queued entries: %d", n)
	}
	// A failed edit queues nothing.
	bad := c
	bad.Name = ""
	if _, err := s.UpdateClient(ctx, bad); err == nil {
		t.Fatal("an empty name was saved")
	}
	if n, _ := s.OutboxCount(ctx); n != 7 {
		t.Errorf("a refused save queued entries: %d", n)
	}
	seqs := []int64{entries[0].Seq, entries[1].Seq}
	if err := s.MarkPushed(ctx, seqs); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxCount(ctx); n != 5 {
		t.Errorf("after marking 2 pushed the outbox holds %d, want 5", n)
	}
}

func TestPulledRecordsStayOutOfTheOutboxAndLocalLaterChangesWin(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	laptop, err := s.StartSync(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other := model.NewClock("other-laptop", model.HLC{})
	created := other.Now(testNow.Add(-2 * time.Hour))
	stamps := map[string]model.HLC{}
	values := map[string]any{"created_at": "2026-03-10T10:00:00.000Z", "updated_at": "2026-03-10T10:00:00.000Z"}
	fields := map[string]string{"id": "0193a000-0000-7000-8000-000000000001", "name": "Pulled Person", "preferred_name": "",
		"case_number": "P-1", "date_of_birth": "", "phone": "555-0000", "address": "", "supervision_type": "parole", "level": "high",
		"supervision_from": "", "supervision_to": "", "conditions": "", "status": "active", "tags": "[]"}
	for k, v := range fields {
		values[k] = v
		if k != "id" {
			stamps[k] = created
		}
	}
	stamps["updated_at"] = created // as the server stamps a creation: every field
	cursor := store.Cursor{TxID: "100", RowID: fields["id"]}
	if _, err := s.ApplyPulled(ctx, store.SyncClients, []store.PulledRow{{Values: values, Stamps: stamps}}, cursor); err != nil {
		t.Fatal(err)
	}
	// Its fields all carry the creation's stamp: it is kept once.
	var kept int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM sync_fields WHERE tbl = 'clients' AND row_id = ?", fields["id"]).Scan(&kept); err != nil || kept != 1 {
		t.Errorf("the pulled client keeps %d stamps (%v), want the one every field carries", kept, err)
	}
	checkIn := map[string]any{"id": "0193a000-0000-7000-8000-0000000000c1", "client_id": fields["id"], "at": "2026-03-10T09:00:00.000Z",
		"type": "office", "outcome": "completed", "location": "", "test_result": "negative", "substances": "[]", "stage": "",
		"flags": "[]", "note": "pulled note", "sensitive": int64(0), "next_appointment_at": "", "created_at": "2026-03-10T09:00:00.000Z"}
	if _, err := s.ApplyPulled(ctx, store.SyncCheckIns, []store.PulledRow{{Values: checkIn}}, store.Cursor{TxID: "101", RowID: "x"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxCount(ctx); n != 0 {
		t.Errorf("pulled records entered the outbox: %d entries", n)
	}
	if cur, _ := s.PullCursor(ctx, "clients"); cur != cursor {
		t.Errorf("cursor = %+v, want %+v", cur, cursor)
	}
	// The pull sums the client up once, when all its records are in.
	if n, err := s.RefreshStale(ctx); err != nil || n != 1 {
		t.Fatalf("summed up %d clients (%v), want the one pulled", n, err)
	}
	c, sum, err := s.Client(ctx, fields["id"])
	if err != nil {
		t.Fatal(err)
	}
	if sum.LastContact.IsZero() {
		t.Errorf("the pulled check-in did not reach the client's summary")
	}
	// Edit locally: the laptop's clock has moved past the pulled stamps.
	c.Phone = "555-1111"
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	var phone []store.OutboxEntry
	for _, e := range outboxOps(t, s) {
		if e.Field == "phone" {
			phone = append(phone, e)
		}
	}
	if len(phone) != 1 || phone[0].Base != created || !phone[0].At.After(created) || phone[0].At.Laptop != laptop {
		t.Fatalf("outbox after a local edit: %+v; want one phone change based on the pulled stamp", phone)
	}
	// The server's older phone comes back in a later page: the local change stays.
	values["phone"] = "555-0000"
	values["address"] = "2 Oak Ave"
	stamps["address"] = other.Now(testNow.Add(-time.Hour))
	if _, err := s.ApplyPulled(ctx, store.SyncClients, []store.PulledRow{{Values: values, Stamps: stamps}}, cursor); err != nil {
		t.Fatal(err)
	}
	c, _, _ = s.Client(ctx, fields["id"])
	if c.Phone != "555-1111" || c.Address != "2 Oak Ave" {
		t.Errorf("after pulling: phone %q, address %q; want the local phone kept and the pulled address taken", c.Phone, c.Address)
	}
}

// syncVisit is a completed home visit that records a stage, so a stage note
// is written with it.
func syncVisit(clientID string, at time.Time) model.CheckIn {
	return model.CheckIn{ClientID: clientID, At: at, Type: model.ContactHome, Outcome: model.OutcomeCompleted,
		Test: model.TestNegative, Stage: model.StageAction, Note: "Working at the bakery."}
}

// A pull cut off after saving a page (the app killed) leaves the page's
// clients not yet summed up; opening the file again finishes the work, so
// the caseload never shows a pulled check-in without its client knowing.
func TestAPullCutOffIsSummedUpWhenTheFileOpensAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := store.Open(ctx, path, store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	pulled := map[string]any{"id": "0193a000-0000-7000-8000-0000000000c2", "client_id": c.ID, "at": "2026-03-10T09:00:00.000Z",
		"type": "home", "outcome": "completed", "location": "", "test_result": "negative", "substances": "[]", "stage": "",
		"flags": "[]", "note": "", "sensitive": int64(0), "next_appointment_at": "", "created_at": "2026-03-10T09:00:00.000Z"}
	if _, err := s.ApplyPulled(ctx, store.SyncCheckIns, []store.PulledRow{{Values: pulled}}, store.Cursor{TxID: "7", RowID: "x"}); err != nil {
		t.Fatal(err)
	}
	s.Close() // no RefreshStale: the pull never finished

	again := openAt(t, path)
	_, sum, err := again.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.LastContact.IsZero() || sum.LastContactType != model.ContactHome {
		t.Errorf("the pulled check-in is not in the client's summary after reopening: %+v", sum)
	}
	if problems, err := again.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if n, err := again.RefreshStale(ctx); err != nil || n != 0 {
		t.Errorf("%d clients still waited to be summed up (%v)", n, err)
	}
}

// A push reads the next batch before the last one is taken off the
// outbox: reading after a sequence number must not give an entry twice.
func TestTheOutboxIsReadOnFromAGivenEntry(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddCheckIn(ctx, syncVisit(c.ID, testNow.Add(-time.Hour))); err != nil {
		t.Fatal(err)
	}
	all := outboxOps(t, s)
	if len(all) < 4 {
		t.Fatalf("outbox has %d entries, want at least client, status, check-in, stage note", len(all))
	}
	var seen []int64
	for after := int64(0); ; {
		batch, err := s.Outbox(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(batch) == 0 {
			break
		}
		for _, e := range batch {
			seen = append(seen, e.Seq)
		}
		after = batch[len(batch)-1].Seq
	}
	if len(seen) != len(all) {
		t.Fatalf("read in batches of 2: %v, want the %d entries once each", seen, len(all))
	}
	for i, e := range all {
		if seen[i] != e.Seq {
			t.Errorf("entry %d: seq %d, want %d", i, seen[i], e.Seq)
		}
	}
	if rest, err := s.Outbox(ctx, all[len(all)-1].Seq, 10); err != nil || len(rest) != 0 {
		t.Errorf("after the last entry: %d entries, %v; want none", len(rest), err)
	}
}
