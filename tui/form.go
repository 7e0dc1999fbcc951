package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// formSpec is what differs between the forms: how the fields become a record
// and how that record is saved.
type formSpec interface {
	// submit reads the fields into a record and checks it. Problems with
	// fields come back as a *model.ValidationError; otherwise it returns the
	// command that saves the record.
	submit(f *form, st *store.Store, now time.Time) (tea.Cmd, error)
}

// form is the hand-built form every form of the app is a spec of: the
// check-in, client, stage note, amendment of a referral event, referral,
// referral status, resource, goal, relapse-prevention plan, screening and
// consent (the *_form.go files, and referral.go). huh would give us fields,
// but not our model's per-field errors, ctrl+s from any field, fields that
// hide themselves, or drafts of every keystroke.
type form struct {
	spec     formSpec
	kind     string // checkin, client, stage_note, event_note: drafts name it
	title    string
	clientID string
	draftKey string
	target   string // the record amended or the client edited; "" for a new one
	fields   []*field
	focus    int
	opened   time.Time // dates typed are read against the time the form opened
	dirty    bool
	confirm  bool // asking whether to throw away what was typed
	saving   bool
	closed   bool // the officer discarded the form
	problem  string
	version  int // counts changes, so a draft is written after a pause
	onChange func(*form)
	width    int
	height   int
}

// draftTickMsg fires a pause after a change; the draft is written when no
// change came since.
type draftTickMsg struct {
	key     string
	version int
}

func (f *form) field(name string) *field {
	for _, fl := range f.fields {
		if fl.name == name {
			return fl
		}
	}
	return nil
}

// values is what the form holds, by field name, for a draft.
func (f *form) values() map[string]string {
	out := map[string]string{"_title": f.title, "_target": f.target}
	for _, fl := range f.fields {
		out[fl.name] = fl.value()
	}
	return out
}

// restore puts back what a draft held.
func (f *form) restore(data map[string]string) {
	for _, fl := range f.fields {
		if v, ok := data[fl.name]; ok {
			fl.setValue(v)
		}
	}
	f.changed()
	f.dirty = true
}

func (f *form) changed() {
	if f.onChange != nil {
		f.onChange(f)
	}
}

// showErrors puts each field's problem next to it; a problem with no field
// goes at the top.
func (f *form) showErrors(err error) {
	for _, fl := range f.fields {
		fl.err = ""
	}
	f.problem = ""
	v := model.FieldErrors(err)
	if v == nil {
		f.problem = err.Error()
		return
	}
	var loose []string
	first := -1
	for _, fe := range v.Fields {
		fl := f.field(fe.Field)
		if fl == nil {
			loose = append(loose, fe.Error())
			continue
		}
		fl.err = fe.Message
		fl.hidden = false
		if i := f.indexOf(fl); first < 0 || i < first {
			first = i
		}
	}
	f.problem = strings.Join(loose, "; ")
	if first >= 0 {
		f.moveTo(first)
	}
}

func (f *form) indexOf(fl *field) int {
	for i, x := range f.fields {
		if x == fl {
			return i
		}
	}
	return -1
}

func (f *form) moveTo(i int) {
	f.fields[f.focus].blur()
	f.focus = i
	f.fields[i].focus()
}

// step moves the focus to the next (or previous) field that is shown.
func (f *form) step(d int) {
	for i := f.focus + d; i >= 0 && i < len(f.fields); i += d {
		if !f.fields[i].hidden {
			f.moveTo(i)
			return
		}
	}
}

func (f *form) setSize(w, h int) {
	f.width, f.height = w, h
	valueWidth := max(20, min(w-labelWidth-4, 70))
	for _, fl := range f.fields {
		fl.input.SetWidth(valueWidth - 2)
		if fl.kind == kindWhen || fl.kind == kindDate {
			fl.input.SetWidth(20) // room on the line for how the date was read
		}
		if fl.kind == kindNote {
			fl.area.SetWidth(valueWidth)
			fl.area.SetHeight(noteHeight(h))
		}
	}
}

const labelWidth = 14

func noteHeight(h int) int {
	if h >= 36 {
		return 6
	}
	return 3
}

