package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// The caseload's filter, the directory's search and the resource picker
// narrow a list as the officer types. These are the two things they share.

// typeInto gives a search line a key or a paste, and reports whether its
// text changed, so that the list is narrowed again only then.
func typeInto(in *textinput.Model, msg tea.Msg) (tea.Cmd, bool) {
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	return cmd, in.Value() != before
}

// stopTyping ends the typing into a search line: enter keeps what was
// typed, esc clears it. ok is false for any other key.
func stopTyping(in *textinput.Model, typing *bool, kp tea.KeyPressMsg, k keyMap) (ok, cleared bool) {
	switch {
	case key.Matches(kp, k.AcceptFilter):
	case key.Matches(kp, k.ClearFilter):
		in.SetValue("")
		cleared = true
	default:
		return false, false
	}
	*typing = false
	in.Blur()
	return true, cleared
}
