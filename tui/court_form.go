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

// noticeMsg is news for the notice line from a command: what it found
// instead of opening a form.
type noticeMsg struct{ text string }

// courtSavedMsg reports a hearing or its outcome written (or why not).
type courtSavedMsg struct {
	saved
	// modified says the court changed the conditions, so the client
	// screen goes to its Conditions tab for the officer to change them.
	modified bool
}

// courtForm records a hearing coming or past: when, where, the judge,
// whether the officer attends and a report is due.
type courtForm struct{}

func newCourtForm(c model.Client, now time.Time) *recordForm {
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Court event · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				choiceField(model.FieldType, "Hearing", model.CourtEventKinds(), model.CourtReview, "What kind of hearing."),
				whenField(model.FieldAt, "When", "", "Day and time of the hearing. "+whenHelp, false),
				textField(model.FieldCourt, "Court", "", "The court, as on the notice."),
				textField(model.FieldCourtroom, "Courtroom", "", "Courtroom or department."),
				textField(model.FieldJudge, "Judge", "", "The judge, if known."),
				boolField("attends", "You attend", false, "Yes when you must be there."),
				whenField(model.FieldReportDueOn, "Report due", "", "The day your report is due to the court; empty when none. "+whenHelp, true),
			},
		},
		spec: courtForm{}, kind: "court_event", clientID: c.ID, draftKey: "court_event:" + c.ID,
	}
	f.MoveTo(0)
	return f
}

func (courtForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	e := model.CourtEvent{ClientID: f.clientID, Kind: model.CourtEventKind(f.Field(model.FieldType).Value()),
		Court: strings.TrimSpace(f.Field(model.FieldCourt).Value()), Courtroom: strings.TrimSpace(f.Field(model.FieldCourtroom).Value()),
		Judge: strings.TrimSpace(f.Field(model.FieldJudge).Value()), OfficerAttends: f.Field("attends").Value() == "yes"}
	var err error
	if e.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	due, err := f.Field(model.FieldReportDueOn).When(f.Opened)
	if err != nil {
		p = append(p, model.FieldError{Field: model.FieldReportDueOn, Message: err.Error()})
	} else if !due.IsZero() {
		e.ReportDueOn = model.DateOf(due)
	}
	if err := mergeErrors(p, e.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: e.Kind.Label() + " on " + e.At.Format("Mon 2 Jan 15:04") + " recorded"}
	return func() tea.Msg {
		_, err := st.AddCourtEvent(context.Background(), e)
		msg.err = err
		return courtSavedMsg{saved: msg}
	}, nil
}

// outcomeForm records what the court decided at a hearing that has begun.
type outcomeForm struct {
	events []model.CourtEvent // the hearings waiting for an outcome, newest first
}

// waitingForOutcome are the hearings that have begun and have no outcome,
// newest first (CourtEvents' order).
func waitingForOutcome(events []model.CourtEvent, now time.Time) []model.CourtEvent {
	var out []model.CourtEvent
	for _, e := range events {
		if e.Outcome == model.CourtPending && !e.At.After(now) {
			out = append(out, e)
		}
	}
	return out
}

// prepareOutcome reads the client's hearings and opens the outcome form for
// those waiting for one, or says there are none.
func (a *App) prepareOutcome(c model.Client) tea.Cmd {
	st, now := a.st, a.now()
	return func() tea.Msg {
		f, err := outcomeFormFor(context.Background(), st, c, now)
		if err == nil && f == nil {
			return noticeMsg{"No hearing of " + c.DisplayName() + " is waiting for its outcome; o records a hearing."}
		}
		return formReadyMsg{form: f, err: err}
	}
}

// outcomeFormFor builds the outcome form, or nil when no hearing waits.
func outcomeFormFor(ctx context.Context, st *store.Store, c model.Client, now time.Time) (*recordForm, error) {
	events, err := st.CourtEvents(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	waiting := waitingForOutcome(events, now)
	if len(waiting) == 0 {
		return nil, nil
	}
	return newOutcomeForm(c, waiting, now), nil
}

func newOutcomeForm(c model.Client, waiting []model.CourtEvent, now time.Time) *recordForm {
	hearings := make([]model.Option[string], len(waiting))
	for i, e := range waiting {
		label := e.Kind.Label() + " · " + e.At.Format("Mon 02 Jan 15:04")
		if e.Court != "" {
			label += " · " + e.Court
		}
		hearings[i] = model.Option[string]{Value: e.ID, Label: label}
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Court outcome · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				choiceField("hearing", "Hearing", hearings, waiting[0].ID, "The hearing the outcome is of; the latest first."),
				choiceField(model.FieldCourtResult, "Outcome", model.CourtOutcomes(), model.CourtContinued, "What the court decided."),
				noteField(model.FieldOutcomeNote, "Note", "", "The court's words, a new date, the sanction: what the record needs."),
			},
		},
		spec: outcomeForm{events: waiting}, kind: "court_outcome", clientID: c.ID, draftKey: "court_outcome:" + c.ID,
	}
	f.Fields[0].Hidden = len(waiting) == 1
	f.MoveTo(0)
	if len(waiting) == 1 {
		f.MoveTo(1)
	}
	return f
}

func (s outcomeForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	id := f.Field("hearing").Value()
	var e model.CourtEvent
	for _, x := range s.events {
		if x.ID == id {
			e = x
		}
	}
	e.Outcome = model.CourtOutcome(f.Field(model.FieldCourtResult).Value())
	e.OutcomeNote = strings.TrimRight(f.Field(model.FieldOutcomeNote).Value(), "\n ")
	if err := mergeErrors(nil, e.Validate(now)); err != nil {
		return nil, err
	}
	what := "Outcome of the " + strings.ToLower(e.Kind.Label()) + ": " + e.Outcome.Label()
	if e.Outcome.ModifiesConditions() {
		what += "; change the conditions here (m on a condition)"
	}
	msg := courtSavedMsg{saved: saved{clientID: f.clientID, draftKey: f.draftKey, what: what}, modified: e.Outcome.ModifiesConditions()}
	return func() tea.Msg {
		_, err := st.UpdateCourtEvent(context.Background(), e)
		msg.err = err
		return msg
	}, nil
}
