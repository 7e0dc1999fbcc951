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

// resourceForm adds a resource to the directory by hand, or edits one.
type resourceForm struct {
	original *model.Resource
}

func newResourceForm(original *model.Resource, now time.Time) *recordForm {
	r := model.Resource{Category: model.CategoryOther}
	title, draftKey, target := "New resource", "resource:new", ""
	if original != nil {
		r = *original
		title, draftKey, target = "Edit resource · "+r.Name, "resource:"+r.ID, r.ID
	}
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now,
			Fields: []*form.Field{
				textField(model.FieldName, "Name", text.Clean(r.Name), "The organisation or program, as clients know it."),
				choiceField(model.FieldCategory, "Category", model.ResourceCategories(), r.Category, "What it offers; ←/→ or the first letter."),
				textField(model.FieldPhone, "Phone", text.Clean(r.Phone), ""),
				textField(model.FieldEmail, "Email", text.Clean(r.Email), ""),
				textField("website", "Website", text.Clean(r.Website), ""),
				textField(model.FieldAddress, "Address", text.Clean(r.Address), ""),
				textField("hours", "Hours", text.Clean(r.Hours), "When it is open, e.g. Mon–Fri 9–5."),
				textField("eligibility", "Eligibility", text.Clean(r.Eligibility), "Who it serves and what it asks for."),
				textField("languages", "Languages", text.Clean(r.Languages), ""),
				noteField(model.FieldDescription, "About", text.CleanLines(r.Description), "What the resource does."),
				noteField(model.FieldNotes, "Notes", text.CleanLines(r.Notes), "Your own notes: contacts, what worked."),
			},
		},
		spec: resourceForm{original: original}, kind: "resource", draftKey: draftKey, target: target,
	}
	f.MoveTo(0)
	return f
}

func (s resourceForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	r := model.Resource{}
	if s.original != nil {
		r = *s.original
	}
	text := func(name string) string { return strings.TrimSpace(f.Field(name).Value()) }
	r.Name, r.Category = text(model.FieldName), model.ResourceCategory(f.Field(model.FieldCategory).Value())
	r.Phone, r.Email, r.Website, r.Address = text(model.FieldPhone), text(model.FieldEmail), text("website"), text(model.FieldAddress)
	r.Hours, r.Eligibility, r.Languages = text("hours"), text("eligibility"), text("languages")
	r.Description = strings.TrimRight(f.Field(model.FieldDescription).Value(), "\n ")
	r.Notes = strings.TrimRight(f.Field(model.FieldNotes).Value(), "\n ")
	if err := r.Validate(); err != nil {
		return nil, err
	}
	msg := resourceSavedMsg{saved: saved{draftKey: f.draftKey, what: "Resource added"}}
	if s.original != nil {
		msg.what = "Resource saved"
		return func() tea.Msg {
			saved, err := st.UpdateResource(context.Background(), r)
			msg.err, msg.resourceID = err, saved.ID
			return msg
		}, nil
	}
	return func() tea.Msg {
		saved, err := st.CreateResource(context.Background(), r)
		msg.err, msg.resourceID = err, saved.ID
		return msg
	}, nil
}
