package model

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"
)

// BuildSummary turns the loaded records into a summary: a section per client
// in name order, each client's records in time order, and the totals. With
// Redact, test results, substances, screenings and sensitive notes are
// dropped here, once, so that no format can show them by mistake; with
// Share, so is everything the clients' consents do not allow.
func BuildSummary(rec SummaryRecords, opt SummaryOptions) Summary {
	b := newSummaryBuilder(&rec, opt)
	s := b.head
	s.Clients = make([]ClientActivity, 0, len(rec.Clients))
	for _, sc := range rec.Clients {
		s.Clients = append(s.Clients, b.client(sc))
	}
	if opt.Share != nil {
		s.SharedWith, s.ConsentDay = opt.Share.Recipient, opt.Share.Day
		goals := rec.Goals
		if opt.Redact {
			goals = withoutSubstanceUseGoals(goals)
		}
		s.Clients = shareClients(s.Clients, *opt.Share, goals)
	}
	sortClients(s.Clients)
	s.Totals = summaryTotals(s)
	return s
}

// withoutSubstanceUseGoals leaves out the goals a redacted summary must not
// hold.
func withoutSubstanceUseGoals(list []Goal) []Goal {
	var out []Goal
	for _, g := range list {
		if !g.SubstanceUse() {
			out = append(out, g)
		}
	}
	return out
}

// summaryBuilder holds the records of a summary by client, and makes each
// client's section from them.
type summaryBuilder struct {
	head       Summary // the header: who, what range, when made, redacted
	from, to   time.Time
	intervals  Intervals
	redact     bool
	judged     time.Time // when overdue is judged
	checkins   byClient[CheckIn]
	notes      byClient[StageNote]
	screenings byClient[Screening]
	referrals  byClient[ReferralActivity]
	compliance complianceByClient
}

// newSummaryBuilder sorts the records out by client, without copying them.
func newSummaryBuilder(rec *SummaryRecords, opt SummaryOptions) *summaryBuilder {
	b := &summaryBuilder{
		head: Summary{
			Officer: rec.Officer, From: rec.From, To: rec.To, ProducedAt: opt.ProducedAt,
			ClientID: opt.ClientID, CaseNumber: opt.CaseNumber, Redacted: opt.Redact,
		},
		from: rec.From, to: rec.To, intervals: rec.Intervals, redact: opt.Redact,
		checkins:   groupByClient(rec.CheckIns, func(k *CheckIn) string { return k.ClientID }),
		notes:      groupByClient(rec.StageNotes, func(n *StageNote) string { return n.ClientID }),
		screenings: groupByClient(rec.Screenings, func(s *Screening) string { return s.ClientID }),
		referrals:  groupByClient(rec.Referrals, func(r *ReferralActivity) string { return r.Referral.ClientID }),
		compliance: rec.Compliance.byClient(),
	}
	// Overdue is judged at the end of the range, or now if the range runs
	// on past now: a day that is not over has made nobody overdue yet.
	b.judged = rec.To
	if !opt.ProducedAt.IsZero() && opt.ProducedAt.Before(b.judged) {
		b.judged = opt.ProducedAt
	}
	return b
}

// client makes a client's section.
func (b *summaryBuilder) client(sc SummaryClient) ClientActivity {
	id := sc.Client.ID
	c := ClientActivity{
		ClientID: id, Name: sc.Client.Name, PreferredName: sc.Client.PreferredName,
		CaseNumber: sc.Client.CaseNumber,
	}
	c.CheckIns = summaryCheckIns(b.checkins.take(id), b.redact)
	c.FlagsRaised = flagsRaised(c.CheckIns)
	c.StageChanges = summaryStageChanges(sc.StageBefore, b.notes.take(id), b.from, b.to, b.redact)
	c.Referrals = summaryReferrals(b.referrals.take(id), b.redact)
	summaryCompliance(&c, b.compliance.take(id), b.from, b.to, b.redact)
	if !b.redact {
		c.Screenings = summaryScreenings(b.screenings.take(id))
	}
	c.NextDue, c.HasDue = NextDue(sc.Due, b.intervals)
	c.ByAppointment = c.HasDue && !sc.Due.NextAppointment.IsZero() && c.NextDue.Equal(sc.Due.NextAppointment)
	c.Overdue = StateOf(c.NextDue, c.HasDue, b.judged) == DueOverdue
	return c
}

