package model

import (
	"sort"
	"time"
)

// ComplianceRecords are the records of the conditions of supervision a
// summary is built from, as the store loads them for the range.
type ComplianceRecords struct {
	// Conditions are those ordered in the range or with progress in it,
	// each with its entries up to the end of the range (the totals are as
	// of then); Entries in range are picked by time.
	Conditions []ConditionActivity
	// CourtEvents are the hearings dated in the range.
	CourtEvents []CourtEvent
	// Violations are those dated in the range or answered in it, each with
	// its responses up to the end of the range.
	Violations []ViolationActivity
	// Incentives are those given in the range.
	Incentives []SummaryIncentive
	// Employment holds the jobs started, ended or verified in the range.
	Employment []Employment
}

// ConditionActivity is a condition and its progress up to the end of the
// range.
//
// The entries before the range may come already counted: Prior is their
// tally, and Condition is as they left it (each applied in order). A long
// history then costs a summary two numbers rather than every entry.
// Entries holds the rest, those in the range at least.
type ConditionActivity struct {
	Condition Condition
	Prior     ProgressTally
	Entries   []ProgressEntry
}

// ViolationActivity is a violation with its responses, and the kind and
// wording of the condition it is linked to ("" when none).
type ViolationActivity struct {
	Violation        Violation
	ConditionKind    ConditionKind
	ConditionWording string
	Responses        []Response
}

// SummaryCondition is a condition in a summary: where it stood at the end
// of the range and what was recorded on it in the range.
type SummaryCondition struct {
	Condition Condition
	Progress  Progress
	Entries   []ProgressEntry // in the range, in time order
}

// SummaryIncentive is an incentive with the kind of the condition it
// rewards progress on ("" when none): progress on a substance-use
// condition is substance-use information.
type SummaryIncentive struct {
	Incentive     Incentive
	ConditionKind ConditionKind
}

// SummaryViolation is a violation in a summary with its responses.
type SummaryViolation struct {
	Violation        Violation
	ConditionKind    ConditionKind
	ConditionWording string
	Responses        []Response
}

// summaryCompliance fills a client's conditions, court events, violations,
// incentives and jobs from the records; with redact, every one the Part 2
// rule names is left out whole.
func summaryCompliance(c *ClientActivity, rec ComplianceRecords, from, to time.Time, redact bool) {
	end := DateOf(to.Add(-time.Nanosecond))
	for _, ca := range rec.Conditions {
		if redact && ca.Condition.Kind.SubstanceUse() {
			continue
		}
		sc := SummaryCondition{Condition: ca.Condition}
		var upTo []ProgressEntry
		for _, e := range ca.Entries {
			if !e.At.Before(to) {
				continue
			}
			upTo = append(upTo, e)
			if !e.At.Before(from) {
				sc.Entries = append(sc.Entries, e)
			}
		}
		sortByTime(sc.Entries, func(e ProgressEntry) (time.Time, string) { return e.At, e.ID })
		// The status as of the end of the range: the last status change up
		// to then, or as ordered. The entries come in any order (an entry
		// dated back comes later in the file): they are applied in time
		// order, as the ones before the range were.
		sortByTime(upTo, func(e ProgressEntry) (time.Time, string) { return e.At, e.ID })
		tally := ca.Prior
		for _, e := range upTo {
			sc.Condition = sc.Condition.Apply(e)
			tally.Add(e)
		}
		sc.Progress = ProgressWith(sc.Condition, tally.Done, tally.Missed, end)
		c.Conditions = append(c.Conditions, sc)
	}
	sort.SliceStable(c.Conditions, func(i, j int) bool {
		a, b := c.Conditions[i].Condition, c.Conditions[j].Condition
		if a.OrderedOn != b.OrderedOn {
			return a.OrderedOn.Before(b.OrderedOn)
		}
		return a.ID < b.ID
	})
	c.CourtEvents = append([]CourtEvent(nil), rec.CourtEvents...)
	sortByTime(c.CourtEvents, func(e CourtEvent) (time.Time, string) { return e.At, e.ID })
	for _, va := range rec.Violations {
		if redact && va.Violation.SubstanceUse(va.ConditionKind) {
			continue
		}
		sv := SummaryViolation{Violation: va.Violation, ConditionKind: va.ConditionKind, ConditionWording: va.ConditionWording}
		for _, r := range va.Responses {
			if r.At.Before(to) {
				sv.Responses = append(sv.Responses, r)
			}
		}
		sortByTime(sv.Responses, func(r Response) (time.Time, string) { return r.At, r.ID })
		c.Violations = append(c.Violations, sv)
	}
	sort.SliceStable(c.Violations, func(i, j int) bool {
		a, b := c.Violations[i].Violation, c.Violations[j].Violation
		if a.At.Equal(b.At) {
			return a.ID < b.ID
		}
		return a.At.Before(b.At)
	})
	for _, i := range rec.Incentives {
		if !(redact && i.ConditionKind.SubstanceUse()) {
			c.Incentives = append(c.Incentives, i)
		}
	}
	sortByTime(c.Incentives, func(i SummaryIncentive) (time.Time, string) { return i.Incentive.At, i.Incentive.ID })
	c.Employment = append([]Employment(nil), rec.Employment...)
	sort.SliceStable(c.Employment, func(i, j int) bool {
		a, b := c.Employment[i], c.Employment[j]
		if a.StartOn != b.StartOn {
			return a.StartOn.Before(b.StartOn)
		}
		return a.ID < b.ID
	})
}

