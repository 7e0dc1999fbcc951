package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// screeningSavedMsg reports a screening written (or why not).
type screeningSavedMsg struct{ saved }

// notAnswered is the value of a question not answered yet: a skipped item is
// never read as 0 points.
const notAnswered = "-1"

// screeningForm records one brief screening, drawn as the instrument is
// printed: its instructions, its questions and answers as published, the
// running total and the published score bands beside it.
type screeningForm struct {
	instrument model.Instrument
	published  model.Form
}

// typedRuler reports whether a question is answered by typing its points:
// number keys reach nine answers, and a 0–10 ruler has eleven.
func typedRuler(q model.Question) bool { return len(q.Choices) > 9 }

// questionField is one question: its published answers, then "not
// answered", where it starts.
func questionField(name string, n int, q model.Question) *form.Field {
	if typedRuler(q) {
		return textField(name, strconv.Itoa(n), "", "Type a whole number from 0 to 10.")
	}
	var opts []form.Option
	for _, c := range q.Choices {
		opts = append(opts, form.Option{Value: strconv.Itoa(c.Points), Label: c.Label})
	}
	opts = append(opts, form.Option{Value: notAnswered, Label: "not answered"})
	return form.Choice(name, strconv.Itoa(n), opts, notAnswered, "")
}

// newScreeningForm opens a blank screening of an instrument at now.
func newScreeningForm(c model.Client, i model.Instrument, now time.Time) *recordForm {
	pub, _ := model.FormOf(i)
	var fields []*form.Field
	for n, q := range pub.Questions {
		fields = append(fields, questionField(model.FieldItem(n+1), n+1, q))
	}
	for n, q := range pub.Unscored {
		fields = append(fields, questionField(model.FieldUnscored(pub, n+1), len(pub.Questions)+n+1, q))
	}
	fields = append(fields,
		whenField(model.FieldAt, "When", fmtWhen(now), whenHelp, false),
		textField(model.FieldNote, "Note", "", "What was said while answering, or what was done next."),
	)
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: i.Label() + " · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: fields},
		spec: screeningForm{instrument: i, published: pub}, kind: "screening", clientID: c.ID, draftKey: "screening:" + c.ID + ":" + string(i), target: string(i),
	}
	f.MoveTo(0)
	return f
}

// question returns the published question a field asks, if it asks one.
func (sf screeningForm) question(f *recordForm, fl *form.Field) (model.Question, bool) {
	i := f.IndexOf(fl)
	switch {
	case i < 0:
	case i < len(sf.published.Questions):
		return sf.published.Questions[i], true
	case i < len(sf.published.Questions)+len(sf.published.Unscored):
		return sf.published.Unscored[i-len(sf.published.Questions)], true
	}
	return model.Question{}, false
}

