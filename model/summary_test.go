package model

import (
	"testing"
	"time"
)

var zone = time.FixedZone("EST", -5*3600)

func day(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, zone) }

// summaryFixture is one day (10 November) with two clients seen.
func summaryFixture() SummaryRecords {
	ana := ClientHeading{ID: "c1", Name: "ana Diaz", CaseNumber: "CR-2"}
	ben := ClientHeading{ID: "c2", Name: "Ben Abbott", CaseNumber: "CR-1"}
	return SummaryRecords{
		Officer: "Officer Kim", From: day(10, 0, 0), To: day(11, 0, 0), Intervals: DefaultIntervals(),
		Clients: []SummaryClient{
			{Client: ana, Due: DueInput{Status: StatusActive, Level: LevelHigh, LastCompleted: day(10, 15, 0), NextAppointment: day(17, 9, 0)},
				StageBefore: []StageNote{{ID: "n0", ClientID: "c1", At: day(2, 9, 0), Stage: StageContemplation}}},
			{Client: ben, Due: DueInput{Status: StatusActive, Level: LevelIntensive, LastCompleted: day(1, 9, 0)}},
		},
		CheckIns: []CheckIn{
			{ID: "k2", ClientID: "c1", At: day(10, 15, 0), Type: ContactOffice, Outcome: OutcomeCompleted, Test: TestPositive,
				Substances: []string{"alcohol"}, Stage: StageAction, Note: "used at a party", Sensitive: true, Flags: []RiskFlag{FlagCraving}},
			{ID: "k1", ClientID: "c1", At: day(10, 9, 0), Type: ContactPhone, Outcome: OutcomeNoShow, Test: TestNotTested, Note: "no answer"},
			{ID: "k3", ClientID: "c2", At: day(10, 11, 0), Type: ContactHome, Outcome: OutcomeAttempted, Test: TestNotTested,
				Flags: []RiskFlag{FlagHousingLost, FlagTrigger}},
		},
		StageNotes: []StageNote{
			{ID: "n1", ClientID: "c1", CheckInID: "k2", At: day(10, 15, 0), Stage: StageAction},
			{ID: "n2", ClientID: "c2", At: day(10, 12, 0), Stage: StageRecurrence, Note: "talked about relapse", Sensitive: true},
		},
		Referrals: []ReferralActivity{{
			Referral: Referral{ID: "r1", ClientID: "c1", Reason: "treatment"}, ResourceName: "Riverside",
			Events: []ReferralEvent{
				{ID: "e2", At: day(10, 16, 0), From: ReferralReferred, To: ReferralScheduled},
				{ID: "e1", At: day(10, 10, 0), To: ReferralReferred},
			},
		}},
	}
}

func TestSummaryOrdersClientsByNameThenRecordsByTime(t *testing.T) {
	s := BuildSummary(summaryFixture(), SummaryOptions{ProducedAt: day(11, 8, 0)})
	if len(s.Clients) != 2 || s.Clients[0].Name != "ana Diaz" || s.Clients[1].Name != "Ben Abbott" {
		t.Fatalf("clients not in name order ignoring case: %+v", s.Clients)
	}
	if got := s.Clients[0].CheckIns; got[0].ID != "k1" || got[1].ID != "k2" {
		t.Errorf("check-ins not in time order: %s, %s", got[0].ID, got[1].ID)
	}
	r := s.Clients[0].Referrals[0]
	if r.Changes[0].ID != "e1" || !r.Made || r.Status != ReferralScheduled {
		t.Errorf("referral = %+v, want made in range, changes oldest first, status scheduled", r)
	}
}

func TestStageChangeSaysTheStageBeforeTheRange(t *testing.T) {
	s := BuildSummary(summaryFixture(), SummaryOptions{})
	ana := s.Clients[0].StageChanges
	if len(ana) != 1 || ana[0].From != StageContemplation || ana[0].To != StageAction || ana[0].Back {
		t.Errorf("ana's stage changes = %+v, want contemplation → action, the stage before the range", ana)
	}
	ben := s.Clients[1].StageChanges
	if len(ben) != 1 || ben[0].From != "" || ben[0].To != StageRecurrence || ben[0].Note != "talked about relapse" {
		t.Errorf("ben's stage changes = %+v, want a first stage of recurrence with its note", ben)
	}
}

func TestStageChangeBeforeTheRangeIsNotReported(t *testing.T) {
	rec := summaryFixture()
	rec.StageNotes = nil
	s := BuildSummary(rec, SummaryOptions{})
	if n := len(s.Clients[0].StageChanges); n != 0 {
		t.Errorf("%d stage changes reported from before the range", n)
	}
}

func TestSummaryTotals(t *testing.T) {
	tot := BuildSummary(summaryFixture(), SummaryOptions{}).Totals
	want := SummaryTotals{
		Clients: 2, Contacts: 3,
		// Counts follow the enumeration order, not the order records came in.
		ContactsByType:    []Count[ContactType]{{ContactOffice, 1}, {ContactHome, 1}, {ContactPhone, 1}},
		ContactsByOutcome: []Count[Outcome]{{OutcomeCompleted, 1}, {OutcomeAttempted, 1}, {OutcomeNoShow, 1}},
		Tests:             1, TestsByResult: []Count[TestResult]{{TestPositive, 1}},
		StageChanges: 2, Referrals: 1, ReferralsByStatus: []Count[ReferralStatus]{{ReferralScheduled, 1}},
		ClientsOverdue: 1,
	}
	if !equalTotals(tot, want) {
		t.Errorf("totals = %+v\nwant     %+v", tot, want)
	}
}

