package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// agendaFixture builds a small caseload around a frozen Tuesday, 10 March
// 2026, 10:30 in a zone six hours behind UTC, so that a local day and a UTC
// day differ. It returns the store, now, and names for the referrals.
func agendaFixture(t *testing.T) (*store.Store, time.Time, map[string]string) {
	zone := time.FixedZone("UTC-6", -6*3600)
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, zone)
	}
	day := func(month time.Month, d int) model.Date { return model.Date{Year: 2026, Month: month, Day: d} }
	now := time.Date(2026, 3, 10, 10, 30, 0, 0, zone)
	s, _ := openFrozen(t, now)
	none := time.Time{}

	ada := fixtureClient(t, s, "Ada Reporting", "A-1", model.LevelHigh, model.StatusActive)
	fixtureCheckIn(t, s, ada.ID, at(3, 3, 9), at(3, 10, 20)) // appointment tonight: 02:00 UTC tomorrow
	ben := fixtureClient(t, s, "Ben Overdue", "B-2", model.LevelHigh, model.StatusActive)
	fixtureCheckIn(t, s, ben.ID, at(2, 1, 10), none) // due 15 Feb
	cal := fixtureClient(t, s, "Cal Soon", "C-3", model.LevelModerate, model.StatusActive)
	fixtureCheckIn(t, s, cal.ID, at(2, 12, 9), none) // due 14 Mar
	dee := fixtureClient(t, s, "Dee Today", "D-4", model.LevelIntensive, model.StatusActive)
	fixtureCheckIn(t, s, dee.ID, at(3, 3, 11), none) // due today 11:00 by interval, not by appointment
	eve := fixtureClient(t, s, "Eve Later", "E-5", model.LevelLow, model.StatusActive)
	fixtureCheckIn(t, s, eve.ID, at(3, 1, 9), none) // due end of May
	fay := fixtureClient(t, s, "Fay Closed", "F-6", model.LevelHigh, model.StatusClosed)
	gus := fixtureClient(t, s, "Gus Edge", "G-7", model.LevelModerate, model.StatusActive)
	fixtureCheckIn(t, s, gus.ID, at(2, 15, 10), none) // due 17 Mar 10:00: a week from today, not within it
	hal := fixtureClient(t, s, "Hal Yesterday", "H-8", model.LevelHigh, model.StatusActive)
	fixtureCheckIn(t, s, hal.ID, at(3, 2, 9), at(3, 9, 16)) // missed yesterday's appointment

	res := fixtureResource(t, s, model.Resource{Name: "Harbor Recovery", Category: model.CategorySubstanceUse})
	sched := func(when, appt time.Time, follow model.Date) store.StatusChange {
		return store.StatusChange{To: model.ReferralScheduled, At: when, AppointmentAt: appt, FollowUpOn: follow, Note: "booked"}
	}
	refs := map[string]string{}
	refs["ben follow-up"] = fixtureReferral(t, s, ben.ID, res.ID, day(3, 1), day(3, 8)).ID
	refs["cal today"] = fixtureReferral(t, s, cal.ID, res.ID, day(3, 5), day(3, 12), sched(at(3, 6, 9), at(3, 10, 13), day(3, 20))).ID
	refs["dee soon"] = fixtureReferral(t, s, dee.ID, res.ID, day(3, 6), day(3, 13), sched(at(3, 7, 9), at(3, 12, 9), day(3, 19))).ID
	fixtureReferral(t, s, eve.ID, res.ID, day(2, 1), day(2, 8), sched(at(2, 2, 9), at(3, 18, 9), day(3, 25))) // a week after tomorrow: not yet
	fixtureReferral(t, s, ada.ID, res.ID, day(2, 1), day(2, 10), store.StatusChange{To: model.ReferralDeclined, At: at(2, 3, 9), Note: "declined"})
	refs["fay closed"] = fixtureReferral(t, s, fay.ID, res.ID, day(3, 1), day(3, 5)).ID // closing a case leaves its referrals open
	fixtureReferral(t, s, gus.ID, res.ID, day(3, 1), day(3, 10))                        // follow-up today is not overdue
	refs["hal both"] = fixtureReferral(t, s, hal.ID, res.ID, day(2, 20), day(2, 27), sched(at(3, 2, 9), at(3, 11, 8), day(3, 9))).ID
	return s, now, refs
}

