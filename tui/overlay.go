package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlay is a small list drawn over the client screen (the choice of a
// screening instrument, the client's consents): while it is up it takes the
// keys, and it closes itself by setting a.overlay to nil.
type overlay interface {
	key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd
	view(s styles, now time.Time, w, h int) []string
	short(k keyMap) []key.Binding
	// groups are its keys for the full help, with the help's title.
	groups(k keyMap) (string, [][]key.Binding)
}

// overlayKeys are the keys of the screening and consent work on the client
// screen, and of the small lists they open.
type overlayKeys struct {
	Screening, Consent, Consents key.Binding
	Revoke, RevokeYes, RevokeNo  key.Binding
	OverlayClose, OverlayPick    key.Binding
}

func newOverlayKeys(b func([]string, string, string) key.Binding) overlayKeys {
	return overlayKeys{
		Screening:    b([]string{"S"}, "S", "screening"),
		Consent:      b([]string{"C"}, "C", "consent to share"),
		Consents:     b([]string{"V"}, "V", "view/revoke consents"),
		Revoke:       b([]string{"enter", "d"}, "enter/d", "revoke"),
		RevokeYes:    b([]string{"y"}, "y", "yes, revoke"),
		RevokeNo:     b([]string{"n", "esc"}, "n/esc", "no, keep it"),
		OverlayClose: b([]string{"esc"}, "esc", "back"),
		OverlayPick:  b([]string{"enter"}, "enter", "choose"),
	}
}

// overlayKey hands a key to the open overlay; the full help opens over it.
func (a *App) overlayKey(kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if key.Matches(kp, a.keys.Help) {
		a.showHelp = true
		return nil
	}
	return a.overlay.key(a, kp, now)
}

// screeningConsentKey opens what S, C and V open on the client screen.
func (a *App) screeningConsentKey(kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	c := a.client.client
	switch {
	case key.Matches(kp, a.keys.Screening):
		a.overlay = &instrumentChooser{client: c}
	case key.Matches(kp, a.keys.Consent):
		return a.openConsentPicker(c)
	case key.Matches(kp, a.keys.Consents):
		a.overlay = &consentList{client: c, items: a.client.consents}
	}
	return nil
}
