package agency

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

func TestALostLaptopIsReplacedWithEverySyncedRecord(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	old := s.laptop(alice)
	c := old.addClient("A-1")
	old.addCheckIn(c.ID, "first visit")
	old.edit(c.ID, func(c *model.Client) { c.Phone = "555-0101" })
	old.addCheckIn(c.ID, "second visit")
	old.sync()
	old.outboxEmpty()
	for _, tbl := range store.SyncTables() {
		sameRows(t, "server "+tbl.Name, s.serverRows(tbl), old.rows(tbl))
	}

	// The laptop is lost; a new one with an empty file pulls it all back.
	replacement := s.laptop(alice)
	r := replacement.sync()
	if r.Pulled == 0 {
		t.Fatalf("the replacement pulled nothing: %s", describe(r))
	}
	for _, tbl := range store.SyncTables() {
		sameRows(t, "replacement "+tbl.Name, replacement.rows(tbl), old.rows(tbl))
	}
	got := replacement.client(c.ID)
	if got.Phone != "555-0101" {
		t.Errorf("phone = %q on the replacement", got.Phone)
	}
	_, sum, err := replacement.st.Client(context.Background(), c.ID)
	if err != nil || sum.LastContact.IsZero() || sum.Stage == "" {
		t.Errorf("the replacement's caseload summary was not rebuilt: %+v %v", sum, err)
	}
	// A second sync moves nothing.
	if r := replacement.sync(); r.Pushed != 0 || r.Pulled != 0 {
		t.Errorf("a second sync did something: %s", describe(r))
	}
}

