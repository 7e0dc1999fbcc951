package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"caseload/model"
)

func clinicConsent(clientID, resourceID string) model.Consent {
	return model.Consent{ClientID: clientID, Recipient: model.Recipient{ResourceID: resourceID},
		Kinds: []model.ShareKind{model.ShareAttendance, model.ShareTreatmentProgress}, Purpose: "Coordinate treatment",
		SignedOn: model.Date{Year: 2026, Month: 6, Day: 1}, ExpiresOn: model.Date{Year: 2027, Month: 6, Day: 1}}
}

func TestBadConsentWritesNothingAndNamesTheField(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	res, err := s.CreateResource(ctx, model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse})
	if err != nil {
		t.Fatal(err)
	}
	expiresEarly := clinicConsent(c.ID, res.ID)
	expiresEarly.ExpiresOn = model.Date{Year: 2026, Month: 5, Day: 1}
	tests := []struct {
		name  string
		c     model.Consent
		field string
	}{
		{"resource not in the directory", clinicConsent(c.ID, "no-such-resource"), model.FieldRecipient},
		{"expiry before signed", expiresEarly, model.FieldExpiresOn},
	}
	for _, tt := range tests {
		_, err := s.CreateConsent(ctx, tt.c)
		if model.FieldErrors(err).For(tt.field) == "" {
			t.Errorf("%s: want a field error on %s, got %v", tt.name, tt.field, err)
		}
	}
	if n := count(t, s, "consents"); n != 0 {
		t.Errorf("%d consents written by refused saves", n)
	}
}

func TestConsentIsRevokedOnceAndKeptAsSigned(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	res, _ := s.CreateResource(ctx, model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse})
	clinic, err := s.CreateConsent(ctx, clinicConsent(c.ID, res.ID))
	if err != nil {
		t.Fatal(err)
	}
	person := model.Consent{ClientID: c.ID, Recipient: model.Recipient{Person: "Rev. Dana Hill"}, Kinds: []model.ShareKind{model.ShareAttendance},
		Purpose: "Mentoring", SignedOn: model.Date{Year: 2026, Month: 9, Day: 1}, ExpiresOn: model.Date{Year: 2026, Month: 10, Day: 1}}
	if _, err := s.CreateConsent(ctx, person); err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(frozenNow)
	list, err := s.Consents(ctx, c.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("consents = %+v, %v", list, err)
	}
	if list[0].Recipient.Person != "Rev. Dana Hill" || !list[0].Expired(today) || !list[1].Active(today) {
		t.Errorf("listed = %+v", list)
	}
	revokedOn := model.Date{Year: 2026, Month: 11, Day: 20}
	got, err := s.RevokeConsent(ctx, clinic.ID, revokedOn)
	if err != nil || got.RevokedOn != revokedOn {
		t.Fatalf("revoke = %+v, %v", got, err)
	}
	if _, err := s.RevokeConsent(ctx, clinic.ID, today); model.FieldErrors(err).For(model.FieldRevokedOn) == "" {
		t.Errorf("second revocation: %v", err)
	}
	if _, err := s.RevokeConsent(ctx, "nope", today); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoking a missing consent: %v", err)
	}
	stored, _ := s.Consent(ctx, clinic.ID)
	if stored.Active(today) || stored.Purpose != "Coordinate treatment" || len(stored.Kinds) != 2 {
		t.Errorf("revoked consent = %+v", stored)
	}
	if p := model.SharePolicyFor(list, model.Recipient{ResourceID: res.ID}, today); p.None() {
		t.Error("the policy from before the revocation allowed nothing")
	}
	if p, err := s.SharePolicy(ctx, c.ID, model.Recipient{ResourceID: res.ID}, today); err != nil || !p.None() {
		t.Errorf("after revocation the clinic may still see %v (%v)", p.Kinds(), err)
	}
	if p, _ := s.SharePolicy(ctx, c.ID, model.Recipient{Person: "rev. dana hill"}, model.Date{Year: 2026, Month: 9, Day: 15}); !p.Allows(model.ShareAttendance) || p.Allows(model.ShareNotes) {
		t.Errorf("named person in September may see %v, want attendance only", p.Kinds())
	}
	if got := strings.Join(auditActions(t, s, "consent"), ","); got != "create,create,revoke" {
		t.Errorf("consent audit = %s", got)
	}
}
