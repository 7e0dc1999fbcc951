package tui

import "charm.land/bubbles/v2/key"

// keyMap declares every key of the app once. The same bindings drive Update
// (key.Matches) and draw the short and full help, so a key that is not in the
// help does not exist.
type keyMap struct {
	listKeys
	Arrows                                 listKeys // the list keys while a search is typed: j and k are letters then
	NextTab, PrevTab                       key.Binding
	Filter, Sort, Open, CheckIn, AddClient key.Binding
	LoadDemo, Restore, DiscardDraft        key.Binding
	AcceptFilter, ClearFilter              key.Binding
	StageNote, EditClient, Amend, Back     key.Binding
	NextField, PrevField, Save, Cancel     key.Binding
	ChangeOption, Toggle                   key.Binding
	Pick, FieldHelp                        key.Binding
	Yes, No                                key.Binding
	Agenda, Refer, ChangeStatus, Resources key.Binding
	Help, CloseHelp, Quit, ForceQuit       key.Binding
	Lock, Unlock, AuditLog                 key.Binding
	Paste                                  key.Binding
	exportKeys
	planKeys
	overlayKeys
}

func newKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		listKeys: listKeys{
			Up:       b([]string{"k", "up"}, "↑/k", "up"),
			Down:     b([]string{"j", "down"}, "↓/j", "down"),
			PageUp:   b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
			PageDown: b([]string{"pgdown", "ctrl+d", "space"}, "pgdn/space", "page down"),
			Top:      b([]string{"home"}, "home", "first"),
			Bottom:   b([]string{"G", "end"}, "G", "last"),
		},
		Arrows: listKeys{
			Up:   b([]string{"up"}, "↑", "up"),
			Down: b([]string{"down"}, "↓", "down"),
		},
		NextTab:      b([]string{"tab"}, "tab", "tabs"),
		PrevTab:      b([]string{"shift+tab"}, "shift+tab", "previous tab"),
		Filter:       b([]string{"/"}, "/", "filter"),
		Sort:         b([]string{"s"}, "s", "sort"),
		Open:         b([]string{"enter"}, "enter", "open"),
		CheckIn:      b([]string{"c"}, "c", "check-in"),
		AddClient:    b([]string{"a"}, "a", "add"),
		LoadDemo:     b([]string{"d"}, "d", "load demo caseload"),
		Restore:      b([]string{"r"}, "r", "restore draft"),
		DiscardDraft: b([]string{"X"}, "X", "discard draft"),
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
		Lock:         b([]string{"ctrl+l"}, "ctrl+l", "lock screen"),
		Unlock:       b([]string{"enter"}, "enter", "unlock"),
		AuditLog:     b([]string{"L"}, "L", "audit log"),
		Paste:        b([]string{"ctrl+v"}, "ctrl+v", "paste"),
		exportKeys:   newExportKeys(b),
		planKeys:     newPlanKeys(b),
		overlayKeys:  newOverlayKeys(b),
	}
}

// caseloadGroups are the caseload's keys, for the full help.
func (k keyMap) caseloadGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.AcceptFilter, k.ClearFilter, k.NextTab, k.PrevTab, k.Sort},
		{k.Open, k.CheckIn, k.AddClient, k.LoadDemo, k.Restore, k.DiscardDraft},
		{k.Agenda, k.Resources, k.Export, k.AuditLog, k.Lock, k.Help, k.Quit, k.ForceQuit},
	}
}

func (k keyMap) caseloadShort() []key.Binding {
	return []key.Binding{k.Filter, k.Open, k.CheckIn, k.AddClient, k.NextTab, k.Sort, k.Help, k.Quit}
}

func (k keyMap) filterShort() []key.Binding {
	return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Arrows.Up, k.Arrows.Down}
}

// clientGroups are the client screen's keys.
func (k keyMap) clientGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.CheckIn, k.StageNote, k.EditClient, k.Amend},
		{k.Refer, k.ChangeStatus, k.Resources, k.Export, k.Back, k.Lock, k.Help, k.ForceQuit},
		{k.AddGoal, k.TickStep, k.EditGoal, k.GoalHistory, k.EditRelapsePlan, k.OlderPlan},
		{k.Screening, k.Consent, k.Consents},
	}
}

