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

// saveDraft keeps what the form holds. The values are copied now, so the
// command does not read the form while the officer goes on typing.
func (a *App) saveDraft(f *recordForm) tea.Cmd {
	d := store.Draft{Key: f.draftKey, Form: f.kind, ClientID: f.clientID, Data: f.values()}
	st := a.st
	return func() tea.Msg {
		return draftSavedMsg{st.SaveDraft(context.Background(), d)}
	}
}

func (a *App) deleteDraft(key string) tea.Cmd {
	st := a.st
	for i, d := range a.drafts {
		if d.Key == key {
			a.drafts = append(a.drafts[:i:i], a.drafts[i+1:]...)
			break
		}
	}
	return func() tea.Msg {
		return draftDeletedMsg{st.DeleteDraft(context.Background(), key)}
	}
}

// restoreDraft opens the form a draft came from, with what was typed.
func (a *App) restoreDraft(d store.Draft) tea.Cmd {
	a.drafts = a.drafts[1:]
	st, now, target := a.st, a.now(), d.Data["_target"]
	if d.Form == "checkin" && target == "" {
		return a.prepareCheckIn(d.ClientID, d.Data)
	}
	return func() tea.Msg {
		ctx := context.Background()
		var c model.Client
		var sum model.ClientSummary
		if d.ClientID != "" {
			var err error
			if c, sum, err = st.Client(ctx, d.ClientID); err != nil {
				return formReadyMsg{err: err}
			}
		}
		f, err := draftForm(ctx, st, d, c, sum, now)
		return formReadyMsg{form: f, draft: d.Data, err: err}
	}
}

// draftForm rebuilds the form a draft belongs to.
func draftForm(ctx context.Context, st *store.Store, d store.Draft, c model.Client, sum model.ClientSummary, now time.Time) (*recordForm, error) {
	target := d.Data["_target"]
	switch {
	case d.Form == "client" && target == "":
		return newClientForm(nil, now), nil
	case d.Form == "client":
		return newClientForm(&c, now), nil
	case d.Form == "stage_note" && target == "":
		return newStageNoteForm(c, sum.Stage, nil, now), nil
	case d.Form == "stage_note":
		n, err := st.StageNote(ctx, target)
		if err != nil {
			return nil, err
		}
		return newStageNoteForm(c, sum.Stage, &n, now), nil
	case d.Form == "checkin":
		k, err := st.CheckIn(ctx, target)
		if err != nil {
			return nil, err
		}
		set, err := st.Settings(ctx)
		if err != nil {
			return nil, err
		}
		return newCheckInForm(checkinDefaults{client: c, summary: sum, intervals: set.Intervals}, &k, now), nil
	case d.Form == "supervisor_note":
		return newSupervisorNoteForm(c, now), nil
	case d.Form == "event_note":
		ev, name, err := st.ReferralEvent(ctx, target)
		if err != nil {
			return nil, err
		}
		return newEventNoteForm(c, ev, text.Clean(name)), nil
	}
	if f, ok, err := referralDraftForm(ctx, st, d, c, now); ok {
		return f, err
	}
	if f, ok, err := planDraftForm(ctx, st, d, c, now); ok {
		return f, err
	}
	if f, ok, err := screeningConsentDraftForm(ctx, st, d, c, now); ok {
		return f, err
	}
	if f, ok, err := complianceDraftForm(ctx, st, d, c, now); ok {
		return f, err
	}
	return nil, errUnknownDraft(d.Form)
}

type errUnknownDraft string

func (e errUnknownDraft) Error() string {
	return "a draft of an unknown form (" + strings.TrimSpace(string(e)) + "), made by another version"
}

// draftOffer is the line that offers a draft back.
func draftOffer(d store.Draft, s styles) string {
	what := d.Data["_title"]
	if what == "" {
		what = d.Form
	}
	return s.warn.Render("Unsaved: "+text.Clean(what)+" ("+d.UpdatedAt.Format("Mon 2 Jan 15:04")+")") + "  r restore · X discard"
}
