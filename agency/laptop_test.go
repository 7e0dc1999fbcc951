package agency

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// laptop is one officer's laptop in a test: its own caseload file, synced
// through the test's server as role.
type laptop struct {
	t    testing.TB
	srv  *testServer
	role string
	path string
	st   *store.Store
	now  time.Time
	// via, when set, is the URL the laptop reaches the server by (a cut
	// proxy, a wrong password).
	via string
}

// testDay is the day the laptops' clocks read, unless a test moves them.
var testDay = time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)

func (s *testServer) laptop(role string) *laptop {
	s.t.Helper()
	l := &laptop{t: s.t, srv: s, role: role, path: filepath.Join(s.t.TempDir(), role+".db"), now: testDay}
	// Opened as `caseload sync` opens the file.
	st, err := store.Open(context.Background(), l.path, store.WithClock(func() time.Time { return l.now }), store.ManyWrites())
	if err != nil {
		s.t.Fatalf("open %s's laptop: %v", role, err)
	}
	s.t.Cleanup(func() { st.Close() })
	if _, err := st.StartSync(context.Background()); err != nil {
		s.t.Fatal(err)
	}
	l.st = st
	return l
}

// tick moves the laptop's wall clock on.
func (l *laptop) tick(d time.Duration) { l.now = l.now.Add(d) }

// sync runs one sync and fails the test on an error.
func (l *laptop) sync() Report {
	l.t.Helper()
	r, err := l.trySync(Options{})
	if err != nil {
		l.t.Fatalf("sync %s: %v", l.role, err)
	}
	return r
}

func (l *laptop) trySync(opt Options) (Report, error) {
	ctx := context.Background()
	target := l.srv.url(l.role)
	if l.via != "" {
		target = l.via
	}
	conn, err := pgx.Connect(ctx, target)
	if err != nil {
		return Report{}, err
	}
	defer conn.Close(ctx)
	return Sync(ctx, l.st, conn, opt)
}

func (l *laptop) addClient(caseNumber string) model.Client {
	l.t.Helper()
	c, err := l.st.CreateClient(context.Background(), model.Client{Name: "Client " + caseNumber, CaseNumber: caseNumber,
		SupervisionType: model.SupervisionProbation, Level: model.LevelHigh, Status: model.StatusActive})
	if err != nil {
		l.t.Fatalf("add client %s: %v", caseNumber, err)
	}
	return c
}

func (l *laptop) addCheckIn(clientID, note string) model.CheckIn {
	l.t.Helper()
	k, err := l.st.AddCheckIn(context.Background(), model.CheckIn{ClientID: clientID, At: l.now.Add(-time.Hour), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNegative, Stage: model.StageAction, Note: note})
	if err != nil {
		l.t.Fatalf("add check-in: %v", err)
	}
	return k
}

func (l *laptop) client(id string) model.Client {
	l.t.Helper()
	c, _, err := l.st.Client(context.Background(), id)
	if err != nil {
		l.t.Fatalf("%s reads client %s: %v", l.role, id, err)
	}
	return c
}

func (l *laptop) edit(id string, change func(*model.Client)) {
	l.t.Helper()
	c := l.client(id)
	change(&c)
	if _, err := l.st.UpdateClient(context.Background(), c); err != nil {
		l.t.Fatalf("edit client: %v", err)
	}
}

// rows reads a synced table of the laptop's file as text, one line a
// record, in id order.
func (l *laptop) rows(t store.SyncTable) []string {
	l.t.Helper()
	db, err := sql.Open("sqlite", "file:"+l.path+"?mode=ro")
	if err != nil {
		l.t.Fatal(err)
	}
	defer db.Close()
	return readRows(l.t, func(q string) (*sql.Rows, error) { return db.Query(q) }, t)
}

func readRows(t testing.TB, query func(string) (*sql.Rows, error), tbl store.SyncTable) []string {
	t.Helper()
	cols := make([]string, len(tbl.Columns))
	for i, c := range tbl.Columns {
		cols[i] = "coalesce(" + c + ", 'NULL')"
	}
	res, err := query("SELECT " + strings.Join(cols, " || '|' || ") + " FROM " + tbl.Name + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	var out []string
	for res.Next() {
		var line string
		if err := res.Scan(&line); err != nil {
			t.Fatal(err)
		}
		out = append(out, line)
	}
	return out
}

// serverRows reads a synced table on the server, as the administrator, in
// the same form as laptop.rows.
func (s *testServer) serverRows(tbl store.SyncTable) []string {
	s.t.Helper()
	cols := make([]string, len(tbl.Columns))
	for i, c := range tbl.Columns {
		cols[i] = "coalesce(" + c + "::text, 'NULL')"
	}
	res, err := s.admin.Query(context.Background(), "SELECT "+strings.Join(cols, " || '|' || ")+" FROM caseload."+tbl.Name+" ORDER BY id::text")
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Close()
	var out []string
	for res.Next() {
		var line string
		if err := res.Scan(&line); err != nil {
			s.t.Fatal(err)
		}
		out = append(out, line)
	}
	return out
}

// sameRows fails the test when two copies of a table differ.
func sameRows(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s differ:\n got  %d rows:\n%s\n want %d rows:\n%s", what, len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
}

// outboxEmpty fails the test when the laptop still holds unpushed changes.
func (l *laptop) outboxEmpty() {
	l.t.Helper()
	n, err := l.st.OutboxCount(context.Background())
	if err != nil || n != 0 {
		l.t.Errorf("%s's outbox holds %d entries (%v), want none after a sync", l.role, n, err)
	}
}

func describe(r Report) string {
	return fmt.Sprintf("pushed %d, rejected %d, conflicts %d, pulled %d", r.Pushed, r.Rejected, r.Conflicts, r.Pulled)
}

// reopen opens another store on path as role's laptop.
func reopen(t *testing.T, s *testServer, role, path string) *laptop {
	t.Helper()
	l := &laptop{t: t, srv: s, role: role, path: path, now: testDay}
	st, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return l.now }))
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	t.Cleanup(func() { st.Close() })
	l.st = st
	return l
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
