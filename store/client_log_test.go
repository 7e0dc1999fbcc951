package store_test

import (
	"context"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// logFixture writes a client with one or more records of every kind the
// log shows, an hour apart, and returns the client's id and the kinds in
// the order written (oldest first).
func logFixture(t *testing.T, s *store.Store) (string, []model.LogKind) {
	t.Helper()
	ctx := context.Background()
	cl := newClient("L-1")
	cl.SupervisionFrom = model.DateOf(testNow.AddDate(0, -2, 0))
	c, err := s.CreateClient(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	base := testNow.AddDate(0, 0, -30)
	at := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	var kinds []model.LogKind
	must := func(kind model.LogKind, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		kinds = append(kinds, kind)
	}
	cd, err := s.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionCommunityWork, Wording: "Complete 40 hours community service",
		OrderedOn: model.DateOf(testNow.AddDate(0, -2, 0)), Target: 2400})
	must(model.LogCondition, err)
	_, err = s.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: at(1), Type: model.ContactOffice, Outcome: model.OutcomeCompleted, Test: model.TestNegative})
	must(model.LogContact, err)
	_, err = s.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: at(2), Type: model.ContactHome, Outcome: model.OutcomeCompleted, Test: model.TestNotTested})
	must(model.LogContact, err)
	_, err = s.AddStageNote(ctx, model.StageNote{ClientID: c.ID, At: at(3), Stage: model.StageAction})
	must(model.LogStage, err)
	_, err = s.AddProgress(ctx, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressHours, Amount: 120, At: at(4)})
	must(model.LogProgress, err)
	_, err = s.AddCourtEvent(ctx, model.CourtEvent{ClientID: c.ID, Kind: model.CourtReview, At: at(5)})
	must(model.LogCourt, err)
	v, err := s.RecordViolation(ctx, model.Violation{ClientID: c.ID, Kind: model.ViolationCurfew, At: at(6), Seriousness: model.SeriousnessLow}, nil)
	must(model.LogViolation, err)
	_, err = s.AddResponse(ctx, model.Response{ViolationID: v.ID, ClientID: c.ID, StepKey: "verbal_warning", At: at(7)})
	must(model.LogResponse, err)
	_, err = s.AddIncentive(ctx, model.Incentive{ClientID: c.ID, StepKey: "praise", At: at(8)})
	must(model.LogIncentive, err)
	_, err = s.AddArrest(ctx, model.Arrest{ClientID: c.ID, At: at(9), Agency: "City PD", Charges: "Trespass"})
	must(model.LogArrest, err)
	_, err = s.AddCustody(ctx, model.Custody{ClientID: c.ID, In: at(10), Out: at(30), Facility: "County jail"})
	must(model.LogCustody, err)
	_, err = s.AddEmployment(ctx, model.Employment{ClientID: c.ID, Employer: "Acme Warehouse", StartOn: model.DateOf(at(48))})
	must(model.LogEmployment, err)
	return c.ID, kinds
}

func TestClientLogIsOneFeedNewestFirstPagedByCursor(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	id, kinds := logFixture(t, s)
	whole, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Entries) != len(kinds) || !whole.Next.IsZero() {
		t.Fatalf("%d entries (next %+v), want %d", len(whole.Entries), whole.Next, len(kinds))
	}
	for i, e := range whole.Entries {
		if want := kinds[len(kinds)-1-i]; e.Kind != want {
			t.Errorf("entry %d is %s, want %s", i, e.Kind, want)
		}
		if i > 0 && e.At.After(whole.Entries[i-1].At) {
			t.Errorf("entry %d (%s) is newer than the one before it", i, e.Kind)
		}
		if !holdsItsRecord(e) {
			t.Errorf("entry %d (%s) has no record", i, e.Kind)
		}
	}
	// Pages of 3 walk the same feed without gaps or repeats.
	var walked []string
	cur := model.LogCursor{}
	for pages := 0; pages < 10; pages++ {
		p, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Limit: 3, After: cur})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Entries {
			walked = append(walked, e.ID)
		}
		if p.Next.IsZero() {
			break
		}
		cur = p.Next
	}
	if len(walked) != len(whole.Entries) {
		t.Fatalf("paging found %d entries, want %d", len(walked), len(whole.Entries))
	}
	for i, e := range whole.Entries {
		if walked[i] != e.ID {
			t.Errorf("page walk entry %d = %s, want %s", i, walked[i], e.ID)
		}
	}
}

func TestClientLogFiltersByKind(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	id, kinds := logFixture(t, s)
	want := map[model.LogKind]int{model.LogTest: 1} // one of the two contacts had a test
	for _, k := range kinds {
		want[k]++
	}
	for _, o := range model.LogKinds() {
		p, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Kind: o.Value, Limit: 100})
		if err != nil {
			t.Fatalf("%s: %v", o.Value, err)
		}
		if len(p.Entries) != want[o.Value] {
			t.Errorf("filter %s: %d entries, want %d", o.Value, len(p.Entries), want[o.Value])
		}
		for _, e := range p.Entries {
			if e.Kind != o.Value || !holdsItsRecord(e) {
				t.Errorf("filter %s returned a %s entry (record loaded: %v)", o.Value, e.Kind, holdsItsRecord(e))
			}
			if o.Value == model.LogTest && !e.CheckIn.Test.Tested() {
				t.Error("the drug-test filter returned a check-in with no test")
			}
		}
	}
	if _, err := s.ClientLog(ctx, model.LogQuery{ClientID: id, Kind: "gossip"}); err == nil {
		t.Error("an unknown kind was taken")
	}
}

func holdsItsRecord(e model.LogEntry) bool {
	switch e.Kind {
	case model.LogContact, model.LogTest:
		return e.CheckIn != nil && e.CheckIn.ID == e.ID
	case model.LogStage:
		return e.StageNote != nil && e.StageNote.ID == e.ID
	case model.LogCondition:
		return e.Condition != nil && e.Condition.ID == e.ID && e.ConditionWording != ""
	case model.LogProgress:
		return e.Progress != nil && e.Progress.ID == e.ID && e.ConditionWording != ""
	case model.LogCourt:
		return e.CourtEvent != nil && e.CourtEvent.ID == e.ID
	case model.LogViolation:
		return e.Violation != nil && e.Violation.ID == e.ID
	case model.LogResponse:
		return e.Response != nil && e.Response.ID == e.ID && e.Response.StepLabel != ""
	case model.LogIncentive:
		return e.Incentive != nil && e.Incentive.ID == e.ID
	case model.LogEmployment:
		return e.Employment != nil && e.Employment.ID == e.ID
	case model.LogArrest:
		return e.Arrest != nil && e.Arrest.ID == e.ID
	case model.LogCustody:
		return e.Custody != nil && e.Custody.ID == e.ID && !e.Custody.Out.IsZero()
	}
	return false
}
