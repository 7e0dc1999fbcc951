package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/tui/form"
)

// TestPastedTextFiltersAsIfTyped: text pasted into the filter (bracketed
// paste, one message) finds as typing would.
func TestPastedTextFiltersAsIfTyped(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/")
	h.send(tea.PasteMsg{Content: "car"})
	h.mustSee("1 shown of 1 matches")
	if row, ok := h.app.caseload.selected(); !ok || row.Name != "Carla Test" {
		t.Fatalf("after pasting \"car\" the selected row is %+v, want Carla Test", row)
	}
}

// TestPastedTextIsNeverReadAsKeys: on the list, where "c" logs a check-in
// and "a" adds a client, pasted text does nothing.
func TestPastedTextIsNeverReadAsKeys(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	before := h.screen()
	h.send(tea.PasteMsg{Content: "ca\nq"})
	if h.app.form() != nil || h.quit || h.screen() != before {
		t.Fatalf("a paste on the list acted as keys: form %v, quit %v\n%s", h.app.form() != nil, h.quit, h.screen())
	}
}

// TestPastedIntoAFormIsKeptLikeTyping: a note pasted into the check-in form
// keeps its lines and is kept as a draft after the pause, as typing is; a
// one-line field takes a pasted line break as a space.
func TestPastedIntoAFormIsKeptLikeTyping(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c", "2", "tab", "tab")
	if got := h.app.form().Focused().Name; got != model.FieldNote {
		t.Fatalf("focus on %s, want the note", got)
	}
	h.send(tea.PasteMsg{Content: "Home visit, all well.\nStarts work Monday."})
	drafts, err := st.Drafts(context.Background())
	if err != nil || len(drafts) != 1 || drafts[0].Data[model.FieldNote] != "Home visit, all well.\nStarts work Monday." {
		t.Fatalf("drafts after a pasted note = %+v, %v", drafts, err)
	}
	for h.app.form().Focused().Name != model.FieldLocation {
		h.keys("tab")
	}
	h.send(tea.PasteMsg{Content: "12 Main St\nApt 3"})
	if got := h.app.form().Field(model.FieldLocation).Value(); got != "12 Main St Apt 3" {
		t.Fatalf("location after a two-line paste = %q", got)
	}
}

// TestPastedIntoTheDirectorySearchSearches: the resource search takes a
// paste as typed text.
func TestPastedIntoTheDirectorySearchSearches(t *testing.T) {
	st := fixtureStore(t)
	addResources(t, st)
	h := start(t, st, 80, 24)
	h.keys("R", "/")
	h.send(tea.PasteMsg{Content: "hous"})
	if got := directoryNames(h); len(got) != 2 {
		t.Fatalf("pasted search \"hous\" finds %v; want the housing authority and Harbor House", got)
	}
	if !strings.Contains(h.screen(), "hous") {
		t.Fatalf("the search does not show what was pasted:\n%s", h.screen())
	}
}

var ctrlV = tea.KeyPressMsg{Code: 'v', Mod: tea.ModCtrl}

// TestCtrlVPastesThroughTheSamePath: ctrl+v reads the clipboard into the
// same paste as the terminal's own, so the filter finds by it; the text
// fields' own ctrl+v, whose answer went around that, is off. A clipboard
// that cannot be read says so.
func TestCtrlVPastesThroughTheSamePath(t *testing.T) {
	if form.NewInput("").KeyMap.Paste.Enabled() {
		t.Fatal("a text field still reads the clipboard by itself on ctrl+v")
	}
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/")
	if _, cmd := h.app.Update(ctrlV); cmd == nil {
		t.Fatal("ctrl+v in the filter does not read the clipboard")
	}
	h.send(clipboardReadMsg{text: "car"})
	h.mustSee("1 shown of 1 matches")
	h.send(clipboardReadMsg{err: errors.New("no clipboard utility")})
	h.mustSee("Could not read the clipboard")
}

// TestPastedPassphraseUnlocksWithoutItsLineBreak: a passphrase copied from a
// note ends with a line break; pasted, it is taken without it (the break is
// not enter), the last "not right" goes, and enter unlocks.
func TestPastedPassphraseUnlocksWithoutItsLineBreak(t *testing.T) {
	st := fixtureStore(t)
	if err := st.SetLockPassphrase(context.Background(), "blue kettle morning"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.send(ctrlL)
	h.typeText("wrong\n")
	h.mustSee("That passphrase is not right")
	h.send(tea.PasteMsg{Content: "blue kettle morning\r\n"})
	if h.app.lock == nil {
		t.Fatal("a paste unlocked by itself")
	}
	if strings.Contains(h.screen(), "not right") {
		t.Fatalf("the last try's message stayed after a paste:\n%s", h.screen())
	}
	h.keys("enter")
	if h.app.lock != nil {
		t.Fatalf("the pasted passphrase did not unlock:\n%s", h.screen())
	}
}
