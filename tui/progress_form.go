package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/tui/form"
)

// progressForm records one step on a condition: hours done and where, a
// payment and its receipt, a session attended or missed.
type progressForm struct {
	condition model.Condition
}

// progressKindsFor are the entries that go on a condition counted by m.
func progressKindsFor(m model.Measure) []model.Option[model.ProgressKind] {
	switch m {
	case model.MeasureMinutes:
		return onlyKinds(model.ProgressHours)
	case model.MeasureCents:
		return onlyKinds(model.ProgressPayment)
	}
	return onlyKinds(model.ProgressAttended, model.ProgressMissed)
}

func onlyKinds(want ...model.ProgressKind) []model.Option[model.ProgressKind] {
	var out []model.Option[model.ProgressKind]
	for _, o := range model.ProgressKinds() {
		for _, k := range want {
			if o.Value == k {
				out = append(out, o)
			}
		}
	}
	return out
}

// newProgressForm starts where the officer types: on the amount for hours
// and payments (so 2 hours is enter, 2, ctrl+s), on attended or missed for
// a session.
func newProgressForm(c model.Client, cond model.Condition, now time.Time) *recordForm {
	m := cond.Kind.Measure()
	kinds := progressKindsFor(m)
	amountLabel, amountHelp := "Hours", `Hours done, as "2", "1.5" or "0.25".`
	if m == model.MeasureCents {
		amountLabel, amountHelp = "Amount", `The amount paid, as "50" or "$12.50".`
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: cond.Kind.Label() + " · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				choiceField(model.FieldType, "Record", kinds, kinds[0].Value, "What happened on this condition."),
				textField(model.FieldAmount, amountLabel, "", amountHelp),
				textField(model.FieldWhere, "Where", "", "Where the hours were done or the session held."),
				textField(model.FieldReceipt, "Receipt", "", "The receipt number, as on the receipt."),
				whenField(model.FieldAt, "When", "now", whenHelp, false),
				noteField(model.FieldNote, "Note", "", "Anything worth keeping about it."),
			},
		},
		spec: progressForm{condition: cond}, kind: "progress", clientID: c.ID, draftKey: "progress:" + cond.ID, target: cond.ID,
	}
	f.Field(model.FieldAmount).Hidden = m == model.MeasureSessions
	f.Field(model.FieldReceipt).Hidden = m != model.MeasureCents
	f.Field(model.FieldWhere).Hidden = m == model.MeasureCents
	f.Fields[0].Hidden = len(kinds) == 1
	f.MoveTo(1)
	if m == model.MeasureSessions {
		f.MoveTo(0)
	}
	return f
}

func (s progressForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.ProgressEntry{
		ConditionID: s.condition.ID, ClientID: f.clientID,
		Kind:    model.ProgressKind(f.Field(model.FieldType).Value()),
		Where:   strings.TrimSpace(f.Field(model.FieldWhere).Value()),
		Receipt: strings.TrimSpace(f.Field(model.FieldReceipt).Value()),
		Note:    strings.TrimRight(f.Field(model.FieldNote).Value(), "\n "),
	}
	var err error
	if e.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if amount := f.Field(model.FieldAmount).Value(); !f.Field(model.FieldAmount).Hidden {
		parse := model.ParseHours
		if e.Kind == model.ProgressPayment {
			parse = model.ParseMoney
		}
		if e.Amount, err = parse(amount); err != nil {
			p = append(p, model.FieldError{Field: model.FieldAmount, Message: err.Error()})
		}
	}
	if e.Kind == model.ProgressPayment {
		e.Where = ""
	} else {
		e.Receipt = ""
	}
	if err := mergeErrors(p, e.ValidateFor(s.condition, now)); err != nil {
		return nil, err
	}
	what := progressSavedText(e)
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: what}
	return func() tea.Msg {
		_, err := st.AddProgress(context.Background(), e)
		msg.err = err
		return progressSavedMsg{msg}
	}, nil
}

// progressSavedText is the notice after a save: what was recorded.
func progressSavedText(e model.ProgressEntry) string {
	switch e.Kind {
	case model.ProgressHours:
		return model.Hours(e.Amount) + " hours recorded"
	case model.ProgressPayment:
		return "Payment of " + model.Money(e.Amount) + " recorded"
	case model.ProgressStatus:
		return "Condition now " + strings.ToLower(e.Status.Label())
	}
	return e.Kind.Label() + " recorded"
}

// conditionStatusForm changes where the client stands on a condition, with
// the reason; the change is kept as a progress entry.
type conditionStatusForm struct {
	condition model.Condition
}

// newConditionStatusForm starts on the first status other than the
// current one.
func newConditionStatusForm(c model.Client, cond model.Condition, now time.Time) *recordForm {
	var opts []model.Option[model.ConditionStatus]
	for _, o := range model.ConditionStatuses() {
		if o.Value != cond.Status {
			opts = append(opts, o)
		}
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Status of " + strings.ToLower(cond.Kind.Label()) + " · " + c.DisplayName() + " · now " + cond.Status.Label(),
			Fields: []*form.Field{
				choiceField(model.FieldStatus, "Status", opts, opts[0].Value, "Where the client stands on this condition now."),
				noteField(model.FieldNote, "Reason", "", "Why the status changes: what you saw, or the court's decision."),
				whenField(model.FieldAt, "When", "now", whenHelp, false),
			},
		},
		spec: conditionStatusForm{condition: cond}, kind: "condition_status", clientID: c.ID, draftKey: "condition_status:" + cond.ID, target: cond.ID,
	}
	f.MoveTo(0)
	return f
}

func (s conditionStatusForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.ProgressEntry{
		ConditionID: s.condition.ID, ClientID: f.clientID, Kind: model.ProgressStatus,
		Status: model.ConditionStatus(f.Field(model.FieldStatus).Value()), From: s.condition.Status,
		Note: strings.TrimRight(f.Field(model.FieldNote).Value(), "\n "),
	}
	var err error
	if e.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if err := mergeErrors(p, e.ValidateFor(s.condition, now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: progressSavedText(e)}
	return func() tea.Msg {
		_, err := st.AddProgress(context.Background(), e)
		msg.err = err
		return progressSavedMsg{msg}
	}, nil
}
