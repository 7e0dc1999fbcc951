package agency

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"caseload/internal/schematest"
	"caseload/model"
	"caseload/store"
)

// A client's status history is recorded on the officer's laptop and
// travels: the supervisor's file and a replacement laptop hold the case as
// open until the day it closed, not closed since the day it was opened
// (the status the client arrives with is only a stand-in until its
// history comes).
func TestAClientsStatusHistoryReachesTheSupervisorAndANewLaptop(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1")
	alice.sync()
	alice.tick(2 * time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusClosed })
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusActive })
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusAbsconded })
	if r := alice.sync(); r.Rejected != 0 {
		t.Fatalf("alice's sync: %s; want every change taken", describe(r))
	}
	history := alice.rows(store.SyncStatusChanges)
	if len(history) != 4 {
		t.Fatalf("alice's file holds %d status changes, want the opening and three changes: %v", len(history), history)
	}
	sameRows(t, "status history on the server and alice's laptop", s.serverRows(store.SyncStatusChanges), history)

	sup := s.laptop(lead)
	sup.sync()
	sameRows(t, "status history on the supervisor's file and alice's", sup.rows(store.SyncStatusChanges), history)
	if got := sup.client(c.ID).Status; got != model.StatusAbsconded {
		t.Errorf("the supervisor's file holds the client %s, want absconded", got)
	}
	replacement := s.laptop(aliceRole)
	replacement.sync()
	sameRows(t, "status history on alice's new laptop and her old one", replacement.rows(store.SyncStatusChanges), history)
	replacement.outboxEmpty()
	for _, l := range []*laptop{sup, replacement} {
		db, err := sql.Open("sqlite", "file:"+l.path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		var provisional int
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM client_status_changes WHERE provisional = 1").Scan(&provisional)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if provisional != 0 {
			t.Errorf("%s keeps %d stand-in status changes beside the history that came", l.role, provisional)
		}
	}

	// A later change reaches the supervisor once, not twice.
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusActive })
	alice.sync()
	sup.sync()
	sameRows(t, "status history on the supervisor's file after the next change", sup.rows(store.SyncStatusChanges),
		alice.rows(store.SyncStatusChanges))
	sameOnBothSides(t, s, sup)
}

// A laptop that synced before status history travelled sends the history
// it holds once the file is opened by this version (migration 0018).
func TestALaptopThatSyncedBeforeStatusHistoryTravelledSendsIt(t *testing.T) {
	s := newTestServer(t)
	alice := s.laptop(s.staff(Officer, "alice", s.staff(Supervisor, "lead", "")))
	c := alice.addClient("A-1")
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusInCustody })
	alice.st.Close()

	db, err := sql.Open("sqlite", "file:"+alice.path)
	if err != nil {
		t.Fatal(err)
	}
	const migrations = "../store/migrations"
	travel, err := schematest.Version(migrations, "0018_sync_status_history.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, migrations, travel-1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM sync_outbox WHERE tbl = 'client_status_changes'"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	upgraded := reopen(t, s, alice.role, alice.path)
	upgraded.sync()
	upgraded.outboxEmpty()
	got := upgraded.rows(store.SyncStatusChanges)
	if len(got) != 2 {
		t.Fatalf("the upgraded file holds %d status changes, want 2: %v", len(got), got)
	}
	sameRows(t, "status history on the server and the upgraded laptop", s.serverRows(store.SyncStatusChanges), got)
}
