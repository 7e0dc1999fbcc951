package agency

import (
	"context"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// localAudit reads a laptop's audit log, a line of text per line, sorted.
func localAudit(t *testing.T, l *laptop) []string {
	t.Helper()
	lines, err := l.st.AuditToSend(context.Background(), 0, math.MaxInt32)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(lines))
	for i, a := range lines {
		out[i] = fmt.Sprintf("%d|%s|%s|%s|%s", a.Seq, a.At, a.Entity, a.EntityID, a.Action)
	}
	sort.Strings(out)
	return out
}

// serverAudit reads what the server holds of a laptop's audit log, as
// localAudit reads the laptop's.
func (s *testServer) serverAudit(t *testing.T, laptop string) []string {
	t.Helper()
	rows, _ := s.admin.Query(context.Background(), `SELECT seq::text || '|' || at || '|' || entity || '|' || entity_id || '|' || action
		FROM caseload.laptop_audit WHERE laptop_id = $1`, laptop)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// Each laptop's audit log reaches the agency's server, line for line: what
// was written on the laptop and what it took from the server, with the
// exports. A batch sent again after its reply was lost adds nothing; an
// officer reads their own lines and no one else's, a supervisor the team's,
// and nobody changes or removes one.
func TestALaptopsAuditLogReachesTheServer(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole, bobRole := s.staff(Officer, "alice", lead), s.staff(Officer, "bob", lead)
	alice, bob := s.laptop(aliceRole), s.laptop(bobRole)
	fill(alice)
	bob.addClient("B-1")
	alice.sync()
	bob.sync()
	aliceID, err := alice.st.LaptopID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := localAudit(t, alice)
	if len(want) < 9 {
		t.Fatalf("alice's audit log holds %d lines, want at least her three clients and six check-ins", len(want))
	}
	sameRows(t, "alice's audit log on the server and her laptop", s.serverAudit(t, aliceID), want)

	// More work, a sync: the new lines follow, the old ones are not sent again.
	c := alice.addClient("A-9")
	alice.addCheckIn(c.ID, "a new visit")
	alice.sync()
	sameRows(t, "alice's audit log after the next sync", s.serverAudit(t, aliceID), localAudit(t, alice))

	// The reply to the last batch lost: sent again, nothing doubles.
	if err := alice.st.MarkAuditSent(ctx, 0); err != nil {
		t.Fatal(err)
	}
	alice.sync()
	sameRows(t, "alice's audit log after a resend", s.serverAudit(t, aliceID), localAudit(t, alice))

	a, b, sup := s.as(aliceRole), s.as(bobRole), s.as(lead)
	if n := count(t, b, "SELECT count(*) FROM caseload.laptop_audit WHERE pushed_by = $1", aliceRole); n != 0 {
		t.Errorf("bob reads %d of alice's audit lines", n)
	}
	if n := count(t, a, "SELECT count(*) FROM caseload.laptop_audit"); n != len(localAudit(t, alice)) {
		t.Errorf("alice reads %d audit lines, want her own %d", n, len(localAudit(t, alice)))
	}
	if n := count(t, sup, "SELECT count(DISTINCT pushed_by) FROM caseload.laptop_audit"); n != 2 {
		t.Errorf("the supervisor reads the lines of %d officers, want both", n)
	}
	_, err = b.Exec(ctx, `INSERT INTO caseload.laptop_audit (laptop_id, seq, at, entity, entity_id, action, pushed_by)
		VALUES ($1, 999999, '2026-12-03T09:00:00.000Z', 'client', 'x', 'create', $2)`, aliceID, aliceRole)
	wantRefused(t, "bob adds a line as alice", err, "row-level security")
	_, err = a.Exec(ctx, "UPDATE caseload.laptop_audit SET action = 'nothing'")
	wantRefused(t, "alice changes her audit log", err, "permission denied")
	_, err = a.Exec(ctx, "DELETE FROM caseload.laptop_audit")
	wantRefused(t, "alice removes her audit log", err, "permission denied")
	if got := strings.Join(s.serverAudit(t, aliceID), "\n"); strings.Contains(got, "nothing") {
		t.Errorf("alice's audit log on the server was changed:\n%s", got)
	}
}

// A file restored from a backup numbers its new audit lines again from
// where the backup stopped: the server keeps them beside the lines the
// file wrote after the backup, not in their place.
func TestAuditLinesOfARestoredFileAreKeptBesideTheOld(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	aliceRole := s.staff(Officer, "alice", s.staff(Supervisor, "lead", ""))
	alice := s.laptop(aliceRole)
	alice.addClient("A-1")
	alice.sync()
	laptopID, err := alice.st.LaptopID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	alice.st.Close()
	backup := alice.path + ".backup"
	copyFile(t, alice.path, backup)

	before := reopen(t, s, aliceRole, alice.path)
	lost := before.addClient("A-2") // written after the backup, then the disk fails
	before.sync()
	before.st.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(alice.path + suffix)
	}
	copyFile(t, backup, alice.path)
	restored := reopen(t, s, aliceRole, alice.path)
	again := restored.addClient("A-3")
	restored.sync()

	held := strings.Join(s.serverAudit(t, laptopID), "\n")
	for _, id := range []string{lost.ID, again.ID} {
		if !strings.Contains(held, "|client|"+id+"|create") {
			t.Errorf("the server's audit lines of the laptop lack the creation of client %s:\n%s", id, held)
		}
	}
}
