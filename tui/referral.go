package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// referralsLoadedMsg brings a client's referrals with their resources and
// histories, for the client's Referrals tab.
type referralsLoadedMsg struct {
	clientID  string
	referrals []clientReferral
	err       error
}

// referralSavedMsg reports a referral made or its status changed (or why
// not).
type referralSavedMsg struct{ saved }

// clientReferral is one referral as the Referrals tab shows it.
type clientReferral struct {
	referral model.Referral
	resource string
	history  []model.ReferralEvent
}

// referralList is the client's referrals and the one under the cursor.
type referralList struct {
	clientID   string
	items      []clientReferral
	listCursor // the view keeps it in sight
}

func (l *referralList) selected() (clientReferral, bool) {
	if l == nil || l.cursor >= len(l.items) {
		return clientReferral{}, false
	}
	return l.items[l.cursor], true
}

func loadReferrals(st *store.Store, clientID string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		refs, err := st.Referrals(ctx, clientID)
		if err != nil {
			return referralsLoadedMsg{clientID: clientID, err: err}
		}
		out := make([]clientReferral, 0, len(refs))
		for _, r := range refs {
			res, err := st.Resource(ctx, r.ResourceID)
			if err != nil {
				return referralsLoadedMsg{clientID: clientID, err: err}
			}
			hist, err := st.ReferralHistory(ctx, r.ID)
			if err != nil {
				return referralsLoadedMsg{clientID: clientID, err: err}
			}
			out = append(out, clientReferral{referral: r, resource: res.Name, history: hist})
		}
		return referralsLoadedMsg{clientID: clientID, referrals: out}
	}
}

// handleReferralWork takes the answers about the agenda, referrals and the
// resource directory.
func (a *App) handleReferralWork(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case agendaLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the agenda: " + msg.err.Error()
			return nil
		}
		if a.agenda != nil {
			a.agenda.setAgenda(msg.agenda)
			a.agenda.owner = msg.owner
		}
	case referralsLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the referrals: " + msg.err.Error()
			return nil
		}
		if a.client() == nil || a.client().client.ID != msg.clientID {
			return nil
		}
		l := &referralList{clientID: msg.clientID, items: msg.referrals}
		if old := a.client().refs; old != nil && old.clientID == msg.clientID {
			l.cursor = old.cursor
			l.clamp(len(l.items))
		}
		a.client().refs = l
	case resourcesFoundMsg:
		if msg.err != nil {
			a.notice = "Could not read the resource directory: " + msg.err.Error()
			if p := a.picker(); p != nil {
				a.pop(p)
			}
			return nil
		}
		if p := a.picker(); p != nil {
			p.setResources(msg.resources)
		}
	case referralSavedMsg:
		return a.saved(msg.saved)
	}
	return nil
}

// referralsTab lists the client's referrals with their status; u changes
// the status of the one under the cursor.
type referralsTab struct{}

func (referralsTab) name() string { return "Referrals" }

func (referralsTab) load(v *clientView, st *store.Store, _ time.Time) tea.Cmd {
	return loadReferrals(st, v.client.ID)
}

func (referralsTab) key(v *clientView, a *App, kp tea.KeyPressMsg, now time.Time) (tea.Cmd, bool) {
	switch {
	case key.Matches(kp, a.keys.ChangeStatus):
		return a.openStatusForm(now), true
	case v.refs == nil:
		return nil, false
	}
	return nil, v.refs.navigate(kp, a.keys.referralListKeys(), len(v.refs.items), 0)
}

func (referralsTab) view(v *clientView, s styles, now time.Time, w, h int) []string {
	return v.refs.view(s, now, w, h)
}

func (referralsTab) short(_ *clientView, k keyMap) []key.Binding { return k.referralTabShort() }

func (referralsTab) live(v *clientView, k keyMap) []key.Binding {
	if v.refs == nil {
		return []key.Binding{k.ChangeStatus}
	}
	return append([]key.Binding{k.ChangeStatus}, k.referralListKeys().all()...)
}

// openStatusForm opens the status change of the referral under the cursor,
// or says why there is none to change.
func (a *App) openStatusForm(now time.Time) tea.Cmd {
	r, ok := a.client().refs.selected()
	switch {
	case !ok:
		a.notice = "No referral to update. r makes one."
		return nil
	case len(model.NextStatuses(r.referral.Status)) == 0:
		a.notice = "This referral is " + r.referral.Status.Label() + " and closed; r makes a new one."
		return nil
	}
	return a.openForm(newStatusForm(a.client().client, r.referral, text.Clean(r.resource), now), nil)
}

// referralForm makes a new referral of the client to a resource chosen in
// the picker.
type referralForm struct{}

func newReferralForm(c model.Client, res model.Resource, now time.Time) *recordForm {
	today := model.DateOf(now)
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Referral · " + c.DisplayName() + " · " + c.CaseNumber + " → " + res.Name,
			Fields: []*form.Field{
				textField(model.FieldReason, "Reason", "", "Why the client is referred: what the resource should help with."),
				whenField(model.FieldReferredOn, "Referred", today.String(), whenHelp, true),
				whenField(model.FieldAppointment, "Appt", "", whenHelp+" Empty until one is booked.", false),
				whenField(model.FieldFollowUp, "Follow up", today.AddDays(model.DefaultFollowUpDays).String(), whenHelp+" When to check the referral was taken up.", true),
				noteField(model.FieldNote, "Note", "", "What was sent, to whom, anything the provider should know."),
			},
		},
		spec: referralForm{}, kind: "referral", clientID: c.ID, draftKey: "referral:" + c.ID, target: res.ID,
	}
	f.MoveTo(0)
	return f
}

