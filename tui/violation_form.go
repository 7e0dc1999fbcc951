package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/tui/form"
)

// violationSavedMsg reports a violation and its response written (or why
// not).
type violationSavedMsg struct{ saved }

// respondLater is the step field's value for "no response yet".
const respondLater = "later"

// violationForm records a violation and, in the same save, the response to
// it, with the response the matrix suggests chosen to start with.
type violationForm struct {
	ladder model.Ladder
	// suggested is the matrix's suggestion for each seriousness, read when
	// the form opened.
	suggested map[model.Seriousness]model.Suggestion
}

// prepareViolation reads the ladder, the suggestions and the 90-day ratio
// of incentives to sanctions, then opens the violation form.
func (a *App) prepareViolation(c model.Client) tea.Cmd {
	return a.prepareForm(func(ctx context.Context, st *store.Store, now time.Time) (*recordForm, error) {
		return violationFormFor(ctx, st, c, now)
	})
}

// prepareForm builds a form that reads the store first (a ladder, a
// suggestion, a ratio) in a command, off the update loop, then opens it.
func (a *App) prepareForm(build func(ctx context.Context, st *store.Store, now time.Time) (*recordForm, error)) tea.Cmd {
	st, now := a.st, a.now()
	return func() tea.Msg {
		f, err := build(context.Background(), st, now)
		return formReadyMsg{form: f, err: err}
	}
}

// violationFormFor reads what the violation form shows beside its fields
// and builds it; a draft of the form is rebuilt the same way.
func violationFormFor(ctx context.Context, st *store.Store, c model.Client, now time.Time) (*recordForm, error) {
	set, err := st.ResponseSettings(ctx)
	if err != nil {
		return nil, err
	}
	sugg := map[model.Seriousness]model.Suggestion{}
	for _, o := range model.Seriousnesses() {
		s, err := st.SuggestResponse(ctx, model.Violation{ClientID: c.ID, At: now, Seriousness: o.Value})
		if err != nil {
			return nil, err
		}
		sugg[o.Value] = s
	}
	ratio, err := st.IncentiveRatio(ctx, c.ID, now)
	if err != nil {
		return nil, err
	}
	return newViolationForm(c, set.Sanctions, sugg, ratio, now), nil
}

// newViolationForm starts on what happened; the response follows the
// seriousness to the matrix's suggestion until the officer picks another.
func newViolationForm(c model.Client, ladder model.Ladder, sugg map[model.Seriousness]model.Suggestion, ratio model.Ratio, now time.Time) *recordForm {
	steps := []model.Option[string]{{Value: respondLater, Label: "Respond later", Help: "Record the violation now and the response on another day."}}
	for _, s := range ladder {
		steps = append(steps, model.Option[string]{Value: s.Key, Label: s.Label, Help: "Tier " + strconv.Itoa(s.Tier)})
	}
	spec := violationForm{ladder: ladder, suggested: sugg}
	ratioHelp := "Incentives to sanctions: " + ratio.String() + "."
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Violation and response · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				choiceField(model.FieldType, "What", model.ViolationKinds(), model.ViolationKinds()[0].Value, "What happened."),
				choiceField(model.FieldSeriousness, "Seriousness", model.Seriousnesses(), model.SeriousnessLow, "How serious: the matrix suggests a response from it and the client's level."),
				whenField(model.FieldAt, "When", "now", whenHelp, false),
				noteField(model.FieldDescription, "What happened", "", "In your words: the facts, not a judgement."),
				choiceField(model.FieldStep, "Response", steps, respondLater, ratioHelp),
				noteField("response_note", "Why", "", "Why this response; required when it is not the one suggested."),
			},
		},
		spec: spec, kind: "violation", clientID: c.ID, draftKey: "violation:" + c.ID,
	}
	f.Field(model.FieldDescription).Compact = true
	f.Field("response_note").Compact = true
	last := model.Seriousness("")
	f.OnChange = func(f *form.Form) {
		s := model.Seriousness(f.Field(model.FieldSeriousness).Value())
		if s == last {
			return
		}
		last = s
		step := f.Field(model.FieldStep)
		g := sugg[s]
		step.Help = "Suggested: " + g.Step.Label + " (" + g.Why + "). " + ratioHelp
		for i, o := range step.Options {
			if o.Value == g.Step.Key {
				step.Pick = i
			}
		}
	}
	f.Changed()
	f.MoveTo(0)
	return f
}

func (s violationForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	v := model.Violation{
		ClientID: f.clientID, Kind: model.ViolationKind(f.Field(model.FieldType).Value()),
		Seriousness: model.Seriousness(f.Field(model.FieldSeriousness).Value()),
		Description: strings.TrimRight(f.Field(model.FieldDescription).Value(), "\n "),
	}
	var err error
	if v.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	var resp *model.Response
	what := "Violation recorded; answer it from the agenda (g)"
	if key := f.Field(model.FieldStep).Value(); key != respondLater {
		step, _ := s.ladder.Step(key)
		g := s.suggested[v.Seriousness]
		resp = &model.Response{ClientID: f.clientID, At: v.At, StepKey: step.Key, StepLabel: step.Label, Tier: step.Tier,
			Suggested: g.Step.Key, Note: strings.TrimRight(f.Field("response_note").Value(), "\n ")}
		if step.Key != g.Step.Key && strings.TrimSpace(resp.Note) == "" {
			p = append(p, model.FieldError{Field: "response_note", Message: "required: say why not the suggested " + g.Step.Label})
		}
		what = "Violation and response (" + step.Label + ") recorded"
	}
	// The response is checked in the save, once the violation has its ID.
	if err := mergeErrors(p, v.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: what}
	return func() tea.Msg {
		_, err := st.RecordViolation(context.Background(), v, resp)
		msg.err = err
		return violationSavedMsg{msg}
	}, nil
}
