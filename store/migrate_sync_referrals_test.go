package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/model"
	"caseload/store"
)

// A resource imported from an Open Referral file before migration 0013 has
// a random id; opening the file gives it the id every laptop gives that
// Open Referral resource, and its referral and consent follow it.
func TestAnImportedResourceTakesTheIdEveryLaptopGivesIt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openAt(t, path)
	c, err := s.CreateClient(ctx, newClient("A-1"))
	if err != nil {
		t.Fatal(err)
	}
	const old = "0190a000-0000-7000-8000-00000000a001"
	r, err := s.CreateResource(ctx, model.Resource{ID: old, HSDSID: "hsds-harbor", Name: "Harbor Recovery Center",
		Category: model.CategorySubstanceUse})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := s.CreateReferral(ctx, model.Referral{ClientID: c.ID, ResourceID: r.ID, Reason: "treatment",
		ReferredOn: model.DateOf(testNow)}, "")
	if err != nil {
		t.Fatal(err)
	}
	consent, err := s.CreateConsent(ctx, model.Consent{ClientID: c.ID, Recipient: model.Recipient{ResourceID: r.ID},
		Kinds: []model.ShareKind{model.ShareAttendance}, Purpose: "Coordinate treatment",
		SignedOn: model.DateOf(testNow), ExpiresOn: model.DateOf(testNow.AddDate(1, 0, 0))})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rewindBefore(t, path, "0013_sync_referrals.sql")
	db.Close()

	again := openAt(t, path)
	want := store.ResourceIDForHSDS("hsds-harbor")
	if got, err := again.Resource(ctx, want); err != nil || got.Name != "Harbor Recovery Center" {
		t.Fatalf("the resource under its new id: %+v %v", got, err)
	}
	if _, err := again.Resource(ctx, old); err == nil {
		t.Errorf("the resource is still under its old id too")
	}
	if got, err := again.Referral(ctx, ref.ID); err != nil || got.ResourceID != want {
		t.Errorf("the referral points at %q (%v), want %q", got.ResourceID, err, want)
	}
	if got, err := again.Consent(ctx, consent.ID); err != nil || got.Recipient.ResourceID != want {
		t.Errorf("the consent points at %q (%v), want %q", got.Recipient.ResourceID, err, want)
	}
	if problems, err := again.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
}
