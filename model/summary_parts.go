package model

import "errors"

// BuildSummaryInParts builds the summary BuildSummary builds, a part of at
// most size clients at a time, so that a summary of a month of a large
// caseload never stands whole in memory beside its records: each part goes
// to part as a Summary with the header, only its clients (the next ones in
// the summary's order) and their totals, and is let go after. It returns the
// header with the totals of all the parts, and no clients.
//
// A summary for a recipient is built whole (BuildSummary): its header says
// what each client's consent lets go, and so depends on every client.
func BuildSummaryInParts(rec SummaryRecords, opt SummaryOptions, size int, part func(Summary) error) (Summary, error) {
	if opt.Share != nil {
		return Summary{}, errors.New("summary: a summary for a recipient is built whole")
	}
	size = max(size, 1)
	clients := rec.Clients
	rec.Clients = nil
	b := newSummaryBuilder(&rec, opt)
	whole := b.head
	sortSummaryClients(clients)
	for len(clients) > 0 {
		n := min(size, len(clients))
		s := b.head
		s.Clients = make([]ClientActivity, n)
		for i := range n {
			s.Clients[i] = b.client(clients[i])
		}
		clear(clients[:n])
		clients = clients[n:]
		s.Totals = summaryTotals(s)
		whole.Totals = whole.Totals.plus(s.Totals)
		if err := part(s); err != nil {
			return whole, err
		}
	}
	return whole, nil
}

// sortSummaryClients puts the clients in the order of their sections.
func sortSummaryClients(list []SummaryClient) {
	sortSections(list, func(c SummaryClient) sectionOrder { return orderOf(c.Client.Name, c.Client.CaseNumber, c.Client.ID) })
}

// plus adds the totals of another part of the same summary.
func (t SummaryTotals) plus(u SummaryTotals) SummaryTotals {
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
