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

// employmentSavedMsg reports a job written (or why not).
type employmentSavedMsg struct{ saved }

// employmentForm records a job the client holds or held, and how the officer
// verified it.
type employmentForm struct{}

// notVerified is the verification field's value for "not verified yet".
const notVerified = "none"

func newEmploymentForm(c model.Client, now time.Time) *recordForm {
	ways := append([]model.Option[model.Verification]{{Value: notVerified, Label: "Not verified", Help: "Not checked yet."}},
		model.Verifications()...)
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Job · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				textField(model.FieldEmployer, "Employer", "", "Who employs the client."),
				textField(model.FieldPosition, "Position", "", "The job, in a few words."),
				whenField(model.FieldStartOn, "Started", "today", whenHelp, true),
				whenField(model.FieldEndOn, "Ended", "", "Empty while the job goes on. "+whenHelp, true),
				textField(model.FieldHoursPerWeek, "Hours a week", "", "Usual hours a week, 0 to 100."),
				choiceField(model.FieldVerifiedBy, "Verified by", ways, notVerified, "How you confirmed the job."),
				whenField(model.FieldVerifiedOn, "Verified on", "", "The day you confirmed it. "+whenHelp, true),
			},
		},
		spec: employmentForm{}, kind: "employment", clientID: c.ID, draftKey: "employment:" + c.ID,
	}
	f.OnChange = func(f *form.Form) {
		f.Field(model.FieldVerifiedOn).Hidden = f.Field(model.FieldVerifiedBy).Value() == notVerified
	}
	f.Changed()
	f.MoveTo(0)
	return f
}

func (employmentForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.Employment{ClientID: f.clientID, Employer: strings.TrimSpace(f.Field(model.FieldEmployer).Value()),
		Position: strings.TrimSpace(f.Field(model.FieldPosition).Value())}
	date := func(name string) model.Date {
		t, err := f.Field(name).When(f.Opened)
		if err != nil {
			p = append(p, model.FieldError{Field: name, Message: err.Error()})
			return model.Date{}
		}
		if t.IsZero() {
			return model.Date{}
		}
		return model.DateOf(t)
	}
	e.StartOn, e.EndOn = date(model.FieldStartOn), date(model.FieldEndOn)
	if h := strings.TrimSpace(f.Field(model.FieldHoursPerWeek).Value()); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil {
			p = append(p, model.FieldError{Field: model.FieldHoursPerWeek, Message: "a whole number of hours, as 35"})
		}
		e.HoursPerWeek = n
	}
	if by := f.Field(model.FieldVerifiedBy).Value(); by != notVerified {
		e.VerifiedBy = model.Verification(by)
		e.VerifiedOn = date(model.FieldVerifiedOn)
	}
	if err := mergeErrors(p, e.Validate(model.DateOf(now))); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Job at " + e.Employer + " recorded"}
	return func() tea.Msg {
		_, err := st.AddEmployment(context.Background(), e)
		msg.err = err
		return employmentSavedMsg{msg}
	}, nil
}
