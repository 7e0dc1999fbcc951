package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// stageNoteSavedMsg reports a stand-alone stage note written (or why not).
type stageNoteSavedMsg struct{ saved }

// stageNoteForm records a stage of change on its own, or amends one.
type stageNoteForm struct {
	original *model.StageNote
}

// newStageNoteForm starts at now and the client's current stage.
func newStageNoteForm(client model.Client, current model.Stage, original *model.StageNote, now time.Time) *recordForm {
	n := model.StageNote{At: now, Stage: current}
	if n.Stage == "" {
		n.Stage = model.StagePrecontemplation
	}
	title := "Stage note · " + client.DisplayName() + " · " + client.CaseNumber
	draftKey, target := "stage_note:"+client.ID, ""
	if original != nil {
		n = *original
		title = "Amend stage note of " + original.At.Format("Mon 2 Jan 2006 15:04") + " · " + client.DisplayName()
		draftKey, target = "amend-stage_note:"+original.ID, original.ID
	}
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now,
			Fields: []*form.Field{
				whenField(model.FieldAt, "When", fmtWhen(n.At), whenHelp, false),
				stageField(model.FieldStage, "Stage", model.Stages(), n.Stage, "The stage of change you observed. The app records; it never scores."),
				noteField(model.FieldNote, "Note", text.CleanLines(n.Note), "What you saw or heard that places the client here."),
				boolField("sensitive", "Sensitive", n.Sensitive, "Yes when the note holds substance-use information (42 CFR Part 2)."),
			},
		},
		spec: stageNoteForm{original: original}, kind: "stage_note", clientID: client.ID, draftKey: draftKey, target: target,
	}
	f.MoveTo(1)
	if original != nil {
		f.Fields = append([]*form.Field{textField(model.FieldAmendReason, "Reason", "", "Why the record is corrected: the original stays readable.")}, f.Fields...)
		f.MoveTo(0)
	}
	return f
}

func (s stageNoteForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	n := model.StageNote{
		ClientID:  f.clientID,
		Stage:     model.Stage(f.Field(model.FieldStage).Value()),
		Note:      strings.TrimRight(f.Field(model.FieldNote).Value(), "\n "),
		Sensitive: f.Field("sensitive").Value() == "yes",
	}
	var err error
	if n.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	reason := ""
	if s.original != nil {
		if reason = strings.TrimSpace(f.Field(model.FieldAmendReason).Value()); reason == "" {
			p = append(p, model.FieldError{Field: model.FieldAmendReason, Message: "required: say why the record is corrected"})
		}
	}
	if err := mergeErrors(p, n.Validate(now)); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Stage note saved"}
	if s.original != nil {
		id := s.original.ID
		return func() tea.Msg {
			_, err := st.AmendStageNote(context.Background(), id, n, reason)
			msg.err, msg.what = err, "Stage note amended"
			return amendmentSavedMsg{msg}
		}, nil
	}
	return func() tea.Msg {
		_, err := st.AddStageNote(context.Background(), n)
		msg.err = err
		return stageNoteSavedMsg{msg}
	}, nil
}

// eventNoteForm corrects the note of a referral status change: the status
// itself is put right by a new change, not rewritten.
type eventNoteForm struct {
	original model.ReferralEvent
}

func newEventNoteForm(client model.Client, ev model.ReferralEvent, resource string) *recordForm {
	f := &recordForm{
		Form: &form.Form{Title: "Amend referral note · " + resource + " · " + ev.To.Label() + " on " + ev.At.Format("2 Jan 2006"), Opened: ev.At,
			Fields: []*form.Field{
				textField(model.FieldAmendReason, "Reason", "", "Why the record is corrected: the original stays readable."),
				noteField(model.FieldNote, "Note", text.CleanLines(ev.Note), "The corrected note."),
			},
		},
		spec: eventNoteForm{original: ev}, kind: "event_note", clientID: client.ID, draftKey: "amend-event:" + ev.ID, target: ev.ID,
	}
	f.MoveTo(0)
	return f
}

func (s eventNoteForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	reason := strings.TrimSpace(f.Field(model.FieldAmendReason).Value())
	if reason == "" {
		return nil, &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldAmendReason, Message: "required: say why the record is corrected"}}}
	}
	note := strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Referral note amended"}
	id := s.original.ID
	return func() tea.Msg {
		_, err := st.AmendReferralEvent(context.Background(), id, note, reason)
		msg.err = err
		return amendmentSavedMsg{msg}
	}, nil
}
