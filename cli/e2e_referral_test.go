package cli

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/model"
	"caseload/store"
)

// TestEndToEndReferAClientThenScheduleIt is the officer sending a client to
// treatment: open the client, pick the resource by a few letters, give the
// reason and save; then, on the Referrals tab, move the referral to
// scheduled with the intake appointment. Both changes are on disk, and the
// resource directory shows the client referred there.
func TestEndToEndReferAClientThenScheduleIt(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "caseload.db")
	seedCaseload(t, db)
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []model.Resource{
		{Name: "Harbor Recovery Center", Category: model.CategorySubstanceUse},
		{Name: "Eastside Housing Authority", Category: model.CategoryHousing},
	} {
		if _, err := st.CreateResource(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	term.start(bin, db)
	term.waitFor("1 of 4")
	term.press("/")
	term.typeText("ann")
	term.waitFor("shown of 1 matches")
	term.press("Enter", "Enter")
	term.waitFor("Ann Example  CR-1001")
	term.press("r")
	term.waitFor("Refer Ann Example to")
	term.typeText("harb rec")
	term.waitFor("1 of 2 resources")
	term.press("Enter")
	term.waitFor("→ Harbor Recovery Center")
	term.typeText("outpatient treatment")
	term.press("C-s")
	term.waitFor("Referral made.")

	term.press("Tab", "Tab", "Tab", "Tab")
	term.waitFor("[Referrals]")
	term.press("u")
	term.waitFor("now Referred")
	term.press("1", "Tab") // scheduled; then from When to the appointment
	term.typeText("2030-01-15 10:00")
	term.press("C-s")
	term.waitFor("Referral now Scheduled.")
	term.waitFor("Referred → Scheduled")
	term.press("Escape") // alone: escape then q at once reads as alt+q
	term.waitFor("Caseload")
	term.press("R")
	term.waitFor("‹ All categories ›")
	term.press("Enter") // the first by name: Eastside; then down to Harbor
	term.waitFor("Clients referred here (0)")
	term.press("Escape")
	term.waitFor("1 of 2")
	term.press("Down", "Enter")
	term.waitFor("Clients referred here (1)")
	term.waitFor("Scheduled")
	term.press("Escape")
	term.waitFor("2 of 2")
	term.press("Escape")
	term.waitFor("Caseload")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	got := sqlite(t, db, `SELECT r.status, r.reason, substr(r.appointment_at, 1, 16), s.name FROM referrals r
		JOIN clients c ON c.id = r.client_id JOIN resources s ON s.id = r.resource_id WHERE c.name = 'Ann Example'`)
	if want := "scheduled|outpatient treatment|2030-01-15T10:00|Harbor Recovery Center"; got != want {
		t.Fatalf("the referral on disk is %q, want %q", got, want)
	}
	if got := sqlite(t, db, "SELECT group_concat(from_status || '>' || to_status, ',') FROM (SELECT * FROM referral_events ORDER BY at)"); got != ">referred,referred>scheduled" {
		t.Fatalf("the referral's history on disk is %q, want the two changes", got)
	}
}
