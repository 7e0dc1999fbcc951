package agency

import (
	"context"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

var referralTables = []store.SyncTable{store.SyncResources, store.SyncReferrals, store.SyncReferralEvents, store.SyncConsents,
	store.SyncGoals, store.SyncGoalVersions}

// importResource adds the resource an Open Referral file names hsdsID, as
// an import does.
func (l *laptop) importResource(hsdsID, name string) model.Resource {
	l.t.Helper()
	r, err := l.st.CreateResource(context.Background(), model.Resource{HSDSID: hsdsID, Name: name, Category: model.CategorySubstanceUse})
	if err != nil {
		l.t.Fatalf("import %s: %v", name, err)
	}
	return r
}

// addReferrals refers the client to resource, moves the referral on, sets a
// plan goal the referral serves (and changes it), and records a consent to
// the resource, revoked since, and one to a person.
func (l *laptop) addReferrals(clientID, resourceID string) {
	l.t.Helper()
	ctx := context.Background()
	r, err := l.st.CreateReferral(ctx, model.Referral{ClientID: clientID, ResourceID: resourceID, Reason: "outpatient treatment",
		ReferredOn: model.DateOf(l.now.AddDate(0, 0, -3))}, "sent the intake form")
	if err != nil {
		l.t.Fatalf("refer: %v", err)
	}
	if _, err := l.st.ChangeReferralStatus(ctx, r.ID, store.StatusChange{To: model.ReferralScheduled, At: l.now.AddDate(0, 0, -1),
		Note: "intake on Friday", FollowUpOn: model.DateOf(l.now.AddDate(0, 0, 7)), AppointmentAt: l.now.AddDate(0, 0, 2)}); err != nil {
		l.t.Fatalf("schedule: %v", err)
	}
	g, err := l.st.CreateGoal(ctx, model.Goal{ClientID: clientID, Domain: model.DomainSubstanceUse, Words: "Stay clean for my kids",
		Status: model.GoalOpen, ReferralIDs: []string{r.ID}})
	if err != nil {
		l.t.Fatalf("goal: %v", err)
	}
	g.Words, g.Note = "Stay clean, one day at a time", "in their own words"
	if _, err := l.st.SaveGoal(ctx, g); err != nil {
		l.t.Fatalf("goal's next version: %v", err)
	}
	consent := model.Consent{ClientID: clientID, Recipient: model.Recipient{ResourceID: resourceID},
		Kinds: []model.ShareKind{model.ShareAttendance}, Purpose: "Coordinate treatment",
		SignedOn: model.DateOf(l.now.AddDate(0, 0, -3)), ExpiresOn: model.DateOf(l.now.AddDate(1, 0, 0))}
	c, err := l.st.CreateConsent(ctx, consent)
	if err != nil {
		l.t.Fatalf("consent: %v", err)
	}
	if _, err := l.st.RevokeConsent(ctx, c.ID, model.DateOf(l.now)); err != nil {
		l.t.Fatalf("revoke: %v", err)
	}
	consent.Recipient = model.Recipient{Person: "Maria Lopez (sister)"}
	if _, err := l.st.CreateConsent(ctx, consent); err != nil {
		l.t.Fatalf("consent to a person: %v", err)
	}
}

func TestReferralsAndConsentsComeBackWithTheirResources(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	old := s.laptop(alice)
	c := old.addClient("A-1")
	harbor := old.importResource("hsds-harbor", "Harbor Recovery Center")
	old.addReferrals(c.ID, harbor.ID)
	if r := old.sync(); r.Rejected != 0 {
		t.Fatalf("the first sync: %s", describe(r))
	}
	old.outboxEmpty()
	for _, tbl := range referralTables {
		if len(old.rows(tbl)) == 0 {
			t.Fatalf("the fixture made no %s", tbl.Name)
		}
		sameRows(t, "server "+tbl.Name, s.serverRows(tbl), old.rows(tbl))
	}

	replacement := s.laptop(alice)
	replacement.sync()
	for _, tbl := range store.SyncTables() {
		sameRows(t, "replacement "+tbl.Name, replacement.rows(tbl), old.rows(tbl))
	}
	_, sum, err := replacement.st.Client(ctx, c.ID)
	if err != nil || sum.OpenReferrals != 1 {
		t.Errorf("the replacement counts %d open referrals (%v), want 1", sum.OpenReferrals, err)
	}
	if problems, err := replacement.st.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the replacement's file fails its check: %v %v", problems, err)
	}
	// The referral moves on, on the replacement, and reaches the old laptop.
	refs, err := replacement.st.Referrals(ctx, c.ID)
	if err != nil || len(refs) != 1 {
		t.Fatalf("referrals on the replacement: %v %v", refs, err)
	}
	replacement.tick(time.Hour)
	if _, err := replacement.st.ChangeReferralStatus(ctx, refs[0].ID, store.StatusChange{To: model.ReferralEngaged,
		Note: "went to intake", FollowUpOn: model.DateOf(replacement.now.AddDate(0, 0, 14))}); err != nil {
		t.Fatal(err)
	}
	replacement.sync()
	old.tick(2 * time.Hour)
	old.sync()
	for _, tbl := range referralTables {
		sameRows(t, "after the change "+tbl.Name, old.rows(tbl), replacement.rows(tbl))
	}

	// Another officer who imported the same directory holds the same
	// resource, once on the server, and sees none of alice's referrals.
	bob := s.laptop(s.staff(Officer, "bob", lead))
	same := bob.importResource("hsds-harbor", "Harbor Recovery Center")
	if same.ID != harbor.ID {
		t.Fatalf("the same Open Referral resource has ids %s and %s on two laptops", harbor.ID, same.ID)
	}
	if r := bob.sync(); r.Rejected != 0 {
		t.Errorf("bob's import of the same resource: %s; want it received as the server holds it", describe(r))
	}
	if n := len(s.serverRows(store.SyncResources)); n != 1 {
		t.Errorf("the server's directory holds %d resources, want the one", n)
	}
	for _, tbl := range []store.SyncTable{store.SyncReferrals, store.SyncReferralEvents, store.SyncConsents, store.SyncGoals,
		store.SyncGoalVersions} {
		if n := len(bob.rows(tbl)); n != 0 {
			t.Errorf("bob's laptop holds %d of alice's %s", n, tbl.Name)
		}
	}
	// Changing the directory is the supervisors': bob's change is filed,
	// the supervisor's reaches every laptop.
	changed := same
	changed.Phone = "555-0111"
	if _, err := bob.st.UpdateResource(ctx, changed); err != nil {
		t.Fatal(err)
	}
	if r := bob.sync(); r.Rejected != 1 {
		t.Errorf("an officer's change to the directory: %s; want it filed", describe(r))
	}
	sup := s.laptop(lead)
	sup.sync()
	fixed := harbor
	fixed.Phone = "555-0199"
	if _, err := sup.st.UpdateResource(ctx, fixed); err != nil {
		t.Fatalf("a supervisor keeps the directory: %v", err)
	}
	if r := sup.sync(); r.Rejected != 0 {
		t.Errorf("the supervisor's change: %s", describe(r))
	}
	old.sync()
	got, err := old.st.Resource(ctx, harbor.ID)
	if err != nil || got.Phone != "555-0199" {
		t.Errorf("alice's directory has phone %q (%v), want the supervisor's", got.Phone, err)
	}
}
