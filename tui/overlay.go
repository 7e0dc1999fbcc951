package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlayKeys are the keys of the screening and consent work on the client
// screen, and of the small lists they open.
type overlayKeys struct {
	Screening, Consent, Consents key.Binding
	Revoke, RevokeYes, RevokeNo  key.Binding
	OverlayClose, OverlayPick    key.Binding
}

func newOverlayKeys() overlayKeys {
	return overlayKeys{
		Screening:    bind([]string{"S"}, "S", "screening"),
		Consent:      bind([]string{"C"}, "C", "consent to share"),
		Consents:     bind([]string{"V"}, "V", "view/revoke consents"),
		Revoke:       bind([]string{"enter", "d"}, "enter/d", "revoke"),
		RevokeYes:    bind([]string{"y"}, "y", "yes, revoke"),
		RevokeNo:     bind([]string{"n", "esc"}, "n/esc", "no, keep it"),
		OverlayClose: bind([]string{"esc"}, "esc", "back"),
		OverlayPick:  bind([]string{"enter"}, "enter", "choose"),
	}
}

// screeningConsentKey opens what S, C and V open on the client screen.
func (a *App) screeningConsentKey(kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	v := a.client()
	switch {
	case key.Matches(kp, a.keys.Screening):
		a.push(&instrumentChooser{client: v.client})
	case key.Matches(kp, a.keys.Consent):
		return a.openConsentPicker(v.client)
	case key.Matches(kp, a.keys.Consents):
		a.push(&consentList{client: v.client, items: v.consents})
	}
	return nil
}

// overlayListKeys move the cursor of the short lists over the client
// screen: up and down are all they need.
func (k keyMap) overlayListKeys() listKeys { return listKeys{Up: k.Up, Down: k.Down} }
