package summary

import (
	"context"
	"errors"

	"caseload/model"
	"caseload/store"
)

// buildComplianceFixture adds the conditions of supervision on the 10th:
// Maria's substance-use treatment condition, a session on it and the
// violation her positive test led to (all Part 2 information); Bob's
// community service hours, a restitution payment, a curfew violation
// answered with a warning, praise, a job verified, and a referral whose
// reason and note are marked sensitive; Chen's review hearing and a new
// arrest nobody has answered yet.
func buildComplianceFixture(ctx context.Context, st *store.Store, maria, bob, chen string) error {
	ordered := model.DateOf(day(1, 9, 0).AddDate(0, -2, 0))
	var errs []error
	must := func(err error) { errs = append(errs, err) }
	cond := func(c model.Condition) {
		c.OrderedOn, c.Status = ordered, model.ConditionInProgress
		_, err := st.AddCondition(ctx, c)
		must(err)
	}
	progress := func(e model.ProgressEntry) {
		_, err := st.AddProgress(ctx, e)
		must(err)
	}
	cond(model.Condition{ID: "01900000-0000-7000-8000-0000000000d1", ClientID: maria, Kind: model.ConditionSUTreatment,
		Wording: "Complete outpatient substance-use treatment at Riverside Recovery", Target: 12})
	progress(model.ProgressEntry{ID: "01900000-0000-7000-8000-0000000000e1", ConditionID: "01900000-0000-7000-8000-0000000000d1",
		Kind: model.ProgressAttended, At: day(10, 18, 0), Where: "Riverside Recovery", Note: "Group on relapse triggers"})
	_, err := st.RecordViolation(ctx, model.Violation{ID: "01900000-0000-7000-8000-0000000000f5", ClientID: maria,
		Kind: model.ViolationTest, At: day(10, 9, 15), Seriousness: model.SeriousnessMedium, Sensitive: true,
		CheckInID: "01900000-0000-7000-8000-0000000000a2", Description: "Positive for cocaine at the office visit"},
		&model.Response{ID: "01900000-0000-7000-8000-0000000000f6", StepKey: "treatment_referral", At: day(10, 9, 40),
			Note: "Referred back to the outpatient group"})
	must(err)
	_, err = st.AddIncentive(ctx, model.Incentive{ID: "01900000-0000-7000-8000-0000000000fa", ClientID: maria, StepKey: "certificate",
		ConditionID: "01900000-0000-7000-8000-0000000000d1", At: day(10, 18, 30), Reason: "Eight weeks of treatment without a missed session"})
	must(err)

	cond(model.Condition{ID: "01900000-0000-7000-8000-0000000000d2", ClientID: bob, Kind: model.ConditionCommunityWork,
		Wording: "Complete 40 hours of community service", Target: 40 * 60, DueBy: model.DateOf(day(30, 0, 0)).AddDays(60)})
	progress(model.ProgressEntry{ID: "01900000-0000-7000-8000-0000000000e2", ConditionID: "01900000-0000-7000-8000-0000000000d2",
		Kind: model.ProgressHours, Amount: 120, At: day(10, 14, 0), Where: "Eastside food bank"})
	cond(model.Condition{ID: "01900000-0000-7000-8000-0000000000d3", ClientID: bob, Kind: model.ConditionPayment,
		Wording: "Pay restitution of $1,250.00 at $100 a month", Target: 125000, Instalment: 10000,
		FirstInstalmentOn: model.DateOf(day(15, 0, 0)).AddDays(-61)})
	progress(model.ProgressEntry{ID: "01900000-0000-7000-8000-0000000000e3", ConditionID: "01900000-0000-7000-8000-0000000000d3",
		Kind: model.ProgressPayment, Amount: 5000, At: day(10, 11, 35), Receipt: "R-2207"})
	_, err = st.RecordViolation(ctx, model.Violation{ID: "01900000-0000-7000-8000-0000000000f1", ClientID: bob,
		Kind: model.ViolationCurfew, At: day(10, 7, 0), Seriousness: model.SeriousnessLow,
		Description: "Home 40 minutes after curfew on the 9th"},
		&model.Response{ID: "01900000-0000-7000-8000-0000000000f2", StepKey: "verbal_warning", Suggested: "verbal_warning",
			At: day(10, 11, 40), Note: "Talked it through at the office"})
	must(err)
	_, err = st.AddIncentive(ctx, model.Incentive{ID: "01900000-0000-7000-8000-0000000000f3", ClientID: bob, StepKey: "praise",
		At: day(10, 11, 45), Reason: "Kept every appointment this month"})
	must(err)
	_, err = st.AddEmployment(ctx, model.Employment{ID: "01900000-0000-7000-8000-0000000000f9", ClientID: bob, Employer: "Acme Warehouse", Position: "Picker",
		StartOn: model.DateOf(day(2, 0, 0)), HoursPerWeek: 32, VerifiedBy: model.VerifiedPayStub, VerifiedOn: model.DateOf(day(10, 0, 0))})
	must(err)
	jobs, err := st.CreateResource(ctx, model.Resource{ID: "01900000-0000-7000-8000-0000000000f4", Name: "Northside Jobs Center",
		Category: model.CategoryEmployment, CreatedAt: day(1, 9, 0)})
	must(err)
	ref, err := st.CreateReferral(ctx, model.Referral{ID: "01900000-0000-7000-8000-0000000000b2", ClientID: bob, ResourceID: jobs.ID,
		Reason: "Job training; drinking cost him his last job", Sensitive: true, ReferredOn: model.DateOf(day(10, 0, 0))}, "")
	must(err)
	_, err = st.ChangeReferralStatus(ctx, ref.ID, store.StatusChange{To: model.ReferralScheduled, At: day(10, 16, 0),
		FollowUpOn: model.DateOf(day(17, 0, 0)), Note: "Counsellor there knows his AA sponsor", Sensitive: true})
	must(err)

	_, err = st.AddCourtEvent(ctx, model.CourtEvent{ID: "01900000-0000-7000-8000-0000000000f8", ClientID: chen, Kind: model.CourtReview, At: day(10, 9, 0),
		Court: "District Court", Courtroom: "4B", Judge: "Hon. R. Alvarez", OfficerAttends: true,
		ReportDueOn: model.DateOf(day(6, 0, 0)), Outcome: model.CourtContinued, OutcomeNote: "Review again in 60 days"})
	must(err)
	_, err = st.RecordViolation(ctx, model.Violation{ID: "01900000-0000-7000-8000-0000000000f7", ClientID: chen,
		Kind: model.ViolationNewArrest, At: day(10, 20, 0), Seriousness: model.SeriousnessHigh,
		Description: "Arrested for trespass downtown"}, nil)
	must(err)
	return errors.Join(errs...)
}
