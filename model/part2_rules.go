package model

// The 42 CFR Part 2 rule, in one place: which records and fields are
// substance-use disorder information. A summary that holds any carries the
// redisclosure notice; a redacted summary leaves all of them out.
//
//   - a check-in's test result and substances, and its note when marked
//     sensitive (CheckIn.HoldsSubstanceUse);
//   - a stage note marked sensitive;
//   - every screening taken with AUDIT-C (a redacted summary leaves out all
//     screenings);
//   - a referral to a resource in a substance-use category, with its reason
//     and every status change and note (ReferralIsSubstanceUse); any other
//     referral's reason or change note when marked sensitive;
//   - a substance testing or treatment condition and its progress
//     (ConditionKind.SubstanceUse);
//   - a violation for a test or on a substance-use condition, or marked
//     sensitive, and the responses to it (Violation.SubstanceUse);
//   - an incentive for progress on a substance-use condition;
//   - a plan goal in the substance-use domain (Goal.SubstanceUse), its
//     words and its steps.

// SubstanceUseCategory reports whether a referral to a resource of this
// category discloses substance use: treatment, residential treatment (the
// live-in programmes are for addiction) and peer support (recovery groups).
// It errs towards leaving out: a peer group for something else says
// nothing the officer needs to send.
func SubstanceUseCategory(c ResourceCategory) bool {
	return c == CategorySubstanceUse || c == CategoryResidential || c == CategoryPeerSupport
}

// SubstanceUse reports whether a condition of this kind is substance-use
// information: testing and substance-use treatment. Its wording and all of
// its progress are then protected.
func (v ConditionKind) SubstanceUse() bool { return v == ConditionTesting || v == ConditionSUTreatment }

// SubstanceUse reports whether a plan goal is substance-use information:
// one in the substance-use domain, whose words and steps are about the
// client's use or treatment.
func (g Goal) SubstanceUse() bool { return g.Domain == DomainSubstanceUse }

// SubstanceUse reports whether a violation is substance-use information: a
// test violation, one on a substance-use condition (conditionKind is the
// kind of the condition it is linked to, "" when none), or one marked
// sensitive.
func (v Violation) SubstanceUse(conditionKind ConditionKind) bool {
	return v.Kind == ViolationTest || v.Sensitive || conditionKind.SubstanceUse()
}