// sortClients orders the sections by name ignoring case, then case number.
// The keys (with the lower-cased names) are made once, not at every
// comparison, and sorted; then each section is moved once: a ClientActivity
// is a few hundred bytes, and a sort that compares and swaps them copies
// each many times.
func sortClients(list []ClientActivity) {
	type sortKey struct {
		order SectionOrder
		at    int
	}
	keys := make([]sortKey, len(list))
	for i, c := range list {
		keys[i] = sortKey{SectionOrderOf(c), i}
	}
	slices.SortFunc(keys, func(a, b sortKey) int { return a.order.Compare(b.order) })
	sorted := make([]ClientActivity, len(list))
	for i, k := range keys {
		sorted[i] = list[k.at]
	}
	copy(list, sorted)
}

// SectionOrder is where a client's section goes in a summary: by name
// ignoring case, then case number, then id. Compare two with Compare.
type SectionOrder struct {
	name, caseNumber, id string
}

// SectionOrderOf is the place of a client's section.
func SectionOrderOf(c ClientActivity) SectionOrder {
	return SectionOrder{strings.ToLower(c.Name), c.CaseNumber, c.ClientID}
}

// Compare orders two sections: negative when a goes first.
func (a SectionOrder) Compare(b SectionOrder) int {
	return cmp.Or(strings.Compare(a.name, b.name), strings.Compare(a.caseNumber, b.caseNumber), strings.Compare(a.id, b.id))
}

// summaryCheckIns orders a client's check-ins by time and redacts them, in
// place: the list is BuildSummary's own grouping, not the caller's records.
func summaryCheckIns(out []CheckIn, redact bool) []CheckIn {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].At.Equal(out[j].At) {
			return out[i].ID < out[j].ID
		}
		return out[i].At.Before(out[j].At)
	})
	if redact {
		for i := range out {
			out[i] = redactCheckIn(out[i])
		}
	}
	return out
}

// redactCheckIn leaves out the test result, the substances and a sensitive
// note. Nothing marks what was left out: a mark on one client's record would
// itself hint at substance use.
func redactCheckIn(k CheckIn) CheckIn {
	k.Test, k.Substances = "", nil
	if k.Sensitive {
		k.Note = ""
	}
	k.Sensitive = false
	return k
}

func flagsRaised(list []CheckIn) []RiskFlag {
	seen := map[RiskFlag]bool{}
	for _, k := range list {
		for _, f := range k.Flags {
			seen[f] = true
		}
	}
	var out []RiskFlag
	for _, o := range riskFlags {
		if seen[o.Value] {
			out = append(out, o.Value)
		}
	}
	return out
}

// summaryStageChanges runs the stage-change rule over the last note before
// the range and the notes in it, so the first change in the range says what
// the stage was before.
func summaryStageChanges(before, inRange []StageNote, from, to time.Time, redact bool) []SummaryStageChange {
	history := append(append([]StageNote(nil), before...), inRange...)
	var out []SummaryStageChange
	for _, ch := range StageChanges(history) {
		if ch.At.Before(from) || !ch.At.Before(to) {
			continue
		}
		sc := SummaryStageChange{StageChange: ch}
		// The note that made the change: the first recorded at that instant
		// with that stage, as StageChanges orders them.
		noteID := ""
		for _, n := range inRange {
			if n.At.Equal(ch.At) && n.Stage == ch.To && (noteID == "" || n.ID < noteID) {
				noteID, sc.Note, sc.Sensitive = n.ID, n.Note, n.Sensitive
			}
		}
		if redact {
			if sc.Sensitive {
				sc.Note = ""
			}
			sc.Sensitive = false
		}
		out = append(out, sc)
	}
	return out
}

