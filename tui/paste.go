package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
)

// There is one way in for pasted text. The terminal's own paste arrives as
// one tea.PasteMsg (bracketed paste); ctrl+v, where the terminal passes it
// on, reads the clipboard into the same message. The text fields' own ctrl+v
// is turned off: its answer went around the follow-up below, so a filter
// showed text it had not filtered by.

// clipboardReadMsg brings what ctrl+v read from the system clipboard.
type clipboardReadMsg struct {
	text string
	err  error
}

// readClipboard reads the system clipboard (pbpaste, xclip, xsel or
// wl-paste, whichever the system has).
func readClipboard() tea.Msg {
	text, err := clipboard.ReadAll()
	return clipboardReadMsg{text, err}
}

// clipboardRead pastes what was read, or says why nothing was.
func (a *App) clipboardRead(msg clipboardReadMsg) tea.Cmd {
	if msg.err != nil {
		a.notice = "Could not read the clipboard; paste with the terminal's own paste (often ctrl+shift+v)."
		return nil
	}
	return a.paste(tea.PasteMsg{Content: msg.text})
}

// paste puts pasted text where typing would go, as if it had been typed
// there: the open form's field, the filter, a search, a date or the path in
// the export dialog, the lock's passphrase. Anywhere else it is ignored:
// pasted text is never read as keys, where a "c" would open a check-in.
func (a *App) paste(msg tea.PasteMsg) tea.Cmd {
	a.lastKey = a.now()
	// Windows line ends are one line break, not a break and a blank line.
	msg.Content = strings.ReplaceAll(msg.Content, "\r\n", "\n")
	switch {
	case a.lock != nil:
		return a.pastePassphrase(msg)
	case a.showHelp:
		return nil
	}
	if p, ok := a.top().(paster); ok {
		return p.paste(a, msg)
	}
	return nil
}

// pastePassphrase takes a pasted passphrase without the line break a copy
// from a note usually ends with (the passphrase was set without one); the
// break is not taken as enter, so a paste still never unlocks by itself.
func (a *App) pastePassphrase(msg tea.PasteMsg) tea.Cmd {
	l := a.lock
	l.wrong, l.problem = false, ""
	msg.Content = strings.TrimRight(msg.Content, "\r\n")
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	return cmd
}
