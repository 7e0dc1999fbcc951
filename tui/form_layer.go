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
