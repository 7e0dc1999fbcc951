package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/tui/form"
)

// formSpec is what differs between the forms: how the fields become a record
// and how that record is saved.
type formSpec interface {
	// submit reads the fields into a record and checks it. Problems with
	// fields come back as a *model.ValidationError; otherwise it returns the
	// command that saves the record.
	submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error)
}

// formViewer is a form spec that draws its own screen (the screenings, the
// check-in with its relapse-prevention plan panel) from the engine's body
// and footer.
type formViewer interface {
	view(f *recordForm, s styles, now time.Time) []string
}

// recordForm is a form of the app: the engine's fields (package form), the
// spec that saves what they hold as a record, and the draft it is kept in.
// The specs are the *_form.go files and referral.go: the check-in, client,
// stage note, amendment of a referral event, referral, referral status,
// resource, goal, relapse-prevention plan, screening, consent, condition
// progress and violation.
type recordForm struct {
	*form.Form
	spec     formSpec
	kind     string // checkin, client, stage_note, event_note: drafts name it
	clientID string
	draftKey string
	target   string // the record amended or the client edited; "" for a new one
}

// values is what the form holds, by field name, with its title and target,
// for a draft.
func (f *recordForm) values() map[string]string {
	out := f.Values()
	out["_title"], out["_target"] = f.Title, f.target
	return out
}

// showErrors puts each of the model's problems next to its field; an error
// that is not the model's goes at the top.
func (f *recordForm) showErrors(err error) {
	v := model.FieldErrors(err)
	if v == nil {
		f.ShowErrors(err.Error(), nil)
		return
	}
	list := make([]form.FieldError, len(v.Fields))
	for i, fe := range v.Fields {
		list[i] = form.FieldError{Field: fe.Field, Message: fe.Message}
	}
	f.ShowErrors("", list)
}

// save asks the spec for the save command; a record the rules refuse keeps
// the form open with each problem beside its field.
func (f *recordForm) save(st *store.Store, now time.Time) tea.Cmd {
	cmd, err := f.spec.submit(f, st, now)
	if err != nil {
		f.showErrors(err)
		return nil
	}
	f.Saving = true
	return cmd
}

// view draws the form, or lets the spec draw it.
func (f *recordForm) view(fr frame) []string {
	if v, ok := f.spec.(formViewer); ok {
		return v.view(f, fr.s, fr.now)
	}
	return f.View(fr.s.form(), fr.now)
}
