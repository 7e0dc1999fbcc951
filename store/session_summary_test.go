package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"caseload/model"
)

var summaryZone = time.FixedZone("EST", -5*3600)

func at(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, summaryZone) }

// openSummaryStore opens a new file with the clock frozen on 20 November.
func openSummaryStore(t *testing.T) *Store {
	t.Helper()
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"), WithClock(func() time.Time { return at(20, 8) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func addClient(t *testing.T, st *Store, name, caseNo string) model.Client {
	t.Helper()
	c, err := st.CreateClient(context.Background(), model.Client{Name: name, CaseNumber: caseNo,
		SupervisionType: model.SupervisionProbation, Level: model.LevelModerate, Status: model.StatusActive, CreatedAt: at(1, 8)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func addCheckIn(t *testing.T, st *Store, k model.CheckIn) model.CheckIn {
	t.Helper()
	if k.Type == "" {
		k.Type, k.Outcome, k.Test = model.ContactOffice, model.OutcomeCompleted, model.TestNotTested
	}
	k, err := st.AddCheckIn(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSummaryRecordsKeepCorrectionsAndDropAmended(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana := addClient(t, st, "Ana", "A-1")
	kept := addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 9), Note: "kept"})
	wrong := addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 11), Note: "wrong", Stage: model.StageAction})
	struck := addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 12), Note: "duplicate"})
	am, err := st.AmendCheckIn(ctx, wrong.ID, model.CheckIn{At: at(10, 11), Type: model.ContactPhone, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested, Note: "right", Stage: model.StagePreparation}, "typo")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.StrikeOut(ctx, model.KindCheckIn, struck.ID, "entered twice"); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
	if err != nil {
		t.Fatal(err)
	}
	// The store does not order records (BuildSummary does): by time here.
	slices.SortFunc(rec.CheckIns, func(a, b model.CheckIn) int { return a.At.Compare(b.At) })
	var ids []string
	for _, k := range rec.CheckIns {
		ids = append(ids, k.ID)
	}
	if len(ids) != 2 || ids[0] != kept.ID || ids[1] != am.ReplacementID {
		t.Errorf("check-ins = %v, want the kept one and the correction %s", ids, am.ReplacementID)
	}
	if len(rec.StageNotes) != 1 || rec.StageNotes[0].Stage != model.StagePreparation {
		t.Errorf("stage notes = %+v, want only the corrected check-in's preparation", rec.StageNotes)
	}
}

func TestSummaryRecordsCarryTheStageBeforeAndTheDueAtTheEnd(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana := addClient(t, st, "Ana", "A-1")
	addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(2, 9), Stage: model.StageContemplation})
	addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 9), Stage: model.StageAction, NextAppointment: at(12, 9)})
	// After the range: must not move the stage before, nor the due date at the end.
	addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(15, 9), Stage: model.StageMaintenance, NextAppointment: at(25, 9)})
	rec, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Clients) != 1 {
		t.Fatalf("clients = %d, want 1", len(rec.Clients))
	}
	c := rec.Clients[0]
	if len(c.StageBefore) != 1 || c.StageBefore[0].Stage != model.StageContemplation {
		t.Errorf("stage before = %+v, want contemplation", c.StageBefore)
	}
	if !c.Due.LastCompleted.Equal(at(10, 9)) || !c.Due.NextAppointment.Equal(at(12, 9)) {
		t.Errorf("due input = %+v, want the last completed contact and appointment as of the 11th", c.Due)
	}
}

func TestSummaryRecordsForOneClient(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana, ben := addClient(t, st, "Ana", "A-1"), addClient(t, st, "Ben", "B-1")
	addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 9)})
	addCheckIn(t, st, model.CheckIn{ClientID: ben.ID, At: at(10, 10)})
	rec, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0), ClientID: ben.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Clients) != 1 || rec.Clients[0].Client.ID != ben.ID || len(rec.CheckIns) != 1 {
		t.Errorf("one-client summary has %d clients, %d check-ins; want Ben's one", len(rec.Clients), len(rec.CheckIns))
	}
	// A client with nothing in the range is still there, for their section.
	rec, err = st.SummaryRecords(ctx, SummaryQuery{From: at(12, 0), To: at(13, 0), ClientID: ben.ID})
	if err != nil || len(rec.Clients) != 1 {
		t.Errorf("quiet client: %d clients, %v; want Ben", len(rec.Clients), err)
	}
	if _, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0), ClientID: "nobody"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown client: err = %v, want ErrNotFound", err)
	}
}

func TestSummaryRecordsGroupReferralChanges(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana := addClient(t, st, "Ana", "A-1")
	res, err := st.CreateResource(ctx, model.Resource{Name: "Riverside", Category: model.CategoryHousing})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := st.CreateReferral(ctx, model.Referral{ClientID: ana.ID, ResourceID: res.ID, Reason: "housing", ReferredOn: model.DateOf(at(10, 0))}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ChangeReferralStatus(ctx, ref.ID, StatusChange{To: model.ReferralWaitlisted, At: at(10, 14), FollowUpOn: model.DateOf(at(17, 0))}); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Referrals) != 1 || len(rec.Referrals[0].Events) != 2 || rec.Referrals[0].ResourceName != "Riverside" ||
		rec.Referrals[0].Referral.Reason != "housing" {
		t.Fatalf("referrals = %+v, want one with two changes, its resource and reason", rec.Referrals)
	}
	if len(rec.Clients) != 1 {
		t.Errorf("a client seen only through a referral is missing")
	}
}

func TestSummaryRecordsRefuseAnEmptyRange(t *testing.T) {
	st := openSummaryStore(t)
	if _, err := st.SummaryRecords(context.Background(), SummaryQuery{From: at(11, 0), To: at(10, 0)}); err == nil {
		t.Error("a range that ends before it starts was accepted")
	}
}

// TestSummaryRecordsAgreeWhetherOrNotRecordsFollowTheRange checks the two
// ways the client query finds a client's standing (the columns kept on the
// client row when nothing follows the range, the records otherwise) against
// each other.
func TestSummaryRecordsAgreeWhetherOrNotRecordsFollowTheRange(t *testing.T) {
	ctx := context.Background()
	standing := func(later bool) model.SummaryClient {
		st := openSummaryStore(t)
		ana := addClient(t, st, "Ana", "A-1")
		addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(2, 9), Stage: model.StageContemplation, NextAppointment: at(9, 9)})
		addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(3, 9), Type: model.ContactHome, Outcome: model.OutcomeAttempted, Test: model.TestNotTested})
		addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 9), Type: model.ContactPhone, Outcome: model.OutcomeNoShow, Test: model.TestNotTested})
		if later {
			addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(15, 9), Stage: model.StageAction, NextAppointment: at(22, 9)})
		}
		rec, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
		if err != nil || len(rec.Clients) != 1 {
			t.Fatalf("%d clients, %v", len(rec.Clients), err)
		}
		return rec.Clients[0]
	}
	stored, computed := standing(false), standing(true)
	for name, c := range map[string]model.SummaryClient{"from the client row": stored, "from the records": computed} {
		if !c.Due.LastCompleted.Equal(at(2, 9)) || !c.Due.NextAppointment.Equal(at(9, 9)) {
			t.Errorf("%s: due input = %+v, want last completed on the 2nd, appointment on the 9th", name, c.Due)
		}
		if len(c.StageBefore) != 1 || c.StageBefore[0].Stage != model.StageContemplation || !c.StageBefore[0].At.Equal(at(2, 9)) {
			t.Errorf("%s: stage before = %+v, want contemplation from the 2nd", name, c.StageBefore)
		}
	}
}
