// Package keyring keeps a secret in the operating system's keyring: the
// freedesktop Secret Service on the D-Bus session bus (GNOME Keyring, or any
// other keyring that offers it) on Linux and the BSDs, the Keychain on macOS,
// the Credential Manager on Windows. It is a package of its own because it
// knows nothing of caseload: a secret is named by a service and an account.
//
// On the D-Bus side it is a small client of its own over godbus rather than
// go-keyring, which reaches the bus through godbus's process-wide
// SessionBus: that reads the process's environment (a caller here passes
// its own), may launch a bus where there is none (dbus-launch), and waits
// without end on a prompt to unlock the keyring. Here the bus is the one the
// caller's environment names, none is ever started, every call takes a
// context, and a keyring that would prompt is reported as locked.
package keyring

import "errors"

var (
	// ErrNoKeyring reports that this session has no keyring to reach: no
	// session bus, or no Secret Service on it (a server over SSH, say).
	ErrNoKeyring = errors.New("no keyring in this session")
	// ErrNotFound reports that the keyring holds no secret for the account.
	ErrNotFound = errors.New("no such secret in the keyring")
	// ErrLocked reports a keyring that would have to ask its owner to unlock
	// it first; it is never asked from here, where nobody may be watching.
	ErrLocked = errors.New("the keyring is locked")
)
