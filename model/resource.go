package model

import (
	"strings"
	"time"
)

// Resource is an organisation or program in the community that clients can be
// referred to.
type Resource struct {
	ID          string
	HSDSID      string // the Open Referral id it was imported from, if any
	Name        string
	Category    ResourceCategory
	Tags        []string // original taxonomy terms and free tags
	Description string
	Phone       string
	Email       string
	Website     string
	Address     string
	Hours       string
	Eligibility string
	Languages   string
	Notes       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Resource field names used in validation errors.
const (
	FieldCategory    = "category"
	FieldEmail       = "email"
	FieldDescription = "description"
)

// Validate checks a resource.
func (r Resource) Validate() error {
	var p problems
	checkText(&p, FieldName, r.Name, true, 300)
	if !r.Category.Valid() {
		p.add(FieldCategory, "choose a category")
	}
	if r.Email != "" && (!strings.Contains(r.Email, "@") || strings.ContainsAny(r.Email, " \r\n")) {
		p.add(FieldEmail, "not an email address")
	}
	checkText(&p, FieldDescription, r.Description, false, maxNote)
	checkText(&p, FieldNotes, r.Notes, false, maxNote)
	return p.err()
}

// FieldNotes names a resource's notes in validation errors.
const FieldNotes = "notes"
