package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"caseload/outfile"
	"caseload/store"
)

// backupWorkFactor is the scrypt cost of encrypted backups; 0 is age's
// default. Only tests change it, to keep encryption fast.
var backupWorkFactor = 0

func newBackupCmd(e *env) *cobra.Command {
	var encrypt bool
	cmd := &cobra.Command{
		Use:   "backup [FILE]",
		Short: "Back up the database now: a consistent copy, into backups/ beside it unless FILE is given",
		Example: `
# A copy now, kept with the daily ones:
caseload backup

# An encrypted copy for the USB stick:
caseload backup --encrypt /media/usb/caseload-backup.db.age`,
		Args: files(0, 1),
		RunE: action(func(cmd *cobra.Command, args []string) error {
			return runBackup(cmd.Context(), e, args, encrypt)
		}),
	}
	cmd.Flags().BoolVar(&encrypt, "encrypt", false, "encrypt the backup with a passphrase (for a USB stick or mail)")
	return cmd
}

func runBackup(ctx context.Context, e *env, files []string, encrypt bool) error {
	opt := store.BackupOptions{WorkFactor: backupWorkFactor}
	if len(files) == 1 {
		opt.To = files[0]
	}
	if encrypt {
		var err error
		if opt.Passphrase, err = passphraseFor(e, "Passphrase for the backup: ", true)(); err != nil {
			return err
		}
	}
	s, err := openExisting(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	file, err := s.Backup(ctx, time.Now(), opt)
	if err != nil {
		return err
	}
	n, err := s.ClientCount(ctx)
	if err != nil {
		return err
	}
	// A backup streamed to standard output is the output: the note about it
	// goes to stderr.
	note := e.stdout
	if outfile.Streams(file) {
		note = e.stderr
	}
	fmt.Fprintf(note, "backup of %d clients written to %s\n", n, printable(file))
	return nil
}
