package form

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"caseload/text"
)

// Styles are the looks a form is drawn with; the app gives its own.
type Styles struct {
	Title, Label, FocusLabel, Dim, Bold, Err, Warn lipgloss.Style
}

// View draws the form: the fields, then help for the focused field. A form
// lays itself out for the whole window, set by SetSize.
func (f *Form) View(s Styles, now time.Time) []string {
	return append(f.Body(s, now), f.Footer(s)...)
}

// Body is the title, the fields with their errors, and a rule.
func (f *Form) Body(s Styles, now time.Time) []string {
	lines := []string{s.Title.Render(text.Clean(f.Title)), ""}
	lines = append(lines, f.ProblemLines(s)...)
	for _, fl := range f.Fields {
		if !fl.Hidden {
			lines = append(lines, f.FieldLine(fl, s, now)...)
		}
	}
	return append(lines, s.Dim.Render(strings.Repeat("─", max(0, f.width))))
}

// FieldLine draws one field: its label, its value (a note over several
// lines), and its error under it, wrapped rather than cut: the reason a save
// was refused must be read whole.
func (f *Form) FieldLine(fl *Field, s Styles, now time.Time) []string {
	focused := f.Fields[f.focus] == fl
	mark, label := "  ", s.Label.Render(text.Pad(fl.Label, LabelWidth))
	if focused {
		mark, label = "▸ ", s.FocusLabel.Render(text.Pad(fl.Label, LabelWidth))
	}
	indent := strings.Repeat(" ", 2+LabelWidth)
	var out []string
	for j, v := range strings.Split(f.fieldValue(fl, focused, s, now), "\n") {
		if j == 0 {
			out = append(out, mark+label+v)
		} else {
			out = append(out, indent+v)
		}
	}
	if fl.Err != "" {
		for _, l := range text.Wrap("✗ "+fl.Err, max(f.width, MinWidth)-len(indent)) {
			out = append(out, indent+s.Err.Render(strings.TrimRight(l, " ")))
		}
	}
	return out
}

// ProblemLines is the form's own error (one not tied to a field), wrapped.
func (f *Form) ProblemLines(s Styles) []string {
	if f.Problem == "" {
		return nil
	}
	var out []string
	for _, l := range text.Wrap("✗ "+text.Clean(f.Problem), max(f.width, MinWidth)) {
		out = append(out, s.Err.Render(strings.TrimRight(l, " ")))
	}
	return out
}

// Footer is what goes under the fields: the discard question, "Saving…", or
// the focused field's help.
func (f *Form) Footer(s Styles) []string {
	if f.confirm {
		return []string{s.Warn.Render("Discard what you typed? y discards it · n or esc keeps editing")}
	}
	if f.Saving {
		return []string{"Saving…"}
	}
	return f.fieldHelp(f.Fields[f.focus], s)
}

func (f *Form) fieldValue(fl *Field, focused bool, s Styles, now time.Time) string {
	switch fl.Kind {
	case KindNote:
		if fl.Compact && !focused {
			return compactNote(fl.area.Value(), s)
		}
		return fl.area.View()
	case KindChoice, KindBool:
		label := fl.Options[fl.Pick].Label
		if focused {
			return "‹ " + s.Bold.Render(label) + " ›"
		}
		return label
	case KindMulti:
		var on []string
		for i, o := range fl.Options {
			if fl.Picked[i] {
				on = append(on, o.Label)
			}
		}
		if len(on) == 0 {
			return s.Dim.Render("none")
		}
		return strings.Join(on, ", ")
	case KindWhen, KindDate:
		return fl.input.View() + " " + s.Dim.Render(fl.readAs(now))
	}
	return fl.input.View()
}

// fieldHelp is the help shown under the form for the focused field: its
// options, numbered, each with its help.
func (f *Form) fieldHelp(fl *Field, s Styles) []string {
	var out []string
	w := max(20, f.width)
	if fl.Help != "" {
		// Wrapped, not cut: the help is how to type the field right.
		for _, l := range text.Wrap(fl.Help, w) {
			out = append(out, s.Dim.Render(strings.TrimRight(l, " ")))
		}
	}
	if fl.Kind == KindBool {
		return out
	}
	for i, o := range fl.Options {
		mark := "  "
		switch {
		case fl.Kind == KindMulti && fl.Picked[i]:
			mark = "☑ "
		case fl.Kind == KindMulti:
			mark = "☐ "
		case i == fl.Pick:
			mark = "▸ "
		}
		line := strconv.Itoa(i+1) + " " + mark + o.Label
		if o.Help != "" {
			line += " — " + o.Help
		}
		if fl.Kind == KindMulti && i == fl.Cursor {
			line = s.Bold.Render(line)
		}
		out = append(out, text.Truncate(line, w))
	}
	return out
}

// LongHelp is the field's help in full for the help screen, wrapped to w:
// its help, then every option with its longer help.
func (fl *Field) LongHelp(w int) []string {
	var out []string
	if fl.Help != "" {
		out = append(out, text.Wrap(fl.Help, w)...)
	}
	if fl.Kind == KindBool {
		return out
	}
	for i, o := range fl.Options {
		line := string(rune('1'+i)) + " " + o.Label
		switch {
		case o.More != "":
			line += ": " + o.More
		case o.Help != "":
			line += ": " + o.Help
		}
		out = append(out, text.Wrap(line, w)...)
	}
	return out
}

// compactNote shows the lines of a note on one line, or "none".
func compactNote(v string, s Styles) string {
	var lines []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return s.Dim.Render("none")
	}
	return "│ " + text.Clean(strings.Join(lines, " · "))
}
