package model

import (
	"strings"
	"time"
)

// CheckIn is one contact with or about a client. It is part of the legal
// record: once saved it is never changed, only amended.
type CheckIn struct {
	ID              string
	ClientID        string
	At              time.Time
	Type            ContactType
	Outcome         Outcome
	Location        string
	Test            TestResult
	Substances      []string
	Stage           Stage // observed stage; "" when none was recorded
	Flags           []RiskFlag
	Note            string
	Sensitive       bool // the note or test holds substance-use information (42 CFR Part 2)
	NextAppointment time.Time
	CreatedAt       time.Time
}

// Check-in field names used in validation errors.
const (
	FieldAt              = "at"
	FieldType            = "type"
	FieldOutcome         = "outcome"
	FieldLocation        = "location"
	FieldTest            = "test"
	FieldSubstances      = "substances"
	FieldStage           = "stage"
	FieldFlags           = "flags"
	FieldNote            = "note"
	FieldNextAppointment = "next_appointment"
)

// maxFuture bounds how far ahead a contact may be dated: a typo of a year, not
// a clock a few minutes fast.
const maxFuture = 24 * time.Hour

// Validate checks the check-in as of now.
func (c CheckIn) Validate(now time.Time) error {
	var p problems
	if c.ClientID == "" {
		p.add("client", "required")
	}
	if c.At.IsZero() {
		p.add(FieldAt, "required")
	} else if c.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future; log a contact after it happens")
	}
	if !c.Type.Valid() {
		p.add(FieldType, "choose office, home, field, phone, video or collateral")
	}
	if !c.Outcome.Valid() {
		p.add(FieldOutcome, "choose completed, attempted, no-show or rescheduled")
	}
	checkText(&p, FieldLocation, c.Location, false, 500)
	if !c.Test.Valid() {
		p.add(FieldTest, "choose a test result")
	}
	if c.Test.NamesSubstances() && len(c.Substances) == 0 {
		p.add(FieldSubstances, "name the substances for a "+strings.ToLower(c.Test.Label())+" result")
	}
	if !c.Test.NamesSubstances() && len(c.Substances) > 0 {
		p.add(FieldSubstances, "substances go with a positive result or admitted use")
	}
	if c.Stage != "" && !c.Stage.Valid() {
		p.add(FieldStage, "choose a stage of change")
	}
	for _, f := range c.Flags {
		if !f.Valid() {
			p.add(FieldFlags, "unknown risk flag "+string(f))
			break
		}
	}
	checkText(&p, FieldNote, c.Note, false, maxNote)
	if !c.NextAppointment.IsZero() && !c.At.IsZero() && !c.NextAppointment.After(c.At) {
		p.add(FieldNextAppointment, "must be after the contact")
	}
	return p.err()
}

// HoldsSubstanceUse reports whether the check-in carries information protected
// under 42 CFR Part 2: a test result other than "not tested", or a note marked
// sensitive.
func (c CheckIn) HoldsSubstanceUse() bool { return c.Test.Tested() || c.Sensitive }