func (k keyMap) clientShort() []key.Binding {
	return []key.Binding{k.CheckIn, k.StageNote, k.EditClient, k.Amend, k.NextTab, k.Help, k.Back}
}

// formGroups are the keys of every form.
func (k keyMap) formGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.Save, k.Cancel},
		{k.Pick, k.ChangeOption, k.Toggle, k.Paste},
		{k.FieldHelp, k.Lock, k.ForceQuit},
	}
}

func (k keyMap) formShort() []key.Binding {
	return []key.Binding{k.Save, k.NextField, k.Pick, k.ChangeOption, k.FieldHelp, k.Cancel}
}

func (k keyMap) confirmShort() []key.Binding { return []key.Binding{k.Yes, k.No} }

// exportKeys are the keys of the export dialog, and the x that opens it.
type exportKeys struct {
	Export, ExportRange, ExportFormat, ExportRedact  key.Binding
	ExportPath, ExportApply, ExportWrite, ExportCopy key.Binding
	ExportReplace, ExportKeep, ExportClose           key.Binding
	ExportTo                                         key.Binding
}

func newExportKeys(b func([]string, string, string) key.Binding) exportKeys {
	return exportKeys{
		Export:        b([]string{"x"}, "x", "export summary"),
		ExportRange:   b([]string{"1", "2", "3", "4"}, "1-4", "range"),
		ExportFormat:  b([]string{"f"}, "f", "format"),
		ExportRedact:  b([]string{"r"}, "r", "redact"),
		ExportPath:    b([]string{"p"}, "p", "edit path"),
		ExportApply:   b([]string{"enter"}, "enter", "apply"),
		ExportWrite:   b([]string{"w"}, "w", "write file"),
		ExportCopy:    b([]string{"c"}, "c", "clipboard"),
		ExportReplace: b([]string{"y"}, "y", "yes, replace the file"),
		ExportKeep:    b([]string{"n", "esc"}, "n/esc", "no, keep it"),
		ExportClose:   b([]string{"esc"}, "esc", "back"),
		ExportTo:      b([]string{"t"}, "t", "recipient"),
	}
}

// exportGroups are the export dialog's keys.
func (k keyMap) exportGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.ExportRange, k.NextField, k.ExportApply, k.ExportFormat, k.ExportRedact, k.ExportTo},
		{k.ExportPath, k.ExportWrite, k.ExportCopy, k.ExportReplace, k.ExportKeep},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Help, k.ExportClose, k.ForceQuit},
	}
}

func (k keyMap) exportShort() []key.Binding {
	// The path key is left to the dialog's own hint line: with it the help
	// would not fit 80 columns.
	return []key.Binding{k.ExportRange, k.ExportFormat, k.ExportRedact, k.ExportWrite, k.ExportCopy, k.Help, k.ExportClose}
}

// exportTypingShort is the help while a date or the path is being typed.
func (k keyMap) exportTypingShort() []key.Binding {
	return []key.Binding{k.ExportApply, k.NextField, k.Cancel}
}

// planKeys are the keys of the client's supervision and relapse-prevention
// plans: p and P work from any client tab, the rest on the Plan tab.
type planKeys struct {
	AddGoal, TickStep, EditGoal, GoalHistory, EditRelapsePlan, OlderPlan key.Binding
}

func newPlanKeys(b func([]string, string, string) key.Binding) planKeys {
	return planKeys{
		AddGoal:         b([]string{"p"}, "p", "add goal"),
		TickStep:        b([]string{"space"}, "space", "tick"),
		EditGoal:        b([]string{"enter"}, "enter", "edit goal"),
		GoalHistory:     b([]string{"H"}, "H", "goal history"),
		EditRelapsePlan: b([]string{"P"}, "P", "relapse plan"),
		OlderPlan:       b([]string{"v"}, "v", "older relapse plans"),
	}
}

// planTabShort is the one-line help of the client's Plan tab; v and H are
// hinted on the tab itself, where they apply, so that the line fits 80
// columns.
func (k keyMap) planTabShort() []key.Binding {
	return []key.Binding{k.AddGoal, k.TickStep, k.EditGoal, k.EditRelapsePlan, k.Help, k.Back}
}
