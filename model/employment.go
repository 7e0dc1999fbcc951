package model

import "time"

// Verification is how the officer confirmed a job.
type Verification string

// Verifications; "" while the job is not verified.
const (
	VerifiedNot       Verification = ""
	VerifiedPayStub   Verification = "pay_stub"
	VerifiedEmployer  Verification = "employer_call"
	VerifiedSiteVisit Verification = "site_visit"
)

var verifications = []Option[Verification]{
	{VerifiedPayStub, "Pay stub", "The officer saw a pay stub."},
	{VerifiedEmployer, "Employer call", "The officer spoke to the employer."},
	{VerifiedSiteVisit, "Site visit", "The officer saw the client at work."},
}

// Verifications lists the ways a job is verified.
func Verifications() []Option[Verification] { return copyOf(verifications) }

// Label is the officer-facing name; "Not verified" for none.
func (v Verification) Label() string {
	if v == VerifiedNot {
		return "Not verified"
	}
	return labelOf(verifications, v)
}

// Valid reports whether v is known (not verified included).
func (v Verification) Valid() bool { return v == VerifiedNot || valid(verifications, v) }

// Employment is a job the client holds or held.
type Employment struct {
	ID           string
	ClientID     string
	Employer     string
	Position     string
	StartOn      Date
	EndOn        Date // zero while the job goes on
	HoursPerWeek int
	VerifiedBy   Verification
	VerifiedOn   Date
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Employment field names used in validation errors.
const (
	FieldEmployer     = "employer"
	FieldPosition     = "position"
	FieldStartOn      = "start_on"
	FieldEndOn        = "end_on"
	FieldHoursPerWeek = "hours_per_week"
	FieldVerifiedBy   = "verified_by"
	FieldVerifiedOn   = "verified_on"
)

// Validate checks a job as of today.
func (e Employment) Validate(today Date) error {
	var p problems
	if e.ClientID == "" {
		p.add("client", "required")
	}
	checkText(&p, FieldEmployer, e.Employer, true, 200)
	checkText(&p, FieldPosition, e.Position, false, 200)
	if e.StartOn.IsZero() {
		p.add(FieldStartOn, "required")
	}
	if !e.EndOn.IsZero() && e.EndOn.Before(e.StartOn) {
		p.add(FieldEndOn, "is before the start")
	}
	if e.HoursPerWeek < 0 || e.HoursPerWeek > 100 {
		p.add(FieldHoursPerWeek, "must be 0 to 100")
	}
	if !e.VerifiedBy.Valid() {
		p.add(FieldVerifiedBy, "choose pay stub, employer call or site visit")
	}
	if (e.VerifiedBy == VerifiedNot) != e.VerifiedOn.IsZero() {
		p.add(FieldVerifiedOn, "a verification needs both how and when")
	} else if !e.VerifiedOn.IsZero() && today.Before(e.VerifiedOn) {
		p.add(FieldVerifiedOn, "is in the future")
	}
	return p.err()
}

// Current reports whether the job goes on today.
func (e Employment) Current(today Date) bool {
	return !today.Before(e.StartOn) && (e.EndOn.IsZero() || !e.EndOn.Before(today))
}

// Arrest is a new arrest of the client, kept for ever.
type Arrest struct {
	ID        string
	ClientID  string
	At        time.Time
	Agency    string
	Charges   string
	CreatedAt time.Time
}

// Arrest field names used in validation errors.
const (
	FieldAgency  = "agency"
	FieldCharges = "charges"
)

// Validate checks an arrest as of now.
func (a Arrest) Validate(now time.Time) error {
	var p problems
	if a.ClientID == "" {
		p.add("client", "required")
	}
	if a.At.IsZero() {
		p.add(FieldAt, "required")
	} else if a.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	checkText(&p, FieldAgency, a.Agency, true, 200)
	checkText(&p, FieldCharges, a.Charges, false, 2000)
	return p.err()
}

// Custody is a time the client was held: booked in, and out when released.
// Once saved only the release may be added.
type Custody struct {
	ID        string
	ClientID  string
	In        time.Time
	Out       time.Time // zero while held
	Facility  string
	Reason    string
	CreatedAt time.Time
}

// Custody field names used in validation errors.
const (
	FieldIn       = "in"
	FieldOut      = "out"
	FieldFacility = "facility"
)

// Validate checks a custody as of now.
func (c Custody) Validate(now time.Time) error {
	var p problems
	if c.ClientID == "" {
		p.add("client", "required")
	}
	if c.In.IsZero() {
		p.add(FieldIn, "required")
	} else if c.In.After(now.Add(maxFuture)) {
		p.add(FieldIn, "is in the future")
	}
	if !c.Out.IsZero() && !c.Out.After(c.In) {
		p.add(FieldOut, "must be after the booking")
	}
	checkText(&p, FieldFacility, c.Facility, true, 200)
	checkText(&p, FieldReason, c.Reason, false, 2000)
	return p.err()
}
