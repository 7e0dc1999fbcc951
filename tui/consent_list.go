package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// clientConsent is one consent as the client screen shows it, with its
// recipient by name.
type clientConsent struct {
	consent   model.Consent
	recipient string
}

// consentRevokedMsg reports a revocation and brings the client's consents as
// they now stand.
type consentRevokedMsg struct {
	clientID  string
	recipient string
	consents  []clientConsent
	err       error
}

// readConsents reads a client's consents, newest first, naming each
// recipient: a resource by its directory name, a person as written.
func readConsents(ctx context.Context, st *store.Store, clientID string) ([]clientConsent, error) {
	list, err := st.Consents(ctx, clientID)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	out := make([]clientConsent, 0, len(list))
	for _, c := range list {
		name := c.Recipient.Person
		if id := c.Recipient.ResourceID; id != "" {
			if _, ok := names[id]; !ok {
				res, err := st.Resource(ctx, id)
				if err != nil {
					return nil, err
				}
				names[id] = res.Name
			}
			name = names[id]
		}
		out = append(out, clientConsent{consent: c, recipient: name})
	}
	return out, nil
}

// consentLine is the client header's one line about consent to share: the
// active consents by recipient and end date, then how many are not yet in
// force, expired or revoked, in words. It is cut to w cells by dropping
// recipients, never the counts.
func consentLine(s styles, list []clientConsent, today model.Date, w int) string {
	label := s.dim.Render("Consents: ")
	if len(list) == 0 {
		return label + "none on file"
	}
	var active []string
	counts := map[model.ConsentState]int{}
	for _, c := range list {
		switch st := c.consent.State(today); st {
		case model.ConsentActive:
			active = append(active, text.Clean(c.recipient)+" (to "+c.consent.ExpiresOn.String()+")")
		default:
			counts[st]++
		}
	}
	var rest []string
	for _, st := range []model.ConsentState{model.ConsentPending, model.ConsentExpired, model.ConsentRevoked} {
		if n := counts[st]; n > 0 {
			word := strings.ToLower(st.Label())
			rest = append(rest, s.warn.Render("+"+strconv.Itoa(n)+" "+word))
		}
	}
	if len(active) == 0 {
		active = []string{"none active"}
	}
	for shown := len(active); shown >= 1; shown-- {
		parts := append([]string(nil), active[:shown]...)
		if more := len(active) - shown; more > 0 {
			parts = append(parts, "+"+strconv.Itoa(more)+" more active")
		}
		line := label + strings.Join(append(parts, rest...), ", ")
		if text.Width(line) <= w || shown == 1 {
			return text.Truncate(line, w)
		}
	}
	return label
}

// consentList is the V list: all of a client's consents, and the revoking
// of one after a y/n question.
type consentList struct {
	client     model.Client
	items      []clientConsent
	listCursor // the view keeps it in sight
	confirm    bool
	busy       bool
	problem    string
}

func (l *consentList) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if l.busy {
		return nil
	}
	if l.confirm {
		switch {
		case key.Matches(kp, a.keys.RevokeYes):
			l.confirm, l.busy = false, true
			return revokeConsent(a.st, l.client.ID, l.items[l.cursor], model.DateOf(now))
		case key.Matches(kp, a.keys.RevokeNo):
			l.confirm = false
		}
		return nil
	}
	switch {
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.OverlayClose):
		a.pop(l)
	case l.navigate(kp, a.keys.overlayListKeys(), len(l.items), 0):
	case key.Matches(kp, a.keys.Revoke) && l.cursor < len(l.items):
		c := l.items[l.cursor].consent
		l.problem = ""
		if !c.RevokedOn.IsZero() {
			l.problem = "This consent was revoked on " + c.RevokedOn.String() + "."
			return nil
		}
		l.confirm = true
	}
	return nil
}

func revokeConsent(st *store.Store, clientID string, c clientConsent, today model.Date) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		if _, err := st.RevokeConsent(ctx, c.consent.ID, today); err != nil {
			return consentRevokedMsg{clientID: clientID, err: err}
		}
		list, err := readConsents(ctx, st, clientID)
		return consentRevokedMsg{clientID: clientID, recipient: c.recipient, consents: list, err: err}
	}
}

