package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// layer is one level of what is on screen: a screen (the caseload, a
// client, the agenda), or what opens over one (a short list, the resource
// picker, the export dialog, a form). The App keeps the layers in a stack
// with the caseload at the bottom: the top one takes the keys and draws,
// and closing it shows the one under it again, as it was. A new screen is a
// type with these methods, pushed where it is opened.
type layer interface {
	// key handles a key press. The app has already taken ctrl+c, ctrl+v,
	// the lock and the open help; a layer closes itself with a.pop.
	key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd
	// view draws the layer in f.h lines of f.w cells.
	view(f frame) []string
	// short is the one-line help at the bottom of the screen.
	short(k keyMap) []key.Binding
	// groups are its keys for the full help, with the help's title.
	groups(k keyMap) (string, [][]key.Binding)
	// live are the bindings it answers to as it stands now (a list keeps
	// other keys while a search is typed in): each must be in its help,
	// and no two may share a key, as TestEveryKeyHandledIsShown checks.
	live(a *App) []key.Binding
}

// frame is what a layer draws with: the styles, the clock, its size and the
// one line of news.
type frame struct {
	s      styles
	now    time.Time
	w, h   int
	notice string
	// sync is the word on syncing with the agency ("synced 10:42"), ""
	// when sync is not set up.
	sync string
}

// A layer may also take pasted text, resize with the window, take the
// messages that are not keys (cursor blinks), or add notes under its full
// help; each is a small interface of its own, asked for where it matters.
type (
	paster interface {
		paste(a *App, msg tea.PasteMsg) tea.Cmd
	}
	resizer interface {
		setSize(w, h int)
	}
	passer interface {
		passOn(msg tea.Msg) tea.Cmd
	}
	helpNoter interface {
		helpNotes(a *App) []string
	}
	// answerer takes the answers to its own commands, so that a screen's
	// messages are handled in its own file: App.handle offers it every
	// message it has no case for, the top layer first; ok says it was one
	// of its own.
	answerer interface {
		answer(a *App, msg tea.Msg) (cmd tea.Cmd, ok bool)
	}
)

// top is the layer that takes the keys and draws.
func (a *App) top() layer { return a.layers[len(a.layers)-1] }

// push opens l over what is on screen.
func (a *App) push(l layer) { a.layers = append(a.layers, l) }

// pop closes l, wherever it is: an answer may have opened something over
// it. The caseload at the bottom never closes.
func (a *App) pop(l layer) {
	for i := len(a.layers) - 1; i > 0; i-- {
		if a.layers[i] == l {
			a.layers = append(a.layers[:i:i], a.layers[i+1:]...)
			return
		}
	}
}

// replace puts l where old is, keeping what is over it.
func (a *App) replace(old, l layer) {
	for i := len(a.layers) - 1; i >= 0; i-- {
		if a.layers[i] == old {
			a.layers[i] = l
			return
		}
	}
}

// open finds the nearest open layer of type T from the top, so that an
// answer from the store reaches the screen it belongs to; the zero T when
// none is open.
func open[T layer](a *App) T {
	for i := len(a.layers) - 1; i >= 0; i-- {
		if l, ok := a.layers[i].(T); ok {
			return l
		}
	}
	var zero T
	return zero
}

// openHelp shows the full help of the top layer.
func (a *App) openHelp() tea.Cmd {
	a.showHelp, a.helpTop = true, 0
	return nil
}

// The layers that answers from the store look for.
func (a *App) form() *recordForm           { return open[*recordForm](a) }
func (a *App) client() *clientView         { return open[*clientView](a) }
func (a *App) directory() *directory       { return open[*directory](a) }
func (a *App) audit() *auditView           { return open[*auditView](a) }
func (a *App) picker() *resourcePicker     { return open[*resourcePicker](a) }
func (a *App) exportDialog() *exportDialog { return open[*exportDialog](a) }
