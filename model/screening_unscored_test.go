package model

import "testing"

func TestPHQ9PrintsTheTenthQuestionAsPublishedAndUnscored(t *testing.T) {
	form, _ := FormOf(InstrumentPHQ9)
	if len(form.Questions) != 9 || len(form.Unscored) != 1 {
		t.Fatalf("PHQ-9 has %d scored and %d unscored questions, want 9 and 1", len(form.Questions), len(form.Unscored))
	}
	q := form.Unscored[0]
	if want := "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"; q.Text != want {
		t.Errorf("tenth question reads %q", q.Text)
	}
	var labels []string
	for _, c := range q.Choices {
		labels = append(labels, c.Label)
	}
	if got := len(labels); got != 4 || labels[0] != "Not difficult at all" || labels[3] != "Extremely difficult" {
		t.Errorf("tenth question answers %q", labels)
	}
	if form.MaxTotal() != 27 {
		t.Errorf("MaxTotal = %d, want 27: the tenth question is not scored", form.MaxTotal())
	}
	for _, other := range []Instrument{InstrumentPHQ2, InstrumentGAD2, InstrumentGAD7, InstrumentAUDITC, InstrumentReadiness} {
		if f, _ := FormOf(other); len(f.Unscored) != 0 {
			t.Errorf("%s has unscored questions; only the PHQ-9 prints one", other)
		}
	}
}

func TestTenthQuestionNeverChangesTheScore(t *testing.T) {
	for _, answers := range [][]int{
		{0, 0, 0, 0, 0, 0, 0, 0, 0},
		{1, 1, 1, 1, 1, 0, 0, 0, 0},
		{3, 3, 3, 3, 3, 3, 3, 3, 3},
		{0, 0, 0, 0, 0, 0, 0, 0, 1},
	} {
		base := screening(InstrumentPHQ9, answers...)
		want := base.Result()
		for _, difficulty := range []int{Unanswered, 0, 1, 2, 3} {
			s := base
			s.Unscored = []int{difficulty}
			if err := s.Validate(screenedAt); err != nil {
				t.Fatalf("difficulty %d refused: %v", difficulty, err)
			}
			got := s.Result()
			if got.Total != want.Total || got.AskAboutSafetyNow != want.AskAboutSafetyNow || got.Band.Label != want.Band.Label || len(got.Items) != 9 {
				t.Errorf("answers %v with difficulty %d: total %d band %q safety %v items %d; without it %d %q %v",
					answers, difficulty, got.Total, got.Band.Label, got.AskAboutSafetyNow, len(got.Items), want.Total, want.Band.Label, want.AskAboutSafetyNow)
			}
		}
	}
}

func TestTenthQuestionIsOptionalButOnlyItsOwnAnswers(t *testing.T) {
	s := NewScreening("c1", InstrumentPHQ9, screenedAt)
	if len(s.Unscored) != 1 || s.Unscored[0] != Unanswered {
		t.Fatalf("a new PHQ-9 starts with unscored %v, want [Unanswered]", s.Unscored)
	}
	for i := range s.Answers {
		s.Answers[i] = 0
	}
	if err := s.Validate(screenedAt); err != nil {
		t.Fatalf("a PHQ-9 with the tenth question skipped is refused: %v", err)
	}
	s.Unscored = []int{4}
	if msg := FieldErrors(s.Validate(screenedAt)).For(FieldItem(10)); msg == "" {
		t.Error("4 points on the tenth question should be refused next to item 10")
	}
	s.Unscored = []int{1, 1}
	if msg := FieldErrors(s.Validate(screenedAt)).For(FieldAnswers); msg == "" {
		t.Error("two unscored answers on the PHQ-9 should be refused")
	}
	g := screening(InstrumentGAD7, 0, 0, 0, 0, 0, 0, 0)
	g.Unscored = []int{1}
	if g.Validate(screenedAt) == nil {
		t.Error("an unscored answer on the GAD-7, which has no such question, should be refused")
	}
}
