package model

import (
	"strconv"
	"time"
)

// Unanswered marks a question the client has not answered yet; a form starts
// with every answer at Unanswered so that a skipped item is never read as 0.
const Unanswered = -1

// Screening is one brief screening given to a client: the answers as points,
// item by item in the published order. Like a check-in it is part of the
// record and never changed once saved.
type Screening struct {
	ID         string
	ClientID   string
	Instrument Instrument
	At         time.Time
	Answers    []int
	// Unscored holds the answers to the form's unscored questions (the
	// PHQ-9's tenth), Unanswered when skipped; they never change the total.
	Unscored  []int
	Note      string
	CreatedAt time.Time
}

// Screening field names used in validation errors.
const (
	FieldInstrument = "instrument"
	FieldAnswers    = "answers"
)

// FieldItem names question n (1-based) of a screening in validation errors.
func FieldItem(n int) string { return "item_" + strconv.Itoa(n) }

// FieldUnscored names unscored question n (1-based) in validation errors; it
// is numbered after the scored ones, as printed: the PHQ-9's tenth is
// "item_10".
func FieldUnscored(form Form, n int) string { return FieldItem(len(form.Questions) + n) }

// Validate checks the screening as of now: every item answered with one of
// its published answers.
func (s Screening) Validate(now time.Time) error {
	var p problems
	if s.ClientID == "" {
		p.add("client", "required")
	}
	if s.At.IsZero() {
		p.add(FieldAt, "required")
	} else if s.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	checkText(&p, FieldNote, s.Note, false, maxNote)
	form, ok := FormOf(s.Instrument)
	if !ok {
		p.add(FieldInstrument, "choose a screening")
		return p.err()
	}
	if len(s.Answers) > len(form.Questions) {
		p.add(FieldAnswers, "the "+form.Title+" has "+strconv.Itoa(len(form.Questions))+" questions")
	}
	for i, q := range form.Questions {
		switch {
		case i >= len(s.Answers) || s.Answers[i] == Unanswered:
			p.add(FieldItem(i+1), "not answered")
		case !q.Allows(s.Answers[i]):
			p.add(FieldItem(i+1), "not one of the answers ("+strconv.Itoa(s.Answers[i])+" points)")
		}
	}
	if len(s.Unscored) > len(form.Unscored) {
		p.add(FieldAnswers, "the "+form.Title+" has "+strconv.Itoa(len(form.Unscored))+" unscored questions")
	}
	for i, q := range form.Unscored {
		if i < len(s.Unscored) && s.Unscored[i] != Unanswered && !q.Allows(s.Unscored[i]) {
			p.add(FieldUnscored(form, i+1), "not one of the answers")
		}
	}
	return p.err()
}

// ScreeningResult is what a complete screening adds up to.
type ScreeningResult struct {
	// Total is the sum of the points; 0 and meaningless when the form is not
	// totalled (the readiness ruler): read Items instead.
	Total    int
	Totalled bool
	Items    []int
	// Band is the published score band the total falls in; nil when the
	// instrument has none.
	Band *ScoreBand
	// AskAboutSafetyNow is set when PHQ-9 item 9 (thoughts of being better
	// off dead or of self-harm) is above "Not at all": the form shows a
	// prominent notice to ask about safety now.
	AskAboutSafetyNow bool
}

// phq9SafetyItem is item 9 of the PHQ-9, 0-based.
const phq9SafetyItem = 8

// Result scores the screening. Call it on a screening that validates; an
// unanswered item counts as nothing.
func (s Screening) Result() ScreeningResult {
	form, _ := FormOf(s.Instrument)
	r := ScreeningResult{Totalled: form.Totalled, Items: append([]int(nil), s.Answers...)}
	if !form.Totalled {
		return r
	}
	for _, a := range s.Answers {
		if a > 0 {
			r.Total += a
		}
	}
	for _, b := range form.Bands {
		if b.Contains(r.Total) {
			band := b
			r.Band = &band
			break
		}
	}
	if s.Instrument == InstrumentPHQ9 && len(s.Answers) > phq9SafetyItem && s.Answers[phq9SafetyItem] > 0 {
		r.AskAboutSafetyNow = true
	}
	return r
}

// NewScreening returns a blank screening of an instrument, every item,
// scored or not, Unanswered.
func NewScreening(clientID string, i Instrument, at time.Time) Screening {
	form, _ := FormOf(i)
	return Screening{ClientID: clientID, Instrument: i, At: at, Answers: unanswered(len(form.Questions)),
		Unscored: unanswered(len(form.Unscored))}
}

func unanswered(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = Unanswered
	}
	return out
}
