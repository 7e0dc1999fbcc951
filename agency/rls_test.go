package agency

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"caseload/store"
)

// addClientAs inserts a client with hand-written SQL as whoever conn is.
func addClientAs(t *testing.T, conn *pgx.Conn, caseNumber string) string {
	t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	_, err := conn.Exec(context.Background(), `INSERT INTO caseload.clients (id, name, case_number, supervision_type, level, status, created_at, updated_at)
		VALUES ($1, 'Client '||$2, $2, 'probation', 'high', 'active', '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')`, id, caseNumber)
	if err != nil {
		t.Fatalf("add client %s: %v", caseNumber, err)
	}
	return id
}

// execer is a connection or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// addCheckInAs inserts a check-in with hand-written SQL.
func addCheckInAs(conn execer, clientID string) (string, error) {
	id := uuid.Must(uuid.NewV7()).String()
	_, err := conn.Exec(context.Background(), `INSERT INTO caseload.checkins (id, client_id, at, type, outcome, test_result, note, created_at)
		VALUES ($1, $2, '2026-12-01T10:00:00.000Z', 'office', 'completed', 'negative', 'seen', '2026-12-01T10:00:00.000Z')`, id, clientID)
	return id, err
}

func count(t *testing.T, conn *pgx.Conn, query string, args ...any) int {
	t.Helper()
	var n int
	if err := conn.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func wantRefused(t *testing.T, what string, err error, words string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: the server allowed it", what)
		return
	}
	if !strings.Contains(err.Error(), words) {
		t.Errorf("%s: refused with %v, want %q", what, err, words)
	}
}

func TestOfficerCannotTouchAnotherOfficersClients(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	roleA := s.staff(Officer, "alice", lead)
	roleB := s.staff(Officer, "bob", lead)
	a, b := s.as(roleA), s.as(roleB)

	mine := addClientAs(t, a, "A-1")
	theirs := addClientAs(t, b, "B-1")
	theirCheckIn, err := addCheckInAs(b, theirs)
	if err != nil {
		t.Fatal(err)
	}
	myCheckIn, err := addCheckInAs(a, mine)
	if err != nil {
		t.Fatal(err)
	}

	// Read.
	if n := count(t, a, "SELECT count(*) FROM caseload.clients"); n != 1 {
		t.Errorf("officer A sees %d clients, want only their own", n)
	}
	if n := count(t, a, "SELECT count(*) FROM caseload.clients WHERE id = $1", theirs); n != 0 {
		t.Errorf("officer A reads officer B's client")
	}
	if n := count(t, a, "SELECT count(*) FROM caseload.checkins WHERE client_id = $1 OR id = $2", theirs, theirCheckIn); n != 0 {
		t.Errorf("officer A reads officer B's check-ins")
	}
	// Insert for B: a client owned by B, a check-in on B's client.
	_, err = a.Exec(ctx, `INSERT INTO caseload.clients (id, owner, name, case_number, supervision_type, level, status, created_at, updated_at)
		VALUES ($1, $2, 'X', 'A-2', 'probation', 'low', 'active', '', '')`, uuid.Must(uuid.NewV7()).String(), roleB)
	wantRefused(t, "insert a client owned by B", err, "row-level security")
	_, err = addCheckInAs(a, theirs)
	wantRefused(t, "insert a check-in on B's client", err, "row-level security")
	// Update: B's client is invisible, so nothing matches.
	tag, err := a.Exec(ctx, "UPDATE caseload.clients SET phone = '555' WHERE id = $1", theirs)
	if err != nil || tag.RowsAffected() != 0 {
		t.Errorf("update B's client: %v rows, %v; want nothing changed", tag.RowsAffected(), err)
	}
	// Nor can A hand their own client to B by changing the owner.
	_, err = a.Exec(ctx, "UPDATE caseload.clients SET owner = $2 WHERE id = $1", mine, roleB)
	wantRefused(t, "give a client away by update", err, "row-level security")
	// Delete and change history: not granted at all, even on their own.
	_, err = a.Exec(ctx, "DELETE FROM caseload.clients WHERE id = $1", theirs)
	wantRefused(t, "delete B's client", err, "permission denied")
	_, err = a.Exec(ctx, "DELETE FROM caseload.checkins WHERE id = $1", theirCheckIn)
	wantRefused(t, "delete B's check-in", err, "permission denied")
	_, err = a.Exec(ctx, "UPDATE caseload.checkins SET note = 'changed' WHERE id = $1", myCheckIn)
	wantRefused(t, "change their own check-in", err, "permission denied")
	// A custom setting changes nothing: policies look at current_user only.
	if _, err := a.Exec(ctx, "SET caseload.officer = '"+roleB+"'"); err != nil {
		t.Fatal(err)
	}
	if n := count(t, a, "SELECT count(*) FROM caseload.clients"); n != 1 {
		t.Errorf("after setting a custom parameter officer A sees %d clients", n)
	}
	// Nor can A become B.
	_, err = a.Exec(ctx, "SET ROLE "+pgx.Identifier{roleB}.Sanitize())
	wantRefused(t, "set role to B", err, "permission denied")

	// B's records are intact.
	if n := count(t, b, "SELECT count(*) FROM caseload.clients WHERE id = $1 AND phone = ''", theirs); n != 1 {
		t.Errorf("officer B's client changed or vanished")
	}
	if n := count(t, b, "SELECT count(*) FROM caseload.checkins"); n != 1 {
		t.Errorf("officer B has %d check-ins, want 1", n)
	}
}

