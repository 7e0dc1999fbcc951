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

// checkinSavedMsg reports a check-in written (or why not).
type checkinSavedMsg struct{ saved }

// amendmentSavedMsg reports a correction written (or why not).
type amendmentSavedMsg struct{ saved }

// saved is what every save reports back: whose record, which draft to drop,
// and the error if it failed.
type saved struct {
	clientID string
	draftKey string
	what     string
	err      error
}

// noStage is the stage field's value for "not recorded this time".
const noStage = "none"

// whenHelp is the help line of every date field.
const whenHelp = `Type "now", "today 3pm", "tomorrow", "fri 10:00", "+14d" or 2026-12-03.`

// checkinForm saves a new check-in, or amends one when original is set.
type checkinForm struct {
	original *model.CheckIn
	plan     *model.RelapsePlan // shown beside a risk flag; nil when none
	// hours and payment are the open conditions today's hours and payment
	// count toward; nil when the client has none (checkin_extras.go).
	hours, payment *store.ConditionState
}

// checkinDefaults is what the form needs to fill itself in.
type checkinDefaults struct {
	client    model.Client
	summary   model.ClientSummary
	last      *model.CheckIn // the latest check-in, for the contact type
	intervals model.Intervals
	goals     []model.Goal       // open goals, whose steps can be ticked
	plan      *model.RelapsePlan // the relapse-prevention plan, if any
	// conditions are the client's conditions with their progress, for the
	// hours and payment fields.
	conditions []store.ConditionState
}

// newCheckInForm builds the check-in form with defaults that do the work:
// now, the last contact type, completed, not tested, the current stage, and
// the next appointment one contact interval away. An amendment starts from
// the original record instead and asks why.
func newCheckInForm(d checkinDefaults, original *model.CheckIn, now time.Time) *recordForm {
	c := model.CheckIn{
		At: now, Type: model.ContactOffice, Outcome: model.OutcomeCompleted, Test: model.TestNotTested,
		Stage: d.summary.Stage,
	}
	if d.last != nil && d.last.Type.Valid() {
		c.Type = d.last.Type
	}
	next := "+" + strconv.Itoa(d.intervals.Days(d.client.Level)) + "d"
	title := "Check-in · " + d.client.DisplayName() + " · " + d.client.CaseNumber
	draftKey := "checkin:" + d.client.ID
	target := ""
	if original != nil {
		c = *original
		next = fmtWhen(original.NextAppointment)
		title = "Amend check-in of " + original.At.Format("Mon 2 Jan 2006 15:04") + " · " + d.client.DisplayName()
		draftKey, target = "amend-checkin:"+original.ID, original.ID
	}
	stage := string(c.Stage)
	if stage == "" {
		stage = noStage
	}
	spec := checkinForm{original: original, plan: d.plan}
	if original == nil {
		spec.hours, spec.payment = countedConditions(d.conditions)
	}
	stages := append(model.Stages(), model.Option[model.Stage]{Value: noStage, Label: "Not recorded", Help: "No stage observed at this contact."})
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now,
			Fields: []*form.Field{
				whenField(model.FieldAt, "When", fmtWhen(c.At), whenHelp, false),
				choiceField(model.FieldType, "Type", model.ContactTypes(), c.Type, ""),
				choiceField(model.FieldTest, "Drug test", model.TestResults(), c.Test, ""),
				textField(model.FieldSubstances, "Substances", text.Clean(strings.Join(c.Substances, ", ")), "The substances, separated by commas."),
				stageField(model.FieldStage, "Stage", stages, model.Stage(stage), "The stage of change you observed. The app records; it never scores."),
				noteField(model.FieldNote, "Note", text.CleanLines(c.Note), "enter starts a new line; tab goes to the next field."),
				choiceField(model.FieldOutcome, "Outcome", model.Outcomes(), c.Outcome, ""),
				multiField(model.FieldFlags, "Risk flags", model.RiskFlags(), c.Flags, "space or a number ticks a flag; ← → move."),
				textField(model.FieldLocation, "Location", text.Clean(c.Location), "Where the contact took place, if it matters."),
				whenField(model.FieldNextAppointment, "Next appt", next, whenHelp+" Empty for none.", false),
				boolField("sensitive", "Sensitive", c.Sensitive, "Yes when the note holds substance-use information (42 CFR Part 2)."),
			},
			OnChange: func(f *form.Form) {
				test := model.TestResult(f.Field(model.FieldTest).Value())
				f.Field(model.FieldSubstances).Hidden = !test.NamesSubstances() && f.Field(model.FieldSubstances).Value() == ""
			},
		},
		spec: spec, kind: "checkin", clientID: d.client.ID, draftKey: draftKey, target: target,
	}
	// One line until it is being written: at 80x24 the room is wanted for
	// the lists of the other fields and the relapse-prevention plan.
	f.Field(model.FieldNote).Compact = true
	if original == nil {
		extras := extraFields(f.spec.(checkinForm).hours, f.spec.(checkinForm).payment)
		if steps := stepsField(d.goals); steps != nil {
			extras = append([]*form.Field{steps}, extras...)
		}
		at := f.IndexOf(f.Field(model.FieldFlags)) + 1
		f.Fields = append(f.Fields[:at], append(extras, f.Fields[at:]...)...)
		hideSubstances, offered := f.OnChange, model.ViolationKind("")
		f.OnChange = func(f *form.Form) {
			hideSubstances(f)
			offerViolation(f, &offered)
		}
	}
	f.MoveTo(1) // "When" is right nine times out of ten; the type is the first thing to say
	if original != nil {
		f.Fields = append([]*form.Field{textField(model.FieldAmendReason, "Reason", "", "Why the record is corrected: the original stays readable.")}, f.Fields...)
		f.MoveTo(0)
	}
	f.Changed()
	return f
}

