package model

import (
	"reflect"
	"testing"
)

var consentToday = Date{2026, 11, 23}

func validConsent() Consent {
	return Consent{ClientID: "c1", Recipient: Recipient{ResourceID: "res-1"}, Kinds: []ShareKind{ShareAttendance, ShareTreatmentProgress},
		Purpose: "Coordinate outpatient treatment", SignedOn: Date{2026, 6, 1}, ExpiresOn: Date{2027, 6, 1}}
}

func TestConsentValidateNamesEachBadField(t *testing.T) {
	if err := validConsent().Validate(consentToday); err != nil {
		t.Fatalf("valid consent refused: %v", err)
	}
	tests := []struct {
		name   string
		field  string
		mutate func(*Consent)
	}{
		{"expiry before signed", FieldExpiresOn, func(c *Consent) { c.ExpiresOn = Date{2026, 5, 31} }},
		{"no expiry", FieldExpiresOn, func(c *Consent) { c.ExpiresOn = Date{} }},
		{"no recipient", FieldRecipient, func(c *Consent) { c.Recipient = Recipient{} }},
		{"two recipients", FieldRecipient, func(c *Consent) { c.Recipient.Person = "Dr. Okafor" }},
		{"nothing to share", FieldKinds, func(c *Consent) { c.Kinds = nil }},
		{"unknown kind", FieldKinds, func(c *Consent) { c.Kinds = []ShareKind{"medical_records"} }},
		{"no purpose", FieldPurpose, func(c *Consent) { c.Purpose = "" }},
		{"signed in the future", FieldSignedOn, func(c *Consent) { c.SignedOn = Date{2026, 12, 1} }},
		{"revoked before signed", FieldRevokedOn, func(c *Consent) { c.RevokedOn = Date{2026, 1, 1} }},
	}
	for _, tt := range tests {
		c := validConsent()
		tt.mutate(&c)
		if FieldErrors(c.Validate(consentToday)).For(tt.field) == "" {
			t.Errorf("%s: no error on %s (got %v)", tt.name, tt.field, c.Validate(consentToday))
		}
	}
}

func TestConsentIsActiveFromSigningThroughItsExpiryDay(t *testing.T) {
	c := validConsent()
	revoked := c
	revoked.RevokedOn = Date{2026, 9, 1}
	tests := []struct {
		name            string
		c               Consent
		today           Date
		active, expired bool
		state           ConsentState
	}{
		{"before signing", c, Date{2026, 5, 31}, false, false, ConsentPending},
		{"day signed", c, Date{2026, 6, 1}, true, false, ConsentActive},
		{"expiry day", c, Date{2027, 6, 1}, true, false, ConsentActive},
		{"day after expiry", c, Date{2027, 6, 2}, false, true, ConsentExpired},
		{"day before revocation", revoked, Date{2026, 8, 31}, true, false, ConsentActive},
		{"revoked", revoked, Date{2026, 9, 1}, false, false, ConsentRevoked},
	}
	for _, tt := range tests {
		if got := tt.c.Active(tt.today); got != tt.active {
			t.Errorf("%s: active = %v, want %v", tt.name, got, tt.active)
		}
		if got := tt.c.Expired(tt.today); got != tt.expired {
			t.Errorf("%s: expired = %v, want %v", tt.name, got, tt.expired)
		}
		if got := tt.c.State(tt.today); got != tt.state {
			t.Errorf("%s: state = %s, want %s", tt.name, got, tt.state)
		}
	}
	revokedThenExpired := revoked
	if got := revokedThenExpired.State(Date{2028, 1, 1}); got != ConsentRevoked {
		t.Errorf("revoked and past expiry reads %s, want revoked", got)
	}
}

func TestSharePolicyAllowsOnlyWhatActiveConsentsToThatRecipientList(t *testing.T) {
	clinic := Recipient{ResourceID: "res-1"}
	active := validConsent() // attendance, treatment progress
	expired := validConsent()
	expired.Kinds, expired.SignedOn, expired.ExpiresOn = []ShareKind{ShareTestResults}, Date{2025, 1, 1}, Date{2025, 12, 31}
	revoked := validConsent()
	revoked.Kinds, revoked.RevokedOn = []ShareKind{ShareNotes}, Date{2026, 10, 1}
	other := validConsent()
	other.Recipient, other.Kinds = Recipient{ResourceID: "res-2"}, []ShareKind{SharePlanGoals}
	person := validConsent()
	person.Recipient, person.Kinds = Recipient{Person: "Dr.  Ada Okafor"}, []ShareKind{ShareStageOfChange}

	all := []Consent{active, expired, revoked, other, person}
	p := SharePolicyFor(all, clinic, consentToday)
	if got, want := p.Kinds(), []ShareKind{ShareAttendance, ShareTreatmentProgress}; !reflect.DeepEqual(got, want) {
		t.Errorf("clinic may see %v, want %v", got, want)
	}
	for _, k := range []ShareKind{ShareTestResults, ShareNotes, SharePlanGoals, ShareStageOfChange} {
		if p.Allows(k) {
			t.Errorf("clinic allowed %s", k)
		}
	}
	if got := SharePolicyFor(all, Recipient{Person: "dr. ada okafor"}, consentToday).Kinds(); !reflect.DeepEqual(got, []ShareKind{ShareStageOfChange}) {
		t.Errorf("named person may see %v", got)
	}
	if got := p.Consents(); len(got) != 1 || got[0].Purpose != active.Purpose || got[0].ExpiresOn != active.ExpiresOn {
		t.Errorf("the clinic's policy rests on %+v, want only the active consent to the clinic", got)
	}
	if !SharePolicyFor(all, Recipient{ResourceID: "res-9"}, consentToday).None() {
		t.Error("a recipient without consent may see something")
	}
	if !(SharePolicy{}).None() || (SharePolicy{}).Allows(ShareAttendance) {
		t.Error("the zero policy allows something")
	}
}
