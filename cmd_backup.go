package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caseload/store"
)

// backupWorkFactor is the scrypt cost of encrypted backups; 0 is age's
// default. Only tests change it, to keep encryption fast.
var backupWorkFactor = 0

func runBackup(ctx context.Context, e *env, args []string) error {
	fs, db := flags("backup", e)
	encrypt := fs.Bool("encrypt", false, "encrypt the backup with a passphrase (for a USB stick or mail)")
	files, err := parseFiles(fs, args, 0, 1)
	if err != nil {
		return err
	}
	opt := store.BackupOptions{WorkFactor: backupWorkFactor}
	if len(files) == 1 {
		opt.To = files[0]
	}
	if *encrypt {
		if opt.Passphrase, err = passphraseFor(e, "Passphrase for the backup: ", true)(); err != nil {
			return err
		}
	}
	s, err := openStore(ctx, e, dbPath(*db, e))
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
	fmt.Fprintf(e.stdout, "backup of %d clients written to %s\n", n, file)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs, db := flags("restore", e)
	files, err := parseFiles(fs, args, 1, 1)
	if err != nil {
		return err
	}
	path := dbPath(*db, e)
	res, err := store.Restore(ctx, path, files[0], passphraseFor(e, "Passphrase of the backup: ", false))
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
	fmt.Fprintf(e.stdout, "restored %s: %d clients\n", files[0], n)
	if res.Kept != "" {
		fmt.Fprintf(e.stdout, "the database it replaced is kept as %s\n", res.Kept)
	}
	return nil
}

// errCheckFailed is the one line a failed check ends with; the findings are
// above it.
var errCheckFailed = errors.New("the check found problems: restore a backup (caseload restore) or keep this file for whoever supports you")

func runCheck(ctx context.Context, e *env, args []string) error {
	fs, db := flags("check", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, e, dbPath(*db, e))
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.FullCheck(ctx)
	if err != nil {
		return err
	}
	for _, part := range []struct {
		name     string
		findings []string
	}{
		{"integrity", rep.Integrity}, {"links between records", rep.ForeignKeys}, {"caseload rules", rep.Invariants},
	} {
		if len(part.findings) == 0 {
			fmt.Fprintf(e.stdout, "%s: ok\n", part.name)
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %d problems\n", part.name, len(part.findings))
		for _, f := range part.findings {
			fmt.Fprintf(e.stdout, "  %s\n", printable(f))
		}
	}
	if !rep.OK() {
		return errCheckFailed
	}
	return nil
}