func TestThreeLaptopsSeeWhatTheirRolesMaySee(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	otherLead := s.staff(Supervisor, "other_lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.laptop(s.staff(Officer, "bob", lead))
	carol := s.laptop(s.staff(Officer, "carol", otherLead))
	a := alice.addClient("A-1")
	alice.addCheckIn(a.ID, "alice's visit")
	b := bob.addClient("B-1")
	bob.addCheckIn(b.ID, "bob's visit")
	c := carol.addClient("C-1")
	for _, l := range []*laptop{alice, bob, carol} {
		l.sync()
	}
	for _, l := range []*laptop{alice, bob, carol} {
		l.sync()
		if n := len(l.rows(store.SyncClients)); n != 1 {
			t.Errorf("%s's laptop holds %d clients, want only their own", l.role, n)
		}
	}
	sup := s.laptop(lead)
	sup.sync()
	clients := sup.rows(store.SyncClients)
	if len(clients) != 2 {
		t.Fatalf("the supervisor's laptop holds %d clients, want the team's 2", len(clients))
	}
	if len(sup.rows(store.SyncCheckIns)) != 2 {
		t.Errorf("the supervisor's laptop holds %d check-ins, want the team's 2", len(sup.rows(store.SyncCheckIns)))
	}
	if _, _, err := sup.st.Client(context.Background(), c.ID); err == nil {
		t.Errorf("the supervisor's laptop holds another team's client")
	}
	_ = a
	_ = b
}

func TestSameClientEditedOnTwoLaptopsConvergesInEitherOrder(t *testing.T) {
	for _, order := range []string{"first laptop syncs first", "second laptop syncs first"} {
		t.Run(order, func(t *testing.T) {
			s := newTestServer(t)
			lead := s.staff(Supervisor, "lead", "")
			alice := s.staff(Officer, "alice", lead)
			one, two := s.laptop(alice), s.laptop(alice)
			c := one.addClient("A-1")
			one.sync()
			two.sync()
			// Offline on both: different fields, and the same field.
			one.tick(time.Minute)
			one.edit(c.ID, func(c *model.Client) { c.Phone = "555-0101"; c.Address = "1 Main St" })
			two.tick(2 * time.Minute)
			two.edit(c.ID, func(c *model.Client) { c.Phone = "555-0199"; c.Conditions = "curfew 9pm" })
			first, second := one, two
			if order == "second laptop syncs first" {
				first, second = two, one
			}
			first.sync()
			second.sync()
			first.sync()
			sameRows(t, "clients", one.rows(store.SyncClients), two.rows(store.SyncClients))
			sameRows(t, "server clients", s.serverRows(store.SyncClients), one.rows(store.SyncClients))
			got := one.client(c.ID)
			if got.Phone != "555-0199" || got.Address != "1 Main St" || got.Conditions != "curfew 9pm" {
				t.Errorf("merged client: phone %q address %q conditions %q; want the later phone and both other changes",
					got.Phone, got.Address, got.Conditions)
			}
			for _, l := range []*laptop{one, two} {
				conflicts, err := l.st.Conflicts(context.Background(), c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(conflicts) != 1 || conflicts[0].Field != "phone" || conflicts[0].Lost != "555-0101" || conflicts[0].Kept != "555-0199" {
					t.Fatalf("%s's laptop shows conflicts %+v, want the lost phone number", l.role, conflicts)
				}
				if want := `changed on another laptop: phone was "555-0101", now "555-0199"`; conflicts[0].String() != want {
					t.Errorf("conflict reads %q, want %q", conflicts[0].String(), want)
				}
				// The officer sees it in the client's log, with everything
				// else and on its own.
				for _, kind := range []model.LogKind{"", model.LogSync} {
					page, err := l.st.ClientLog(context.Background(), model.LogQuery{ClientID: c.ID, Kind: kind})
					if err != nil {
						t.Fatal(err)
					}
					var shown []string
					for _, e := range page.Entries {
						if e.Conflict != nil {
							shown = append(shown, e.Conflict.String())
						}
					}
					if len(shown) != 1 || shown[0] != conflicts[0].String() {
						t.Errorf("%s's log (kind %q) shows conflicts %q, want the lost phone number", l.role, kind, shown)
					}
				}
			}
		})
	}
}

func TestALaptopAnHourSlowOrdersItsChangesAfterWhatItPulled(t *testing.T) {
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	right, slow := s.laptop(alice), s.laptop(alice)
	slow.now = testDay.Add(-time.Hour)
	c := right.addClient("A-1")
	right.tick(time.Minute)
	right.edit(c.ID, func(c *model.Client) { c.Level = model.LevelModerate })
	right.sync()
	slow.sync()
	// Later in real time, on the slow laptop, whose wall clock reads an
	// hour earlier than the change it pulled.
	slow.tick(5 * time.Minute)
	slow.edit(c.ID, func(c *model.Client) { c.Level = model.LevelLow })
	slow.sync()
	right.sync()
	if got := right.client(c.ID).Level; got != model.LevelLow {
		t.Errorf("level = %s, want the slow laptop's later change", got)
	}
	if conflicts, _ := right.st.Conflicts(context.Background(), c.ID); len(conflicts) != 0 {
		t.Errorf("a change made after seeing the other was recorded as a conflict: %+v", conflicts)
	}
}

func TestASupervisorsFileIsReadOnlyAndWhatItMadeBeforeItKnewIsFiled(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.staff(Officer, "bob", lead)
	c := alice.addClient("A-1")
	alice.sync()
	// Before its first sync the file does not know it is a supervisor's:
	// what is made in it is sent, and the server files it for review.
	sup := s.laptop(lead)
	own := sup.addClient("S-1")
	sup.addCheckIn(own.ID, "made before the first sync")
	r := sup.sync()
	if r.Rejected == 0 {
		t.Errorf("the supervisor's own records: %s; want them filed as rejected", describe(r))
	}
	sup.outboxEmpty()
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.clients WHERE case_number = 'S-1'"); n != 0 {
		t.Errorf("a supervisor's record reached the caseloads")
	}

	// From then on the file is read only: every change is refused on the
	// laptop, with why, and nothing is written.
	if ok, err := sup.st.SupervisorFile(ctx); err != nil || !ok {
		t.Fatalf("the file does not know it is a supervisor's: %v %v", ok, err)
	}
	before := sup.client(c.ID)
	changed := before
	changed.Phone = "555-0000"
	_, err := sup.st.UpdateClient(ctx, changed)
	wantSupervisorFile(t, "an edit of a client", err)
	_, err = sup.st.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: sup.now.Add(-time.Hour), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested})
	wantSupervisorFile(t, "a check-in", err)
	_, err = sup.st.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionCurfew, Wording: "Home by 9pm",
		OrderedOn: model.DateOf(sup.now)})
	wantSupervisorFile(t, "a condition", err)
	if got := sup.client(c.ID); got.Phone != before.Phone {
		t.Errorf("the refused edit changed the phone to %q", got.Phone)
	}
	sup.outboxEmpty()
	if n := len(sup.rows(store.SyncConditions)); n != 0 {
		t.Errorf("%d conditions written by a refused save", n)
	}

	// Transfers are the supervisor's to make, and the file follows them.
	if err := Transfer(ctx, s.as(lead), c.ID, bob); err != nil {
		t.Fatal(err)
	}
	sup.sync()
	db, err := sql.Open("sqlite", "file:"+sup.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var owner string
	if err := db.QueryRow("SELECT owner FROM clients WHERE id = ?", c.ID).Scan(&owner); err != nil || owner != bob {
		t.Errorf("after the transfer the supervisor's file says the client is %q's (%v), want %q's", owner, err, bob)
	}
}

func wantSupervisorFile(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrSupervisorFile) {
		t.Errorf("%s in a supervisor's file: %v, want it refused as a supervisor's file", what, err)
	}
}
