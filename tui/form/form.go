// Package form is the engine of the app's forms: fields of a few kinds,
// focus, the problems a save found shown next to their fields, the question
// before what was typed is thrown away, and a pause in typing reported so
// the app can keep a draft. It knows nothing of records or of the app: a
// form of the app is a spec that reads the fields into a record and saves
// it. huh would give us fields, but not per-field errors from our own
// rules, ctrl+s from any field, fields that hide themselves, or drafts of
// every keystroke.
package form

import (
	"strings"
	"time"
)

// Form is the state of one open form.
type Form struct {
	Title  string
	Fields []*Field
	// Opened is the time the form opened: dates typed are read against it.
	Opened time.Time
	// Dirty says something was typed since the form opened.
	Dirty bool
	// Saving is set by the app between asking for a save and its answer;
	// the form takes no keys meanwhile.
	Saving bool
	// Closed says the officer threw the form away.
	Closed bool
	// Problem is an error of the whole form, not of one field.
	Problem string
	// OnChange runs after every change, so a field can hide or show
	// itself on another's value.
	OnChange func(*Form)

	focus   int
	confirm bool // asking whether to throw away what was typed
	version int  // counts changes, so a draft is kept after a pause
	width   int
	height  int
}

// New makes a form of fields, focused on the first.
func New(title string, opened time.Time, fields ...*Field) *Form {
	return &Form{Title: title, Opened: opened, Fields: fields}
}

// FieldError is a problem with one field, by the field's name.
type FieldError struct{ Field, Message string }

// Field is the field of that name, or nil.
func (f *Form) Field(name string) *Field {
	for _, fl := range f.Fields {
		if fl.Name == name {
			return fl
		}
	}
	return nil
}

// Focused is the field the cursor is in.
func (f *Form) Focused() *Field { return f.Fields[f.focus] }

// Confirming says the form is asking whether to throw away what was typed.
func (f *Form) Confirming() bool { return f.confirm }

// Version counts the changes; a pause report names the version it follows.
func (f *Form) Version() int { return f.version }

// Size is the window the form lays itself out for.
func (f *Form) Size() (w, h int) { return f.width, f.height }

// Values is what the form holds, by field name, for a draft.
func (f *Form) Values() map[string]string {
	out := make(map[string]string, len(f.Fields))
	for _, fl := range f.Fields {
		out[fl.Name] = fl.Value()
	}
	return out
}

// Restore puts back what a draft held.
func (f *Form) Restore(data map[string]string) {
	for _, fl := range f.Fields {
		if v, ok := data[fl.Name]; ok {
			fl.SetValue(v)
		}
	}
	f.Changed()
	f.Dirty = true
}

// Changed runs OnChange: after a change the form did not see (a restore, a
// field added).
func (f *Form) Changed() {
	if f.OnChange != nil {
		f.OnChange(f)
	}
}

// ShowErrors puts each problem next to its field and goes to the first of
// them; a problem naming no field of the form goes at the top with problem.
func (f *Form) ShowErrors(problem string, errs []FieldError) {
	for _, fl := range f.Fields {
		fl.Err = ""
	}
	var loose []string
	if problem != "" {
		loose = append(loose, problem)
	}
	first := -1
	for _, fe := range errs {
		fl := f.Field(fe.Field)
		if fl == nil {
			loose = append(loose, fe.Field+": "+fe.Message)
			continue
		}
		fl.Err = fe.Message
		fl.Hidden = false
		if i := f.IndexOf(fl); first < 0 || i < first {
			first = i
		}
	}
	f.Problem = strings.Join(loose, "; ")
	if first >= 0 {
		f.MoveTo(first)
	}
}

// IndexOf is where fl is in the form, or -1.
func (f *Form) IndexOf(fl *Field) int {
	for i, x := range f.Fields {
		if x == fl {
			return i
		}
	}
	return -1
}

// MoveTo puts the cursor in field i.
func (f *Form) MoveTo(i int) {
	f.Fields[f.focus].blur()
	f.focus = i
	f.Fields[i].focus()
}

// step moves the focus to the next (or previous) field that is shown.
func (f *Form) step(d int) {
	for i := f.focus + d; i >= 0 && i < len(f.Fields); i += d {
		if !f.Fields[i].Hidden {
			f.MoveTo(i)
			return
		}
	}
}

// SetSize lays the form out for a window of w by h cells.
func (f *Form) SetSize(w, h int) {
	f.width, f.height = w, h
	valueWidth := max(20, min(w-LabelWidth-4, 70))
	for _, fl := range f.Fields {
		fl.input.SetWidth(valueWidth - 2)
		if fl.Kind == KindWhen || fl.Kind == KindDate {
			fl.input.SetWidth(20) // room on the line for how the date was read
		}
		if fl.Kind == KindNote {
			fl.area.SetWidth(valueWidth)
			fl.area.SetHeight(noteHeight(h))
		}
	}
}

// LabelWidth is the cells a field's label takes.
const LabelWidth = 14

// MinWidth is the narrowest window a form lays out for.
const MinWidth = 80

func noteHeight(h int) int {
	if h >= 36 {
		return 6
	}
	return 3
}

// FocusIndex is where the focused field is in Fields.
func (f *Form) FocusIndex() int { return f.focus }