func (referralForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	r := model.Referral{ClientID: f.clientID, ResourceID: f.target, Reason: strings.TrimSpace(f.Field(model.FieldReason).Value()),
		Status: model.ReferralReferred}
	r.ReferredOn = readDate(f, model.FieldReferredOn, &p)
	r.FollowUpOn = readDate(f, model.FieldFollowUp, &p)
	var err error
	if r.AppointmentAt, err = f.Field(model.FieldAppointment).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAppointment, Message: err.Error()})
	}
	if err := mergeErrors(p, r.Validate()); err != nil {
		return nil, err
	}
	note := strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Referral made"}
	return func() tea.Msg {
		_, err := st.CreateReferral(context.Background(), r, note)
		msg.err = err
		return referralSavedMsg{msg}
	}, nil
}

// statusForm moves a referral on: only the statuses the lifecycle allows
// from where it stands are offered, and the store refuses any other.
type statusForm struct{}

func newStatusForm(c model.Client, r model.Referral, resource string, now time.Time) *recordForm {
	var opts []model.Option[model.ReferralStatus]
	for _, to := range model.NextStatuses(r.Status) {
		opts = append(opts, model.Option[model.ReferralStatus]{Value: to, Label: to.Label(), Help: to.Help()})
	}
	f := &recordForm{
		Form: &form.Form{Opened: now, Title: "Referral · " + c.DisplayName() + " · " + resource + " · now " + r.Status.Label(),
			Fields: []*form.Field{
				choiceField(model.FieldStatus, "Status", opts, opts[0].Value, "Only the moves the referral lifecycle allows from "+r.Status.Label()+"."),
				whenField(model.FieldAt, "When", fmtWhen(now), whenHelp, false),
				whenField(model.FieldAppointment, "Appt", fmtWhen(r.AppointmentAt), whenHelp+" The intake or next appointment, if booked.", false),
				whenField(model.FieldFollowUp, "Follow up", model.DateOf(now).AddDays(model.DefaultFollowUpDays).String(), whenHelp+" The next check while the referral is open; ignored when it closes.", true),
				noteField(model.FieldNote, "Note", "", "What happened: who said what, the outcome."),
			},
		},
		spec: statusForm{}, kind: "referral_status", clientID: c.ID, draftKey: "referral_status:" + r.ID, target: r.ID,
	}
	f.MoveTo(0)
	return f
}

func (statusForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	ch := store.StatusChange{To: model.ReferralStatus(f.Field(model.FieldStatus).Value()),
		Note: strings.TrimRight(f.Field(model.FieldNote).Value(), "\n ")}
	var err error
	if ch.At, err = f.Field(model.FieldAt).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAt, Message: err.Error()})
	}
	// The field shows minutes; left as it opened, it means the moment the
	// form opened, so that a change made straight after the referral sorts
	// after it in the history.
	if f.Field(model.FieldAt).Value() == fmtWhen(f.Opened) {
		ch.At = f.Opened
	}
	if ch.AppointmentAt, err = f.Field(model.FieldAppointment).When(f.Opened); err != nil {
		p = append(p, model.FieldError{Field: model.FieldAppointment, Message: err.Error()})
	}
	if ch.To.Open() {
		ch.FollowUpOn = readDate(f, model.FieldFollowUp, &p)
	}
	if len(p) > 0 {
		return nil, &model.ValidationError{Fields: p}
	}
	id := f.target
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Referral now " + ch.To.Label()}
	return func() tea.Msg {
		_, err := st.ChangeReferralStatus(context.Background(), id, ch)
		msg.err = err
		return referralSavedMsg{msg}
	}, nil
}

// readDate reads a date-only field, adding its problem to p.
func readDate(f *recordForm, name string, p *[]model.FieldError) model.Date {
	t, err := f.Field(name).When(f.Opened)
	if err != nil {
		*p = append(*p, model.FieldError{Field: name, Message: err.Error()})
		return model.Date{}
	}
	if t.IsZero() {
		return model.Date{}
	}
	return model.DateOf(t)
}

// referralDraftForm rebuilds a referral, status or resource form from its
// draft; ok is false for a draft of another form.
func referralDraftForm(ctx context.Context, st *store.Store, d store.Draft, c model.Client, now time.Time) (f *recordForm, ok bool, err error) {
	target := d.Data["_target"]
	switch d.Form {
	case "resource":
		if target == "" {
			return newResourceForm(nil, now), true, nil
		}
		res, err := st.Resource(ctx, target)
		if err != nil {
			return nil, true, err
		}
		return newResourceForm(&res, now), true, nil
	case "referral":
		res, err := st.Resource(ctx, target)
		if err != nil {
			return nil, true, err
		}
		return newReferralForm(c, res, now), true, nil
	case "referral_status":
		r, err := st.Referral(ctx, target)
		if err != nil {
			return nil, true, err
		}
		if len(model.NextStatuses(r.Status)) == 0 {
			return nil, true, model.ErrTransition{From: r.Status}
		}
		res, err := st.Resource(ctx, r.ResourceID)
		if err != nil {
			return nil, true, err
		}
		return newStatusForm(c, r, text.Clean(res.Name), now), true, nil
	}
	return nil, false, nil
}

// referralListKeys move the cursor of the Referrals tab: no pages, the
// list is short.
func (k keyMap) referralListKeys() listKeys {
	return listKeys{Up: k.Up, Down: k.Down, Top: k.Top, Bottom: k.Bottom}
}

// referralTabShort is the one-line help of the client's Referrals tab.
func (k keyMap) referralTabShort() []key.Binding {
	return []key.Binding{k.Refer, k.ChangeStatus, k.Up, k.Down, k.NextTab, k.Help, k.Back}
}
