package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

func homeVisit(clientID string, at time.Time) model.CheckIn {
	return model.CheckIn{ClientID: clientID, At: at, Type: model.ContactHome, Outcome: model.OutcomeCompleted,
		Test: model.TestNegative, Stage: model.StageAction, Note: "Working at the bakery; attending group."}
}

func TestCheckInsAndStageNotesAreAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	k, err := s.AddCheckIn(ctx, homeVisit(c.ID, frozenNow.Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateResource(ctx, model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateReferral(ctx, model.Referral{ClientID: c.ID, ResourceID: r.ID, Reason: "IOP", ReferredOn: model.DateOf(frozenNow)}, ""); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"UPDATE checkins SET note = 'changed' WHERE id = '" + k.ID + "'",
		"DELETE FROM checkins",
		"UPDATE stage_notes SET stage = 'maintenance'",
		"DELETE FROM stage_notes",
		"UPDATE referral_events SET note = 'x'",
		"DELETE FROM referral_events",
		"DELETE FROM audit_log",
	} {
		_, err := s.db.Exec(stmt)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want the append-only trigger to abort it", stmt, err)
		}
	}
	got, err := s.CheckIn(ctx, k.ID)
	if err != nil || got.Note != k.Note {
		t.Errorf("check-in after refused update: %+v %v", got, err)
	}
}

func TestCheckInWithStageWritesBothAndUpdatesSummary(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	at := frozenNow.Add(-2 * time.Hour)
	if _, err := s.AddCheckIn(ctx, homeVisit(c.ID, at)); err != nil {
		t.Fatal(err)
	}
	history, err := s.StageHistory(ctx, c.ID)
	if err != nil || len(history) != 1 || history[0].Stage != model.StageAction {
		t.Fatalf("stage history = %+v, %v", history, err)
	}
	_, sum, err := s.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stage != model.StageAction || !sum.LastContact.Equal(at) || sum.LastContactType != model.ContactHome {
		t.Errorf("summary = %+v", sum)
	}
	if want := at.AddDate(0, 0, 14); !sum.NextDue.Equal(want) {
		t.Errorf("next due = %v, want %v (last contact + 14 days)", sum.NextDue, want)
	}
}

func TestInvalidCheckInWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	bad := homeVisit(c.ID, frozenNow)
	bad.Test = model.TestPositive // without substances
	_, err := s.AddCheckIn(ctx, bad)
	if model.FieldErrors(err).For(model.FieldSubstances) == "" {
		t.Fatalf("want a field error on substances, got %v", err)
	}
	var n int
	s.db.QueryRow("SELECT (SELECT count(*) FROM checkins) + (SELECT count(*) FROM stage_notes)").Scan(&n)
	if n != 0 {
		t.Errorf("%d rows written by a refused check-in", n)
	}
	// A check-in for a client that does not exist is refused by the schema.
	ghost := homeVisit("no-such-client", frozenNow)
	if _, err := s.AddCheckIn(ctx, ghost); err == nil {
		t.Error("check-in for an unknown client was saved")
	}
}

func TestDuplicateCaseNumberIsAFieldError(t *testing.T) {
	s := openFoundation(t)
	newClient(t, s, "Ann Lee", "CR-7", model.LevelLow)
	_, err := s.CreateClient(context.Background(), model.Client{Name: "Bo Diaz", CaseNumber: "cr-7",
		SupervisionType: model.SupervisionParole, Level: model.LevelLow, Status: model.StatusActive})
	if msg := model.FieldErrors(err).For(model.FieldCaseNumber); !strings.Contains(msg, "already used") {
		t.Errorf("duplicate case number (other case) = %v", err)
	}
}