// summaryReferrals orders a client's referrals and their changes. With
// redact, a referral to a substance-use resource is left out whole (its
// resource's name alone says what it is for), and a reason or note marked
// sensitive is blanked.
func summaryReferrals(list []ReferralActivity, redact bool) []SummaryReferral {
	var out []SummaryReferral
	for _, ra := range list {
		events := append([]ReferralEvent(nil), ra.Events...)
		if len(events) == 0 {
			continue
		}
		su := SubstanceUseCategory(ra.Category)
		if redact && su {
			continue
		}
		sort.SliceStable(events, func(i, j int) bool {
			if events[i].At.Equal(events[j].At) {
				return events[i].ID < events[j].ID
			}
			return events[i].At.Before(events[j].At)
		})
		r := SummaryReferral{
			ReferralID: ra.Referral.ID, Resource: ra.ResourceName, Reason: ra.Referral.Reason,
			Status: events[len(events)-1].To, Changes: events, SubstanceUse: su, ReasonSensitive: ra.Referral.Sensitive,
		}
		if redact {
			if r.ReasonSensitive {
				r.Reason = ""
			}
			r.ReasonSensitive = false
			for i := range r.Changes {
				if r.Changes[i].Sensitive {
					r.Changes[i].Note = ""
				}
				r.Changes[i].Sensitive = false
			}
		}
		for _, e := range events {
			if e.From == "" {
				r.Made = true
			}
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Changes[0], out[j].Changes[0]
		if a.At.Equal(b.At) {
			return out[i].ReferralID < out[j].ReferralID
		}
		return a.At.Before(b.At)
	})
	return out
}

func summaryTotals(s Summary) SummaryTotals {
	var t SummaryTotals
	byType := map[ContactType]int{}
	byOutcome := map[Outcome]int{}
	byTest := map[TestResult]int{}
	byStatus := map[ReferralStatus]int{}
	for _, c := range s.Clients {
		t.Clients++
		if c.Overdue && c.Shows(ShareAttendance) {
			t.ClientsOverdue++
		}
		t.StageChanges += len(c.StageChanges)
		t.Screenings += len(c.Screenings)
		for _, k := range c.CheckIns {
			if k.Test.Tested() {
				t.Tests++
				byTest[k.Test]++
			}
			if k.Type == "" {
				// A check-in shown without its attendance (the consent
				// does not share it) is no contact in the totals.
				continue
			}
			t.Contacts++
			byType[k.Type]++
			byOutcome[k.Outcome]++
		}
		for _, r := range c.Referrals {
			t.Referrals++
			byStatus[r.Status]++
		}
		t.Conditions += len(c.Conditions)
		for _, cd := range c.Conditions {
			if cd.Condition.Status == ConditionNotCompliant {
				t.ConditionsNotCompliant++
			}
		}
		t.CourtEvents += len(c.CourtEvents)
		t.Violations += len(c.Violations)
		for _, v := range c.Violations {
			t.Responses += len(v.Responses)
		}
		t.Incentives += len(c.Incentives)
		t.Jobs += len(c.Employment)
	}
	t.ContactsByType = counts(contactTypes, byType)
	t.ContactsByOutcome = counts(outcomes, byOutcome)
	t.TestsByResult = counts(testResults, byTest)
	t.ReferralsByStatus = counts(referralStatuses, byStatus)
	return t
}

// counts lists the non-zero counts in the enumeration's order.
func counts[T ~string](opts []Option[T], n map[T]int) []Count[T] {
	var out []Count[T]
	for _, o := range opts {
		if n[o.Value] > 0 {
			out = append(out, Count[T]{o.Value, n[o.Value]})
		}
	}
	return out
}
