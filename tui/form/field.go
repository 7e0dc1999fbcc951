package form

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
)

// Kind says how a field is edited.
type Kind int

const (
	KindText   Kind = iota // one line of text
	KindWhen               // a date and time, read by the field's parser
	KindDate               // a calendar date, read by the field's parser
	KindChoice             // one of a few options
	KindMulti              // any of a few options
	KindNote               // several lines of text
	KindBool               // yes or no
)

// Option is one value of a choice or multi field. Help is shown beside it
// under the form; More, when set, is its longer help in the full help (the
// stage of change's "what helps").
type Option struct{ Value, Label, Help, More string }

// ParseFunc reads a typed date against the time the form opened; an empty
// text is the zero time.
type ParseFunc func(typed string, now time.Time) (time.Time, error)

// Field is one line of a form. Its Name is the record's field name, so a
// validation error lands next to it and a draft can store it.
type Field struct {
	Name    string
	Label   string
	Kind    Kind
	Help    string
	Options []Option
	Pick    int    // KindChoice: the chosen option; KindBool: 1 for yes
	Picked  []bool // KindMulti: the ticked options
	Cursor  int    // KindMulti: the option the cursor is on
	Err     string // the problem a save found with it, shown under it
	Hidden  bool   // not asked for now (substances unless the test names them)
	Compact bool   // KindNote: one line unless focused, so a form of many lists fits 24 lines

	input textinput.Model
	area  textarea.Model
	parse ParseFunc
}

// Text is a one-line field.
func Text(name, label, value, help string) *Field {
	in := NewInput("")
	in.SetValue(value)
	return &Field{Name: name, Label: label, Kind: KindText, Help: help, input: in}
}

// When is a date-and-time field read by parse.
func When(name, label, value, help string, parse ParseFunc) *Field {
	f := Text(name, label, value, help)
	f.Kind, f.parse = KindWhen, parse
	return f
}

// Date is a calendar-date field read by parse.
func Date(name, label, value, help string, parse ParseFunc) *Field {
	f := When(name, label, value, help, parse)
	f.Kind = KindDate
	return f
}

// Note is a field of several lines.
func Note(name, label, value, help string) *Field {
	a := textarea.New()
	st := a.Styles()
	st.Cursor.Blink = false
	a.SetStyles(st)
	a.Prompt = "│ "
	a.ShowLineNumbers = false
	a.KeyMap.Paste.SetEnabled(false) // pastes come as the app's own message
	a.SetValue(value)
	return &Field{Name: name, Label: label, Kind: KindNote, Help: help, area: a}
}

// Choice is one of opts, starting on the option whose value is value.
func Choice(name, label string, opts []Option, value, help string) *Field {
	f := &Field{Name: name, Label: label, Kind: KindChoice, Help: help, Options: opts}
	for i, o := range opts {
		if o.Value == value {
			f.Pick = i
		}
	}
	return f
}

// Multi is any of opts, starting with values ticked.
func Multi(name, label string, opts []Option, values []string, help string) *Field {
	f := &Field{Name: name, Label: label, Kind: KindMulti, Help: help, Options: opts, Picked: make([]bool, len(opts))}
	for i, o := range opts {
		for _, v := range values {
			if v == o.Value {
				f.Picked[i] = true
			}
		}
	}
	return f
}

// Bool is yes or no.
func Bool(name, label string, value bool, help string) *Field {
	f := &Field{Name: name, Label: label, Kind: KindBool, Help: help,
		Options: []Option{{Value: "no", Label: "No"}, {Value: "yes", Label: "Yes"}}}
	if value {
		f.Pick = 1
	}
	return f
}

// NewInput makes a one-line editor with a steady cursor: a blinking one
// redraws the screen twice a second for nothing.
func NewInput(prompt string) textinput.Model {
	in := textinput.New()
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Prompt = prompt
	in.KeyMap.Paste.SetEnabled(false) // pastes come as the app's own message
	return in
}

// Value is what the field holds as text: what was typed, the chosen option's
// value, the ticked values joined by commas, or yes/no. Drafts store it.
func (f *Field) Value() string {
	switch f.Kind {
	case KindNote:
		return f.area.Value()
	case KindChoice, KindBool:
		return f.Options[f.Pick].Value
	case KindMulti:
		return strings.Join(f.Values(), ",")
	}
	return f.input.Value()
}

// Values are the ticked options' values of a multi field.
func (f *Field) Values() []string {
	var out []string
	for i, on := range f.Picked {
		if on {
			out = append(out, f.Options[i].Value)
		}
	}
	return out
}

// SetValue puts back a value that Value returned, from a draft.
func (f *Field) SetValue(v string) {
	switch f.Kind {
	case KindNote:
		f.area.SetValue(v)
	case KindChoice, KindBool:
		for i, o := range f.Options {
			if o.Value == v {
				f.Pick = i
			}
		}
	case KindMulti:
		set := map[string]bool{}
		for _, s := range strings.Split(v, ",") {
			set[s] = true
		}
		for i, o := range f.Options {
			f.Picked[i] = set[o.Value]
		}
	default:
		f.input.SetValue(v)
	}
}

// When reads a date field against now; an empty field is the zero time.
func (f *Field) When(now time.Time) (time.Time, error) {
	return f.parse(f.input.Value(), now)
}

// readAs says how a date field was read, so the officer sees "tomorrow"
// turned into a date before saving.
func (f *Field) readAs(now time.Time) string {
	if strings.TrimSpace(f.input.Value()) == "" {
		return ""
	}
	t, err := f.When(now)
	if err != nil {
		return "?"
	}
	if f.Kind == KindDate {
		return "→ " + t.Format("Mon 2 Jan 2006")
	}
	return "→ " + t.Format("Mon 2 Jan 2006 15:04")
}

// focus and blur move the cursor in and out of the field's editor.
func (f *Field) focus() {
	switch f.Kind {
	case KindNote:
		f.area.Focus()
	case KindText, KindWhen, KindDate:
		f.input.Focus()
	}
}

func (f *Field) blur() {
	f.input.Blur()
	f.area.Blur()
}

// pickByLetter moves to the next option whose label starts with the letter,
// so "p" on the stage field goes to Precontemplation, then Preparation.
func (f *Field) pickByLetter(r rune) bool {
	n := len(f.Options)
	cur := f.Pick
	if f.Kind == KindMulti {
		cur = f.Cursor
	}
	for i := 1; i <= n; i++ {
		j := (cur + i) % n
		if strings.HasPrefix(strings.ToLower(f.Options[j].Label), strings.ToLower(string(r))) {
			if f.Kind == KindMulti {
				f.Cursor = j
			} else {
				f.Pick = j
			}
			return true
		}
	}
	return false
}

// SetPlaceholder is the grey example an empty text field or note shows.
func (f *Field) SetPlaceholder(p string) {
	f.input.Placeholder = p
	f.area.Placeholder = p
}