// revoked takes the answer to a revocation: the list and the client header
// show the consents as they now stand.
func (a *App) revoked(msg consentRevokedMsg) {
	l := open[*consentList](a)
	if l != nil {
		l.busy = false
	}
	if msg.err != nil {
		if l != nil {
			l.problem = "Could not revoke: " + msg.err.Error()
		}
		return
	}
	if l != nil && l.client.ID == msg.clientID {
		l.items, l.problem = msg.consents, ""
	}
	if v := a.client(); v != nil && v.client.ID == msg.clientID {
		v.consents = msg.consents
	}
	a.notice = "Consent to share with " + text.Clean(msg.recipient) + " revoked."
}

func (l *consentList) view(f frame) []string {
	s, now, w, h := f.s, f.now, f.w, f.h
	today := model.DateOf(now)
	lines := []string{s.title.Render("Consents to share · " + text.Clean(l.client.DisplayName()) + " · " + text.Clean(l.client.CaseNumber)), ""}
	if len(l.items) == 0 {
		return append(lines, s.dim.Render("No consent on file. C records one the client has signed."))
	}
	const stateW, whoW, datesW = 17, 22, 23
	kindsW := max(10, w-2-stateW-whoW-datesW-3)
	lines = append(lines, s.header.Render("  "+text.Pad("State", stateW)+" "+text.Pad("Recipient", whoW)+" "+text.Pad("May share", kindsW)+" Signed → expires"))
	rows := max(1, h-len(lines)-6)
	top := max(0, l.cursor-rows+1)
	for i := top; i < len(l.items) && i < top+rows; i++ {
		c := l.items[i].consent
		mark := "  "
		if i == l.cursor {
			mark = s.selected.Render("▸") + " "
		}
		state := c.State(today).Label()
		if st := c.State(today); st == model.ConsentExpired || st == model.ConsentRevoked {
			state = s.warn.Render(text.Pad(strings.ToUpper(state), stateW))
		} else {
			state = text.Pad(state, stateW)
		}
		lines = append(lines, mark+state+" "+text.Pad(text.Clean(l.items[i].recipient), whoW)+" "+text.Pad(kindLabels(c.Kinds), kindsW)+" "+
			c.SignedOn.String()+" → "+c.ExpiresOn.String())
	}
	lines = append(lines, s.dim.Render(strings.Repeat("─", w)))
	if l.cursor < len(l.items) {
		c := l.items[l.cursor]
		detail := "Purpose: " + text.Clean(c.consent.Purpose)
		if !c.consent.RevokedOn.IsZero() {
			detail += " · revoked " + c.consent.RevokedOn.String()
		}
		lines = append(lines, text.Truncate(detail, w), text.Truncate("May share: "+kindLabels(c.consent.Kinds), w))
		if l.confirm {
			lines = append(lines, s.warn.Render(text.Truncate("Revoke the consent to share with "+text.Clean(c.recipient)+" as of today? y revokes it · n or esc keeps it", w)))
		}
	}
	if l.problem != "" {
		lines = append(lines, s.errText.Render(text.Truncate("✗ "+text.Clean(l.problem), w)))
	}
	return lines
}

// kindLabels lists what a consent covers, in words.
func kindLabels(kinds []model.ShareKind) string {
	var out []string
	for _, k := range kinds {
		out = append(out, k.Label())
	}
	return strings.Join(out, ", ")
}

func (l *consentList) short(k keyMap) []key.Binding {
	if l.confirm {
		return []key.Binding{k.RevokeYes, k.RevokeNo}
	}
	return []key.Binding{k.Up, k.Down, k.Revoke, k.OverlayClose, k.Help}
}

func (l *consentList) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Consents", [][]key.Binding{{k.Up, k.Down, k.Revoke, k.RevokeYes, k.RevokeNo}, {k.OverlayClose, k.Lock, k.ForceQuit}}
}

func (l *consentList) live(a *App) []key.Binding {
	k := a.keys
	switch {
	case l.busy:
		return nil
	case l.confirm:
		return []key.Binding{k.RevokeYes, k.RevokeNo}
	}
	return append(k.overlayListKeys().all(), k.Help, k.OverlayClose, k.Revoke)
}
