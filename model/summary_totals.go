package model

// Plus adds the totals of another part of the same summary: the totals of
// a summary built a part at a time.
func (t SummaryTotals) Plus(u SummaryTotals) SummaryTotals {
	t.Clients += u.Clients
	t.Contacts += u.Contacts
	t.ContactsByType = addCounts(contactTypes, t.ContactsByType, u.ContactsByType)
	t.ContactsByOutcome = addCounts(outcomes, t.ContactsByOutcome, u.ContactsByOutcome)
	t.Tests += u.Tests
	t.TestsByResult = addCounts(testResults, t.TestsByResult, u.TestsByResult)
	t.StageChanges += u.StageChanges
	t.Referrals += u.Referrals
	t.ReferralsByStatus = addCounts(referralStatuses, t.ReferralsByStatus, u.ReferralsByStatus)
	t.ClientsOverdue += u.ClientsOverdue
	t.Screenings += u.Screenings
	t.Conditions += u.Conditions
	t.ConditionsNotCompliant += u.ConditionsNotCompliant
	t.CourtEvents += u.CourtEvents
	t.Violations += u.Violations
	t.Responses += u.Responses
	t.Incentives += u.Incentives
	t.Jobs += u.Jobs
	return t
}

// addCounts adds two lists of counts, in the enumeration's order (counts).
func addCounts[T ~string](opts []Option[T], a, b []Count[T]) []Count[T] {
	n := map[T]int{}
	for _, c := range a {
		n[c.Value] += c.N
	}
	for _, c := range b {
		n[c.Value] += c.N
	}
	return counts(opts, n)
}
