package form

import "charm.land/bubbles/v2/key"

// Keys are the keys of every form. The app's key map embeds them, so its
// help shows them and other dialogs that take typed text share them.
type Keys struct {
	NextField, PrevField, NextLine, PrevLine, Save, Cancel key.Binding
	// ChangeOption is how the help names the two keys that change a choice.
	ChangeOption, OptionBack, OptionOn  key.Binding
	Toggle, Pick, PickLetter, FieldHelp key.Binding
	Yes, No                             key.Binding
}

func bind(keys []string, k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

// NewKeys are the form keys as the help names them.
func NewKeys() Keys {
	var letters []string
	for r := 'a'; r <= 'z'; r++ {
		letters = append(letters, string(r), string(r-'a'+'A'))
	}
	return Keys{
		NextField:    bind([]string{"tab"}, "tab", "next"),
		PrevField:    bind([]string{"shift+tab"}, "shift+tab", "previous field"),
		NextLine:     bind([]string{"enter", "down"}, "enter/↓", "next (not in a note)"),
		PrevLine:     bind([]string{"up"}, "↑", "previous (not in a note)"),
		Save:         bind([]string{"ctrl+s"}, "ctrl+s", "save"),
		Cancel:       bind([]string{"esc"}, "esc", "cancel"),
		ChangeOption: bind([]string{"left", "right"}, "←/→", "change"),
		OptionBack:   bind([]string{"left"}, "←", "previous option"),
		OptionOn:     bind([]string{"right"}, "→", "next option"),
		Toggle:       bind([]string{"space"}, "space", "tick option"),
		Pick:         bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "pick"),
		PickLetter:   bind(letters, "a-z", "option by letter"),
		FieldHelp:    bind([]string{"f1"}, "f1", "form help"),
		Yes:          bind([]string{"y"}, "y", "yes, discard"),
		No:           bind([]string{"n", "esc"}, "n/esc", "no, keep editing"),
	}
}

// Short is the one-line help of a form.
func (f *Form) Short(k Keys) []key.Binding {
	if f.confirm {
		return []key.Binding{k.Yes, k.No}
	}
	return []key.Binding{k.Save, k.NextField, k.Pick, k.ChangeOption, k.FieldHelp, k.Cancel}
}

// Live are the keys the form answers to with the focused field (f1 is the
// app's); the focused editor takes everything else as text.
func (f *Form) Live(k Keys) []key.Binding {
	out := []key.Binding{k.FieldHelp}
	switch {
	case f.confirm:
		return append(out, k.Yes, k.No)
	case f.Saving:
		return out
	}
	out = append(out, k.Save, k.Cancel, k.NextField, k.PrevField)
	switch f.Fields[f.focus].Kind {
	case KindNote:
		return out
	case KindChoice, KindBool, KindMulti:
		out = append(out, k.OptionBack, k.OptionOn, k.Toggle, k.Pick, k.PickLetter)
	}
	return append(out, k.NextLine, k.PrevLine)
}

// TakesText says the focused field takes letters as text now: a key that is
// not the form's is typed, not ignored.
func (f *Form) TakesText() bool {
	switch f.Fields[f.focus].Kind {
	case KindText, KindWhen, KindDate, KindNote:
		return !f.confirm && !f.Saving
	}
	return false
}
