package main

import (
	"context"
	"fmt"

	"caseload/model"
)

// runLock sets the privacy lock: how many minutes without a key lock the
// screen, and the passphrase that unlocks it. With no flags it says how
// the lock is set.
func runLock(ctx context.Context, e *env, args []string) error {
	fs, db := flags("lock", e)
	idle := fs.Int("idle", 0, fmt.Sprintf("lock the screen after this many `minutes` without a key (1 to %d)", model.MaxLockMinutes))
	setPass := fs.Bool("passphrase", false, "set the passphrase that unlocks the screen (typed twice, or $CASELOAD_PASSPHRASE)")
	clearPass := fs.Bool("clear-passphrase", false, "remove the passphrase: enter alone unlocks")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *setPass && *clearPass {
		return fmt.Errorf("%w: --passphrase and --clear-passphrase together", errUsage)
	}
	if *idle != 0 {
		if err := model.ValidateLockMinutes(*idle); err != nil {
			return fmt.Errorf("%w: --idle: must be from 1 to %d minutes", errUsage, model.MaxLockMinutes)
		}
	}
	var pass string
	if *setPass {
		// Read before opening the file: a mistyped passphrase changes nothing.
		var err error
		if pass, err = passphraseFor(e, "Lock passphrase: ", true)(); err != nil {
			return err
		}
	}
	s, err := openStore(ctx, e, dbPath(*db, e))
	if err != nil {
		return err
	}
	defer s.Close()
	switch {
	case *setPass:
		if err := s.SetLockPassphrase(ctx, pass); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Lock passphrase set.")
	case *clearPass:
		if err := s.ClearLockPassphrase(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Lock passphrase removed: enter alone unlocks the screen.")
	}
	if *idle != 0 {
		if err := s.SetLockMinutes(ctx, *idle); err != nil {
			return err
		}
	}
	set, err := s.LockSettings(ctx)
	if err != nil {
		return err
	}
	pp := "no passphrase (enter unlocks)"
	if set.HasPassphrase {
		pp = "a passphrase unlocks it"
	}
	fmt.Fprintf(e.stdout, "The screen locks after %d minutes without a key, or on ctrl+l; %s.\n", set.IdleMinutes, pp)
	return nil
}
