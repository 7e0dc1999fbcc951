package model

import (
	"sort"
	"strings"
	"time"
)

// ShareScope makes a summary for a recipient: each client's share policy,
// judged on one day, decides whether the client is in it at all and which
// kinds of information go.
type ShareScope struct {
	Recipient string // the recipient's name, for the header
	// Day is the day the consents were judged on: the day the summary is
	// produced, since sharing it is what the consent must allow.
	Day Date
	// Policies holds each client's policy by client id; a client without
	// one, or whose policy allows nothing, is left out of the summary.
	Policies map[string]SharePolicy
}

// SummaryScreening is a brief screening taken in the range, as a summary
// shows it: the instrument, the total and the published score band it falls
// in. The answers stay in the record; the readiness ruler, which has no
// total, shows its three rulers.
type SummaryScreening struct {
	ID         string
	At         time.Time
	Instrument Instrument
	Totalled   bool
	Total      int
	Band       string // the band's wording, e.g. "score band 5–9: mild"; "" when none
	Rulers     []int  // importance, confidence, readiness: only when not totalled
	// SubstanceUse marks a screening about drinking (AUDIT-C): protected
	// substance-use information that calls for the Part 2 notice.
	SubstanceUse bool
	// AskAboutSafety is PHQ-9 item 9 answered above zero: the officer was
	// told to ask about safety then and there. Like a risk flag it is for
	// the officer's own record and never goes to a recipient.
	AskAboutSafety bool
	Note           string // what the officer wrote with it; only with notes
}

// summaryScreenings orders a client's screenings by time and scores them.
func summaryScreenings(list []Screening) []SummaryScreening {
	sorted := append([]Screening(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].At.Equal(sorted[j].At) {
			return sorted[i].ID < sorted[j].ID
		}
		return sorted[i].At.Before(sorted[j].At)
	})
	var out []SummaryScreening
	for _, sc := range sorted {
		r := sc.Result()
		s := SummaryScreening{ID: sc.ID, At: sc.At, Instrument: sc.Instrument, Totalled: r.Totalled, Total: r.Total,
			SubstanceUse: sc.Instrument == InstrumentAUDITC, AskAboutSafety: r.AskAboutSafetyNow, Note: sc.Note}
		if r.Band != nil {
			s.Band = r.Band.String()
		}
		if !r.Totalled {
			s.Rulers = r.Items
		}
		out = append(out, s)
	}
	return out
}

// Shows reports whether the client's section may hold information of kind:
// always in the officer's own summary, else when the consent allows it.
// Plan goals are only ever in a summary for a recipient.
func (c ClientActivity) Shows(kind ShareKind) bool {
	if c.Shares == nil {
		return kind != SharePlanGoals
	}
	for _, k := range c.Shares {
		if k == kind {
			return true
		}
	}
	return false
}

// Shows reports whether any client's section may hold information of kind,
// so that the totals leave out a line no consent allows.
func (s Summary) Shows(kind ShareKind) bool {
	if s.SharedWith == "" {
		return kind != SharePlanGoals
	}
	for _, c := range s.Clients {
		if c.Shows(kind) {
			return true
		}
	}
	return false
}

// shareClients keeps the clients whose consent allows something and, for
// each, only what it allows.
func shareClients(list []ClientActivity, scope ShareScope, goals []Goal) []ClientActivity {
	byClient := map[string][]Goal{}
	for _, g := range goals {
		byClient[g.ClientID] = append(byClient[g.ClientID], g)
	}
	out := make([]ClientActivity, 0, len(list))
	for _, c := range list {
		p := scope.Policies[c.ClientID]
		if p.None() {
			continue
		}
		// A client with nothing left that the consent allows is left out:
		// their name alone would tell the recipient they were seen.
		if shared := shareClient(c, p, byClient[c.ClientID]); shared.records() > 0 {
			out = append(out, shared)
		}
	}
	return out
}

// records counts a client's records in the summary: check-ins, stage
// changes, screenings, goals and each referral change.
func (c ClientActivity) records() int {
	n := len(c.CheckIns) + len(c.StageChanges) + len(c.Screenings) + len(c.Goals) + c.complianceRecords()
	for _, r := range c.Referrals {
		n += len(r.Changes)
	}
	return n
}