// describe writes a section as "client[/referral]" lines for comparison.
func describe(sec model.AgendaSection, refs map[string]string) string {
	names := map[string]string{}
	for k, v := range refs {
		names[v] = k
	}
	var out []string
	for _, it := range sec.Items {
		line := it.ClientName + " " + it.CaseNumber
		if it.IsReferral() {
			line += " / " + names[it.ReferralID] + " at " + it.ResourceName
		}
		out = append(out, line)
	}
	return strings.Join(out, "; ")
}

func TestAgendaListsWhatNeedsDoingInOrder(t *testing.T) {
	s, now, refs := agendaFixture(t)
	ag, err := s.Agenda(context.Background(), now, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[model.AgendaKind]string{
		model.AgendaToday:          "Cal Soon C-3 / cal today at Harbor Recovery; Ada Reporting A-1",
		model.AgendaContactOverdue: "Ben Overdue B-2; Hal Yesterday H-8",
		model.AgendaContactDue:     "Dee Today D-4; Cal Soon C-3",
		model.AgendaFollowUpOverdue: "Fay Closed F-6 / fay closed at Harbor Recovery; Ben Overdue B-2 / ben follow-up at Harbor Recovery; " +
			"Hal Yesterday H-8 / hal both at Harbor Recovery",
		model.AgendaReferralSoon: "Hal Yesterday H-8 / hal both at Harbor Recovery; Dee Today D-4 / dee soon at Harbor Recovery",
	}
	if len(ag.Sections) != len(model.AgendaKinds()) {
		t.Fatalf("%d sections; want one per heading", len(ag.Sections))
	}
	for i, k := range model.AgendaKinds() {
		sec := ag.Sections[i]
		if sec.Kind != k.Value {
			t.Errorf("section %d is %s; want %s", i, sec.Kind, k.Value)
		}
		if got := describe(sec, refs); got != want[k.Value] {
			t.Errorf("%s:\n got  %s\n want %s", k.Label, got, want[k.Value])
		}
		if sec.Total != len(sec.Items) {
			t.Errorf("%s: total %d for %d items with no limit", k.Label, sec.Total, len(sec.Items))
		}
		for _, it := range sec.Items {
			if it.Kind != k.Value || it.ClientID == "" {
				t.Errorf("%s: item %+v lacks its kind or client", k.Label, it)
			}
		}
	}
	today := ag.Section(model.AgendaToday).Items
	if wantAt := time.Date(2026, 3, 11, 2, 0, 0, 0, time.UTC); len(today) == 2 && !today[1].At.Equal(wantAt) {
		t.Errorf("Ada reports at %v; want %v", today[1].At, wantAt)
	}
	if f := ag.Section(model.AgendaFollowUpOverdue).Items; len(f) > 1 && f[1].FollowUpOn.String() != "2026-03-08" {
		t.Errorf("Ben's follow-up is %v; want 2026-03-08", f[1].FollowUpOn)
	}
}

func TestAgendaLimitCutsEachSectionButCountsAll(t *testing.T) {
	s, now, _ := agendaFixture(t)
	all, err := s.Agenda(context.Background(), now, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{1, 2} {
		ag, err := s.Agenda(context.Background(), now, limit)
		if err != nil {
			t.Fatal(err)
		}
		for i, sec := range ag.Sections {
			whole := all.Sections[i]
			if sec.Total != whole.Total || len(sec.Items) != min(limit, whole.Total) {
				t.Errorf("limit %d, %s: %d items of %d; want %d of %d", limit, sec.Kind, len(sec.Items), sec.Total,
					min(limit, whole.Total), whole.Total)
				continue
			}
			for j := range sec.Items {
				if sec.Items[j] != whole.Items[j] {
					t.Errorf("limit %d, %s: item %d is %+v; want %+v", limit, sec.Kind, j, sec.Items[j], whole.Items[j])
				}
			}
		}
	}
}

func TestAgendaOfAnEmptyCaseloadHasEveryHeadingEmpty(t *testing.T) {
	s, _ := openFrozen(t, time.Now())
	ag, err := s.Agenda(context.Background(), time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(len(ag.Sections), ag.Section(model.AgendaToday).Total); got != "5 0" {
		t.Errorf("sections, items today = %s; want 5 0", got)
	}
}