func TestSupervisorSeesTheirTeamOnly(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	other := s.staff(Supervisor, "other", "")
	roleA := s.staff(Officer, "alice", lead)
	roleC := s.staff(Officer, "carol", other)
	a, c, sup := s.as(roleA), s.as(roleC), s.as(lead)

	teamClient := addClientAs(t, a, "A-1")
	outside := addClientAs(t, c, "C-1")
	if _, err := addCheckInAs(a, teamClient); err != nil {
		t.Fatal(err)
	}
	if _, err := addCheckInAs(c, outside); err != nil {
		t.Fatal(err)
	}
	if n := count(t, sup, "SELECT count(*) FROM caseload.clients WHERE id = $1", teamClient); n != 1 {
		t.Errorf("the supervisor does not see their officer's client")
	}
	if n := count(t, sup, "SELECT count(*) FROM caseload.clients"); n != 1 {
		t.Errorf("the supervisor sees %d clients, want their team's one", n)
	}
	if n := count(t, sup, "SELECT count(*) FROM caseload.checkins"); n != 1 {
		t.Errorf("the supervisor sees %d check-ins, want their team's one", n)
	}
	// Read-only: a supervisor does not write the officers' records.
	_, err := addCheckInAs(sup, teamClient)
	wantRefused(t, "a supervisor adds a check-in", err, "permission denied")
	_, err = sup.Exec(ctx, "UPDATE caseload.clients SET phone = '1' WHERE id = $1", teamClient)
	wantRefused(t, "a supervisor changes a client", err, "permission denied")
}

// The resource directory is read by all and added to by all (an officer
// adds the resource they refer a client to); changing a resource is the
// supervisors'. Agency settings are read by all, written by supervisors.
func TestResourcesAndSettingsAreReadByAllChangedBySupervisors(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	a := s.as(s.staff(Officer, "alice", lead))
	sup := s.as(lead)
	insert := `INSERT INTO caseload.resources (id, name, category, created_at, updated_at) VALUES ($1, 'Harbor House', 'housing', '', '')`
	officers := uuid.Must(uuid.NewV7()).String()
	if _, err := a.Exec(ctx, insert, officers); err != nil {
		t.Fatalf("an officer adds a resource: %v", err)
	}
	if _, err := sup.Exec(ctx, insert, uuid.Must(uuid.NewV7()).String()); err != nil {
		t.Fatalf("a supervisor adds a resource: %v", err)
	}
	if n := count(t, a, "SELECT count(*) FROM caseload.resources"); n != 2 {
		t.Errorf("the officer sees %d resources, want 2", n)
	}
	_, err := a.Exec(ctx, "UPDATE caseload.resources SET phone = '555-0100' WHERE id = $1", officers)
	wantRefused(t, "an officer changes a resource", err, "permission denied")
	if _, err := sup.Exec(ctx, "UPDATE caseload.resources SET phone = '555-0100' WHERE id = $1", officers); err != nil {
		t.Fatalf("a supervisor changes a resource: %v", err)
	}
	setting := `INSERT INTO caseload.agency_settings (id, name, value, created_at, updated_at) VALUES ($1, 'interval_high', '7', '', '')`
	id := store.AgencySettingID("interval_high")
	_, err = a.Exec(ctx, setting, id)
	wantRefused(t, "an officer sets an agency setting", err, "permission denied")
	if _, err := sup.Exec(ctx, setting, id); err != nil {
		t.Fatalf("a supervisor sets an agency setting: %v", err)
	}
	_, err = a.Exec(ctx, "UPDATE caseload.agency_settings SET value = '30' WHERE id = $1", id)
	wantRefused(t, "an officer changes an agency setting", err, "permission denied")
	if _, err := sup.Exec(ctx, "UPDATE caseload.agency_settings SET value = '10' WHERE id = $1", id); err != nil {
		t.Fatalf("a supervisor changes an agency setting: %v", err)
	}
	// A value no laptop could read is refused: every laptop reads these.
	_, err = sup.Exec(ctx, "UPDATE caseload.agency_settings SET value = 'ten days' WHERE id = $1", id)
	wantRefused(t, "a supervisor sets an interval to words", err, "check constraint")
	if n := count(t, a, "SELECT count(*) FROM caseload.agency_settings WHERE value = '10'"); n != 1 {
		t.Errorf("the officer sees %d settings, want 1", n)
	}
}

func TestServerAuditLogRecordsEveryWriteWithItsRole(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	roleA := s.staff(Officer, "alice", lead)
	a := s.as(roleA)
	client := addClientAs(t, a, "A-1")
	checkIn, err := addCheckInAs(a, client)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec(context.Background(), "UPDATE caseload.clients SET phone = '555' WHERE id = $1", client); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ entity, id, action string }{
		{"clients", client, "insert"}, {"checkins", checkIn, "insert"}, {"clients", client, "update"},
	} {
		if n := count(t, s.admin, "SELECT count(*) FROM caseload.audit_log WHERE role = $1 AND entity = $2 AND entity_id = $3 AND action = $4",
			roleA, want.entity, want.id, want.action); n != 1 {
			t.Errorf("audit log has %d rows of %s %s by %s, want 1", n, want.action, want.entity, roleA)
		}
	}
	_, err = a.Exec(context.Background(), "DELETE FROM caseload.audit_log")
	wantRefused(t, "an officer clears the audit log", err, "permission denied")
	if n := count(t, a, "SELECT count(*) FROM caseload.audit_log"); n != 3 {
		t.Errorf("the officer reads %d of their audit rows, want 3", n)
	}
}
