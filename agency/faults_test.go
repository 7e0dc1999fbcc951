package agency

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// sameOnBothSides fails the test unless every synced table holds the same
// records on the laptop and on the server, and nothing waits to be pushed.
func sameOnBothSides(t *testing.T, s *testServer, l *laptop) {
	t.Helper()
	for _, tbl := range store.SyncTables() {
		sameRows(t, tbl.Name+" on the server and the laptop", s.serverRows(tbl), l.rows(tbl))
	}
	l.outboxEmpty()
}

// fill gives a laptop three clients with two check-ins each (and the stage
// notes written with them).
func fill(l *laptop) {
	for _, cn := range []string{"A-1", "A-2", "A-3"} {
		c := l.addClient(cn)
		l.addCheckIn(c.ID, "first visit to "+cn)
		l.addCheckIn(c.ID, "second visit to "+cn)
	}
}

func wantOneLine(t *testing.T, err error, words string) {
	t.Helper()
	if err == nil {
		t.Fatalf("the sync succeeded, want it to fail with %q", words)
	}
	if !strings.Contains(err.Error(), words) || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q: want one line saying %q", err, words)
	}
}

func TestConnectionCutInThePushLosesAndDuplicatesNothing(t *testing.T) {
	cues := map[string]func(proxyCount *int) func(byte, string) cut{
		// After the first batch committed, the third statement of the
		// second: statements are prepared once per connection, so they
		// are counted by their Bind messages.
		"in the middle of a batch": func(n *int) func(byte, string) cut {
			committed := false
			return func(typ byte, body string) cut {
				if typ == 'Q' && strings.HasPrefix(body, "commit") {
					committed = true
				}
				if committed && typ == 'B' {
					*n++
					if *n == 3 {
						return cutBefore
					}
				}
				return pass
			}
		},
		"at COMMIT, the reply lost": func(n *int) func(byte, string) cut {
			return func(typ byte, body string) cut {
				if typ == 'Q' && strings.HasPrefix(body, "commit") {
					*n++
					if *n == 2 {
						return cutAfterRun
					}
				}
				return pass
			}
		},
	}
	for name, cue := range cues {
		t.Run(name, func(t *testing.T) {
			s := newTestServer(t)
			lead := s.staff(Supervisor, "lead", "")
			l := s.laptop(s.staff(Officer, "alice", lead))
			fill(l)
			proxy := newCutProxy(t, s.url(l.role))
			var seen int
			proxy.on(cue(&seen))
			l.via = proxy.url(s.url(l.role))
			queued, _ := l.st.OutboxCount(context.Background())
			if _, err := l.trySync(Options{Batch: 4}); err == nil {
				t.Fatal("the sync went through a cut connection without an error")
			}
			if proxy.cuts() != 1 {
				t.Fatalf("the connection was cut %d times, want once", proxy.cuts())
			}
			left, _ := l.st.OutboxCount(context.Background())
			if left == 0 || left == queued {
				t.Fatalf("after the cut %d of %d entries wait; want the first batch marked pushed and the rest waiting", left, queued)
			}
			onServer := count(t, s.admin, `SELECT (SELECT count(*) FROM caseload.clients) + (SELECT count(*) FROM caseload.checkins)
				+ (SELECT count(*) FROM caseload.stage_notes) + (SELECT count(*) FROM caseload.client_status_changes)`)
			marked := queued - left
			if strings.HasPrefix(name, "at COMMIT") && onServer <= marked {
				t.Errorf("the server holds %d records and %d were marked pushed: the cut batch should have committed unacknowledged", onServer, marked)
			}
			if strings.HasPrefix(name, "in the middle") && onServer != marked {
				t.Errorf("the server holds %d records and %d were marked pushed: the cut batch should have rolled back", onServer, marked)
			}
			proxy.on(nil)
			r, err := l.trySync(Options{Batch: 4})
			if err != nil {
				t.Fatalf("the next sync: %v", err)
			}
			if r.Rejected != 0 || r.Conflicts != 0 {
				t.Errorf("the repeated push: %s; want nothing rejected and no conflict", describe(r))
			}
			sameOnBothSides(t, s, l)
			if n := count(t, s.admin, "SELECT count(*) FROM caseload.field_ops"); n != 3 {
				t.Errorf("the server logged %d field operations, want the 3 clients' creations once each", n)
			}
			if n := count(t, s.admin, "SELECT count(*) FROM caseload.rejected"); n != 0 {
				t.Errorf("the server filed %d rejected rows", n)
			}
		})
	}
}

