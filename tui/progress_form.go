package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
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
func newProgressForm(c model.Client, cond model.Condition, now time.Time) *form {
	m := cond.Kind.Measure()
	kinds := progressKindsFor(m)
	amountLabel, amountHelp := "Hours", `Hours done, as "2", "1.5" or "0.25".`
	if m == model.MeasureCents {
		amountLabel, amountHelp = "Amount", `The amount paid, as "50" or "$12.50".`
	}
	f := &form{
		spec: progressForm{condition: cond}, kind: "progress", clientID: c.ID, opened: now,
		title:    cond.Kind.Label() + " · " + c.DisplayName() + " · " + c.CaseNumber,
		draftKey: "progress:" + cond.ID, target: cond.ID,
		fields: []*field{
			choiceField(model.FieldType, "Record", kinds, kinds[0].Value, "What happened on this condition."),
			textField(model.FieldAmount, amountLabel, "", amountHelp),
			textField(model.FieldWhere, "Where", "", "Where the hours were done or the session held."),
			textField(model.FieldReceipt, "Receipt", "", "The receipt number, as on the receipt."),
			whenField(model.FieldAt, "When", "now", whenHelp, false),
			noteField(model.FieldNote, "Note", "", "Anything worth keeping about it."),
		},
	}
	f.field(model.FieldAmount).hidden = m == model.MeasureSessions
	f.field(model.FieldReceipt).hidden = m != model.MeasureCents
	f.field(model.FieldWhere).hidden = m == model.MeasureCents
	f.fields[0].hidden = len(kinds) == 1
	f.focus = 1
	if m == model.MeasureSessions {
		f.focus = 0
	}
	f.fields[f.focus].focus()
	return f
}

func (s progressForm) submit(f *form, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.ProgressEntry{
		ConditionID: s.condition.ID, ClientID: f.clientID,
		Kind:    model.ProgressKind(f.field(model.FieldType).value()),
		Where:   strings.TrimSpace(f.field(model.FieldWhere).value()),
		Receipt: strings.TrimSpace(f.field(model.FieldReceipt).value()),
		Note:    strings.TrimRight(f.field(model.FieldNote).value(), "\n "),
	}
	var err error
	if e.At, err = f.field(model.FieldAt).when(f.opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if amount := f.field(model.FieldAmount).value(); !f.field(model.FieldAmount).hidden {
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
func newConditionStatusForm(c model.Client, cond model.Condition, now time.Time) *form {
	var opts []model.Option[model.ConditionStatus]
	for _, o := range model.ConditionStatuses() {
		if o.Value != cond.Status {
			opts = append(opts, o)
		}
	}
	f := &form{
		spec: conditionStatusForm{condition: cond}, kind: "condition_status", clientID: c.ID, opened: now,
		title:    "Status of " + strings.ToLower(cond.Kind.Label()) + " · " + c.DisplayName() + " · now " + cond.Status.Label(),
		draftKey: "condition_status:" + cond.ID, target: cond.ID,
		fields: []*field{
			choiceField(model.FieldStatus, "Status", opts, opts[0].Value, "Where the client stands on this condition now."),
			noteField(model.FieldNote, "Reason", "", "Why the status changes: what you saw, or the court's decision."),
			whenField(model.FieldAt, "When", "now", whenHelp, false),
		},
	}
	f.fields[0].focus()
	return f
}

func (s conditionStatusForm) submit(f *form, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.ProgressEntry{
		ConditionID: s.condition.ID, ClientID: f.clientID, Kind: model.ProgressStatus,
		Status: model.ConditionStatus(f.field(model.FieldStatus).value()), From: s.condition.Status,
		Note: strings.TrimRight(f.field(model.FieldNote).value(), "\n "),
	}
	var err error
	if e.At, err = f.field(model.FieldAt).when(f.opened); err != nil {
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