func equalTotals(a, b SummaryTotals) bool {
	return a.Clients == b.Clients && a.Contacts == b.Contacts && a.Tests == b.Tests && a.StageChanges == b.StageChanges &&
		a.Referrals == b.Referrals && a.ClientsOverdue == b.ClientsOverdue &&
		equalCounts(a.ContactsByType, b.ContactsByType) && equalCounts(a.ContactsByOutcome, b.ContactsByOutcome) &&
		equalCounts(a.TestsByResult, b.TestsByResult) && equalCounts(a.ReferralsByStatus, b.ReferralsByStatus)
}

func equalCounts[T ~string](a, b []Count[T]) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOverdueIsJudgedAtTheEndOfTheRange(t *testing.T) {
	s := BuildSummary(summaryFixture(), SummaryOptions{})
	ana, ben := s.Clients[0], s.Clients[1]
	if ana.Overdue || !ana.ByAppointment || !ana.NextDue.Equal(day(17, 9, 0)) {
		t.Errorf("ana: due %v by appointment %v overdue %v; want the appointment of the 17th, not overdue", ana.NextDue, ana.ByAppointment, ana.Overdue)
	}
	if !ben.Overdue || !ben.NextDue.Equal(day(8, 9, 0)) {
		t.Errorf("ben: due %v overdue %v; want due on the 8th (last contact + 7 days), overdue", ben.NextDue, ben.Overdue)
	}
	if got := ben.FlagsRaised; len(got) != 2 || got[0] != FlagTrigger || got[1] != FlagHousingLost {
		t.Errorf("flags raised = %v, want trigger, housing lost in list order", got)
	}
}

func TestRedactionLeavesOutTestsSubstancesAndSensitiveNotes(t *testing.T) {
	s := BuildSummary(summaryFixture(), SummaryOptions{Redact: true})
	for _, c := range s.Clients {
		for _, k := range c.CheckIns {
			if k.Test != "" || len(k.Substances) > 0 || k.Sensitive {
				t.Errorf("check-in %s keeps test %q substances %v sensitive %v", k.ID, k.Test, k.Substances, k.Sensitive)
			}
			if k.ID == "k2" && k.Note != "" {
				t.Errorf("sensitive note kept: %q", k.Note)
			}
			if k.ID == "k1" && k.Note != "no answer" {
				t.Errorf("a note not marked sensitive was dropped")
			}
		}
		for _, ch := range c.StageChanges {
			if ch.Note != "" {
				t.Errorf("sensitive stage note kept: %q", ch.Note)
			}
		}
	}
	if s.Totals.Tests != 0 || len(s.Totals.TestsByResult) != 0 {
		t.Errorf("redacted totals still count tests: %+v", s.Totals)
	}
	if !s.Redacted {
		t.Error("summary does not say it is redacted")
	}
}

func TestNoticeIsDueExactlyWhenTheSummaryHoldsSubstanceUse(t *testing.T) {
	plain := func(rec *SummaryRecords) {
		for i := range rec.CheckIns {
			rec.CheckIns[i].Test, rec.CheckIns[i].Substances, rec.CheckIns[i].Sensitive = TestNotTested, nil, false
		}
		for i := range rec.StageNotes {
			rec.StageNotes[i].Sensitive = false
		}
	}
	cases := []struct {
		name   string
		change func(*SummaryRecords)
		redact bool
		want   bool
	}{
		{"a positive test", func(*SummaryRecords) {}, false, true},
		{"nothing protected", plain, false, false},
		{"a negative test", func(r *SummaryRecords) { plain(r); r.CheckIns[2].Test = TestNegative }, false, true},
		{"a refused test", func(r *SummaryRecords) { plain(r); r.CheckIns[2].Test = TestRefused }, false, true},
		{"a check-in note marked sensitive", func(r *SummaryRecords) { plain(r); r.CheckIns[1].Sensitive = true }, false, true},
		{"a stage note marked sensitive", func(r *SummaryRecords) { plain(r); r.StageNotes[1].Sensitive = true }, false, true},
		{"everything protected, redacted", func(*SummaryRecords) {}, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := summaryFixture()
			c.change(&rec)
			if got := BuildSummary(rec, SummaryOptions{Redact: c.redact}).HoldsSubstanceUse(); got != c.want {
				t.Errorf("HoldsSubstanceUse = %v, want %v", got, c.want)
			}
		})
	}
}

func TestRecordsCountsCheckInsStageChangesAndReferralChanges(t *testing.T) {
	if got := BuildSummary(summaryFixture(), SummaryOptions{}).Records(); got != 3+2+2 {
		t.Errorf("Records = %d, want 7", got)
	}
}

func TestOverdueIsJudgedNowWhenTheRangeRunsPastNow(t *testing.T) {
	rec := summaryFixture()
	// Ben was due on the 8th; a summary of the 7th, made during the 7th with
	// a range to the end of the 8th, must not call him overdue.
	rec.From, rec.To = day(7, 0, 0), day(9, 0, 0)
	s := BuildSummary(rec, SummaryOptions{ProducedAt: day(7, 12, 0)})
	if s.Clients[1].Overdue {
		t.Error("overdue judged at the end of a range that has not come yet")
	}
	if s = BuildSummary(rec, SummaryOptions{ProducedAt: day(9, 12, 0)}); !s.Clients[1].Overdue {
		t.Error("not overdue at the end of the range, once it has passed")
	}
}
