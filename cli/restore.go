package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/store"
)

func newRestoreCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the database with a backup, keeping the current one as a backup",
		Long: "Checks the backup (encrypted or not), keeps the current database as a backup, then replaces it.\n" +
			"Close other caseload windows first.",
		Example: `
# Back to this morning's copy:
caseload restore ~/.local/share/caseload/backups/caseload-2026-12-03.db

# From the encrypted copy on the USB stick (asks for its passphrase):
caseload restore /media/usb/caseload-backup.db.age`,
		Args: files(1, 1),
		RunE: action(func(cmd *cobra.Command, args []string) error { return runRestore(cmd.Context(), e, args[0]) }),
	}
}

func runRestore(ctx context.Context, e *env, file string) error {
	path := dbPath(e)
	res, err := store.Restore(ctx, path, file, passphraseFor(e, "Passphrase of the backup: ", false))
	if err != nil {
		return err
	}
	s, err := openStore(ctx, e, path)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.ClientCount(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s: %d clients\n", file, n)
	if res.Kept != "" {
		fmt.Fprintf(e.stdout, "the database it replaced is kept as %s\n", res.Kept)
	}
	return nil
}
