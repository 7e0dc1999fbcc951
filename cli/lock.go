package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/model"
)

// lockOptions are the flags of `caseload lock`.
type lockOptions struct {
	idle               int
	setPass, clearPass bool
}

func newLockCmd(e *env) *cobra.Command {
	var o lockOptions
	cmd := &cobra.Command{
		Use:   "lock",
		Short: "Show or set the privacy lock: idle minutes and the passphrase that unlocks",
		Long: "The screen locks after some minutes without a key (default 15, at most 30), or on ctrl+l;\n" +
			"enter unlocks it, or the passphrase when one is set. With no flags it says how the lock is set.",
		Example: `
# Lock after 5 idle minutes, and unlock with a passphrase (typed twice):
caseload lock --idle 5 --passphrase

# Back to enter alone:
caseload lock --clear-passphrase`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runLock(cmd.Context(), e, o) }),
	}
	cmd.Flags().IntVar(&o.idle, "idle", 0, fmt.Sprintf("lock the screen after this many minutes without a key (1 to %d)", model.MaxLockMinutes))
	cmd.Flags().BoolVar(&o.setPass, "passphrase", false, "set the passphrase that unlocks the screen (typed twice, or $CASELOAD_PASSPHRASE)")
	cmd.Flags().BoolVar(&o.clearPass, "clear-passphrase", false, "remove the passphrase: enter alone unlocks")
	return cmd
}

// runLock sets the privacy lock: how many minutes without a key lock the
// screen, and the passphrase that unlocks it. With no flags it says how
// the lock is set.
func runLock(ctx context.Context, e *env, o lockOptions) error {
	if o.setPass && o.clearPass {
		return fmt.Errorf("%w: --passphrase and --clear-passphrase together", errUsage)
	}
	if o.idle != 0 {
		if err := model.ValidateLockMinutes(o.idle); err != nil {
			return fmt.Errorf("%w: --idle: must be from 1 to %d minutes", errUsage, model.MaxLockMinutes)
		}
	}
	var pass string
	if o.setPass {
		// Read before opening the file: a mistyped passphrase changes nothing.
		var err error
		if pass, err = passphraseFor(e, "Lock passphrase: ", true)(); err != nil {
			return err
		}
	}
	s, err := openExisting(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	switch {
	case o.setPass:
		if err := s.SetLockPassphrase(ctx, pass); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Lock passphrase set.")
	case o.clearPass:
		if err := s.ClearLockPassphrase(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Lock passphrase removed: enter alone unlocks the screen.")
	}
	if o.idle != 0 {
		if err := s.SetLockMinutes(ctx, o.idle); err != nil {
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
