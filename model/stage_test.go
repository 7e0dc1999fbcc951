package model

import (
	"testing"
	"time"
)

func TestCurrentStageIsLatestByTime(t *testing.T) {
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	history := []StageNote{
		{ID: "b", At: base.AddDate(0, 2, 0), Stage: StageAction},
		{ID: "a", At: base, Stage: StageContemplation},
		{ID: "c", At: base.AddDate(0, 1, 0), Stage: StagePreparation},
	}
	if got, at := CurrentStage(history); got != StageAction || !at.Equal(base.AddDate(0, 2, 0)) {
		t.Errorf("CurrentStage = %s at %v, want action", got, at)
	}
	same := append(history, StageNote{ID: "d", At: base.AddDate(0, 2, 0), Stage: StageRecurrence})
	if got, _ := CurrentStage(same); got != StageRecurrence {
		t.Errorf("of two notes at the same time the later-recorded should win, got %s", got)
	}
	if got, _ := CurrentStage(nil); got != "" {
		t.Errorf("CurrentStage(nil) = %q", got)
	}
}

func TestStageChangesMarkMovesBack(t *testing.T) {
	base := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	notes := []StageNote{
		{ID: "1", At: base, Stage: StageContemplation},
		{ID: "2", At: base.AddDate(0, 0, 10), Stage: StageContemplation},
		{ID: "3", At: base.AddDate(0, 0, 20), Stage: StageAction},
		{ID: "4", At: base.AddDate(0, 0, 30), Stage: StageRecurrence},
		{ID: "5", At: base.AddDate(0, 0, 40), Stage: StagePreparation},
		{ID: "6", At: base.AddDate(0, 0, 50), Stage: StageContemplation},
	}
	got := StageChanges(notes)
	want := []StageChange{
		{From: "", To: StageContemplation},
		{From: StageContemplation, To: StageAction},
		{From: StageAction, To: StageRecurrence, Back: true},
		{From: StageRecurrence, To: StagePreparation},
		{From: StagePreparation, To: StageContemplation, Back: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].From != want[i].From || got[i].To != want[i].To || got[i].Back != want[i].Back {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestEveryStageHasHelpAndWhatHelps(t *testing.T) {
	if len(StageTable()) != 6 {
		t.Fatalf("want the six stages of PRODUCT.md, got %d", len(StageTable()))
	}
	for _, s := range StageTable() {
		if s.Label == "" || s.Help == "" || s.Helps == "" || s.Value.Short() == "" {
			t.Errorf("stage %q lacks a label, help, what helps or badge", s.Value)
		}
	}
}

// TestStageSinceIsTheLastChangeNotTheLastNote: noting the same stage again
// at a check-in does not move when the client came to it.
func TestStageSinceIsTheLastChangeNotTheLastNote(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 4, d, 10, 0, 0, 0, time.UTC) }
	history := []StageNote{
		{ID: "1", At: at(1), Stage: StageContemplation},
		{ID: "2", At: at(18), Stage: StagePreparation},
		{ID: "3", At: at(25), Stage: StagePreparation},
		{ID: "4", At: at(28), Stage: StagePreparation},
	}
	if got := StageSince(history); !got.Equal(at(18)) {
		t.Errorf("since %v, want the move to Preparation on 18 April", got)
	}
	if got := StageSince(nil); !got.IsZero() {
		t.Errorf("since %v with no history, want the zero time", got)
	}
}
