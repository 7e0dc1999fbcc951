package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"

	"caseload/model"
)

// fieldKind says how a field is edited.
type fieldKind int

const (
	kindText   fieldKind = iota // one line of text
	kindWhen                    // a date and time, read by model.ParseWhen
	kindDate                    // a calendar date, read by model.ParseWhen
	kindChoice                  // one of a few options
	kindMulti                   // any of a few options
	kindNote                    // several lines of text
	kindBool                    // yes or no
)

// option is one value of a choice field.
type option struct{ value, label, help string }

// field is one line of a form. Its name is the model's field name, so a
// validation error from the model lands next to it and a draft can store it.
type field struct {
	name     string
	label    string
	kind     fieldKind
	help     string
	input    textinput.Model
	area     textarea.Model
	options  []option
	pick     int    // kindChoice: the chosen option; kindBool: 1 for yes
	picked   []bool // kindMulti: the ticked options
	cursor   int    // kindMulti: the option the cursor is on
	err      string
	hidden   bool // not asked for now (substances unless the test names them)
	stageTab bool // show the stage table as help
	compact  bool // kindNote: one line unless focused, so a form of many lists fits 24 lines
}

func textField(name, label, value, help string) *field {
	in := newInput("")
	in.SetValue(value)
	return &field{name: name, label: label, kind: kindText, help: help, input: in}
}

func whenField(name, label, value, help string, dateOnly bool) *field {
	f := textField(name, label, value, help)
	f.kind = kindWhen
	if dateOnly {
		f.kind = kindDate
	}
	return f
}

func noteField(name, label, value, help string) *field {
	a := textarea.New()
	st := a.Styles()
	st.Cursor.Blink = false
	a.SetStyles(st)
	a.Prompt = "│ "
	a.ShowLineNumbers = false
	a.KeyMap.Paste.SetEnabled(false) // the app's own paste, see paste.go
	a.SetValue(value)
	return &field{name: name, label: label, kind: kindNote, help: help, area: a}
}

func choiceField[T ~string](name, label string, opts []model.Option[T], value T, help string) *field {
	f := &field{name: name, label: label, kind: kindChoice, help: help}
	for i, o := range opts {
		f.options = append(f.options, option{string(o.Value), o.Label, o.Help})
		if o.Value == value {
			f.pick = i
		}
	}
	return f
}

func multiField[T ~string](name, label string, opts []model.Option[T], values []T, help string) *field {
	f := &field{name: name, label: label, kind: kindMulti, help: help, picked: make([]bool, len(opts))}
	for i, o := range opts {
		f.options = append(f.options, option{string(o.Value), o.Label, o.Help})
		for _, v := range values {
			if v == o.Value {
				f.picked[i] = true
			}
		}
	}
	return f
}

func boolField(name, label string, value bool, help string) *field {
	f := &field{name: name, label: label, kind: kindBool, help: help,
		options: []option{{"no", "No", ""}, {"yes", "Yes", ""}}}
	if value {
		f.pick = 1
	}
	return f
}

// newInput makes a one-line editor with a steady cursor: a blinking one
// redraws the screen twice a second for nothing.
func newInput(prompt string) textinput.Model {
	in := textinput.New()
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Prompt = prompt
	in.KeyMap.Paste.SetEnabled(false) // the app's own paste, see paste.go
	return in
}

// value is what the field holds as text: what was typed, the chosen option's
// value, the ticked values joined by commas, or yes/no. Drafts store it.
func (f *field) value() string {
	switch f.kind {
	case kindNote:
		return f.area.Value()
	case kindChoice, kindBool:
		return f.options[f.pick].value
	case kindMulti:
		var out []string
		for i, on := range f.picked {
			if on {
				out = append(out, f.options[i].value)
			}
		}
		return strings.Join(out, ",")
	}
	return f.input.Value()
}

// setValue puts back a value that value returned, from a draft.
func (f *field) setValue(v string) {
	switch f.kind {
	case kindNote:
		f.area.SetValue(v)
	case kindChoice, kindBool:
		for i, o := range f.options {
			if o.value == v {
				f.pick = i
			}
		}
	case kindMulti:
		set := map[string]bool{}
		for _, s := range strings.Split(v, ",") {
			set[s] = true
		}
		for i, o := range f.options {
			f.picked[i] = set[o.value]
		}
	default:
		f.input.SetValue(v)
	}
}

// when reads a date field against now; an empty field is the zero time.
func (f *field) when(now time.Time) (time.Time, error) {
	t, err := model.ParseWhen(f.input.Value(), now)
	if err == nil && f.kind == kindDate && !t.IsZero() {
		t = model.StartOfDay(t)
	}
	return t, err
}

// readAs says how a date field was read, so the officer sees "tomorrow"
// turned into a date before saving.
func (f *field) readAs(now time.Time) string {
	if strings.TrimSpace(f.input.Value()) == "" {
		return ""
	}
	t, err := f.when(now)
	if err != nil {
		return "?"
	}
	if f.kind == kindDate {
		return "→ " + t.Format("Mon 2 Jan 2006")
	}
	return "→ " + t.Format("Mon 2 Jan 2006 15:04")
}

// focus and blur move the cursor in and out of the field's editor.
func (f *field) focus() {
	switch f.kind {
	case kindNote:
		f.area.Focus()
	case kindText, kindWhen, kindDate:
		f.input.Focus()
	}
}

func (f *field) blur() {
	f.input.Blur()
	f.area.Blur()
}

// pickByLetter moves to the next option whose label starts with the letter,
// so "p" on the stage field goes to Precontemplation, then Preparation.
func (f *field) pickByLetter(r rune) bool {
	n := len(f.options)
	cur := f.pick
	if f.kind == kindMulti {
		cur = f.cursor
	}
	for i := 1; i <= n; i++ {
		j := (cur + i) % n
		if strings.HasPrefix(strings.ToLower(f.options[j].label), strings.ToLower(string(r))) {
			if f.kind == kindMulti {
				f.cursor = j
			} else {
				f.pick = j
			}
			return true
		}
	}
	return false
}

// values splits a multi field into its values.
func multiValues[T ~string](f *field) []T {
	var out []T
	for i, on := range f.picked {
		if on {
			out = append(out, T(f.options[i].value))
		}
	}
	return out
}
