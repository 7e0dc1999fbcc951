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

// consentSavedMsg reports a consent written (or why not).
type consentSavedMsg struct{ saved }

// openConsentPicker starts C: choose the recipient from the directory, or a
// person not in it, then fill in the consent.
func (a *App) openConsentPicker(c model.Client) tea.Cmd {
	return a.startPicker(&resourcePicker{offerPerson: true,
		title: "Consent for " + text.Clean(c.DisplayName()) + " to share with…",
		choose: func(res *model.Resource, person string, now time.Time) *recordForm {
			return newConsentForm(c, res, person, now)
		}})
}

// consentForm records a consent the client signed, to one recipient.
type consentForm struct {
	resourceID string // "" when the recipient is a person
}

// newConsentForm opens a consent to a resource of the directory, or with res
// nil to a person, named as typed in the picker.
func newConsentForm(c model.Client, res *model.Resource, person string, now time.Time) *recordForm {
	today := model.DateOf(now)
	recipient := textField(model.FieldRecipient, "Recipient", person, "The person's name, and their role if it helps: \"Dr Ana Ruiz, GP\".")
	spec, target := consentForm{}, ""
	if res != nil {
		recipient = form.Choice(model.FieldRecipient, "Recipient",
			[]form.Option{{Value: res.ID, Label: text.Clean(res.Name), Help: res.Category.Label()}}, res.ID,
			"From the resource directory; esc and C again to choose another.")
		spec, target = consentForm{resourceID: res.ID}, res.ID
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Consent to share · " + c.DisplayName() + " · " + c.CaseNumber,
			Fields: []*form.Field{
				recipient,
				multiField(model.FieldKinds, "May share", model.ShareKinds(), nil, "space or a number ticks what the client agreed to share; ← → move."),
				textField(model.FieldPurpose, "Purpose", "", "Why the information goes there, as the signed form says: \"treatment coordination\"."),
				whenField(model.FieldSignedOn, "Signed", today.String(), whenHelp, true),
				whenField(model.FieldExpiresOn, "Expires", "", whenHelp+" Required: a consent says when it ends.", true),
			},
		},
		spec: spec, kind: "consent", clientID: c.ID, target: target, draftKey: "consent:" + c.ID,
	}
	f.MoveTo(1)
	if res == nil {
		f.MoveTo(0)
	}
	return f
}

func (s consentForm) submit(f *recordForm, st *store.Store, now time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	c := model.Consent{
		ClientID: f.clientID,
		Kinds:    multiValues[model.ShareKind](f.Field(model.FieldKinds)),
		Purpose:  strings.TrimSpace(f.Field(model.FieldPurpose).Value()),
	}
	if s.resourceID != "" {
		c.Recipient.ResourceID = s.resourceID
	} else {
		c.Recipient.Person = strings.TrimSpace(f.Field(model.FieldRecipient).Value())
	}
	c.SignedOn = readDate(f, model.FieldSignedOn, &p)
	c.ExpiresOn = readDate(f, model.FieldExpiresOn, &p)
	if err := mergeErrors(p, c.Validate(model.DateOf(now))); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Consent saved"}
	return func() tea.Msg {
		_, err := st.CreateConsent(context.Background(), c)
		msg.err = err
		return consentSavedMsg{msg}
	}, nil
}

// screeningConsentDraftForm rebuilds a screening or consent form from its
// draft; ok is false for a draft of another form.
func screeningConsentDraftForm(ctx context.Context, st *store.Store, d store.Draft, c model.Client, now time.Time) (f *recordForm, ok bool, err error) {
	target := d.Data["_target"]
	switch d.Form {
	case "screening":
		i := model.Instrument(target)
		if !i.Valid() {
			return nil, true, errUnknownDraft(d.Form + " " + target)
		}
		return newScreeningForm(c, i, now), true, nil
	case "consent":
		if target == "" {
			return newConsentForm(c, nil, "", now), true, nil
		}
		res, err := st.Resource(ctx, target)
		if err != nil {
			return nil, true, err
		}
		return newConsentForm(c, &res, "", now), true, nil
	}
	return nil, false, nil
}

// handleScreeningConsentWork takes the answers about screenings and
// consents.
func (a *App) handleScreeningConsentWork(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case screeningSavedMsg:
		return a.saved(msg.saved)
	case consentSavedMsg:
		return a.saved(msg.saved)
	case consentRevokedMsg:
		a.revoked(msg)
	}
	return nil
}
