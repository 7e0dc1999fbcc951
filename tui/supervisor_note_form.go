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

// supervisorNoteSavedMsg reports a supervisor's note written (or why not).
type supervisorNoteSavedMsg struct{ saved }

// supervisorNoteForm is a supervisor's word on a client of the team, the
// one record a supervisor's file writes: n on the client's screen there,
// where an officer's file opens a stage note.
type supervisorNoteForm struct{}

func newSupervisorNoteForm(client model.Client, now time.Time) *recordForm {
	f := &recordForm{
		Form: &form.Form{Title: "Supervisor note · " + client.DisplayName() + " · " + client.CaseNumber, Opened: now,
			Fields: []*form.Field{
				whenField(model.FieldAt, "When", fmtWhen(now), whenHelp, false),
				noteField(model.FieldNote, "Note", "", "Your word to the officer on this case: it reaches their laptop with the next syncs."),
			},
		},
		spec: supervisorNoteForm{}, kind: "supervisor_note", clientID: client.ID, draftKey: "supervisor_note:" + client.ID,
	}
	f.MoveTo(1)
	return f
}

func (supervisorNoteForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	n := model.SupervisorNote{ClientID: f.clientID, Note: strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")}
	var err error
	if n.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	// The author is filled in by the store, from the file.
	check := n
	check.By = "-"
	if err := mergeErrors(p, check.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Supervisor note saved: it goes to the officer with your next sync"}
	return func() tea.Msg {
		_, err := st.AddSupervisorNote(context.Background(), n)
		msg.err = err
		return supervisorNoteSavedMsg{msg}
	}, nil
}
