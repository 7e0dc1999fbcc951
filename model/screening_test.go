package model

import (
	"testing"
	"time"
)

var screenedAt = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func screening(i Instrument, answers ...int) Screening {
	return Screening{ClientID: "c1", Instrument: i, At: screenedAt, Answers: answers}
}

// The totals below are worked by hand from the published scoring: each
// answer's points, summed.
func TestScreeningTotalAndBandMatchHandWorkedAnswers(t *testing.T) {
	tests := []struct {
		name   string
		s      Screening
		total  int
		band   string // "" for none
		safety bool
	}{
		{"PHQ-9 lowest", screening(InstrumentPHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, "minimal", false},
		{"PHQ-9 top of minimal", screening(InstrumentPHQ9, 1, 1, 1, 1, 0, 0, 0, 0, 0), 4, "minimal", false},
		{"PHQ-9 mild", screening(InstrumentPHQ9, 1, 1, 1, 1, 1, 0, 0, 0, 0), 5, "mild", false},
		{"PHQ-9 moderate", screening(InstrumentPHQ9, 2, 2, 2, 2, 2, 1, 1, 0, 0), 12, "moderate", false},
		{"PHQ-9 moderately severe", screening(InstrumentPHQ9, 3, 3, 2, 2, 2, 2, 1, 1, 0), 16, "moderately severe", false},
		{"PHQ-9 severe", screening(InstrumentPHQ9, 3, 3, 3, 3, 2, 2, 2, 2, 0), 20, "severe", false},
		{"PHQ-9 highest", screening(InstrumentPHQ9, 3, 3, 3, 3, 3, 3, 3, 3, 3), 27, "severe", true},
		{"PHQ-9 item 9 alone", screening(InstrumentPHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 1), 1, "minimal", true},
		{"PHQ-2 lowest", screening(InstrumentPHQ2, 0, 0), 0, "below the screening cut-off of 3", false},
		{"PHQ-2 just below", screening(InstrumentPHQ2, 1, 1), 2, "below the screening cut-off of 3", false},
		{"PHQ-2 positive", screening(InstrumentPHQ2, 2, 1), 3, "positive screen (3 or more): follow up with the PHQ-9", false},
		{"PHQ-2 highest", screening(InstrumentPHQ2, 3, 3), 6, "positive screen (3 or more): follow up with the PHQ-9", false},
		{"GAD-7 lowest", screening(InstrumentGAD7, 0, 0, 0, 0, 0, 0, 0), 0, "minimal", false},
		{"GAD-7 mild", screening(InstrumentGAD7, 1, 1, 1, 1, 1, 1, 1), 7, "mild", false},
		{"GAD-7 moderate", screening(InstrumentGAD7, 2, 2, 2, 2, 2, 0, 0), 10, "moderate", false},
		{"GAD-7 severe", screening(InstrumentGAD7, 3, 3, 3, 2, 2, 1, 1), 15, "severe", false},
		{"GAD-7 highest", screening(InstrumentGAD7, 3, 3, 3, 3, 3, 3, 3), 21, "severe", false},
		{"GAD-2 lowest", screening(InstrumentGAD2, 0, 0), 0, "below the screening cut-off of 3", false},
		{"GAD-2 positive", screening(InstrumentGAD2, 0, 3), 3, "positive screen (3 or more): follow up with the GAD-7", false},
		{"GAD-2 highest", screening(InstrumentGAD2, 3, 3), 6, "positive screen (3 or more): follow up with the GAD-7", false},
		{"AUDIT-C lowest", screening(InstrumentAUDITC, 0, 0, 0), 0, "below the usual cut-offs", false},
		{"AUDIT-C 2", screening(InstrumentAUDITC, 1, 0, 1), 2, "below the usual cut-offs", false},
		{"AUDIT-C 3", screening(InstrumentAUDITC, 2, 1, 0), 3, "at the usual cut-off for women (3 or more)", false},
		{"AUDIT-C 4", screening(InstrumentAUDITC, 2, 1, 1), 4, "at or above the usual cut-offs (4 or more for men, 3 or more for women)", false},
		{"AUDIT-C highest", screening(InstrumentAUDITC, 4, 4, 4), 12, "at or above the usual cut-offs (4 or more for men, 3 or more for women)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.s.Validate(screenedAt); err != nil {
				t.Fatalf("hand-worked answers refused: %v", err)
			}
			r := tt.s.Result()
			if !r.Totalled || r.Total != tt.total {
				t.Errorf("total = %d (totalled %v), want %d", r.Total, r.Totalled, tt.total)
			}
			if r.Band == nil || r.Band.Label != tt.band {
				t.Errorf("band = %v, want %q", r.Band, tt.band)
			}
			if r.AskAboutSafetyNow != tt.safety {
				t.Errorf("ask about safety now = %v, want %v", r.AskAboutSafetyNow, tt.safety)
			}
		})
	}
}

