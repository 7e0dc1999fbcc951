package model

import (
	"strings"
	"time"
)

// ShareKind is a kind of information a client may consent to share.
type ShareKind string

// Kinds of information a consent covers.
const (
	ShareAttendance        ShareKind = "attendance"
	ShareTestResults       ShareKind = "test_results"
	ShareTreatmentProgress ShareKind = "treatment_progress"
	ShareStageOfChange     ShareKind = "stage_of_change"
	SharePlanGoals         ShareKind = "plan_goals"
	ShareNotes             ShareKind = "notes"
	ShareCompliance        ShareKind = "compliance"
	ShareCourtEvents       ShareKind = "court_events"
)

var shareKinds = []Option[ShareKind]{
	{ShareAttendance, "Attendance", "Whether the client kept contacts and appointments."},
	{ShareTestResults, "Test results", "Drug and alcohol test results (protected substance-use information)."},
	{ShareTreatmentProgress, "Treatment progress", "Referrals, their status and outcomes."},
	{ShareStageOfChange, "Stage of change", "The stage of change the officer observed, and screenings."},
	{SharePlanGoals, "Plan goals", "The supervision-plan goals and their steps."},
	{ShareNotes, "Notes", "The officer's notes from contacts."},
	{ShareCompliance, "Compliance with conditions", "Conditions and their progress, violations and responses, incentives, employment."},
	{ShareCourtEvents, "Court events", "Hearings, their dates and outcomes."},
}

// ShareKinds lists the kinds of information a consent can cover.
func ShareKinds() []Option[ShareKind] { return copyOf(shareKinds) }

// Label is the officer-facing name.
func (v ShareKind) Label() string { return labelOf(shareKinds, v) }

// Help is the one-line explanation.
func (v ShareKind) Help() string { return helpOf(shareKinds, v) }

// Valid reports whether v is known.
func (v ShareKind) Valid() bool { return valid(shareKinds, v) }

// Recipient is who a consent lets information go to: a resource from the
// directory, or a person named on the form. Exactly one is set.
type Recipient struct {
	ResourceID string
	Person     string
}

// Same reports whether two recipients are the same: the same resource, or the
// same person's name regardless of case and spacing.
func (r Recipient) Same(o Recipient) bool {
	if r.ResourceID != "" || o.ResourceID != "" {
		return r.ResourceID == o.ResourceID
	}
	return r.Person != "" && strings.EqualFold(PersonName(r.Person), PersonName(o.Person))
}

// PersonName is a person recipient's name as it is matched and shown: one
// space between words, none at the ends. Matching decides what is
// disclosed, so every place that compares names uses this one rule.
func PersonName(s string) string { return strings.Join(strings.Fields(s), " ") }

// Consent is the client's signed consent to share some information with one
// recipient, for a purpose, until it expires or is revoked. Once saved only
// its revocation date may be set.
type Consent struct {
	ID        string
	ClientID  string
	Recipient Recipient
	Kinds     []ShareKind
	Purpose   string
	SignedOn  Date
	ExpiresOn Date
	RevokedOn Date // zero while not revoked
	CreatedAt time.Time
}

// Consent field names used in validation errors.
const (
	FieldRecipient = "recipient"
	FieldKinds     = "kinds"
	FieldPurpose   = "purpose"
	FieldSignedOn  = "signed_on"
	FieldExpiresOn = "expires_on"
	FieldRevokedOn = "revoked_on"
)

// Validate checks a consent as of today. A consent must say when it ends
// (42 CFR Part 2 asks for an expiry), and cannot end before it was signed.
func (c Consent) Validate(today Date) error {
	var p problems
	if c.ClientID == "" {
		p.add("client", "required")
	}
	switch {
	case c.Recipient.ResourceID == "" && strings.TrimSpace(c.Recipient.Person) == "":
		p.add(FieldRecipient, "choose a resource or name a person")
	case c.Recipient.ResourceID != "" && c.Recipient.Person != "":
		p.add(FieldRecipient, "either a resource or a person, not both")
	default:
		checkText(&p, FieldRecipient, c.Recipient.Person, false, 200)
	}
	if len(c.Kinds) == 0 {
		p.add(FieldKinds, "choose what may be shared")
	}
	seen := map[ShareKind]bool{}
	for _, k := range c.Kinds {
		if !k.Valid() || seen[k] {
			p.add(FieldKinds, "unknown or repeated kind "+string(k))
			break
		}
		seen[k] = true
	}
	checkText(&p, FieldPurpose, c.Purpose, true, 1000)
	if c.SignedOn.IsZero() {
		p.add(FieldSignedOn, "required")
	} else if today.Before(c.SignedOn) {
		p.add(FieldSignedOn, "is in the future")
	}
	if c.ExpiresOn.IsZero() {
		p.add(FieldExpiresOn, "required: a consent says when it ends")
	} else if !c.SignedOn.IsZero() && c.ExpiresOn.Before(c.SignedOn) {
		p.add(FieldExpiresOn, "is before the date it was signed")
	}
	if !c.RevokedOn.IsZero() && !c.SignedOn.IsZero() && c.RevokedOn.Before(c.SignedOn) {
		p.add(FieldRevokedOn, "is before the date it was signed")
	}
	return p.err()
}

