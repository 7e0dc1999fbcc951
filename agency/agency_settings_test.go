package agency

import (
	"context"
	"maps"
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
