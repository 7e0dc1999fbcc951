package tui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/tui/form"
)

// lockScreen is the privacy lock. While it is up the View draws it alone:
// nothing of the caseload, a client or an open form shows. What was open
// stays in memory, untouched, and is back after unlocking.
type lockScreen struct {
	input    textinput.Model
	wrong    bool   // the last passphrase tried was not the one set
	checking bool   // a passphrase is being checked
	problem  string // the check itself failed, in words
}

// Messages of the privacy lock.
type (
	idleTickMsg         struct{}
	lockSettingsReadMsg struct {
		set model.LockSettings
		err error
	}
	unlockCheckedMsg struct {
		ok  bool
		err error
	}
)

func newLockScreen() *lockScreen {
	in := form.NewInput("Passphrase: ")
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.Focus()
	return &lockScreen{input: in}
}

// startIdleWatch starts counting the time without a key from now and
// reads how long that may be.
func (a *App) startIdleWatch() tea.Cmd {
	a.lastKey = a.now()
	return tea.Batch(a.readLockSettings(), a.idleTick())
}

// idleTick asks for the next look at the idle time. A look every few
// seconds, rather than one timer per key, costs nothing while typing.
func (a *App) idleTick() tea.Cmd {
	if a.idleCheck < 0 {
		return nil
	}
	return tea.Tick(a.idleCheck, func(time.Time) tea.Msg { return idleTickMsg{} })
}

// idleAfter is how long without a key locks the screen.
func (a *App) idleAfter() time.Duration {
	m := a.lockSet.IdleMinutes
	if m <= 0 {
		m = model.DefaultLockMinutes
	}
	return time.Duration(min(m, model.MaxLockMinutes)) * time.Minute
}

func (a *App) readLockSettings() tea.Cmd {
	st := a.st
	return func() tea.Msg {
		set, err := st.LockSettings(context.Background())
		return lockSettingsReadMsg{set, err}
	}
}

// lockNow puts the lock up. An open form with changes is kept as a draft
// too, so that a flat battery while locked loses nothing. The settings
// are read again: a passphrase may have been set in another window.
func (a *App) lockNow() tea.Cmd {
	a.lock = newLockScreen()
	cmds := []tea.Cmd{a.readLockSettings()}
	if f := a.form(); f != nil && f.Dirty {
		cmds = append(cmds, a.saveDraft(f))
	}
	return tea.Batch(cmds...)
}

// lockKey handles a key while locked: enter tries to unlock, anything
// else is typed into the passphrase.
func (a *App) lockKey(kp tea.KeyPressMsg) tea.Cmd {
	l := a.lock
	if !key.Matches(kp, a.keys.Unlock) {
		l.wrong, l.problem = false, ""
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(kp)
		return cmd
	}
	if l.checking {
		return nil
	}
	// The store decides, not what this window last read: with no passphrase
	// set (or one just cleared elsewhere) enter alone unlocks.
	l.checking = true
	st, typed := a.st, l.input.Value()
	return func() tea.Msg {
		ok, err := st.VerifyLockPassphrase(context.Background(), typed)
		if errors.Is(err, store.ErrNoLockPassphrase) {
			return unlockCheckedMsg{ok: true}
		}
		return unlockCheckedMsg{ok, err}
	}
}

// handleLock takes the lock's messages.
func (a *App) handleLock(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case idleTickMsg:
		var cmd tea.Cmd
		if a.lock == nil && a.now().Sub(a.lastKey) >= a.idleAfter() {
			cmd = a.lockNow()
		}
		return tea.Batch(cmd, a.idleTick())
	case lockSettingsReadMsg:
		// An unreadable setting keeps the defaults: the lock still works.
		if msg.err == nil {
			a.lockSet = msg.set
		}
	case unlockCheckedMsg:
		l := a.lock
		if l == nil {
			return nil
		}
		l.checking = false
		switch {
		case msg.err != nil:
			l.problem = "Could not check the passphrase: " + msg.err.Error() +
				". ctrl+c quits and keeps the open form as a draft; `caseload lock --clear-passphrase` removes the passphrase."
		case !msg.ok:
			l.wrong = true
			l.input.Reset()
		default:
			a.lock = nil
			a.lastKey = a.now()
		}
	}
	return nil
}
