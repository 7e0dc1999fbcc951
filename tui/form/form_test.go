package form

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

var opened = time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC)

// parseDay reads "YYYY-MM-DD" or nothing: enough of a date parser for the
// engine, which takes the app's own.
func parseDay(s string, _ time.Time) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, errors.New("not a date")
	}
	return t, nil
}

func sample() *Form {
	colours := []Option{{Value: "red", Label: "Red"}, {Value: "green", Label: "Green", Help: "go"}, {Value: "grey", Label: "Grey", More: "between black and white"}}
	f := New("Sample", opened,
		Text("name", "Name", "", "Who."),
		Choice("colour", "Colour", colours, "green", ""),
		Text("extra", "Extra", "", ""),
		Multi("tags", "Tags", colours, []string{"grey"}, ""),
		Note("note", "Note", "", ""),
		Date("on", "On", "", "A day.", parseDay),
		Bool("sure", "Sure", false, ""),
	)
	f.SetSize(80, 24)
	f.MoveTo(0)
	return f
}

func press(f *Form, keys ...string) (tea.Cmd, Action) {
	var cmd tea.Cmd
	var act Action
	k := NewKeys()
	for _, s := range keys {
		cmd, act = f.Update(keyPress(s), k, time.Millisecond)
	}
	return cmd, act
}

