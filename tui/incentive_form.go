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

// incentiveSavedMsg reports an incentive written (or why not).
type incentiveSavedMsg struct{ saved }

// incentiveForm rewards progress with a step of the agency's incentive
// ladder, with the client's 90-day ratio of incentives to sanctions beside
// it.
type incentiveForm struct {
	ladder model.Ladder
}

// noCondition is the condition field's value for "not for one condition".
const noCondition = "none"

// prepareIncentive reads the ladder, the client's conditions and the 90-day
// ratio, then opens the incentive form.
func (a *App) prepareIncentive(c model.Client) tea.Cmd {
	return a.prepareForm(func(ctx context.Context, st *store.Store, now time.Time) (*recordForm, error) {
		return incentiveFormFor(ctx, st, c, now)
	})
}

// incentiveFormFor builds the incentive form; a draft of it is rebuilt the
// same way.
func incentiveFormFor(ctx context.Context, st *store.Store, c model.Client, now time.Time) (*recordForm, error) {
	set, err := st.ResponseSettings(ctx)
	if err != nil {
		return nil, err
	}
	conds, err := st.Conditions(ctx, c.ID, model.DateOf(now))
	if err != nil {
		return nil, err
	}
	ratio, err := st.IncentiveRatio(ctx, c.ID, now)
	if err != nil {
		return nil, err
	}
	return newIncentiveForm(c, set.Incentives, conds, ratio, now), nil
}

func newIncentiveForm(c model.Client, ladder model.Ladder, conds []store.ConditionState, ratio model.Ratio, now time.Time) *recordForm {
	steps := make([]model.Option[string], len(ladder))
	for i, s := range ladder {
		steps[i] = model.Option[string]{Value: s.Key, Label: s.Label, Help: "Tier " + strconv.Itoa(s.Tier)}
	}
	forCond := []model.Option[string]{{Value: noCondition, Label: "Progress in general", Help: "Not for one condition."}}
	for _, cs := range conds {
		cond := cs.Condition
		if !cond.Status.Open() {
			continue
		}
		forCond = append(forCond, model.Option[string]{Value: cond.ID, Label: cond.Kind.Label(), Help: firstLine(cond.Wording)})
	}
	first := ""
	if len(ladder) > 0 {
		first = ladder[0].Key
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Incentive · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				choiceField(model.FieldStep, "Incentive", steps, first, "Incentives to sanctions: "+ratio.String()+"."),
				choiceField("condition", "For", forCond, noCondition, "The condition the progress was on, if one."),
				whenField(model.FieldAt, "When", "now", whenHelp, false),
				noteField(model.FieldNote, "Why", "", "The progress it rewards, in a few words: specific praise works best."),
			},
		},
		spec: incentiveForm{ladder: ladder}, kind: "incentive", clientID: c.ID, draftKey: "incentive:" + c.ID,
	}
	f.Field(model.FieldNote).Compact = true
	f.Field("condition").Hidden = len(forCond) == 1
	f.MoveTo(0)
	return f
}

func (s incentiveForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	step, _ := s.ladder.Step(f.Field(model.FieldStep).Value())
	i := model.Incentive{ClientID: f.clientID, StepKey: step.Key, StepLabel: step.Label, Tier: step.Tier,
		Reason: strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")}
	if c := f.Field("condition").Value(); c != noCondition {
		i.ConditionID = c
	}
	var err error
	if i.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if err := mergeErrors(p, i.Validate(s.ladder, now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Incentive (" + step.Label + ") recorded"}
	return func() tea.Msg {
		_, err := st.AddIncentive(context.Background(), i)
		msg.err = err
		return incentiveSavedMsg{msg}
	}, nil
}
