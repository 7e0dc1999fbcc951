package agency

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"caseload/internal/schematest"
	"caseload/model"
	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// A push cut off between a status change and the client's new status: the
// supervisor's file takes the change first and the client after; the
// status it takes with the client stands in for nothing, since the change
// is already there, and no change is lost or counted twice.
func TestAStatusPushCutBeforeItsClientLosesNothing(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1")
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusClosed })
	alice.sync()
	sup := s.laptop(lead)
	sup.sync()

	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusActive })
	entries, err := alice.st.Outbox(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2 || entries[0].Table != store.SyncStatusChanges.Name {
		t.Fatalf("outbox %+v: want the status change first, then the client's fields", entries)
	}
	// The first batch (the status change alone) commits; the connection
	// drops before the next.
	conn, err := pgx.Connect(ctx, s.url(aliceRole))
	if err != nil {
		t.Fatal(err)
	}
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error { _, err := pushBatch(ctx, tx, entries[:1]); return err })
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := alice.st.MarkPushed(ctx, []int64{entries[0].Seq}); err != nil {
		t.Fatal(err)
	}
	sup.tick(time.Minute)
	sup.sync() // the change, the client still closed
	alice.sync()
	sup.tick(time.Minute)
	sup.sync() // the client, active again
	if got := sup.client(c.ID).Status; got != model.StatusActive {
		t.Fatalf("the supervisor's file holds the client %s, want active", got)
	}
	sameRows(t, "status history on the supervisor's file and alice's", sup.rows(store.SyncStatusChanges), alice.rows(store.SyncStatusChanges))
	if n := standIns(t, sup); n != 0 {
		t.Errorf("the supervisor's file keeps %d stand-ins beside the history", n)
	}
}

// Two laptops of one officer (the old one and its replacement) that synced
// before status history travelled both upgrade: each sends only what it
// recorded itself, so the server holds each change once, and the
// replacement's stand-ins give way to the history.
func TestLaptopsThatSyncedBeforeStatusHistorySendOnlyTheirOwn(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1")
	alice.tick(time.Hour)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusInCustody })
	alice.sync()
	repl := s.laptop(aliceRole)
	repl.sync()
	alice.st.Close()
	repl.st.Close()
	if _, err := s.admin.Exec(context.Background(), "DELETE FROM caseload.client_status_changes"); err != nil {
		t.Fatal(err)
	}
	rewindBeforeStatusHistory(t, alice.path)
	// What the replacement's pull wrote before: the client's status of the
	// day it was pulled, from the client's creation.
	rewindBeforeStatusHistory(t, repl.path,
		"DELETE FROM client_status_changes",
		"INSERT INTO client_status_changes (client_id, at, status, delta) SELECT id, created_at, status, 0 FROM clients")

	a := reopen(t, s, aliceRole, alice.path)
	r := reopen(t, s, aliceRole, repl.path)
	a.sync()
	r.sync()
	if got := s.serverRows(store.SyncStatusChanges); len(got) != 2 {
		t.Errorf("the server holds %d status changes for a client opened and taken into custody: %v", len(got), got)
	}
	sameRows(t, "status history on the replacement and the old laptop", r.rows(store.SyncStatusChanges), a.rows(store.SyncStatusChanges))
	if n := standIns(t, r); n != 0 {
		t.Errorf("the replacement keeps %d stand-ins beside the history", n)
	}
	r.outboxEmpty()
}

// A supervisor's file that took a status change before status history
// travelled recorded it when the client's row changed last (a later edit
// of another field), not when the status did. After the upgrade that
// record is a stand-in, and the history the officer's laptop sends takes
// its place: the change is counted once.
func TestASupervisorsFileFromBeforeStatusHistoryCountsEachChangeOnce(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1")
	alice.sync()
	sup := s.laptop(lead)
	sup.sync()
	alice.tick(10 * time.Minute)
	alice.edit(c.ID, func(c *model.Client) { c.Status = model.StatusClosed })
	alice.tick(10 * time.Minute)
	alice.edit(c.ID, func(c *model.Client) { c.Phone = "555-0100" })
	alice.sync()
	after := alice.client(c.ID)
	sup.st.Close()
	// What the pull of the version before wrote: the client as the server
	// holds it, the trigger of 0007 recording the change at its updated_at.
	rewindBeforeStatusHistory(t, sup.path,
		"INSERT INTO sync_pulling (one) VALUES (1)",
		"UPDATE clients SET status = 'closed', phone = '555-0100', updated_at = '"+after.UpdatedAt.UTC().Format("2006-01-02T15:04:05.000Z")+
			"' WHERE id = '"+c.ID+"'",
		"DELETE FROM sync_pulling")
	up := reopen(t, s, lead, sup.path)
	up.sync()
	sameRows(t, "status history on the supervisor's file and alice's", up.rows(store.SyncStatusChanges), alice.rows(store.SyncStatusChanges))
}

// rewindBeforeStatusHistory takes a laptop's file back to the schema before
// status history travelled (no status entries queued, no cursor for them),
// then runs the statements given.
func rewindBeforeStatusHistory(t *testing.T, path string, then ...string) {
	t.Helper()
	rewindBefore(t, path, "0018_sync_status_history.sql", append([]string{"DELETE FROM sync_outbox WHERE tbl = 'client_status_changes'",
		"DELETE FROM sync_cursors WHERE tbl = 'client_status_changes'"}, then...)...)
}

// rewindBefore takes a laptop's closed file back to the schema before the
// store's migration file (its records stay, as in a file made then), then
// runs the statements given; the next store opened on it runs the
// migration.
func rewindBefore(t *testing.T, path, migration string, then ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const migrations = "../store/migrations"
	v, err := schematest.Version(migrations, migration)
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, migrations, v-1); err != nil {
		t.Fatal(err)
	}
	for _, q := range then {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// standIns counts the status changes a laptop holds as stand-ins.
func standIns(t *testing.T, l *laptop) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+l.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM client_status_changes WHERE provisional = 1").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
