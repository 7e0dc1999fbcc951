package store

import (
	"context"
	"testing"

	"caseload/model"
)

func TestPHQ9DifficultyIsKeptBesideTheAnswersAndLeavesTheTotal(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	with := model.Screening{ClientID: c.ID, Instrument: model.InstrumentPHQ9, At: frozenNow,
		Answers: []int{1, 1, 1, 1, 1, 0, 0, 0, 0}, Unscored: []int{3}}
	without := with
	without.Unscored = []int{model.Unanswered}
	saved, err := s.AddScreening(ctx, with)
	if err != nil {
		t.Fatal(err)
	}
	skipped, err := s.AddScreening(ctx, without)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Screening(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Answers) != 9 || len(got.Unscored) != 1 || got.Unscored[0] != 3 || got.Result().Total != 5 {
		t.Fatalf("read back answers %v unscored %v total %d; want 9 answers, difficulty 3, total 5", got.Answers, got.Unscored, got.Result().Total)
	}
	var total int
	var stored string
	if err := s.db.QueryRow("SELECT total, answers FROM screenings WHERE id = ?", saved.ID).Scan(&total, &stored); err != nil {
		t.Fatal(err)
	}
	if total != 5 || stored != "[1,1,1,1,1,0,0,0,0,3]" {
		t.Errorf("stored total %d answers %s; want 5 and the difficulty after the nine scored answers", total, stored)
	}
	back, err := s.Screening(ctx, skipped.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Answers) != 9 || len(back.Unscored) != 0 {
		t.Errorf("a skipped tenth question reads back as answers %v unscored %v", back.Answers, back.Unscored)
	}
}
