package model

import "fmt"

// The privacy lock hides every client's data after this many minutes
// without a key, unless the officer chooses fewer: past half an hour an
// unattended screen is an open file.
const (
	DefaultLockMinutes = 15
	MaxLockMinutes     = 30
)

// LockSettings say when the screen locks and whether it takes a passphrase
// to unlock.
type LockSettings struct {
	IdleMinutes   int
	HasPassphrase bool
}

// DefaultLockSettings are used until the officer changes them.
func DefaultLockSettings() LockSettings {
	return LockSettings{IdleMinutes: DefaultLockMinutes}
}

// ValidateLockMinutes checks an idle time typed by the officer.
func ValidateLockMinutes(m int) error {
	if m < 1 || m > MaxLockMinutes {
		var p problems
		p.add("lock_minutes", fmt.Sprintf("must be from 1 to %d minutes", MaxLockMinutes))
		return p.err()
	}
	return nil
}