func sortByTime[T any](list []T, key func(T) (time.Time, string)) {
	sort.SliceStable(list, func(i, j int) bool {
		ai, aid := key(list[i])
		bi, bid := key(list[j])
		if ai.Equal(bi) {
			return aid < bid
		}
		return ai.Before(bi)
	})
}

// complianceRecords counts a client's records of the conditions of
// supervision in the summary.
func (c ClientActivity) complianceRecords() int {
	n := len(c.CourtEvents) + len(c.Incentives) + len(c.Employment)
	for _, sc := range c.Conditions {
		n += max(1, len(sc.Entries))
	}
	for _, v := range c.Violations {
		n += 1 + len(v.Responses)
	}
	return n
}

// shareCompliance cuts a client's conditions, violations, incentives, jobs
// and court events to what the policy allows: compliance with conditions
// shares the first four (a substance-use condition or violation only when
// test results may go too, as Part 2 information); court events share the
// hearings. Free-text notes on them go only with notes.
func shareCompliance(c *ClientActivity, p SharePolicy) {
	if !p.Allows(ShareCourtEvents) {
		c.CourtEvents = nil
	}
	if !p.Allows(ShareCompliance) {
		c.Conditions, c.Violations, c.Incentives, c.Employment = nil, nil, nil, nil
		return
	}
	notes, tests := p.Allows(ShareNotes), p.Allows(ShareTestResults)
	var conds []SummaryCondition
	for _, sc := range c.Conditions {
		if sc.Condition.Kind.SubstanceUse() && !tests {
			continue
		}
		if !notes {
			sc.Entries = append([]ProgressEntry(nil), sc.Entries...)
			for i := range sc.Entries {
				sc.Entries[i].Note = ""
			}
		}
		conds = append(conds, sc)
	}
	c.Conditions = conds
	var vs []SummaryViolation
	for _, v := range c.Violations {
		if v.Violation.SubstanceUse(v.ConditionKind) && !tests {
			continue
		}
		if !notes {
			v.Violation.Description = ""
			v.Responses = append([]Response(nil), v.Responses...)
			for i := range v.Responses {
				v.Responses[i].Note = ""
			}
		}
		vs = append(vs, v)
	}
	c.Violations = vs
	var inc []SummaryIncentive
	for _, i := range c.Incentives {
		if i.ConditionKind.SubstanceUse() && !tests {
			continue
		}
		if !notes {
			i.Incentive.Reason = ""
		}
		inc = append(inc, i)
	}
	c.Incentives = inc
}
