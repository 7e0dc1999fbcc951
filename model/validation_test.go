package model

import (
	"strings"
	"testing"
	"time"
)

func validClient() Client {
	return Client{Name: "Ann Lee", CaseNumber: "CR-1", SupervisionType: SupervisionProbation, Level: LevelHigh, Status: StatusActive}
}

func TestClientValidateNamesEachBadField(t *testing.T) {
	today := Date{2026, 11, 23}
	if err := validClient().Validate(today); err != nil {
		t.Fatalf("valid client refused: %v", err)
	}
	tests := []struct {
		field  string
		mutate func(*Client)
	}{
		{FieldName, func(c *Client) { c.Name = "  " }},
		{FieldCaseNumber, func(c *Client) { c.CaseNumber = "" }},
		{FieldCaseNumber, func(c *Client) { c.CaseNumber = "A\nB" }},
		{FieldDateOfBirth, func(c *Client) { c.DateOfBirth = Date{2027, 1, 1} }},
		{FieldDateOfBirth, func(c *Client) { c.DateOfBirth = Date{1880, 1, 1} }},
		{FieldSupervisionType, func(c *Client) { c.SupervisionType = "house arrest" }},
		{FieldLevel, func(c *Client) { c.Level = "" }},
		{FieldSupervisionTo, func(c *Client) { c.SupervisionFrom, c.SupervisionTo = Date{2026, 5, 1}, Date{2026, 4, 1} }},
		{FieldStatus, func(c *Client) { c.Status = "gone" }},
		{FieldTags, func(c *Client) { c.Tags = []string{"ok", " "} }},
		{FieldName, func(c *Client) { c.Name = strings.Repeat("x", 201) }},
	}
	for _, tt := range tests {
		c := validClient()
		tt.mutate(&c)
		err := c.Validate(today)
		if msg := FieldErrors(err).For(tt.field); msg == "" {
			t.Errorf("%s: no error for field %s (got %v)", tt.field, tt.field, err)
		}
	}
}

func TestValidationReportsEveryProblemAtOnce(t *testing.T) {
	err := Client{}.Validate(Date{2026, 11, 23})
	v := FieldErrors(err)
	if v == nil || len(v.Fields) < 5 {
		t.Fatalf("want all missing fields reported together, got %v", err)
	}
}

func TestCheckInValidate(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	ok := CheckIn{ClientID: "c", At: now.Add(-time.Hour), Type: ContactHome, Outcome: OutcomeCompleted, Test: TestNegative}
	if err := ok.Validate(now); err != nil {
		t.Fatalf("valid check-in refused: %v", err)
	}
	tests := []struct {
		field  string
		mutate func(*CheckIn)
	}{
		{FieldAt, func(c *CheckIn) { c.At = time.Time{} }},
		{FieldAt, func(c *CheckIn) { c.At = now.AddDate(0, 0, 3) }},
		{FieldType, func(c *CheckIn) { c.Type = "" }},
		{FieldOutcome, func(c *CheckIn) { c.Outcome = "fine" }},
		{FieldTest, func(c *CheckIn) { c.Test = "" }},
		{FieldSubstances, func(c *CheckIn) { c.Test = TestPositive }},
		{FieldSubstances, func(c *CheckIn) { c.Substances = []string{"alcohol"} }},
		{FieldStage, func(c *CheckIn) { c.Stage = "denial" }},
		{FieldFlags, func(c *CheckIn) { c.Flags = []RiskFlag{"bored"} }},
		{FieldNextAppointment, func(c *CheckIn) { c.NextAppointment = c.At.Add(-time.Minute) }},
		{FieldNote, func(c *CheckIn) { c.Note = strings.Repeat("n", maxNote+1) }},
	}
	for _, tt := range tests {
		c := ok
		tt.mutate(&c)
		if FieldErrors(c.Validate(now)).For(tt.field) == "" {
			t.Errorf("no error for %s after %+v", tt.field, c)
		}
	}
}

func TestHoldsSubstanceUse(t *testing.T) {
	if (CheckIn{Test: TestNotTested}).HoldsSubstanceUse() {
		t.Error("an untested check-in holds no substance-use information")
	}
	if !(CheckIn{Test: TestNegative}).HoldsSubstanceUse() || !(CheckIn{Test: TestNotTested, Sensitive: true}).HoldsSubstanceUse() {
		t.Error("a test result or a sensitive note is substance-use information")
	}
}

func TestDateRoundTrip(t *testing.T) {
	d, err := ParseDate("2026-02-28")
	if err != nil || d.String() != "2026-02-28" || d.AddDays(1).String() != "2026-03-01" {
		t.Errorf("ParseDate/AddDays: %v %v", d, err)
	}
	if _, err := ParseDate("28/02/2026"); err == nil {
		t.Error("ParseDate accepted a non-ISO date")
	}
	if (Date{2026, 3, 1}).DaysUntil(Date{2026, 2, 28}) != -1 {
		t.Error("DaysUntil backwards")
	}
}
