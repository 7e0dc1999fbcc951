package agency

import (
	"context"
	"maps"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// The agency's settings are policy: a supervisor changes a contact
// interval in their file, the next syncs bring it to the officer's laptop,
// and every client's next due date there follows. An officer's synced
// file keeps to the agency's settings: a change is refused next to its
// field and nothing is queued, while the officer's own settings still
// save.
func TestASupervisorsContactIntervalReachesTheOfficer(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	alice := s.laptop(aliceRole)
	c := alice.addClient("A-1") // high risk, never seen: due from when the case was opened
	alice.addCheckIn(c.ID, "office visit")
	alice.sync()
	_, before, err := alice.st.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}

	sup := s.laptop(lead)
	sup.sync()
	set, err := sup.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A save that leaves the agency's settings as they were sends none of
	// them: sent, they would override a newer value set elsewhere.
	set.OfficerName = "P. Lead"
	if err := sup.st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	sup.outboxEmpty()
	high := set.Intervals.Days(model.LevelHigh)
	set.Intervals = maps.Clone(set.Intervals)
	set.Intervals[model.LevelHigh] = high + 7
	set.OfficerName = "Pat Lead"
	if err := sup.st.SaveSettings(ctx, set); err != nil {
		t.Fatalf("the supervisor's settings: %v", err)
	}
	if r := sup.sync(); r.Pushed == 0 || r.Rejected != 0 {
		t.Fatalf("the supervisor's sync: %s, want the settings sent", describe(r))
	}
	if n := count(t, s.admin, "SELECT count(*) FROM caseload.agency_settings WHERE name = 'interval_high' AND value = $1",
		itoa(high+7)); n != 1 {
		t.Fatalf("the server holds %d interval_high of %d days", n, high+7)
	}

	alice.tick(time.Hour)
	alice.sync()
	got, err := alice.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Intervals.Days(model.LevelHigh) != high+7 {
		t.Errorf("the officer's high-risk interval is %d days, want the agency's %d", got.Intervals.Days(model.LevelHigh), high+7)
	}
	if got.OfficerName == "Pat Lead" {
		t.Error("the supervisor's own name reached the officer's settings")
	}
	_, after, err := alice.st.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := before.NextDue.AddDate(0, 0, 7); !after.NextDue.Equal(want) {
		t.Errorf("the client's next due date is %v after the pull, want %v (it was %v)", after.NextDue, want, before.NextDue)
	}
	sameOnBothSides(t, s, alice)

	// The officer's file: their own name saves, the agency's interval does not.
	mine := got
	mine.OfficerName = "Alice Officer"
	if err := alice.st.SaveSettings(ctx, mine); err != nil {
		t.Fatalf("the officer saves their own name: %v", err)
	}
	mine.Intervals = maps.Clone(got.Intervals)
	mine.Intervals[model.LevelHigh] = 3
	err = alice.st.SaveSettings(ctx, mine)
	fe := model.FieldErrors(err)
	if fe == nil || len(fe.Fields) != 1 || fe.Fields[0].Field != "interval_high" {
		t.Fatalf("an officer changes the agency's interval: %v, want it refused next to interval_high", err)
	}
	if again, _ := alice.st.Settings(ctx); again.Intervals.Days(model.LevelHigh) != high+7 || again.OfficerName != "Alice Officer" {
		t.Errorf("after the refusal the officer's settings are %+v", again)
	}
	alice.outboxEmpty()
	r := model.DefaultResponseSettings()
	r.Sanctions[0].Label += " (our unit's wording)"
	if fe := model.FieldErrors(alice.st.SaveResponseSettings(ctx, r)); fe == nil || fe.Fields[0].Field != "responses" {
		t.Errorf("an officer changes the agency's response ladders: %v, want it refused", fe)
	}
	alice.outboxEmpty()

	// Two laptops agree on the settings, field by field.
	sameRows(t, "agency settings on the supervisor's and the officer's laptops", sup.rows(store.SyncAgencySettings),
		alice.rows(store.SyncAgencySettings))
}

func itoa(n int) string { return strconv.Itoa(n) }

// Settings a file held before it synced are not the agency's: once the
// file learns whose it is they give way, an officer works to the agency's
// (the defaults where the agency set none, every next due date moving with
// them) and may not change them, and a supervisor's change to one it had
// held reaches the server and the officers.
func TestAFilesOwnSettingsFromBeforeItSyncedGiveWay(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	aliceRole := s.staff(Officer, "alice", lead)
	def := model.DefaultIntervals().Days(model.LevelHigh)
	own := func(l *laptop, days int) {
		t.Helper()
		set, err := l.st.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		set.Intervals = maps.Clone(set.Intervals)
		set.Intervals[model.LevelHigh] = days
		if err := l.st.SaveSettings(ctx, set); err != nil {
			t.Fatalf("%s saves a high-risk interval of %d days: %v", l.role, days, err)
		}
	}
	alice := unsyncedLaptop(t, s, aliceRole)
	c := alice.addClient("A-1")
	alice.addCheckIn(c.ID, "office visit")
	own(alice, 45)
	_, before, err := alice.st.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.st.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	alice.sync()
	if got, _ := alice.st.Settings(ctx); got.Intervals.Days(model.LevelHigh) != def {
		t.Errorf("after its first sync the officer's file works to %d days, want the agency's %d", got.Intervals.Days(model.LevelHigh), def)
	}
	if _, after, _ := alice.st.Client(ctx, c.ID); !after.NextDue.Equal(before.NextDue.AddDate(0, 0, def-45)) {
		t.Errorf("the client's next due date is %v, want it moved to the agency's interval (%v before)", after.NextDue, before.NextDue)
	}

	sup := unsyncedLaptop(t, s, lead)
	own(sup, 30)
	if _, err := sup.st.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	sup.sync()
	if got, _ := sup.st.Settings(ctx); got.Intervals.Days(model.LevelHigh) != def {
		t.Errorf("after its first sync the supervisor's file shows %d days, want the agency's %d", got.Intervals.Days(model.LevelHigh), def)
	}
	sup.tick(time.Minute)
	own(sup, 21)
	if r := sup.sync(); r.Rejected != 0 {
		t.Fatalf("the supervisor's change: %s", describe(r))
	}
	alice.tick(time.Hour)
	alice.sync()
	if got, _ := alice.st.Settings(ctx); got.Intervals.Days(model.LevelHigh) != 21 {
		t.Errorf("the officer works to %d days after the supervisor set 21", got.Intervals.Days(model.LevelHigh))
	}
	sameOnBothSides(t, s, alice)
}

// unsyncedLaptop is a laptop whose file has not set up sync yet.
func unsyncedLaptop(t *testing.T, s *testServer, role string) *laptop {
	t.Helper()
	l := &laptop{t: t, srv: s, role: role, path: filepath.Join(t.TempDir(), role+"-own.db"), now: testDay}
	st, err := store.Open(context.Background(), l.path, store.WithClock(func() time.Time { return l.now }), store.ManyWrites())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l.st = st
	return l
}