// update handles a message while the form is open. It returns the command
// to run; the caller looks at f.closed afterwards.
func (f *form) update(msg tea.Msg, k keyMap, st *store.Store, now time.Time, delay time.Duration) tea.Cmd {
	kp, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return f.passToEditor(msg)
	}
	if f.confirm {
		switch {
		case key.Matches(kp, k.Yes):
			f.closed = true
		case key.Matches(kp, k.No):
			f.confirm = false
		}
		return nil
	}
	if f.saving {
		return nil
	}
	fl := f.fields[f.focus]
	switch {
	case key.Matches(kp, k.Save):
		cmd, err := f.spec.submit(f, st, now)
		if err != nil {
			f.showErrors(err)
			return nil
		}
		f.saving = true
		return cmd
	case key.Matches(kp, k.Cancel):
		if f.dirty {
			f.confirm = true
		} else {
			f.closed = true
		}
		return nil
	// In a note, enter and the arrows belong to the note's lines.
	case key.Matches(kp, k.NextField), key.Matches(kp, k.NextLine) && fl.kind != kindNote:
		f.step(1)
		return nil
	case key.Matches(kp, k.PrevField), key.Matches(kp, k.PrevLine) && fl.kind != kindNote:
		f.step(-1)
		return nil
	}
	before := fl.value()
	cmd := f.edit(fl, kp, k)
	return tea.Batch(cmd, f.edited(fl, before, delay))
}

// paste puts pasted text into the focused field as if typed there: a text
// field or the note takes it (a one-line field with its line breaks as
// spaces); a choice ignores it.
func (f *form) paste(a *App, msg tea.PasteMsg) tea.Cmd {
	if f.confirm || f.saving {
		return nil
	}
	fl := f.fields[f.focus]
	before := fl.value()
	cmd := f.passToEditor(msg)
	return tea.Batch(cmd, f.edited(fl, before, a.draftDelay))
}

// edited does what follows a change to a field: its old error goes, the
// form is changed, and a draft is kept after a pause in typing.
func (f *form) edited(fl *field, before string, delay time.Duration) tea.Cmd {
	if fl.value() == before {
		return nil
	}
	fl.err = ""
	f.dirty = true
	f.version++
	f.changed()
	key, version := f.draftKey, f.version
	return tea.Tick(delay, func(time.Time) tea.Msg { return draftTickMsg{key, version} })
}

