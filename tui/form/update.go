package form

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Action is what the officer asked of the form with a key, beyond editing.
type Action int

const (
	None Action = iota
	Save        // ctrl+s: the app reads the fields and saves, or calls ShowErrors
)

// PauseMsg comes a pause after a change. When the form's Version is still
// the one it names, typing has stopped and the app keeps a draft.
type PauseMsg struct {
	Form    *Form
	Version int
}

// Update handles a key press while the form is open; other messages go to
// PassOn. It returns the command to run and what was asked for; the caller
// looks at Closed afterwards. delay is the pause before a PauseMsg.
func (f *Form) Update(kp tea.KeyPressMsg, k Keys, delay time.Duration) (tea.Cmd, Action) {
	if f.confirm {
		switch {
		case key.Matches(kp, k.Yes):
			f.Closed = true
		case key.Matches(kp, k.No):
			f.confirm = false
		}
		return nil, None
	}
	if f.Saving {
		return nil, None
	}
	fl := f.Fields[f.focus]
	switch {
	case key.Matches(kp, k.Save):
		return nil, Save
	case key.Matches(kp, k.Cancel):
		if f.Dirty {
			f.confirm = true
		} else {
			f.Closed = true
		}
		return nil, None
	// In a note, enter and the arrows belong to the note's lines.
	case key.Matches(kp, k.NextField), key.Matches(kp, k.NextLine) && fl.Kind != KindNote:
		f.step(1)
		return nil, None
	case key.Matches(kp, k.PrevField), key.Matches(kp, k.PrevLine) && fl.Kind != KindNote:
		f.step(-1)
		return nil, None
	}
	before := fl.Value()
	cmd := f.edit(fl, kp, k)
	return tea.Batch(cmd, f.edited(fl, before, delay)), None
}

// Paste puts pasted text into the focused field as if typed there: a text
// field or the note takes it (a one-line field with its line breaks as
// spaces); a choice ignores it.
func (f *Form) Paste(msg tea.PasteMsg, delay time.Duration) tea.Cmd {
	if f.confirm || f.Saving {
		return nil
	}
	fl := f.Fields[f.focus]
	before := fl.Value()
	cmd := f.PassOn(msg)
	return tea.Batch(cmd, f.edited(fl, before, delay))
}

// edited does what follows a change to a field: its old error goes, the
// form is changed, and a pause is reported after the typing stops.
func (f *Form) edited(fl *Field, before string, delay time.Duration) tea.Cmd {
	if fl.Value() == before {
		return nil
	}
	fl.Err = ""
	f.Dirty = true
	f.version++
	f.Changed()
	version := f.version
	return tea.Tick(delay, func(time.Time) tea.Msg { return PauseMsg{f, version} })
}

// edit applies a key to the focused field.
func (f *Form) edit(fl *Field, kp tea.KeyPressMsg, k Keys) tea.Cmd {
	switch fl.Kind {
	case KindChoice, KindBool:
		n := len(fl.Options)
		switch {
		case key.Matches(kp, k.OptionBack):
			fl.Pick = (fl.Pick + n - 1) % n
		case key.Matches(kp, k.OptionOn), key.Matches(kp, k.Toggle):
			fl.Pick = (fl.Pick + 1) % n
		case key.Matches(kp, k.Pick):
			if i, _ := strconv.Atoi(kp.String()); i <= n {
				fl.Pick = i - 1
				f.Changed()
				f.step(1)
			}
		case key.Matches(kp, k.PickLetter):
			fl.pickByLetter(rune(kp.String()[0]))
		}
	case KindMulti:
		n := len(fl.Options)
		switch {
		case key.Matches(kp, k.OptionBack):
			fl.Cursor = (fl.Cursor + n - 1) % n
		case key.Matches(kp, k.OptionOn):
			fl.Cursor = (fl.Cursor + 1) % n
		case key.Matches(kp, k.Toggle):
			fl.Picked[fl.Cursor] = !fl.Picked[fl.Cursor]
		case key.Matches(kp, k.Pick):
			if i, _ := strconv.Atoi(kp.String()); i <= n {
				fl.Cursor = i - 1
				fl.Picked[i-1] = !fl.Picked[i-1]
			}
		case key.Matches(kp, k.PickLetter):
			fl.pickByLetter(rune(kp.String()[0]))
		}
	case KindNote:
		var cmd tea.Cmd
		fl.area, cmd = fl.area.Update(kp)
		return cmd
	default:
		var cmd tea.Cmd
		fl.input, cmd = fl.input.Update(kp)
		return cmd
	}
	return nil
}

// PassOn hands other messages (cursor blinks, pastes) to the focused
// editor.
func (f *Form) PassOn(msg tea.Msg) tea.Cmd {
	fl := f.Fields[f.focus]
	var cmd tea.Cmd
	switch fl.Kind {
	case KindNote:
		before := fl.area.Value()
		fl.area, cmd = fl.area.Update(msg)
		if fl.area.Value() != before {
			f.Dirty = true
		}
	case KindText, KindWhen, KindDate:
		before := fl.input.Value()
		fl.input, cmd = fl.input.Update(msg)
		if fl.input.Value() != before {
			f.Dirty = true
		}
	}
	return cmd
}