// fmtWhen writes a time the way ParseWhen reads it back.
func fmtWhen(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

func (s checkinForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	c := model.CheckIn{
		ClientID:  f.clientID,
		Type:      model.ContactType(f.Field(model.FieldType).Value()),
		Outcome:   model.Outcome(f.Field(model.FieldOutcome).Value()),
		Test:      model.TestResult(f.Field(model.FieldTest).Value()),
		Location:  strings.TrimSpace(f.Field(model.FieldLocation).Value()),
		Flags:     multiValues[model.RiskFlag](f.Field(model.FieldFlags)),
		Note:      strings.TrimRight(f.Field(model.FieldNote).Value(), "\n "),
		Sensitive: f.Field("sensitive").Value() == "yes",
	}
	if stage := f.Field(model.FieldStage).Value(); stage != noStage {
		c.Stage = model.Stage(stage)
	}
	c.Substances = model.ParseTags(f.Field(model.FieldSubstances).Value())
	var err error
	if c.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	if c.NextAppointment, err = f.Field(model.FieldNextAppointment).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldNextAppointment, Message: err.Error()})
	}
	reason := ""
	if s.original != nil {
		reason = strings.TrimSpace(f.Field(model.FieldAmendReason).Value())
		if reason == "" {
			p = append(p, model.FieldError{Field: model.FieldAmendReason, Message: "required: say why the record is corrected"})
		}
	}
	var x store.CheckInExtras
	if s.original == nil {
		x = s.checkinExtras(f, c, now, &p)
	}
	if err := mergeErrors(p, c.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Check-in saved"}
	if s.original != nil {
		id := s.original.ID
		return func() tea.Msg {
			_, err := st.AmendCheckIn(context.Background(), id, c, reason)
			msg.err, msg.what = err, "Check-in amended"
			return amendmentSavedMsg{msg}
		}, nil
	}
	if len(x.Ticks) > 0 {
		msg.what += " with " + strconv.Itoa(len(x.Ticks)) + " plan step(s) done"
	}
	msg.what += extrasSaved(x)
	return func() tea.Msg {
		_, err := st.AddCheckInWith(context.Background(), c, x)
		msg.err = err
		return checkinSavedMsg{msg}
	}, nil
}

// mergeErrors joins the form's own problems (dates it could not read, a
// missing reason) with the model's, so every bad field shows at once.
func mergeErrors(own []model.FieldError, modelErr error) error {
	if modelErr != nil {
		v := model.FieldErrors(modelErr)
		if v == nil {
			return modelErr
		}
		for _, fe := range v.Fields {
			if !hasField(own, fe.Field) {
				own = append(own, fe)
			}
		}
	}
	if len(own) == 0 {
		return nil
	}
	return &model.ValidationError{Fields: own}
}

func hasField(list []model.FieldError, name string) bool {
	for _, fe := range list {
		if fe.Field == name {
			return true
		}
	}
	return false
}
