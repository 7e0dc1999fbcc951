package model

// byClient is a list of records sorted out by client: for each client, where
// the client's records are in the list. The records are not copied until a
// client's are taken; a month of a large caseload holds tens of thousands.
type byClient[T any] struct {
	list []T
	at   map[string][]int32
}

func groupByClient[T any](list []T, client func(*T) string) byClient[T] {
	g := byClient[T]{list: list, at: map[string][]int32{}}
	for i := range list {
		id := client(&list[i])
		g.at[id] = append(g.at[id], int32(i))
	}
	return g
}

// take copies out a client's records, in the order of the list, or returns
// nil when the client has none.
func (g byClient[T]) take(id string) []T {
	at := g.at[id]
	if len(at) == 0 {
		return nil
	}
	out := make([]T, len(at))
	for i, j := range at {
		out[i] = g.list[j]
	}
	return out
}

// complianceByClient is ComplianceRecords sorted out by client.
type complianceByClient struct {
	conditions  byClient[ConditionActivity]
	courtEvents byClient[CourtEvent]
	violations  byClient[ViolationActivity]
	incentives  byClient[SummaryIncentive]
	employment  byClient[Employment]
}

func (r ComplianceRecords) byClient() complianceByClient {
	return complianceByClient{
		conditions:  groupByClient(r.Conditions, func(x *ConditionActivity) string { return x.Condition.ClientID }),
		courtEvents: groupByClient(r.CourtEvents, func(x *CourtEvent) string { return x.ClientID }),
		violations:  groupByClient(r.Violations, func(x *ViolationActivity) string { return x.Violation.ClientID }),
		incentives:  groupByClient(r.Incentives, func(x *SummaryIncentive) string { return x.Incentive.ClientID }),
		employment:  groupByClient(r.Employment, func(x *Employment) string { return x.ClientID }),
	}
}

// take copies out a client's records.
func (g complianceByClient) take(id string) ComplianceRecords {
	return ComplianceRecords{
		Conditions: g.conditions.take(id), CourtEvents: g.courtEvents.take(id), Violations: g.violations.take(id),
		Incentives: g.incentives.take(id), Employment: g.employment.take(id),
	}
}
