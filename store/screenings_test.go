package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

func TestScreeningWithAnUnansweredItemWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	sc := model.NewScreening(c.ID, model.InstrumentPHQ9, frozenNow)
	for i := range sc.Answers {
		sc.Answers[i] = 1
	}
	sc.Answers[6] = model.Unanswered
	_, err := s.AddScreening(ctx, sc)
	if model.FieldErrors(err).For(model.FieldItem(7)) == "" {
		t.Fatalf("want a field error on item 7, got %v", err)
	}
	if n := count(t, s, "screenings"); n != 0 {
		t.Errorf("%d screenings written by a refused save", n)
	}
}

func TestScreeningsAreListedNewestFirstWithTheirScores(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	older := model.Screening{ClientID: c.ID, Instrument: model.InstrumentPHQ9, At: frozenNow.Add(-48 * time.Hour),
		Answers: []int{3, 3, 3, 3, 3, 3, 3, 3, 3}, Note: "Referred to crisis line"}
	newer := model.Screening{ClientID: c.ID, Instrument: model.InstrumentAUDITC, At: frozenNow.Add(-time.Hour), Answers: []int{2, 1, 1}}
	for _, sc := range []model.Screening{older, newer} {
		if _, err := s.AddScreening(ctx, sc); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Screenings(ctx, c.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("screenings = %+v, %v", list, err)
	}
	if list[0].Instrument != model.InstrumentAUDITC || list[1].Instrument != model.InstrumentPHQ9 {
		t.Errorf("order = %s, %s; want newest first", list[0].Instrument, list[1].Instrument)
	}
	r := list[1].Result()
	if r.Total != 27 || !r.AskAboutSafetyNow || r.Band.Label != "severe" || list[1].Note != "Referred to crisis line" {
		t.Errorf("stored PHQ-9 reads back as %+v (%q)", r, list[1].Note)
	}
	var stored int
	s.db.QueryRow("SELECT total FROM screenings WHERE instrument = 'auditc'").Scan(&stored)
	if stored != 4 {
		t.Errorf("stored AUDIT-C total = %d, want 4", stored)
	}
	if got := strings.Join(auditActions(t, s, "screening"), ","); got != "create,create" {
		t.Errorf("screening audit = %s", got)
	}
}
