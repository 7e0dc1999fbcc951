package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// TestSummaryForARecipientLoadsScreeningsAndGoalsAsOfTheEnd: a screening in
// the range makes its client seen; a goal's version saved after the range is
// not what the summary shows, and a goal set after it is not there.
func TestSummaryForARecipientLoadsScreeningsAndGoalsAsOfTheEnd(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	c, err := st.CreateClient(ctx, newClient("S-1"))
	if err != nil {
		t.Fatal(err)
	}
	from, to := testNow.Add(-48*time.Hour), testNow.Add(-24*time.Hour)
	if _, err := st.AddScreening(ctx, model.Screening{ClientID: c.ID, Instrument: model.InstrumentGAD2, At: from.Add(time.Hour), Answers: []int{1, 2}}); err != nil {
		t.Fatal(err)
	}
	g, err := st.CreateGoal(ctx, model.Goal{ClientID: c.ID, Domain: model.DomainHousing, Words: "a flat of my own", Status: model.GoalOpen, At: from})
	if err != nil {
		t.Fatal(err)
	}
	g.Words, g.At = "a flat near work", to.Add(time.Hour)
	if _, err := st.SaveGoal(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateGoal(ctx, model.Goal{ClientID: c.ID, Domain: model.DomainEmployment, Words: "later", Status: model.GoalOpen, At: to.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SummaryRecords(ctx, store.SummaryQuery{From: from, To: to, Goals: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Clients) != 1 || len(rec.Screenings) != 1 || rec.Screenings[0].Instrument != model.InstrumentGAD2 {
		t.Fatalf("clients %d, screenings %+v; want the client seen for the screening", len(rec.Clients), rec.Screenings)
	}
	if len(rec.Goals) != 1 || rec.Goals[0].Words != "a flat of my own" || rec.Goals[0].Version != 1 {
		t.Fatalf("goals %+v, want the housing goal as it stood at the end of the range", rec.Goals)
	}
	if rec, err = st.SummaryRecords(ctx, store.SummaryQuery{From: from, To: to}); err != nil || rec.Goals != nil {
		t.Fatalf("goals loaded without being asked for: %+v, %v", rec.Goals, err)
	}
}

func TestConsentRecipientsAreTheActiveOnesOfTheClients(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	res, err := st.CreateResource(ctx, model.Resource{Name: "Zeta House", Category: model.CategoryHousing})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := st.CreateClient(ctx, newClient("R-1"))
	b, _ := st.CreateClient(ctx, newClient("R-2"))
	today := model.DateOf(testNow)
	consent := func(c model.Client, to model.Recipient, expires model.Date) model.Consent {
		t.Helper()
		cn, err := st.CreateConsent(ctx, model.Consent{ClientID: c.ID, Recipient: to, Kinds: []model.ShareKind{model.ShareNotes},
			Purpose: "care", SignedOn: today.AddDays(-10), ExpiresOn: expires})
		if err != nil {
			t.Fatal(err)
		}
		return cn
	}
	consent(a, model.Recipient{ResourceID: res.ID}, today.AddDays(10))
	consent(a, model.Recipient{Person: "amy  Lee"}, today.AddDays(10))
	consent(b, model.Recipient{Person: "Amy Lee"}, today.AddDays(10))
	consent(b, model.Recipient{Person: "Old Friend"}, today.AddDays(-1))
	revoked := consent(b, model.Recipient{Person: "Gone Person"}, today.AddDays(10))
	if _, err := st.RevokeConsent(ctx, revoked.ID, today); err != nil {
		t.Fatal(err)
	}
	list, err := st.ShareRecipients(ctx, []string{a.ID, b.ID}, today)
	if err != nil {
		t.Fatal(err)
	}
	// Two clients' contacts named Amy Lee may be two people: one entry for
	// each client, never one joining them.
	if len(list) != 3 || !strings.EqualFold(list[0].Name, "amy lee") || list[0].ClientID != a.ID || list[0].CaseNumber != "R-1" ||
		list[1].ClientID != b.ID || list[1].CaseNumber != "R-2" || list[2].Name != "Zeta House" || list[2].To.ResourceID != res.ID ||
		list[2].ClientID != "" {
		t.Fatalf("recipients %+v, want R-1's Amy Lee, R-2's Amy Lee and Zeta House; not the expired or revoked", list)
	}
	if only, _ := st.ShareRecipients(ctx, []string{b.ID}, today); len(only) != 1 || only[0].To.Person == "" {
		t.Fatalf("recipients of R-2 alone: %+v, want Amy Lee", only)
	}
	amy, err := st.ConsentsTo(ctx, model.Recipient{Person: "AMY LEE"})
	if err != nil || len(amy) != 2 {
		t.Fatalf("consents to Amy Lee: %d, %v; want both clients'", len(amy), err)
	}
	zeta, err := st.ConsentsTo(ctx, model.Recipient{ResourceID: res.ID})
	if err != nil || len(zeta) != 1 || zeta[0].ClientID != a.ID {
		t.Fatalf("consents to Zeta House: %+v, %v", zeta, err)
	}
}

// TestASummaryForARecipientDoesNotMoveTheLastExport: the officer's next
// "since the last export" starts after their own last summary, not after
// one made for a provider.
func TestASummaryForARecipientDoesNotMoveTheLastExport(t *testing.T) {
	ctx := context.Background()
	st := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	mine := model.Export{At: testNow.Add(-2 * time.Hour), From: testNow.Add(-24 * time.Hour), To: testNow.Add(-2 * time.Hour),
		Format: "md", Destination: "/home/officer/summary (for me).md", SHA256: strings.Repeat("ab", 32)}
	mine, err := st.RecordExport(ctx, mine)
	if err != nil {
		t.Fatal(err)
	}
	theirs := mine
	theirs.ID, theirs.At, theirs.To = "", testNow.Add(-time.Hour), testNow.Add(-time.Hour)
	theirs.Destination, theirs.Recipient = "/home/officer/summary.md", "Harbor Clinic"
	if _, err := st.RecordExport(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	last, err := st.LastExport(ctx)
	if err != nil || last.ID != mine.ID {
		t.Fatalf("last export = %+v, %v; want the officer's own", last, err)
	}
}
