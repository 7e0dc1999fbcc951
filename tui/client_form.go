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

// clientSavedMsg reports a client added or changed (or why not).
type clientSavedMsg struct {
	saved
	client model.Client
}

// clientForm adds a client, or edits one when original is set.
type clientForm struct {
	original *model.Client
}

// newClientForm starts a new client as active, on probation, at moderate
// level, supervised from today.
func newClientForm(original *model.Client, now time.Time) *recordForm {
	c := model.Client{SupervisionType: model.SupervisionProbation, Level: model.LevelModerate,
		Status: model.StatusActive, SupervisionFrom: model.DateOf(now)}
	title, draftKey, target := "New client", "client:new", ""
	if original != nil {
		c = *original
		title = "Edit client · " + c.DisplayName() + " · " + c.CaseNumber
		draftKey, target = "client:"+c.ID, c.ID
	}
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now,
			Fields: []*form.Field{
				textField(model.FieldName, "Name", text.Clean(c.Name), "Full legal name."),
				textField(model.FieldPreferredName, "Preferred", text.Clean(c.PreferredName), "The name the client goes by, if different."),
				textField(model.FieldCaseNumber, "Case number", text.Clean(c.CaseNumber), "Unique; as on the court order."),
				choiceField(model.FieldSupervisionType, "Supervision", model.SupervisionTypes(), c.SupervisionType, ""),
				choiceField(model.FieldLevel, "Level", model.Levels(), c.Level, "The level sets how often a contact is due."),
				choiceField(model.FieldStatus, "Status", model.ClientStatuses(), c.Status, ""),
				whenField(model.FieldSupervisionFrom, "From", c.SupervisionFrom.String(), whenHelp, true),
				whenField(model.FieldSupervisionTo, "Until", c.SupervisionTo.String(), whenHelp+" Empty if open-ended.", true),
				whenField(model.FieldDateOfBirth, "Born", c.DateOfBirth.String(), "YYYY-MM-DD.", true),
				textField(model.FieldPhone, "Phone", text.Clean(c.Phone), ""),
				textField(model.FieldAddress, "Address", text.Clean(c.Address), ""),
				noteField(model.FieldConditions, "Conditions", text.CleanLines(c.Conditions), "Court-ordered conditions, one per line."),
				textField(model.FieldTags, "Tags", text.Clean(strings.Join(c.Tags, ", ")), "Short words separated by commas."),
			},
		},
		spec: clientForm{original: original}, kind: "client", clientID: c.ID, draftKey: draftKey, target: target,
	}
	f.MoveTo(0)
	return f
}

func (s clientForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var c model.Client
	if s.original != nil {
		c = *s.original
	}
	c.Name = strings.TrimSpace(f.Field(model.FieldName).Value())
	c.PreferredName = strings.TrimSpace(f.Field(model.FieldPreferredName).Value())
	c.CaseNumber = strings.TrimSpace(f.Field(model.FieldCaseNumber).Value())
	c.SupervisionType = model.SupervisionType(f.Field(model.FieldSupervisionType).Value())
	c.Level = model.Level(f.Field(model.FieldLevel).Value())
	c.Status = model.ClientStatus(f.Field(model.FieldStatus).Value())
	c.Phone = strings.TrimSpace(f.Field(model.FieldPhone).Value())
	c.Address = strings.TrimSpace(f.Field(model.FieldAddress).Value())
	c.Conditions = strings.TrimSpace(f.Field(model.FieldConditions).Value())
	c.Tags = model.ParseTags(f.Field(model.FieldTags).Value())
	var p []model.FieldError
	for _, d := range []struct {
		name string
		dst  *model.Date
	}{{model.FieldSupervisionFrom, &c.SupervisionFrom}, {model.FieldSupervisionTo, &c.SupervisionTo}, {model.FieldDateOfBirth, &c.DateOfBirth}} {
		t, err := f.Field(d.name).When(f.Opened)
		if err != nil {
			p = append(p, model.FieldError{Field: d.name, Message: err.Error()})
			continue
		}
		*d.dst = model.Date{}
		if !t.IsZero() {
			*d.dst = model.DateOf(t)
		}
	}
	if err := mergeErrors(p, c.Validate(model.DateOf(now))); err != nil {
		return nil, err
	}
	msg := saved{clientID: c.ID, draftKey: f.draftKey, what: "Client saved"}
	return func() tea.Msg {
		var err error
		if s.original != nil {
			c, err = st.UpdateClient(context.Background(), c)
		} else {
			c, err = st.CreateClient(context.Background(), c)
		}
		msg.err, msg.clientID = err, c.ID
		return clientSavedMsg{saved: msg, client: c}
	}, nil
}