func TestAmendCheckInKeepsOriginalAndCountsCorrection(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	orig, err := s.AddCheckIn(ctx, homeVisit(c.ID, frozenNow.Add(-3*time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	fixed := orig
	fixed.Outcome, fixed.Test, fixed.Stage = model.OutcomeAttempted, model.TestNotTested, ""
	fixed.Note = "Not home; card left."
	if _, err := s.AmendCheckIn(ctx, orig.ID, fixed, ""); model.FieldErrors(err).For(model.FieldAmendReason) == "" {
		t.Fatalf("an amendment without a reason was accepted: %v", err)
	}
	a, err := s.AmendCheckIn(ctx, orig.ID, fixed, "logged as completed by mistake")
	if err != nil {
		t.Fatal(err)
	}
	if a.TargetID != orig.ID || a.ReplacementID == "" || a.ReplacementID == orig.ID {
		t.Fatalf("amendment = %+v", a)
	}
	still, err := s.CheckIn(ctx, orig.ID)
	if err != nil || still.Outcome != model.OutcomeCompleted {
		t.Errorf("original must stay readable and unchanged: %+v %v", still, err)
	}
	_, sum, _ := s.Client(ctx, c.ID)
	if !sum.LastCompleted.IsZero() {
		t.Errorf("the amended completed contact still counts: last completed %v", sum.LastCompleted)
	}
	if sum.Stage != "" {
		t.Errorf("the stage recorded at the amended check-in still counts: %s", sum.Stage)
	}
	if _, err := s.AmendCheckIn(ctx, orig.ID, fixed, "again"); !errors.Is(err, ErrAlreadyAmended) {
		t.Errorf("second amendment of the same record = %v, want ErrAlreadyAmended", err)
	}
	page, err := s.Timeline(ctx, c.ID, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range page {
		kinds = append(kinds, string(e.Kind))
		if e.ID == orig.ID && e.AmendedBy != a.ID {
			t.Errorf("timeline does not mark the original as amended by %s: %+v", a.ID, e)
		}
	}
	if len(page) != 3 {
		t.Errorf("timeline kinds = %v, want original, correction and amendment", kinds)
	}
}

func TestStrikeOutStopsARecordCounting(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	n, err := s.AddStageNote(ctx, model.StageNote{ClientID: c.ID, At: frozenNow.Add(-time.Hour), Stage: model.StageRecurrence})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StrikeOut(ctx, model.KindStageNote, n.ID, "entered for the wrong client"); err != nil {
		t.Fatal(err)
	}
	history, _ := s.StageHistory(ctx, c.ID)
	if len(history) != 0 {
		t.Errorf("struck-out note still in history: %+v", history)
	}
	var count int
	s.db.QueryRow("SELECT count(*) FROM stage_notes").Scan(&count)
	if count != 1 {
		t.Errorf("struck-out note was deleted")
	}
}

func TestNotesAreSearchable(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	k := homeVisit(c.ID, frozenNow.Add(-time.Hour))
	k.Note = "Started a forklift course at the community college."
	saved, err := s.AddCheckIn(ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	s.AddStageNote(ctx, model.StageNote{ClientID: c.ID, At: frozenNow.Add(-time.Minute), Stage: model.StageAction, Note: "Talks about the course with pride"})
	for query, want := range map[string]int{"forklift": 1, "fork": 1, "course": 2, `"course" OR *`: 0, "bakery": 0} {
		got, err := s.SearchNotes(ctx, query, "", 10)
		if err != nil {
			t.Errorf("search %q: %v", query, err)
			continue
		}
		if len(got) != want {
			t.Errorf("search %q found %d notes, want %d", query, len(got), want)
		}
	}
	got, _ := s.SearchNotes(ctx, "forklift", c.ID, 10)
	if len(got) != 1 || got[0].RecordID != saved.ID {
		t.Errorf("search result = %+v", got)
	}
}

func TestEveryWriteIsAudited(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	s.AddCheckIn(ctx, homeVisit(c.ID, frozenNow.Add(-time.Hour)))
	c.Phone = "555-0100"
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query("SELECT entity, action FROM audit_log WHERE entity <> 'settings' ORDER BY seq")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var e, a string
		rows.Scan(&e, &a)
		got = append(got, e+" "+a)
	}
	want := "client create,checkin create,stage_note create,client update"
	if strings.Join(got, ",") != want {
		t.Errorf("audit log = %v, want %s", got, want)
	}
}

func TestChangingIntervalsMovesNextDue(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	at := frozenNow.Add(-time.Hour)
	k := homeVisit(c.ID, at)
	if _, err := s.AddCheckIn(ctx, k); err != nil {
		t.Fatal(err)
	}
	set, _ := s.Settings(ctx)
	set.Intervals[model.LevelHigh] = 10
	set.OfficerName = "P. Officer"
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	_, sum, _ := s.Client(ctx, c.ID)
	if want := at.AddDate(0, 0, 10); !sum.NextDue.Equal(want) {
		t.Errorf("next due after the interval changed = %v, want %v", sum.NextDue, want)
	}
	again, _ := s.Settings(ctx)
	if again.OfficerName != "P. Officer" || again.Intervals[model.LevelHigh] != 10 {
		t.Errorf("settings read back = %+v", again)
	}
	set.Intervals[model.LevelHigh] = 0
	if err := s.SaveSettings(ctx, set); model.FieldErrors(err) == nil {
		t.Errorf("a zero interval was accepted: %v", err)
	}
}
