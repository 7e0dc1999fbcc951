package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/text"
)

// key gives a key to the form; f1 opens its help, and a form the officer
// discarded closes with its draft.
func (f *form) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if key.Matches(kp, a.keys.FieldHelp) {
		return a.openHelp()
	}
	cmd := f.update(kp, a.keys, a.st, now, a.draftDelay)
	if f.closed {
		a.pop(f)
		a.notice = "Discarded."
		return tea.Batch(cmd, a.deleteDraft(f.draftKey))
	}
	return cmd
}

// passOn gives the focused editor its cursor blinks.
func (f *form) passOn(msg tea.Msg) tea.Cmd { return f.passToEditor(msg) }

func (f *form) short(k keyMap) []key.Binding {
	if f.confirm {
		return k.confirmShort()
	}
	return k.formShort()
}

func (f *form) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · " + text.Clean(f.title), k.formGroups()
}

// helpNotes add the focused field's long help under the keys: every option
// in full, the stage table for a stage field.
func (f *form) helpNotes(a *App) []string {
	fl := f.fields[f.focus]
	return append([]string{"", a.styles.bold.Render(fl.label)}, a.fieldHelpText(fl)...)
}

// formKeys are the keys of every form (the export dialog's typed dates and
// path take cancel and next from here too).
type formKeys struct {
	NextField, PrevField, NextLine, PrevLine, Save, Cancel key.Binding
	// ChangeOption is how the help names the two keys that change a choice.
	ChangeOption, OptionBack, OptionOn  key.Binding
	Toggle, Pick, PickLetter, FieldHelp key.Binding
	Yes, No                             key.Binding
}

func newFormKeys() formKeys {
	var letters []string
	for r := 'a'; r <= 'z'; r++ {
		letters = append(letters, string(r), string(r-'a'+'A'))
	}
	return formKeys{
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

// formGroups are the keys of every form.
func (k keyMap) formGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.NextLine, k.PrevLine, k.Save, k.Cancel},
		{k.Pick, k.PickLetter, k.ChangeOption, k.Toggle, k.Paste},
		{k.FieldHelp, k.Lock, k.ForceQuit},
	}
}

func (k keyMap) formShort() []key.Binding {
	return []key.Binding{k.Save, k.NextField, k.Pick, k.ChangeOption, k.FieldHelp, k.Cancel}
}

func (k keyMap) confirmShort() []key.Binding { return []key.Binding{k.Yes, k.No} }

// live are the keys the form answers to with the focused field; the
// focused editor takes everything else as text.
func (f *form) live(a *App) []key.Binding {
	k := a.keys
	out := []key.Binding{k.FieldHelp}
	switch {
	case f.confirm:
		return append(out, k.Yes, k.No)
	case f.saving:
		return out
	}
	out = append(out, k.Save, k.Cancel, k.NextField, k.PrevField)
	switch f.fields[f.focus].kind {
	case kindNote:
		return out
	case kindChoice, kindBool, kindMulti:
		out = append(out, k.OptionBack, k.OptionOn, k.Toggle, k.Pick, k.PickLetter)
	}
	return append(out, k.NextLine, k.PrevLine)
}