// edit applies a key to the focused field.
func (f *form) edit(fl *field, kp tea.KeyPressMsg, k keyMap) tea.Cmd {
	switch fl.kind {
	case kindChoice, kindBool:
		n := len(fl.options)
		switch {
		case key.Matches(kp, k.OptionBack):
			fl.pick = (fl.pick + n - 1) % n
		case key.Matches(kp, k.OptionOn), key.Matches(kp, k.Toggle):
			fl.pick = (fl.pick + 1) % n
		case key.Matches(kp, k.Pick):
			if i, _ := strconv.Atoi(kp.String()); i <= n {
				fl.pick = i - 1
				f.changed()
				f.step(1)
			}
		case key.Matches(kp, k.PickLetter):
			fl.pickByLetter(rune(kp.String()[0]))
		}
	case kindMulti:
		n := len(fl.options)
		switch {
		case key.Matches(kp, k.OptionBack):
			fl.cursor = (fl.cursor + n - 1) % n
		case key.Matches(kp, k.OptionOn):
			fl.cursor = (fl.cursor + 1) % n
		case key.Matches(kp, k.Toggle):
			fl.picked[fl.cursor] = !fl.picked[fl.cursor]
		case key.Matches(kp, k.Pick):
			if i, _ := strconv.Atoi(kp.String()); i <= n {
				fl.cursor = i - 1
				fl.picked[i-1] = !fl.picked[i-1]
			}
		case key.Matches(kp, k.PickLetter):
			fl.pickByLetter(rune(kp.String()[0]))
		}
	case kindNote:
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

// passToEditor hands other messages (cursor blinks, pastes) to the focused
// editor.
func (f *form) passToEditor(msg tea.Msg) tea.Cmd {
	fl := f.fields[f.focus]
	var cmd tea.Cmd
	switch fl.kind {
	case kindNote:
		before := fl.area.Value()
		fl.area, cmd = fl.area.Update(msg)
		if fl.area.Value() != before {
			f.dirty = true
		}
	case kindText, kindWhen, kindDate:
		before := fl.input.Value()
		fl.input, cmd = fl.input.Update(msg)
		if fl.input.Value() != before {
			f.dirty = true
		}
	}
	return cmd
}

// formViewer is a form spec that draws its own screen (the screenings, the
// check-in with its relapse-plan panel), from the body and footer below.
type formViewer interface {
	view(f *form, s styles, now time.Time) []string
}

// view draws the form: the fields, then help for the focused field. A form
// lays itself out for the whole window, set by setSize.
func (f *form) view(fr frame) []string {
	s, now := fr.s, fr.now
	if v, ok := f.spec.(formViewer); ok {
		return v.view(f, s, now)
	}
	return append(f.body(s, now), f.footer(s)...)
}

// body is the title, the fields with their errors, and a rule.
func (f *form) body(s styles, now time.Time) []string {
	lines := []string{s.title.Render(text.Clean(f.title)), ""}
	lines = append(lines, f.problemLines(s)...)
	for _, fl := range f.fields {
		if !fl.hidden {
			lines = append(lines, f.fieldLine(fl, s, now)...)
		}
	}
	return append(lines, s.dim.Render(strings.Repeat("─", max(0, f.width))))
}

// fieldLine draws one field: its label, its value (a note over several
// lines), and its error under it, wrapped rather than cut: the reason a save
// was refused must be read whole.
func (f *form) fieldLine(fl *field, s styles, now time.Time) []string {
	focused := f.fields[f.focus] == fl
	mark, label := "  ", s.label.Render(text.Pad(fl.label, labelWidth))
	if focused {
		mark, label = "▸ ", s.focusLabel.Render(text.Pad(fl.label, labelWidth))
	}
	indent := strings.Repeat(" ", 2+labelWidth)
	var out []string
	for j, v := range strings.Split(f.fieldValue(fl, focused, s, now), "\n") {
		if j == 0 {
			out = append(out, mark+label+v)
		} else {
			out = append(out, indent+v)
		}
	}
	if fl.err != "" {
		for _, l := range text.Wrap("✗ "+fl.err, max(f.width, minWidth)-len(indent)) {
			out = append(out, indent+s.errText.Render(strings.TrimRight(l, " ")))
		}
	}
	return out
}

// problemLines is the form's own error (one not tied to a field), wrapped.
func (f *form) problemLines(s styles) []string {
	if f.problem == "" {
		return nil
	}
	var out []string
	for _, l := range text.Wrap("✗ "+text.Clean(f.problem), max(f.width, minWidth)) {
		out = append(out, s.errText.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// footer is what goes under the fields: the discard question, "Saving…", or
// the focused field's help.
func (f *form) footer(s styles) []string {
	if f.confirm {
		return []string{s.warn.Render("Discard what you typed? y discards it · n or esc keeps editing")}
	}
	if f.saving {
		return []string{"Saving…"}
	}
	return f.fieldHelp(f.fields[f.focus], s)
}

func (f *form) fieldValue(fl *field, focused bool, s styles, now time.Time) string {
	switch fl.kind {
	case kindNote:
		if fl.compact && !focused {
			return compactNote(fl.area.Value(), s)
		}
		return fl.area.View()
	case kindChoice, kindBool:
		label := fl.options[fl.pick].label
		if focused {
			return "‹ " + s.bold.Render(label) + " ›"
		}
		return label
	case kindMulti:
		var on []string
		for i, o := range fl.options {
			if fl.picked[i] {
				on = append(on, o.label)
			}
		}
		if len(on) == 0 {
			return s.dim.Render("none")
		}
		return strings.Join(on, ", ")
	case kindWhen, kindDate:
		return fl.input.View() + " " + s.dim.Render(fl.readAs(now))
	}
	return fl.input.View()
}

// fieldHelp is the help shown under the form for the focused field: its
// options, numbered, or the stage table.
func (f *form) fieldHelp(fl *field, s styles) []string {
	var out []string
	w := max(20, f.width)
	if fl.help != "" {
		// Wrapped, not cut: the help is how to type the field right.
		for _, l := range text.Wrap(fl.help, w) {
			out = append(out, s.dim.Render(strings.TrimRight(l, " ")))
		}
	}
	for i, o := range fl.options {
		if fl.kind == kindBool {
			break
		}
		mark := "  "
		switch {
		case fl.kind == kindMulti && fl.picked[i]:
			mark = "☑ "
		case fl.kind == kindMulti:
			mark = "☐ "
		case i == fl.pick:
			mark = "▸ "
		}
		line := strconv.Itoa(i+1) + " " + mark + o.label
		if st := model.Stage(o.value); fl.stageTab && st.Valid() {
			line += " — " + st.Help() + " Helps: " + st.Helps()
		} else if o.help != "" {
			line += " — " + o.help
		}
		if fl.kind == kindMulti && i == fl.cursor {
			line = s.bold.Render(line)
		}
		out = append(out, text.Truncate(line, w))
	}
	return out
}

// compactNote shows the lines of a note on one line, or "none".
func compactNote(v string, s styles) string {
	lines := entries(v)
	if len(lines) == 0 {
		return s.dim.Render("none")
	}
	return "│ " + text.Clean(strings.Join(lines, " · "))
}
