package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/text"
	"caseload/tui/form"
)

// key gives a key to the form; f1 opens its help, ctrl+s saves, and a form
// the officer discarded closes with its draft.
func (f *recordForm) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if key.Matches(kp, a.keys.FieldHelp) {
		return a.openHelp()
	}
	cmd, action := f.Update(kp, a.keys.Keys, a.draftDelay)
	if action == form.Save {
		return f.save(a.st, now)
	}
	if f.Closed {
		a.pop(f)
		a.notice = "Discarded."
		return tea.Batch(cmd, a.deleteDraft(f.draftKey))
	}
	return cmd
}

// paste puts pasted text into the focused field as if typed there.
func (f *recordForm) paste(a *App, msg tea.PasteMsg) tea.Cmd {
	return f.Paste(msg, a.draftDelay)
}

// passOn gives the focused editor its cursor blinks.
func (f *recordForm) passOn(msg tea.Msg) tea.Cmd { return f.PassOn(msg) }

func (f *recordForm) setSize(w, h int) { f.SetSize(w, h) }

func (f *recordForm) short(k keyMap) []key.Binding { return f.Short(k.Keys) }

func (f *recordForm) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · " + text.Clean(f.Title), k.formGroups()
}

// helpNotes add the focused field's long help under the keys: every option
// in full, the stage table for a stage field.
func (f *recordForm) helpNotes(a *App) []string {
	fl := f.Focused()
	return append([]string{"", a.styles.bold.Render(fl.Label)}, fl.LongHelp(a.width)...)
}

func (f *recordForm) live(a *App) []key.Binding { return f.Live(a.keys.Keys) }

// formGroups are the keys of every form.
func (k keyMap) formGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.NextLine, k.PrevLine, k.Save, k.Cancel},
		{k.Pick, k.PickLetter, k.ChangeOption, k.Toggle, k.Paste},
		{k.FieldHelp, k.Lock, k.ForceQuit},
	}
}