// answers reads the questions as points, Unanswered where none is given; a
// ruler typed as something other than a whole number is a problem.
func (sf screeningForm) answers(f *recordForm) (scored, unscored []int, bad []model.FieldError) {
	read := func(fl *form.Field) int {
		v := strings.TrimSpace(fl.Value())
		if v == "" || v == notAnswered {
			return model.Unanswered
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 10 {
			bad = append(bad, model.FieldError{Field: fl.Name, Message: "type a whole number from 0 to 10"})
			return model.Unanswered
		}
		return n
	}
	for n := range sf.published.Questions {
		scored = append(scored, read(f.Field(model.FieldItem(n+1))))
	}
	for n := range sf.published.Unscored {
		unscored = append(unscored, read(f.Field(model.FieldUnscored(sf.published, n+1))))
	}
	return scored, unscored, bad
}

func (sf screeningForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	scored, unscored, p := sf.answers(f)
	sc := model.Screening{ClientID: f.clientID, Instrument: sf.instrument, Answers: scored, Unscored: unscored,
		Note: strings.TrimSpace(f.Field(model.FieldNote).Value())}
	var err error
	if sc.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if err := mergeErrors(p, sc.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: sf.instrument.Label() + " saved"}
	if r := sc.Result(); r.Band != nil {
		msg.what += ": total " + strconv.Itoa(r.Total) + ", " + r.Band.String()
	}
	return func() tea.Msg {
		_, err := st.AddScreening(context.Background(), sc)
		msg.err = err
		return screeningSavedMsg{msg}
	}, nil
}

// safetyNotice is the notice PHQ-9 item 9 above "Not at all" calls for: in
// capitals, with a mark and in reverse video, so it stands out without
// colour.
func safetyNotice(s styles, w int) []string {
	warning := "⚠ ASK ABOUT SAFETY NOW · PHQ-9 item 9 is above \"Not at all\": ask the client about their safety before going on."
	style := s.errText.Bold(true).Reverse(true)
	var out []string
	for _, l := range text.Wrap(warning, w) {
		out = append(out, style.Render(l))
	}
	return out
}

// view draws the screening to fit the window: the items scroll when they do
// not all fit, everything else stays in view.
func (sf screeningForm) view(f *recordForm, s styles, now time.Time) []string {
	width, height := f.Size()
	w, h := max(width, minWidth), max(height, minHeight)
	scored, _, _ := sf.answers(f)
	res := model.Screening{Instrument: sf.instrument, Answers: scored}.Result()
	top := []string{s.title.Render(text.Clean(f.Title))}
	if res.AskAboutSafetyNow {
		top = append(top, safetyNotice(s, w)...)
	}
	top = append(top, f.ProblemLines(s.form())...)
	top = append(top, text.Wrap(sf.published.Lead, w)...)
	n := len(sf.published.Questions) + len(sf.published.Unscored)
	var mid []string
	for _, fl := range f.Fields[n:] {
		mid = append(mid, f.FieldLine(fl, s.form(), now)...)
	}
	mid = append(mid, sf.totalLines(s, res, scored, w)...)
	foot := append([]string{s.dim.Render(strings.Repeat("─", w))}, sf.footer(f, s, w)...)
	rows := max(3, h-1-len(top)-len(mid)-len(foot))
	return append(append(append(top, sf.itemLines(f, s, w, rows)...), mid...), foot...)
}

// itemLines draws the questions, one line each, in a window of rows that
// follows the focus.
func (sf screeningForm) itemLines(f *recordForm, s styles, w, rows int) []string {
	n := len(sf.published.Questions) + len(sf.published.Unscored)
	start, shown := 0, n
	if n > rows {
		shown = max(1, rows-2)
		start = max(0, min(f.FocusIndex()-shown/2, n-shown))
	}
	var out []string
	if n > rows {
		out = append(out, s.dim.Render(hint(start, "above")))
	}
	for i := start; i < start+shown; i++ {
		fl := f.Fields[i]
		q, _ := sf.question(f, fl)
		focused := f.FocusIndex() == i
		mark := "  "
		if focused {
			mark = s.selected.Render("▸") + " "
		}
		// The answer sits at the right edge; the question takes the rest of
		// the line and shows in full under the form when focused.
		answer := sf.answerText(f, fl, i, focused, s)
		question := text.Pad(q.Text, max(10, w-6-text.Width(answer)-2))
		if focused {
			question = s.bold.Render(question)
		}
		out = append(out, mark+text.Pad(fl.Label, 3)+" "+question+"  "+answer)
	}
	if n > rows {
		out = append(out, s.dim.Render(hint(n-start-shown, "below")))
	}
	return out
}

// hint says how many questions are out of view.
func hint(k int, where string) string {
	if k <= 0 {
		return ""
	}
	if k == 1 {
		return "    ⋮ 1 more question " + where
	}
	return "    ⋮ " + strconv.Itoa(k) + " more questions " + where
}

// answerText is a question's answer as the line shows it.
func (sf screeningForm) answerText(f *recordForm, fl *form.Field, i int, focused bool, s styles) string {
	var text string
	switch {
	case fl.Kind == form.KindText && focused:
		text = "‹ " + fl.Value() + "▏›"
	case fl.Kind == form.KindText && strings.TrimSpace(fl.Value()) == "":
		text = "—"
	case fl.Kind == form.KindText:
		text = fl.Value()
	case fl.Value() == notAnswered && !focused:
		text = "—"
	default:
		o := fl.Options[fl.Pick]
		text = o.Label
		if o.Value != notAnswered {
			text += " (" + o.Value + ")"
		}
		if focused {
			text = "‹ " + text + " ›"
		}
	}
	if i >= len(sf.published.Questions) {
		text += s.dim.Render(" not scored")
	}
	if fl.Err != "" {
		text += " " + s.errText.Render("✗ "+fl.Err)
	}
	return text
}

// totalLines is the running total with the published bands as
// information beside it, and what the bands do and do not mean.
func (sf screeningForm) totalLines(s styles, res model.ScreeningResult, scored []int, w int) []string {
	var out []string
	if sf.published.Totalled {
		answered := 0
		for _, a := range scored {
			if a != model.Unanswered {
				answered++
			}
		}
		total := "Total " + strconv.Itoa(res.Total) + " of " + strconv.Itoa(sf.published.MaxTotal())
		if answered < len(scored) {
			total += " so far · " + strconv.Itoa(answered) + " of " + strconv.Itoa(len(scored)) + " answered"
		} else if res.Band != nil {
			total += " · " + res.Band.String()
		}
		out = append(out, s.bold.Render(total))
		var bands []string
		for _, b := range sf.published.Bands {
			text := strconv.Itoa(b.Min) + "–" + strconv.Itoa(b.Max) + " " + b.Label
			if b.Min == b.Max {
				text = strconv.Itoa(b.Min) + " " + b.Label
			}
			if answered == len(scored) && b.Contains(res.Total) {
				text = "▸" + text
			}
			bands = append(bands, text)
		}
		out = append(out, text.Wrap("Published score bands: "+strings.Join(bands, " · "), w)...)
	}
	for _, l := range text.Wrap(sf.published.Note, w) {
		out = append(out, s.dim.Render(l))
	}
	return out
}

// footer is the focused question in full with its answers numbered, or the
// focused field's help.
func (sf screeningForm) footer(f *recordForm, s styles, w int) []string {
	fl := f.Focused()
	q, ok := sf.question(f, fl)
	if f.Confirming() || f.Saving || !ok {
		return f.Footer(s.form())
	}
	out := text.Wrap(fl.Label+". "+q.Text, w)
	if typedRuler(q) {
		return append(out, s.dim.Render("Type a whole number: "+q.Choices[0].Label+" … "+q.Choices[len(q.Choices)-1].Label+"."))
	}
	var opts []string
	for i, o := range fl.Options {
		text := "[" + strconv.Itoa(i+1) + "] " + o.Label
		if i == fl.Pick {
			text = "▸" + text
		}
		opts = append(opts, text)
	}
	for _, l := range text.Wrap(strings.Join(opts, " · "), w) {
		out = append(out, s.dim.Render(l))
	}
	return out
}
