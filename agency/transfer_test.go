package agency

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// auditActions lists the actions the laptop's audit log holds for a record.
func (l *laptop) auditActions(id string) []string {
	l.t.Helper()
	db, err := sql.Open("sqlite", "file:"+l.path+"?mode=ro")
	if err != nil {
		l.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq", id)
	if err != nil {
		l.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		rows.Scan(&a)
		out = append(out, a)
	}
	return out
}

func TestATransferMovesTheClientWithItsHistoryAndFilesTheLatePush(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.laptop(s.staff(Officer, "bob", lead))
	x := alice.addClient("X-1")
	alice.addCheckIn(x.ID, "alice's first visit")
	alice.addCheckIn(x.ID, "alice's second visit")
	alice.sync()
	// Bob's own work, synced after Alice's, moves his cursors past the
	// transaction ids of X's history.
	mine := bob.addClient("B-1")
	bob.addCheckIn(mine.ID, "bob's visit")
	bob.sync()

	// The supervisor moves X to Bob while Alice is offline, still logging
	// a check-in for X.
	sup := s.as(lead)
	if err := Transfer(ctx, sup, x.ID, bob.role); err != nil {
		t.Fatal(err)
	}
	alice.tick(time.Hour)
	late := alice.addCheckIn(x.ID, "logged offline after the transfer")

	r := alice.sync()
	if r.Rejected != 2 {
		t.Errorf("alice's late push: %s; want the check-in and its stage note filed as rejected", describe(r))
	}
	if _, _, err := alice.st.Client(ctx, x.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("X is still on alice's laptop after the transfer: %v", err)
	}
	if n := len(alice.rows(store.SyncCheckIns)); n != 0 {
		t.Errorf("alice's laptop still holds %d of X's check-ins", n)
	}
	alice.outboxEmpty()
	if got := alice.auditActions(x.ID); !strings.Contains(strings.Join(got, ","), "transferred to "+bob.role) {
		t.Errorf("alice's audit log for X: %v, want the transfer", got)
	}
	// The late check-in is on the server, filed for the supervisor.
	var reason string
	if err := sup.QueryRow(ctx, "SELECT reason FROM caseload.rejected WHERE row_id = $1", late.ID).Scan(&reason); err != nil {
		t.Fatalf("the supervisor cannot find the late check-in: %v", err)
	}
	if !strings.Contains(reason, "not on your caseload") {
		t.Errorf("reason = %q", reason)
	}

	bob.sync()
	got := bob.client(x.ID)
	if got.CaseNumber != "X-1" {
		t.Errorf("bob's copy of X: %+v", got)
	}
	var xHistory int
	for _, line := range bob.rows(store.SyncCheckIns) {
		if strings.Contains(line, x.ID) {
			xHistory++
		}
	}
	if xHistory != 2 {
		t.Errorf("bob's laptop holds %d of X's check-ins, want the 2 synced before the transfer", xHistory)
	}
	if got := bob.auditActions(x.ID); !strings.Contains(strings.Join(got, ","), "transferred from "+alice.role) {
		t.Errorf("bob's audit log for X: %v, want the transfer", got)
	}
	// Bob can now work on X; Alice's role no longer can.
	bob.edit(x.ID, func(c *model.Client) { c.Phone = "555-0142" })
	bob.addCheckIn(x.ID, "bob meets X")
	if r := bob.sync(); r.Rejected != 0 {
		t.Errorf("bob's push for X: %s", describe(r))
	}
	if n := count(t, s.as(alice.role), "SELECT count(*) FROM caseload.clients WHERE id = $1", x.ID); n != 0 {
		t.Errorf("alice's role still reads X on the server")
	}
	// Both officers can read the access change.
	for _, role := range []string{alice.role, bob.role} {
		if n := count(t, s.as(role), "SELECT count(*) FROM caseload.access_changes WHERE client_id = $1", x.ID); n != 1 {
			t.Errorf("%s reads %d access changes for X, want 1", role, n)
		}
	}
}

func TestTransferKeepsAClientWhoseChangesWaitToBePushed(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bobRole := s.staff(Officer, "bob", lead)
	x := alice.addClient("X-1")
	alice.sync()
	if err := Transfer(ctx, s.as(alice.role), x.ID, bobRole); err != nil {
		t.Fatal(err)
	}
	alice.addCheckIn(x.ID, "not yet pushed")
	// The release comes while a change to X waits: X stays.
	released, err := alice.st.ReleaseClient(ctx, x.ID, bobRole)
	if err != nil || released {
		t.Fatalf("release with a change waiting: released=%v, %v; want it kept", released, err)
	}
	if _, _, err := alice.st.Client(ctx, x.ID); err != nil {
		t.Fatalf("X left with a change still waiting: %v", err)
	}
	waiting, _ := alice.st.WaitingReleases(ctx)
	if waiting[x.ID] != bobRole {
		t.Errorf("waiting releases = %v", waiting)
	}
	// The next sync pushes (the server files the late check-in) and then
	// lets X go.
	alice.sync()
	if _, _, err := alice.st.Client(ctx, x.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("X stayed after its last change was filed: %v", err)
	}
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.rejected WHERE client_id = $1 AND tbl = 'checkins'", x.ID); n != 1 {
		t.Errorf("the server filed %d of X's late check-ins, want 1", n)
	}
}

func TestAnOfficerCannotTransferAnotherOfficersClient(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	bob := s.staff(Officer, "bob", lead)
	x := addClientAs(t, s.as(bob), "B-1")
	err := Transfer(ctx, s.as(alice), x, alice)
	if !errors.Is(err, ErrClientNotOnServer) {
		t.Errorf("alice takes bob's client: %v, want ErrClientNotOnServer", err)
	}
	_, err = s.as(alice).Exec(ctx, `INSERT INTO caseload.transfers (client_id, from_owner, to_owner) VALUES ($1, $2, $3)`, x, bob, alice)
	wantRefused(t, "a hand-written transfer of another officer's client", err, "row-level security")
}
