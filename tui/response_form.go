package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// responseSavedMsg reports the response to a violation written (or why not).
type responseSavedMsg struct{ saved }

// responseForm answers a violation recorded earlier with a step of the
// sanction ladder, starting on the step the matrix suggests.
type responseForm struct {
	violation model.Violation
	ladder    model.Ladder
	suggested model.Suggestion
}

// prepareResponse reads the ladder, the suggestion for the violation and
// the client's 90-day ratio, then opens the response form.
func (a *App) prepareResponse(it model.AgendaItem) tea.Cmd {
	v := *it.Violation
	c := model.Client{ID: it.ClientID, Name: it.ClientName, PreferredName: it.PreferredName, CaseNumber: it.CaseNumber}
	return a.prepareForm(func(ctx context.Context, st *store.Store, now time.Time) (*recordForm, error) {
		return responseFormFor(ctx, st, c, v, now)
	})
}

// responseFormFor builds the response form for a violation; a draft of the
// form is rebuilt the same way.
func responseFormFor(ctx context.Context, st *store.Store, c model.Client, v model.Violation, now time.Time) (*recordForm, error) {
	set, err := st.ResponseSettings(ctx)
	if err != nil {
		return nil, err
	}
	sugg, err := st.SuggestResponse(ctx, v)
	if err != nil {
		return nil, err
	}
	ratio, err := st.IncentiveRatio(ctx, c.ID, now)
	if err != nil {
		return nil, err
	}
	return newResponseForm(c, v, set.Sanctions, sugg, ratio, now), nil
}

// violationByID finds one of a client's violations.
func violationByID(ctx context.Context, st *store.Store, clientID, id string) (model.Violation, error) {
	list, _, err := st.Violations(ctx, clientID)
	if err != nil {
		return model.Violation{}, err
	}
	for _, v := range list {
		if v.ID == id {
			return v, nil
		}
	}
	return model.Violation{}, fmt.Errorf("violation %s: %w", id, store.ErrNotFound)
}

func newResponseForm(c model.Client, v model.Violation, ladder model.Ladder, sugg model.Suggestion, ratio model.Ratio, now time.Time) *recordForm {
	var steps []model.Option[string]
	for _, s := range ladder {
		steps = append(steps, model.Option[string]{Value: s.Key, Label: s.Label, Help: "Tier " + strconv.Itoa(s.Tier)})
	}
	what := v.Kind.Label() + ", " + strings.ToLower(v.Seriousness.Label()) + ", " + v.At.Format("02 Jan")
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Response · " + c.DisplayName() + " · " + what,
			Fields: []*form.Field{
				choiceField(model.FieldStep, "Response", steps, sugg.Step.Key,
					"Suggested: "+sugg.Step.Label+" ("+sugg.Why+"). Incentives to sanctions: "+ratio.String()+"."),
				whenField(model.FieldAt, "When", "now", whenHelp, false),
				noteField(model.FieldNote, "Why", "", "Why this response; required when it is not the one suggested."),
			},
		},
		spec: responseForm{violation: v, ladder: ladder, suggested: sugg}, kind: "response", clientID: c.ID,
		draftKey: "response:" + v.ID, target: v.ID,
	}
	f.Field(model.FieldNote).Compact = true
	if v.Description != "" && !v.Sensitive {
		f.Field(model.FieldStep).Help = text.Clean(firstLine(v.Description)) + " · " + f.Field(model.FieldStep).Help
	}
	f.MoveTo(0)
	return f
}

func (s responseForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	step, _ := s.ladder.Step(f.Field(model.FieldStep).Value())
	r := model.Response{ViolationID: s.violation.ID, ClientID: f.clientID, StepKey: step.Key, StepLabel: step.Label,
		Tier: step.Tier, Suggested: s.suggested.Step.Key, Note: strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")}
	var err error
	if r.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if step.Key != s.suggested.Step.Key && strings.TrimSpace(r.Note) == "" {
		p = append(p, model.FieldError{Field: model.FieldNote, Message: "required: say why not the suggested " + s.suggested.Step.Label})
	}
	if err := mergeErrors(p, r.Validate(s.ladder, now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Response (" + step.Label + ") recorded"}
	return func() tea.Msg {
		_, err := st.AddResponse(context.Background(), r)
		msg.err = err
		return responseSavedMsg{msg}
	}, nil
}
