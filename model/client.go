package model

import (
	"strings"
	"time"
)

// Client is a person under supervision.
type Client struct {
	ID              string
	Name            string
	PreferredName   string
	CaseNumber      string
	DateOfBirth     Date
	Phone           string
	Address         string
	SupervisionType SupervisionType
	Level           Level
	SupervisionFrom Date
	SupervisionTo   Date
	Conditions      string
	Status          ClientStatus
	Tags            []string
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Field names used in validation errors, shared with the forms.
const (
	FieldName            = "name"
	FieldPreferredName   = "preferred_name"
	FieldCaseNumber      = "case_number"
	FieldDateOfBirth     = "date_of_birth"
	FieldPhone           = "phone"
	FieldAddress         = "address"
	FieldSupervisionType = "supervision_type"
	FieldLevel           = "level"
	FieldSupervisionFrom = "supervision_from"
	FieldSupervisionTo   = "supervision_to"
	FieldConditions      = "conditions"
	FieldStatus          = "status"
	FieldTags            = "tags"
)

// DisplayName is the name to show: the preferred name in front when one is set.
func (c Client) DisplayName() string {
	if c.PreferredName != "" && c.PreferredName != c.Name {
		return c.Name + " (" + c.PreferredName + ")"
	}
	return c.Name
}

// Validate checks the client; today bounds the date of birth.
func (c Client) Validate(today Date) error {
	var p problems
	checkText(&p, FieldName, c.Name, true, 200)
	checkText(&p, FieldPreferredName, c.PreferredName, false, 200)
	checkText(&p, FieldCaseNumber, c.CaseNumber, true, 64)
	if strings.ContainsAny(c.CaseNumber, "\r\n\t") {
		p.add(FieldCaseNumber, "must be on one line")
	}
	if !c.DateOfBirth.IsZero() {
		if !c.DateOfBirth.Before(today) {
			p.add(FieldDateOfBirth, "must be in the past")
		} else if c.DateOfBirth.Year < today.Year-120 {
			p.add(FieldDateOfBirth, "more than 120 years ago")
		}
	}
	checkText(&p, FieldPhone, c.Phone, false, 64)
	checkText(&p, FieldAddress, c.Address, false, 500)
	if !c.SupervisionType.Valid() {
		p.add(FieldSupervisionType, "choose probation, parole, pretrial or diversion")
	}
	if !c.Level.Valid() {
		p.add(FieldLevel, "choose low, moderate, high or intensive")
	}
	if !c.SupervisionFrom.IsZero() && !c.SupervisionTo.IsZero() && c.SupervisionTo.Before(c.SupervisionFrom) {
		p.add(FieldSupervisionTo, "ends before it starts")
	}
	checkText(&p, FieldConditions, c.Conditions, false, maxNote)
	if !c.Status.Valid() {
		p.add(FieldStatus, "choose active, closed, absconded or in custody")
	}
	for _, t := range c.Tags {
		if strings.TrimSpace(t) == "" || strings.ContainsAny(t, ",\r\n") || len(t) > 64 {
			p.add(FieldTags, "tags are short words separated by commas")
			break
		}
	}
	return p.err()
}

// ParseTags splits "a, b,c" into trimmed, de-duplicated tags.
func ParseTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}
