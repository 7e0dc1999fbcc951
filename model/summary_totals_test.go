package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestTotalsOfPartsAddUp builds the fixture's summary a client at a time:
// the parts' totals add up to the whole's, redacted or not.
func TestTotalsOfPartsAddUp(t *testing.T) {
	for _, redact := range []bool{false, true} {
		opt := SummaryOptions{ProducedAt: day(11, 9, 0), Redact: redact}
		whole := BuildSummary(summaryFixture(), opt)
		if len(whole.Clients) < 2 || whole.Totals.Contacts == 0 {
			t.Fatalf("the fixture's summary has %d clients and %d contacts: too little to split", len(whole.Clients), whole.Totals.Contacts)
		}
		var sum SummaryTotals
		for _, c := range whole.Clients {
			part := BuildSummary(onlyClient(summaryFixture(), c.ClientID), opt)
			sum = sum.Plus(part.Totals)
		}
		if !reflect.DeepEqual(sum, whole.Totals) {
			t.Errorf("redact %v: the parts add up to\n%+v\nwant\n%+v", redact, sum, whole.Totals)
		}
	}
}

// onlyClient keeps one client's records.
func onlyClient(rec SummaryRecords, id string) SummaryRecords {
	keep := func(of string) bool { return of == id }
	rec.Clients = slices.DeleteFunc(rec.Clients, func(c SummaryClient) bool { return !keep(c.Client.ID) })
	rec.CheckIns = slices.DeleteFunc(rec.CheckIns, func(k CheckIn) bool { return !keep(k.ClientID) })
	rec.StageNotes = slices.DeleteFunc(rec.StageNotes, func(n StageNote) bool { return !keep(n.ClientID) })
	rec.Screenings = slices.DeleteFunc(rec.Screenings, func(s Screening) bool { return !keep(s.ClientID) })
	rec.Referrals = slices.DeleteFunc(rec.Referrals, func(r ReferralActivity) bool { return !keep(r.Referral.ClientID) })
	cr := &rec.Compliance
	cr.Conditions = slices.DeleteFunc(cr.Conditions, func(c ConditionActivity) bool { return !keep(c.Condition.ClientID) })
	cr.CourtEvents = slices.DeleteFunc(cr.CourtEvents, func(e CourtEvent) bool { return !keep(e.ClientID) })
	cr.Violations = slices.DeleteFunc(cr.Violations, func(v ViolationActivity) bool { return !keep(v.Violation.ClientID) })
	cr.Incentives = slices.DeleteFunc(cr.Incentives, func(x SummaryIncentive) bool { return !keep(x.Incentive.ClientID) })
	cr.Employment = slices.DeleteFunc(cr.Employment, func(x Employment) bool { return !keep(x.ClientID) })
	return rec
}

// TestSortSectionsPutsEachItemInItsPlace checks the sort of the sections
// against a plain sort of a copy, over lists whose names differ only in case, repeat
// with other case numbers, or are already in order.
func TestSortSectionsPutsEachItemInItsPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"ann", "Ann", "ANN", "bob", "Émile", "émile", "zoë", ""}
	byOrder := func(a, b ClientActivity) int { return SectionOrderOf(a).Compare(SectionOrderOf(b)) }
	for n := range 60 {
		list := make([]ClientActivity, n)
		for i := range list {
			list[i] = ClientActivity{ClientID: fmt.Sprintf("c%03d", i), Name: names[r.IntN(len(names))], CaseNumber: fmt.Sprint("CR-", r.IntN(3))}
		}
		if n%5 == 0 {
			slices.SortFunc(list, byOrder)
		}
		want := slices.Clone(list)
		slices.SortFunc(want, byOrder)
		sortClients(list)
		if !reflect.DeepEqual(list, want) {
			t.Fatalf("%d items: got %v, want %v", n, list, want)
		}
	}
}
