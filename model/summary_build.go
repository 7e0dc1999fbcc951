package model

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// BuildSummary turns the loaded records into a summary: a section per client
// in name order, each client's records in time order, and the totals. With
// Redact, test results, substances, screenings and sensitive notes are
// dropped here, once, so that no format can show them by mistake; with
// Share, so is everything the clients' consents do not allow.
func BuildSummary(rec SummaryRecords, opt SummaryOptions) Summary {
	s := Summary{
		Officer: rec.Officer, From: rec.From, To: rec.To, ProducedAt: opt.ProducedAt,
		ClientID: opt.ClientID, CaseNumber: opt.CaseNumber, Redacted: opt.Redact,
	}
	checkins := map[string][]CheckIn{}
	for _, k := range rec.CheckIns {
		checkins[k.ClientID] = append(checkins[k.ClientID], k)
	}
	notes := map[string][]StageNote{}
	for _, n := range rec.StageNotes {
		notes[n.ClientID] = append(notes[n.ClientID], n)
	}
	// Overdue is judged at the end of the range, or now if the range runs
	// on past now: a day that is not over has made nobody overdue yet.
	judged := rec.To
	if !opt.ProducedAt.IsZero() && opt.ProducedAt.Before(judged) {
		judged = opt.ProducedAt
	}
	screenings := map[string][]Screening{}
	for _, sc := range rec.Screenings {
		screenings[sc.ClientID] = append(screenings[sc.ClientID], sc)
	}
	compliance := rec.Compliance.byClient()
	referrals := map[string][]ReferralActivity{}
	for _, r := range rec.Referrals {
		referrals[r.Referral.ClientID] = append(referrals[r.Referral.ClientID], r)
	}
	s.Clients = make([]ClientActivity, 0, len(rec.Clients))
	for _, sc := range rec.Clients {
		c := ClientActivity{
			ClientID: sc.Client.ID, Name: sc.Client.Name, PreferredName: sc.Client.PreferredName,
			CaseNumber: sc.Client.CaseNumber,
		}
		c.CheckIns = summaryCheckIns(checkins[sc.Client.ID], opt.Redact)
		c.FlagsRaised = flagsRaised(c.CheckIns)
		c.StageChanges = summaryStageChanges(sc.StageBefore, notes[sc.Client.ID], rec, opt.Redact)
		c.Referrals = summaryReferrals(referrals[sc.Client.ID], opt.Redact)
		summaryCompliance(&c, compliance[sc.Client.ID], rec.From, rec.To, opt.Redact)
		if !opt.Redact {
			c.Screenings = summaryScreenings(screenings[sc.Client.ID])
		}
		c.NextDue, c.HasDue = NextDue(sc.Due, rec.Intervals)
		c.ByAppointment = c.HasDue && !sc.Due.NextAppointment.IsZero() && c.NextDue.Equal(sc.Due.NextAppointment)
		c.Overdue = StateOf(c.NextDue, c.HasDue, judged) == DueOverdue
		s.Clients = append(s.Clients, c)
	}
	if opt.Share != nil {
		s.SharedWith, s.ConsentDay = opt.Share.Recipient, opt.Share.Day
		s.Clients = shareClients(s.Clients, *opt.Share, rec.Goals)
	}
	sortClients(s.Clients)
	s.Totals = summaryTotals(s)
	return s
}

// sortClients orders the sections by name ignoring case, then case number.
// The lower-cased names are made once, not at every comparison.
func sortClients(list []ClientActivity) {
	// Sorted by key, then moved once: a ClientActivity is a few hundred
	// bytes, and a sort that compares and swaps them copies each many times.
	type sortKey struct {
		name, caseNumber, id string
		at                   int
	}
	keys := make([]sortKey, len(list))
	for i, c := range list {
		keys[i] = sortKey{strings.ToLower(c.Name), c.CaseNumber, c.ClientID, i}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		return cmp.Or(strings.Compare(a.name, b.name), strings.Compare(a.caseNumber, b.caseNumber), strings.Compare(a.id, b.id))
	})
	sorted := make([]ClientActivity, len(list))
	for i, k := range keys {
		sorted[i] = list[k.at]
	}
	copy(list, sorted)
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
func summaryStageChanges(before, inRange []StageNote, rec SummaryRecords, redact bool) []SummaryStageChange {
	history := append(append([]StageNote(nil), before...), inRange...)
	var out []SummaryStageChange
	for _, ch := range StageChanges(history) {
		if ch.At.Before(rec.From) || !ch.At.Before(rec.To) {
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