func keyPress(s string) tea.KeyPressMsg {
	switch s {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func TestTypingFillsTheFocusedFieldAndReportsAPause(t *testing.T) {
	f := sample()
	cmd, act := press(f, "A", "n", "a")
	if act != None || f.Field("name").Value() != "Ana" || !f.Dirty {
		t.Fatalf("after typing: action %v, name %q, dirty %v", act, f.Field("name").Value(), f.Dirty)
	}
	msg := cmd()
	// The pause comes inside a batch: find it.
	var pause PauseMsg
	var find func(tea.Msg)
	find = func(m tea.Msg) {
		switch m := m.(type) {
		case PauseMsg:
			pause = m
		case tea.BatchMsg:
			for _, c := range m {
				if c != nil {
					find(c())
				}
			}
		}
	}
	find(msg)
	if pause.Form != f || pause.Version != f.Version() || f.Version() != 3 {
		t.Fatalf("pause %+v, form version %d; want this form at version 3", pause, f.Version())
	}
}

func TestMovingSkipsHiddenFieldsAndChoicesTakeNumbersAndLetters(t *testing.T) {
	f := sample()
	f.Field("extra").Hidden = true
	press(f, "tab")
	if f.Focused().Name != "colour" {
		t.Fatalf("tab went to %q, want colour", f.Focused().Name)
	}
	press(f, "1") // picks Red and goes on, over the hidden field
	if f.Field("colour").Value() != "red" || f.Focused().Name != "tags" {
		t.Fatalf("1 left colour %q and the focus on %q", f.Field("colour").Value(), f.Focused().Name)
	}
	// g goes to the next label starting with g, then the one after.
	press(f, "shift+tab", "g", "g")
	if got := f.Field("colour").Value(); got != "grey" {
		t.Fatalf("g g from Red picked %q, want grey", got)
	}
	press(f, "tab", "right", "space")
	if got := f.Field("tags").Value(); got != "green,grey" {
		t.Fatalf("multi after → and space: %q, want green,grey", got)
	}
	press(f, "tab", "enter") // enter in a note is a new line, not the next field
	if f.Focused().Name != "note" {
		t.Fatalf("enter in the note moved to %q", f.Focused().Name)
	}
}

func TestEscAsksBeforeThrowingAwayWhatWasTyped(t *testing.T) {
	f := sample()
	press(f, "esc")
	if !f.Closed {
		t.Fatal("esc on an untouched form does not close it")
	}
	f = sample()
	press(f, "x", "esc")
	if f.Closed || !f.Confirming() {
		t.Fatal("esc after typing closes without asking")
	}
	press(f, "n")
	if f.Confirming() || f.Closed || f.Field("name").Value() != "x" {
		t.Fatal("n does not go back to the form as it was")
	}
	press(f, "esc", "y")
	if !f.Closed {
		t.Fatal("y does not discard")
	}
}

func TestSaveIsAskedForFromAnyFieldAndSavingTakesNoKeys(t *testing.T) {
	f := sample()
	press(f, "tab", "tab", "tab")
	if _, act := press(f, "ctrl+s"); act != Save {
		t.Fatalf("ctrl+s gave %v, want Save", act)
	}
	f.Saving = true
	press(f, "tab")
	if f.Focused().Name != "tags" {
		t.Fatal("a key moved the focus while saving")
	}
}

func TestErrorsLandBesideTheirFieldsAndTheFirstIsFocused(t *testing.T) {
	f := sample()
	f.Field("extra").Hidden = true
	press(f, "tab", "tab")
	f.ShowErrors("", []FieldError{{Field: "on", Message: "not a date"}, {Field: "extra", Message: "required"}, {Field: "gone", Message: "no such field"}})
	if f.Focused().Name != "extra" || f.Field("extra").Hidden {
		t.Fatalf("focus on %q (hidden %v), want the first bad field, shown", f.Focused().Name, f.Field("extra").Hidden)
	}
	if f.Problem != "gone: no such field" {
		t.Fatalf("problem %q", f.Problem)
	}
	screen := strings.Join(f.View(Styles{}, opened), "\n")
	if !strings.Contains(screen, "✗ required") || !strings.Contains(screen, "✗ not a date") || !strings.Contains(screen, "✗ gone: no such field") {
		t.Fatalf("the errors are not drawn:\n%s", screen)
	}
	press(f, "a")
	if f.Field("extra").Err != "" {
		t.Fatal("typing in a bad field does not clear its error")
	}
	f.ShowErrors("the disk is full", nil)
	if f.Problem != "the disk is full" || f.Field("on").Err != "" {
		t.Fatalf("a form-wide error: problem %q, old field error %q", f.Problem, f.Field("on").Err)
	}
}

func TestValuesRestoreWhatWasTyped(t *testing.T) {
	f := sample()
	press(f, "B", "o")
	f.Field("on").SetValue("2026-12-01")
	f.Field("sure").Pick = 1
	g := sample()
	g.Restore(f.Values())
	if got, want := g.Values(), f.Values(); len(got) != len(want) || got["name"] != "Bo" || got["on"] != "2026-12-01" || got["sure"] != "yes" || got["tags"] != "grey" {
		t.Fatalf("restored %v, want %v", got, want)
	}
	if !g.Dirty {
		t.Fatal("a restored form is not marked as typed in")
	}
	if d, err := g.Field("on").When(opened); err != nil || d.Day() != 1 {
		t.Fatalf("date read as %v, %v", d, err)
	}
	screen := strings.Join(g.View(Styles{}, opened), "\n")
	if !strings.Contains(screen, "→ Tue 1 Dec 2026") {
		t.Fatalf("the date is not shown as read:\n%s", screen)
	}
}

func TestPasteGoesIntoTextNotIntoChoices(t *testing.T) {
	f := sample()
	f.Paste(tea.PasteMsg{Content: "Ana Ruiz"}, time.Millisecond)
	press(f, "tab")
	f.Paste(tea.PasteMsg{Content: "red"}, time.Millisecond)
	if f.Field("name").Value() != "Ana Ruiz" || f.Field("colour").Value() != "green" {
		t.Fatalf("after pastes: name %q, colour %q", f.Field("name").Value(), f.Field("colour").Value())
	}
}

func TestHelpShowsOptionsAndTheLongerHelpInFull(t *testing.T) {
	f := sample()
	press(f, "tab")
	foot := strings.Join(f.Footer(Styles{}), "\n")
	if !strings.Contains(foot, "2 ▸ Green — go") {
		t.Fatalf("the options are not listed under the form:\n%s", foot)
	}
	long := strings.Join(f.Focused().LongHelp(80), "\n")
	if !strings.Contains(long, "3 Grey: between black and white") || !strings.Contains(long, "2 Green: go") {
		t.Fatalf("long help:\n%s", long)
	}
	if l := f.Field("sure").LongHelp(80); len(l) != 0 {
		t.Fatalf("a yes/no field lists its options: %q", l)
	}
}

func TestEditorsLeaveCtrlVToTheApp(t *testing.T) {
	f := sample()
	if f.Field("name").input.KeyMap.Paste.Enabled() || f.Field("note").area.KeyMap.Paste.Enabled() || NewInput("").KeyMap.Paste.Enabled() {
		t.Fatal("an editor reads the clipboard by itself on ctrl+v")
	}
}

func TestLiveKeysFollowTheFocusedField(t *testing.T) {
	f := sample()
	k := NewKeys()
	has := func(want string) bool {
		for _, b := range f.Live(k) {
			for _, s := range b.Keys() {
				if s == want {
					return true
				}
			}
		}
		return false
	}
	if has("1") || !f.TakesText() {
		t.Fatal("a text field answers to number keys")
	}
	press(f, "tab")
	if !has("1") || f.TakesText() {
		t.Fatal("a choice does not answer to number keys")
	}
	press(f, "x", "esc")
	if !has("y") {
		t.Fatal("the discard question does not take y")
	}
}