// shareClient cuts a client's section down to what the policy allows:
//   - attendance: the check-ins' time, type, outcome, place and next
//     appointment, and when the next contact is due;
//   - test results: tests and substances;
//   - notes: the officer's notes on check-ins, stage changes and referral
//     changes; a note marked sensitive (substance use) goes only when test
//     results may go too;
//   - stage of change: stage changes, the stage seen at a check-in, and
//     screenings;
//   - treatment progress: referrals and their status;
//   - plan goals: the goals and their steps.
//
// Risk flags belong to no kind, so they never go. A check-in with nothing
// left to show is dropped.
func shareClient(c ClientActivity, p SharePolicy, goals []Goal) ClientActivity {
	c.Shares, c.Consents = p.Kinds(), p.Consents()
	notes, tests := p.Allows(ShareNotes), p.Allows(ShareTestResults)
	var checkIns []CheckIn
	for _, k := range c.CheckIns {
		if k, ok := shareCheckIn(k, p); ok {
			checkIns = append(checkIns, k)
		}
	}
	c.CheckIns, c.FlagsRaised = checkIns, nil
	if p.Allows(ShareStageOfChange) {
		c.Screenings = append([]SummaryScreening(nil), c.Screenings...)
		for i := range c.Screenings {
			c.Screenings[i].AskAboutSafety = false
			if !notes {
				c.Screenings[i].Note = ""
			}
		}
		for i := range c.StageChanges {
			ch := &c.StageChanges[i]
			if !notes || ch.Sensitive && !tests {
				ch.Note, ch.Sensitive = "", false
			}
		}
	} else {
		c.StageChanges, c.Screenings = nil, nil
	}
	if p.Allows(ShareTreatmentProgress) {
		if !notes {
			c.Referrals = withoutReferralNotes(c.Referrals)
		}
		if !tests {
			c.Referrals = withoutSensitiveReferralText(c.Referrals)
		}
	} else {
		c.Referrals = nil
	}
	shareCompliance(&c, p)
	if p.Allows(SharePlanGoals) {
		c.Goals = sortGoals(goals)
	}
	if !p.Allows(ShareAttendance) {
		c.NextDue, c.HasDue, c.ByAppointment, c.Overdue = time.Time{}, false, false, false
	}
	return c
}

// shareCheckIn keeps what the policy allows of a check-in, and says whether
// anything is left.
func shareCheckIn(k CheckIn, p SharePolicy) (CheckIn, bool) {
	attendance := p.Allows(ShareAttendance)
	if !attendance {
		k.Type, k.Outcome, k.Location, k.NextAppointment = "", "", "", time.Time{}
	}
	if !p.Allows(ShareTestResults) {
		k.Test, k.Substances = "", nil
	}
	if !p.Allows(ShareNotes) || k.Sensitive && !p.Allows(ShareTestResults) {
		k.Note = ""
	}
	if !p.Allows(ShareStageOfChange) {
		k.Stage = ""
	}
	k.Flags = nil
	k.Sensitive = k.Sensitive && (k.Note != "" || k.Test.Tested())
	return k, attendance || k.Note != "" || k.Test.Tested() || k.Stage != ""
}

// withoutSensitiveReferralText blanks a reason or note marked sensitive:
// like a check-in's, it goes only where test results may go.
func withoutSensitiveReferralText(list []SummaryReferral) []SummaryReferral {
	out := make([]SummaryReferral, len(list))
	for i, r := range list {
		if r.ReasonSensitive {
			r.Reason, r.ReasonSensitive = "", false
		}
		r.Changes = append([]ReferralEvent(nil), r.Changes...)
		for j := range r.Changes {
			if r.Changes[j].Sensitive {
				r.Changes[j].Note, r.Changes[j].Sensitive = "", false
			}
		}
		out[i] = r
	}
	return out
}

func withoutReferralNotes(list []SummaryReferral) []SummaryReferral {
	out := make([]SummaryReferral, len(list))
	for i, r := range list {
		r.Changes = append([]ReferralEvent(nil), r.Changes...)
		for j := range r.Changes {
			r.Changes[j].Note = ""
		}
		out[i] = r
	}
	return out
}

// sortGoals orders goals open first, then by domain and the client's words,
// as the plan tab reads.
func sortGoals(list []Goal) []Goal {
	out := append([]Goal(nil), list...)
	rank := func(g Goal) int {
		for i, o := range goalStatuses {
			if o.Value == g.Status {
				return i
			}
		}
		return len(goalStatuses)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if a.Domain != b.Domain {
			return a.Domain < b.Domain
		}
		if wa, wb := strings.ToLower(a.Words), strings.ToLower(b.Words); wa != wb {
			return wa < wb
		}
		return a.ID < b.ID
	})
	return out
}