// Revoked reports whether the client has withdrawn the consent by today.
func (c Consent) Revoked(today Date) bool { return !c.RevokedOn.IsZero() && !today.Before(c.RevokedOn) }

// Expired reports whether the consent's last day has passed.
func (c Consent) Expired(today Date) bool { return !c.ExpiresOn.IsZero() && c.ExpiresOn.Before(today) }

// Active reports whether the consent lets information go today: signed,
// not expired (the expiry date itself still counts) and not revoked.
func (c Consent) Active(today Date) bool {
	return !c.SignedOn.IsZero() && !today.Before(c.SignedOn) && !c.Expired(today) && !c.Revoked(today)
}

// ConsentState is where a consent stands on a given day, for the client
// header: an expired or revoked consent is shown as such, not hidden.
type ConsentState string

// Consent states.
const (
	ConsentPending ConsentState = "pending"
	ConsentActive  ConsentState = "active"
	ConsentExpired ConsentState = "expired"
	ConsentRevoked ConsentState = "revoked"
)

var consentStates = []Option[ConsentState]{
	{ConsentPending, "Not yet in force", "Signed with a later start; nothing may be shared yet."},
	{ConsentActive, "Active", "Information it lists may be shared with the recipient."},
	{ConsentExpired, "Expired", "Its last day has passed; nothing may be shared until a new one is signed."},
	{ConsentRevoked, "Revoked", "The client withdrew it; nothing may be shared."},
}

// ConsentStates lists the consent states.
func ConsentStates() []Option[ConsentState] { return copyOf(consentStates) }

// Label is the officer-facing name.
func (v ConsentState) Label() string { return labelOf(consentStates, v) }

// Help is the one-line explanation.
func (v ConsentState) Help() string { return helpOf(consentStates, v) }

// State says where the consent stands today; a revocation outranks an
// expiry, since it is what the client asked for.
func (c Consent) State(today Date) ConsentState {
	switch {
	case c.Revoked(today):
		return ConsentRevoked
	case c.Expired(today):
		return ConsentExpired
	case c.Active(today):
		return ConsentActive
	}
	return ConsentPending
}

// Allows reports whether the consent lists kind.
func (c Consent) Allows(kind ShareKind) bool {
	for _, k := range c.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// SharePolicy says which kinds of information may go to one recipient today.
// The zero SharePolicy allows nothing.
type SharePolicy struct {
	allowed  map[ShareKind]bool
	consents []Consent
}

// SharePolicyFor builds the policy for a recipient from a client's consents:
// the kinds listed by any consent to that recipient that is active today.
// Consents to other recipients, expired and revoked ones give nothing.
func SharePolicyFor(consents []Consent, to Recipient, today Date) SharePolicy {
	p := SharePolicy{allowed: map[ShareKind]bool{}}
	for _, c := range consents {
		if !c.Recipient.Same(to) || !c.Active(today) {
			continue
		}
		for _, k := range c.Kinds {
			if k.Valid() {
				p.allowed[k] = true
			}
		}
		p.consents = append(p.consents, c)
	}
	return p
}

// Consents lists the active consents the policy is built from: a disclosure
// made with consent goes with an explanation of the consent's scope (42 CFR
// § 2.32(b)), so the summary says what each one allows, for what purpose and
// until when.
func (p SharePolicy) Consents() []Consent { return append([]Consent(nil), p.consents...) }

// Allows reports whether information of kind may be shared.
func (p SharePolicy) Allows(kind ShareKind) bool { return p.allowed[kind] }

// None reports whether nothing may be shared: the export refuses then.
func (p SharePolicy) None() bool { return len(p.allowed) == 0 }

// Kinds lists what may be shared, in the order of ShareKinds.
func (p SharePolicy) Kinds() []ShareKind {
	var out []ShareKind
	for _, o := range shareKinds {
		if p.allowed[o.Value] {
			out = append(out, o.Value)
		}
	}
	return out
}
