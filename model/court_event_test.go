package model

import (
	"testing"
	"time"
)

func TestCourtEventOutcomeOnlyAfterTheHearing(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	e := CourtEvent{ClientID: "c", Kind: CourtReview, At: now.AddDate(0, 0, 7), ReportDueOn: DateOf(now.AddDate(0, 0, 5))}
	if err := e.Validate(now); err != nil {
		t.Fatalf("coming hearing rejected: %v", err)
	}
	e.Outcome = CourtContinued
	if FieldErrors(e.Validate(now)).For(FieldCourtResult) == "" {
		t.Error("an outcome was taken for a hearing next week")
	}
	e.Outcome, e.ReportDueOn = "", DateOf(now.AddDate(0, 0, 9))
	if FieldErrors(e.Validate(now)).For(FieldReportDueOn) == "" {
		t.Error("a report due after the hearing was taken")
	}
	past := CourtEvent{ClientID: "c", Kind: CourtViolationHearing, At: now.AddDate(0, 0, -1), Outcome: CourtConditionsModified, OutcomeNote: "Curfew moved to 9pm"}
	if err := past.Validate(now); err != nil || !past.Outcome.ModifiesConditions() {
		t.Errorf("past hearing with outcome: %v, modifies=%v", err, past.Outcome.ModifiesConditions())
	}
}

func TestEmploymentVerificationNeedsHowAndWhen(t *testing.T) {
	today := Date{2026, 12, 3}
	e := Employment{ClientID: "c", Employer: "Acme Warehouse", StartOn: Date{2026, 6, 1}, HoursPerWeek: 40}
	if err := e.Validate(today); err != nil {
		t.Fatalf("unverified job rejected: %v", err)
	}
	e.VerifiedBy = VerifiedPayStub
	if FieldErrors(e.Validate(today)).For(FieldVerifiedOn) == "" {
		t.Error("a verification without a date was taken")
	}
	e.VerifiedOn = Date{2026, 11, 20}
	if err := e.Validate(today); err != nil || !e.Current(today) {
		t.Errorf("verified job: %v, current=%v", err, e.Current(today))
	}
	e.EndOn = Date{2026, 11, 30}
	if e.Current(today) {
		t.Error("a job that ended on 30 Nov is current on 3 Dec")
	}
	c := Custody{ClientID: "c", In: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Out: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Facility: "County jail"}
	if FieldErrors(c.Validate(time.Now())).For(FieldOut) == "" {
		t.Error("a release before the booking was taken")
	}
}