func TestReadinessRulerKeepsEachRulerAndHasNoTotalOrBand(t *testing.T) {
	for _, answers := range [][]int{{0, 0, 0}, {7, 4, 9}, {10, 10, 10}} {
		s := screening(InstrumentReadiness, answers...)
		if err := s.Validate(screenedAt); err != nil {
			t.Fatalf("%v refused: %v", answers, err)
		}
		r := s.Result()
		if r.Totalled || r.Total != 0 || r.Band != nil {
			t.Errorf("%v: result %+v, want no total and no band", answers, r)
		}
		for i, a := range answers {
			if r.Items[i] != a {
				t.Errorf("%v: ruler %d = %d", answers, i+1, r.Items[i])
			}
		}
	}
}

func TestEveryFormsBandsCoverItsTotalsWithoutGaps(t *testing.T) {
	maxima := map[Instrument]int{InstrumentPHQ2: 6, InstrumentPHQ9: 27, InstrumentGAD2: 6, InstrumentGAD7: 21, InstrumentAUDITC: 12, InstrumentReadiness: 30}
	for _, o := range Instruments() {
		f, ok := FormOf(o.Value)
		if !ok {
			t.Fatalf("%s has no form", o.Value)
		}
		if f.MaxTotal() != maxima[o.Value] {
			t.Errorf("%s: max total %d, want %d", o.Value, f.MaxTotal(), maxima[o.Value])
		}
		if !f.Totalled {
			continue
		}
		for total := 0; total <= f.MaxTotal(); total++ {
			n := 0
			for _, b := range f.Bands {
				if b.Contains(total) {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: total %d falls in %d bands, want exactly 1", o.Value, total, n)
			}
		}
	}
}

func TestScreeningWithAnUnansweredItemNamesTheItem(t *testing.T) {
	tests := []struct {
		name  string
		s     Screening
		field string
	}{
		{"blank form", NewScreening("c1", InstrumentGAD7, screenedAt), FieldItem(1)},
		{"item 5 skipped", screening(InstrumentPHQ9, 0, 1, 2, 3, Unanswered, 0, 0, 0, 0), FieldItem(5)},
		{"too few answers", screening(InstrumentPHQ9, 0, 1, 2), FieldItem(4)},
		{"points out of range", screening(InstrumentPHQ2, 0, 4), FieldItem(2)},
		{"ruler above 10", screening(InstrumentReadiness, 5, 11, 5), FieldItem(2)},
		{"too many answers", screening(InstrumentGAD2, 0, 0, 0), FieldAnswers},
		{"unknown instrument", screening("beck", 0), FieldInstrument},
		{"in the future", Screening{ClientID: "c1", Instrument: InstrumentGAD2, At: screenedAt.AddDate(0, 1, 0), Answers: []int{0, 0}}, FieldAt},
	}
	for _, tt := range tests {
		err := tt.s.Validate(screenedAt)
		if FieldErrors(err).For(tt.field) == "" {
			t.Errorf("%s: want an error on %s, got %v", tt.name, tt.field, err)
		}
	}
}

func TestFormQuestionsAreThePublishedOnes(t *testing.T) {
	phq9, _ := FormOf(InstrumentPHQ9)
	phq2, _ := FormOf(InstrumentPHQ2)
	if len(phq9.Questions) != 9 || phq9.Questions[8].Text != "Thoughts that you would be better off dead or of hurting yourself in some way" {
		t.Errorf("PHQ-9 item 9 = %q", phq9.Questions[8].Text)
	}
	if phq2.Questions[0].Text != phq9.Questions[0].Text || phq2.Questions[1].Text != phq9.Questions[1].Text {
		t.Error("PHQ-2 is not items 1 and 2 of the PHQ-9")
	}
	gad7, _ := FormOf(InstrumentGAD7)
	if len(gad7.Questions) != 7 || gad7.Questions[0].Text != "Feeling nervous, anxious or on edge" {
		t.Errorf("GAD-7 item 1 = %q", gad7.Questions[0].Text)
	}
	if got := phq9.Questions[0].Choices[3]; got.Label != "Nearly every day" || got.Points != 3 {
		t.Errorf("PHQ-9 top answer = %+v", got)
	}
	b := phq9.Bands[1]
	if b.String() != "score band 5–9: mild" {
		t.Errorf("band reads %q", b.String())
	}
}
