package demo

import (
	"context"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// The demo's conditions of supervision read like a real caseload: no order
// twice for one client, most clients in compliance, some behind on money,
// a few whose violations climb the ladder, hearings behind and ahead, and
// nobody active who is months overdue.
func TestDemoConditionsOfSupervisionAreRealistic(t *testing.T) {
	ctx := context.Background()
	s, _ := fill(t, 120, 1)
	today := model.DateOf(demoNow)
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{Sort: model.SortName, Now: demoNow})
	if err != nil || len(rows) != 120 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	ladder := model.DefaultResponseSettings().Sanctions
	var compliant, behindOnMoney, climbing, absconders, held int
	for _, r := range rows {
		conds, err := s.Conditions(ctx, r.ClientID, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(conds) < 2 {
			t.Errorf("%s has %d conditions", r.CaseNumber, len(conds))
		}
		seen := map[string]bool{}
		notCompliant := 0
		for _, c := range conds {
			if seen[c.Condition.Wording] {
				t.Errorf("%s has %q twice", r.CaseNumber, c.Condition.Wording)
			}
			seen[c.Condition.Wording] = true
			if c.Condition.Status == model.ConditionNotCompliant {
				notCompliant++
			}
			if c.Condition.Kind == model.ConditionPayment && c.Progress.Behind {
				behindOnMoney++
			}
		}
		if notCompliant == 0 {
			compliant++
		}
		violations, responses, err := s.Violations(ctx, r.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		// Violations come newest first: the ladder climbs when a later
		// response is a higher step than an earlier one.
		last := -1
		for i := len(violations) - 1; i >= 0; i-- {
			for _, resp := range responses[violations[i].ID] {
				step := stepIndex(ladder, resp.StepKey)
				if last >= 0 && step > last {
					climbing++
				}
				last = step
			}
		}
		switch r.Status {
		case model.StatusAbsconded:
			absconders++
			if !hasKind(violations, model.ViolationAbsconding) {
				t.Errorf("absconder %s has no absconding violation", r.CaseNumber)
			}
		case model.StatusInCustody:
			held++
			if !hasKind(violations, model.ViolationNewArrest) {
				t.Errorf("%s is in custody with no arrest violation", r.CaseNumber)
			}
		}
	}
	if compliant < 120*6/10 || compliant == 120 {
		t.Errorf("%d of 120 clients in compliance with every condition; want most, not all", compliant)
	}
	if behindOnMoney == 0 || climbing < 3 || absconders == 0 || held == 0 {
		t.Errorf("behind on payments %d, climbing responses %d, absconders %d, in custody %d", behindOnMoney, climbing, absconders, held)
	}

	ag, err := s.Agenda(ctx, demoNow, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range ag.Section(model.AgendaContactOverdue).Items {
		if days := demoNow.Sub(it.At).Hours() / 24; days > 30 {
			t.Errorf("%s is active and %.0f days overdue: such a client would be an absconder", it.CaseNumber, days)
		}
	}
	sections, err := s.ComplianceAgenda(ctx, demoNow, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range sections {
		if sec.Total == 0 {
			t.Errorf("the agenda has nothing under %q", sec.Kind.Label())
		}
	}
	var past, coming bool
	for _, r := range rows[:40] {
		page, err := s.ClientLog(ctx, model.LogQuery{ClientID: r.ClientID, Kind: model.LogCourt, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Entries {
			past = past || e.At.Before(demoNow) && e.CourtEvent.Outcome != model.CourtPending
			coming = coming || e.At.After(demoNow)
		}
	}
	if !past || !coming {
		t.Errorf("court events: past with an outcome %v, coming %v", past, coming)
	}
}

func hasKind(list []model.Violation, k model.ViolationKind) bool {
	for _, v := range list {
		if v.Kind == k {
			return true
		}
	}
	return false
}

// The settling of conditions, on one demo (a fill takes seconds under the
// race detector).
func TestDemoSettlesConditions(t *testing.T) {
	s, _ := fill(t, 120, 1)
	t.Run("NothingToday", func(t *testing.T) { recordsNothingToday(t, s) })
	t.Run("AfterTheirLastEntry", func(t *testing.T) { settlesAfterTheLastEntry(t, s) })
}

// The demo's history ends at the start of the day it is made, and nothing
// lies on that moment: a summary of "today" on a fresh demo is empty, as an
// officer's is before the day's first contact. The status changes that
// settle a condition (hours done, a fine paid, instalments missed) once all
// fell on it, a tenth of every condition changed in the first instant of
// today.
func recordsNothingToday(t *testing.T, s *store.Store) {
	rec, err := s.SummaryRecords(context.Background(), store.SummaryQuery{From: demoNow, To: demoNow.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	c := rec.Compliance
	if n := len(rec.CheckIns) + len(rec.StageNotes) + len(rec.Referrals) + len(rec.Screenings) + len(c.Conditions) +
		len(c.CourtEvents) + len(c.Violations) + len(c.Incentives) + len(c.Employment); n != 0 {
		t.Errorf("the demo's today holds records: %d check-ins, %d conditions changed or ordered, %d violations, %d hearings (%d in all)",
			len(rec.CheckIns), len(c.Conditions), len(c.Violations), len(c.CourtEvents), n)
	}
}

// A condition is settled (hours done, a fine paid, instalments missed) at a
// review after the entry that settled it, on a day of its own: completed
// after every other entry, and never many conditions at one moment, as
// when every settling fell at the end of the history (75 of this caseload's
// at one instant).
func settlesAfterTheLastEntry(t *testing.T, s *store.Store) {
	rec, err := s.SummaryRecords(context.Background(), store.SummaryQuery{From: demoNow.AddDate(-5, 0, 0), To: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	atOnce := map[time.Time]int{}
	completed := 0
	for _, cd := range rec.Compliance.Conditions {
		var last time.Time
		for _, e := range cd.Entries {
			if e.Kind != model.ProgressStatus && e.At.After(last) {
				last = e.At
			}
		}
		for _, e := range cd.Entries {
			if e.Kind != model.ProgressStatus {
				continue
			}
			atOnce[e.At.UTC()]++
			if e.Status == model.ConditionCompleted {
				completed++
				if !e.At.After(last) || !e.At.Before(demoNow) {
					t.Errorf("%q completed at %s, its last entry at %s, the history's end %s", cd.Condition.Wording, e.At, last, demoNow)
				}
			}
		}
	}
	if completed == 0 {
		t.Fatal("no condition of the demo was completed: nothing to check")
	}
	for at, n := range atOnce {
		if n > 10 {
			t.Errorf("%d conditions changed status at %s", n, at)
		}
	}
}
