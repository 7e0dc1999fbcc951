package tui

import (
	"charm.land/bubbles/v2/key"

	"caseload/tui/form"
)

// keyMap is every key of the app, declared once. The app-wide keys and the
// ones several screens share are here; each screen declares its own beside
// it (caseloadKeys in caseload_keys.go, clientKeys in client_keys.go, and so
// on) and they are gathered here, so that a.keys.X reaches any of them. The
// same bindings drive Update (key.Matches) and draw the short and full help,
// and TestEveryKeyHandledIsShown holds every screen to that: a key that is
// not in the help does not exist.
type keyMap struct {
	// App-wide: the app takes these before any screen.
	Help, CloseHelp, Quit, ForceQuit, Lock, Unlock, Paste key.Binding
	// Shared by several screens.
	listKeys
	Arrows                  listKeys // the list keys while a search is typed: j and k are letters then
	NextTab, PrevTab        key.Binding
	Filter, AcceptFilter    key.Binding
	ClearFilter, Open, Back key.Binding
	CheckIn, Resources      key.Binding
	caseloadKeys
	clientKeys
	directoryKeys
	form.Keys
	exportKeys
	planKeys
	overlayKeys
	newFileKeys
}

// bind makes a binding: the keys, and how the help names them.
func bind(keys []string, k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

func newKeyMap() keyMap {
	return keyMap{
		Help:      bind([]string{"?"}, "?", "help"),
		CloseHelp: bind([]string{"esc", "?", "q", "f1"}, "esc", "close help"),
		Quit:      bind([]string{"q"}, "q", "quit"),
		ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", "quit (keeps a draft)"),
		Lock:      bind([]string{"ctrl+l"}, "ctrl+l", "lock screen"),
		Unlock:    bind([]string{"enter"}, "enter", "unlock"),
		Paste:     bind([]string{"ctrl+v"}, "ctrl+v", "paste"),
		listKeys: listKeys{
			Up:       bind([]string{"k", "up"}, "↑/k", "up"),
			Down:     bind([]string{"j", "down"}, "↓/j", "down"),
			PageUp:   bind([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
			PageDown: bind([]string{"pgdown", "ctrl+d", "space"}, "pgdn/space", "page down"),
			Top:      bind([]string{"home"}, "home", "first"),
			Bottom:   bind([]string{"G", "end"}, "G", "last"),
		},
		Arrows: listKeys{
			Up:   bind([]string{"up"}, "↑", "up"),
			Down: bind([]string{"down"}, "↓", "down"),
		},
		NextTab:       bind([]string{"tab"}, "tab", "tabs"),
		PrevTab:       bind([]string{"shift+tab"}, "shift+tab", "previous tab"),
		Filter:        bind([]string{"/"}, "/", "filter"),
		AcceptFilter:  bind([]string{"enter"}, "enter", "keep filter"),
		ClearFilter:   bind([]string{"esc"}, "esc", "clear filter"),
		Open:          bind([]string{"enter"}, "enter", "open"),
		Back:          bind([]string{"esc"}, "esc", "back"),
		CheckIn:       bind([]string{"c"}, "c", "check-in"),
		Resources:     bind([]string{"R"}, "R", "resources"),
		caseloadKeys:  newCaseloadKeys(),
		clientKeys:    newClientKeys(),
		directoryKeys: newDirectoryKeys(),
		Keys:          form.NewKeys(),
		exportKeys:    newExportKeys(),
		planKeys:      newPlanKeys(),
		overlayKeys:   newOverlayKeys(),
		newFileKeys:   newNewFileKeys(),
	}
}