func TestConnectionCutInThePullResumesWhereItStopped(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	first := s.laptop(alice)
	fill(first)
	first.sync()
	second := s.laptop(alice)
	proxy := newCutProxy(t, s.url(alice))
	// The page query is prepared once; each page after is a Bind. (The
	// question which tables changed names every table too, but reads no page.)
	prepared, pages := false, 0
	proxy.on(func(typ byte, body string) cut {
		if typ == 'P' && strings.Contains(body, "FROM caseload.checkins r WHERE (txid") && strings.Contains(body, " LIMIT ") {
			prepared = true
		}
		if prepared && typ == 'B' {
			pages++
			if pages == 2 {
				return cutBefore
			}
		}
		return pass
	})
	second.via = proxy.url(s.url(alice))
	if _, err := second.trySync(Options{Page: 2}); err == nil {
		t.Fatal("the pull went through a cut connection without an error")
	}
	got := len(second.rows(store.SyncCheckIns))
	if got != 2 {
		t.Errorf("after the cut the laptop holds %d check-ins, want the first page's 2", got)
	}
	proxy.on(nil)
	if _, err := second.trySync(Options{Page: 2}); err != nil {
		t.Fatal(err)
	}
	sameOnBothSides(t, s, second)
}

func TestPullWaitsForATransactionStillOpenOnTheServer(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	l := s.laptop(alice)
	c := l.addClient("A-1")
	l.sync()

	// Another of the officer's laptops is in the middle of a push: its
	// transaction has its id but has not committed.
	slowConn := s.as(alice)
	slowTx, err := slowConn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	late, err := addCheckInAs(slowTx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Meanwhile a later transaction commits.
	early, err := addCheckInAs(s.as(alice), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	l.sync()
	if err := slowTx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	l.sync()
	var ids []string
	for _, line := range l.rows(store.SyncCheckIns) {
		ids = append(ids, strings.SplitN(line, "|", 2)[0])
	}
	for _, want := range []string{late, early} {
		if !strings.Contains(strings.Join(ids, " "), want) {
			t.Errorf("check-in %s never reached the laptop (it holds %v)", want, ids)
		}
	}
	sameOnBothSides(t, s, l)
}

func TestAResendThatDiffersIsFiledAsRejected(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	l := s.laptop(alice)
	c := l.addClient("A-1")
	k := l.addCheckIn(c.ID, "as it happened")
	// A copy of the file, made before the push, whose check-in was then
	// changed behind the app's back.
	l.st.Close()
	copyPath := l.path + ".copy"
	copyFile(t, l.path, copyPath)
	db, err := sql.Open("sqlite", "file:"+copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DROP TRIGGER checkins_no_update; UPDATE checkins SET note = 'rewritten' WHERE id = ?", k.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	l = reopen(t, s, l.role, l.path)
	l.sync()
	tampered := reopen(t, s, l.role, copyPath)
	r, err := tampered.trySync(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rejected != 1 {
		t.Errorf("the differing resend: %s; want one rejected", describe(r))
	}
	tampered.outboxEmpty()
	var note, reason string
	if err := s.admin.QueryRow(context.Background(), "SELECT note FROM caseload.checkins WHERE id = $1", k.ID).Scan(&note); err != nil {
		t.Fatal(err)
	}
	if note != "as it happened" {
		t.Errorf("the server's check-in now says %q", note)
	}
	if err := s.admin.QueryRow(context.Background(), "SELECT reason FROM caseload.rejected WHERE row_id = $1 AND content ->> 'note' = 'rewritten'", k.ID).Scan(&reason); err != nil {
		t.Fatalf("the differing resend was not filed: %v", err)
	}
}

func TestAChangeDatedFarInTheFutureIsFiledNotApplied(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	l := s.laptop(s.staff(Officer, "alice", lead))
	l.now = time.Now().Add(72 * time.Hour)
	c := l.addClient("A-1")
	l.addCheckIn(c.ID, "from the future")
	r := l.sync()
	if r.Rejected != 4 {
		t.Errorf("%s; want the client, its status, its check-in and stage note filed as rejected", describe(r))
	}
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.clients"); n != 0 {
		t.Errorf("the server took a client dated three days ahead")
	}
	var reason string
	if err := s.admin.QueryRow(context.Background(), "SELECT reason FROM caseload.rejected WHERE tbl = 'clients'").Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reason, "too far in the future") {
		t.Errorf("reason = %q", reason)
	}
}

func TestAWrongPasswordIsOneClearLine(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	l := s.laptop(alice)
	l.addClient("A-1")
	l.via = s.db.URLAs(alice, "not the password")
	_, err := l.trySync(Options{})
	wantOneLine(t, err, "password authentication failed")
	if n, _ := l.st.OutboxCount(context.Background()); n != 2 {
		t.Errorf("the outbox holds %d after a refused login, want the client and its status still waiting", n)
	}
}

func TestARecordTheServerRefusesIsFiledAndTheRestOfTheBatchLands(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	one, two := s.laptop(alice), s.laptop(alice)
	c := one.addClient("A-1")
	k := one.addCheckIn(c.ID, "visit")
	one.sync()
	two.sync()
	// Both laptops strike out the same check-in, offline: the server keeps
	// one amendment per record.
	if _, err := one.st.StrikeOut(ctx, model.KindCheckIn, k.ID, "wrong client"); err != nil {
		t.Fatal(err)
	}
	if _, err := two.st.StrikeOut(ctx, model.KindCheckIn, k.ID, "entered twice"); err != nil {
		t.Fatal(err)
	}
	sc, err := two.st.AddScreening(ctx, model.Screening{ClientID: c.ID, Instrument: model.InstrumentPHQ2, At: two.now.Add(-time.Minute), Answers: []int{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	one.sync()
	r := two.sync()
	if r.Rejected != 1 {
		t.Errorf("the second amendment: %s; want it filed as rejected", describe(r))
	}
	two.outboxEmpty()
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.screenings WHERE id = $1", sc.ID); n != 1 {
		t.Errorf("the screening pushed with the refused amendment did not land")
	}
	var reason string
	if err := s.admin.QueryRow(ctx, "SELECT reason FROM caseload.rejected WHERE tbl = 'amendments'").Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reason, "the server refused it") {
		t.Errorf("reason = %q", reason)
	}
	// The first laptop gets the screening; the second keeps its own
	// amendment (the server's copy of it is with the supervisor) and the
	// next syncs go through.
	one.sync()
	if n := len(one.rows(store.SyncScreenings)); n != 1 {
		t.Errorf("the first laptop holds %d screenings, want 1", n)
	}
	two.sync()
	sameRows(t, "amendments on the server and the first laptop", s.serverRows(store.SyncAmendments), one.rows(store.SyncAmendments))
}

func TestACaseNumberAlreadyOnTheServerIsFiledAndTheOtherClientsLand(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.laptop(s.staff(Officer, "bob", lead))
	alice.addClient("DUP-1")
	alice.sync()
	bob.addClient("B-1")
	dup := bob.addClient("dup-1")
	bob.addClient("B-2")
	r := bob.sync()
	if r.Rejected != 2 {
		t.Errorf("%s; want the client with the used case number filed, with its status", describe(r))
	}
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.clients WHERE owner = $1", bob.role); n != 2 {
		t.Errorf("bob has %d clients on the server, want the other 2", n)
	}
	var reason string
	if err := s.admin.QueryRow(context.Background(), "SELECT reason FROM caseload.rejected WHERE row_id = $1", dup.ID).Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reason, "case number is already used") {
		t.Errorf("reason = %q", reason)
	}
}

func TestAnEverydayPullReadsOnlyTheTablesThatChanged(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	first := s.laptop(alice)
	c := first.addClient("A-1")
	first.addCheckIn(c.ID, "first visit")
	first.sync()
	second := s.laptop(alice)
	second.sync()

	// Only a check-in is new on the server.
	first.addCheckIn(c.ID, "a second visit")
	first.sync()

	proxy := newCutProxy(t, s.url(alice))
	var read []string
	proxy.on(func(typ byte, body string) cut {
		if typ == 'P' && strings.Contains(body, " LIMIT ") {
			if i := strings.Index(body, "FROM caseload."); i >= 0 {
				read = append(read, strings.Fields(body[i+len("FROM caseload."):])[0])
			}
		}
		return pass
	})
	second.via = proxy.url(s.url(alice))
	if _, err := second.trySync(Options{}); err != nil {
		t.Fatal(err)
	}
	// A check-in logged with a stage makes a stage note too.
	if strings.Join(read, " ") != "checkins stage_notes" {
		t.Errorf("the pull read pages of %v, want of checkins and stage_notes alone", read)
	}
	sameOnBothSides(t, s, second)
}
