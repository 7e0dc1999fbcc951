package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// stageNoteSavedMsg reports a stand-alone stage note written (or why not).
type stageNoteSavedMsg struct{ saved }

// stageNoteForm records a stage of change on its own, or amends one.
type stageNoteForm struct {
	original *model.StageNote
}

// newStageNoteForm starts at now and the client's current stage.
func newStageNoteForm(client model.Client, current model.Stage, original *model.StageNote, now time.Time) *form {
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
	f := &form{
		spec: stageNoteForm{original: original}, kind: "stage_note", title: title, clientID: client.ID,
		draftKey: draftKey, target: target, opened: now,
		fields: []*field{
			whenField(model.FieldAt, "When", fmtWhen(n.At), whenHelp, false),
			choiceField(model.FieldStage, "Stage", model.Stages(), n.Stage, "The stage of change you observed. The app records; it never scores."),
			noteField(model.FieldNote, "Note", text.CleanLines(n.Note), "What you saw or heard that places the client here."),
			boolField("sensitive", "Sensitive", n.Sensitive, "Yes when the note holds substance-use information (42 CFR Part 2)."),
		},
	}
	f.field(model.FieldStage).stageTab = true
	f.focus = 1
	if original != nil {
		f.fields = append([]*field{textField(model.FieldAmendReason, "Reason", "", "Why the record is corrected: the original stays readable.")}, f.fields...)
		f.focus = 0
	}
	f.fields[f.focus].focus()
	return f
}

func (s stageNoteForm) submit(f *form, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	n := model.StageNote{
		ClientID:  f.clientID,
		Stage:     model.Stage(f.field(model.FieldStage).value()),
		Note:      strings.TrimRight(f.field(model.FieldNote).value(), "\n "),
		Sensitive: f.field("sensitive").value() == "yes",
	}
	var err error
	if n.At, err = f.field(model.FieldAt).when(f.opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	reason := ""
	if s.original != nil {
		if reason = strings.TrimSpace(f.field(model.FieldAmendReason).value()); reason == "" {
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

func newEventNoteForm(client model.Client, ev model.ReferralEvent, resource string) *form {
	f := &form{
		spec: eventNoteForm{original: ev}, kind: "event_note", clientID: client.ID,
		title:    "Amend referral note · " + resource + " · " + ev.To.Label() + " on " + ev.At.Format("2 Jan 2006"),
		draftKey: "amend-event:" + ev.ID, target: ev.ID, opened: ev.At,
		fields: []*field{
			textField(model.FieldAmendReason, "Reason", "", "Why the record is corrected: the original stays readable."),
			noteField(model.FieldNote, "Note", text.CleanLines(ev.Note), "The corrected note."),
		},
	}
	f.fields[0].focus()
	return f
}

func (s eventNoteForm) submit(f *form, st *store.Store, _ time.Time) (tea.Cmd, error) {
	reason := strings.TrimSpace(f.field(model.FieldAmendReason).value())
	if reason == "" {
		return nil, &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldAmendReason, Message: "required: say why the record is corrected"}}}
	}
	note := strings.TrimRight(f.field(model.FieldNote).value(), "\n ")
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Referral note amended"}
	id := s.original.ID
	return func() tea.Msg {
		_, err := st.AmendReferralEvent(context.Background(), id, note, reason)
		msg.err = err
		return amendmentSavedMsg{msg}
	}, nil
}
