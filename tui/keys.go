package tui

import "charm.land/bubbles/v2/key"

// keyMap declares every key of the app once. The same bindings drive Update
// (key.Matches) and draw the short and full help, so a key that is not in the
// help does not exist.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextTab, PrevTab                        key.Binding
	Filter, Sort, Open, CheckIn, AddClient  key.Binding
	LoadDemo, Restore, DiscardDraft         key.Binding
	AcceptFilter, ClearFilter               key.Binding
	StageNote, EditClient, Amend, Back      key.Binding
	NextField, PrevField, Save, Cancel      key.Binding
	ChangeOption, Toggle                    key.Binding
	Pick, FieldHelp                         key.Binding
	Yes, No                                 key.Binding
	Agenda, Refer, ChangeStatus, Resources  key.Binding
	Help, CloseHelp, Quit, ForceQuit        key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:           b([]string{"k", "up"}, "↑/k", "up"),
		Down:         b([]string{"j", "down"}, "↓/j", "down"),
		PageUp:       b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown", "ctrl+d", "space"}, "pgdn/space", "page down"),
		Top:          b([]string{"home"}, "home", "first"),
		Bottom:       b([]string{"G", "end"}, "G", "last"),
		NextTab:      b([]string{"tab"}, "tab", "tabs"),
		PrevTab:      b([]string{"shift+tab"}, "shift+tab", "previous tab"),
		Filter:       b([]string{"/"}, "/", "filter"),
		Sort:         b([]string{"s"}, "s", "sort"),
		Open:         b([]string{"enter"}, "enter", "open"),
		CheckIn:      b([]string{"c"}, "c", "check-in"),
		AddClient:    b([]string{"a"}, "a", "add"),
		LoadDemo:     b([]string{"d"}, "d", "load demo caseload"),
		Restore:      b([]string{"r"}, "r", "restore draft"),
		DiscardDraft: b([]string{"x"}, "x", "discard draft"),
		AcceptFilter: b([]string{"enter"}, "enter", "keep filter"),
		ClearFilter:  b([]string{"esc"}, "esc", "clear filter"),
		StageNote:    b([]string{"n"}, "n", "stage note"),
		EditClient:   b([]string{"e"}, "e", "edit"),
		Amend:        b([]string{"A"}, "A", "amend"),
		Back:         b([]string{"esc"}, "esc", "back"),
		NextField:    b([]string{"tab"}, "tab", "next"),
		PrevField:    b([]string{"shift+tab"}, "shift+tab", "previous field"),
		Save:         b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Cancel:       b([]string{"esc"}, "esc", "cancel"),
		ChangeOption: b([]string{"left", "right"}, "←/→", "change"),
		Toggle:       b([]string{"space"}, "space", "tick option"),
		Pick:         b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "pick"),
		FieldHelp:    b([]string{"f1"}, "f1", "form help"),
		Yes:          b([]string{"y"}, "y", "yes, discard"),
		No:           b([]string{"n", "esc"}, "n/esc", "no, keep editing"),
		Help:         b([]string{"?"}, "?", "help"),
		CloseHelp:    b([]string{"esc", "?", "q", "f1"}, "esc", "close help"),
		Quit:         b([]string{"q"}, "q", "quit"),
		Agenda:       b([]string{"g"}, "g", "agenda"),
		Refer:        b([]string{"r"}, "r", "refer"),
		ChangeStatus: b([]string{"u"}, "u", "update referral"),
		Resources:    b([]string{"R"}, "R", "resources"),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", "quit (keeps a draft)"),
	}
}

// caseloadGroups are the caseload's keys, for the full help.
func (k keyMap) caseloadGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.AcceptFilter, k.ClearFilter, k.NextTab, k.PrevTab, k.Sort},
		{k.Open, k.CheckIn, k.AddClient, k.LoadDemo, k.Restore, k.DiscardDraft, k.Agenda, k.Resources},
		{k.Help, k.Quit, k.ForceQuit},
	}
}

func (k keyMap) caseloadShort() []key.Binding {
	return []key.Binding{k.Filter, k.Open, k.CheckIn, k.AddClient, k.NextTab, k.Sort, k.Help, k.Quit}
}

func (k keyMap) filterShort() []key.Binding {
	return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Up, k.Down}
}

// clientGroups are the client screen's keys.
func (k keyMap) clientGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.CheckIn, k.StageNote, k.EditClient, k.Amend, k.Refer, k.ChangeStatus, k.Resources},
		{k.Back, k.Help, k.ForceQuit},
	}
}

func (k keyMap) clientShort() []key.Binding {
	return []key.Binding{k.CheckIn, k.StageNote, k.EditClient, k.Amend, k.NextTab, k.Help, k.Back}
}

// formGroups are the keys of every form.
func (k keyMap) formGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.Save, k.Cancel},
		{k.Pick, k.ChangeOption, k.Toggle},
		{k.FieldHelp, k.ForceQuit},
	}
}

func (k keyMap) formShort() []key.Binding {
	return []key.Binding{k.Save, k.NextField, k.Pick, k.ChangeOption, k.FieldHelp, k.Cancel}
}

func (k keyMap) confirmShort() []key.Binding { return []key.Binding{k.Yes, k.No} }
