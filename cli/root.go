// Package cli is caseload's command line: the app itself when no command is
// named, and one cobra command per file for everything an officer or a
// script does without the screens (export, import, backup, check...).
package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"charm.land/fang/v2"
	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
)

// env is what every command gets: where the data is and where to write.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	version        string
	db             string // --db, given before or after the command
}

// Main runs the command line on the process's arguments and streams and
// returns the exit status: 0, 1 for a failure, 2 for a mistake in how a
// command was called.
func Main(version string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, version: version})
}

// run runs the command named by args and returns the exit status. Errors are
// one line on stderr, never a stack trace.
func run(ctx context.Context, args []string, e *env) int {
	if e.version == "" {
		e.version = "dev"
	}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := fang.Execute(ctx, root, fang.WithVersion(e.version), fang.WithErrorHandler(oneLineError))
	return exitStatus(err)
}

// newRoot builds the command tree. The root command is the app.
func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "caseload",
		Short: "Your caseload of clients, check-ins, stages of change and referrals, in one file that works offline",
		Long: "caseload keeps your caseload in one SQLite file on this laptop and opens it in the terminal.\n" +
			"With no command it opens the app. The database is --db, else $CASELOAD_DB, else\n" +
			"caseload/caseload.db in the XDG data directory.",
		Example: `
# Open the app on your caseload, or on another file:
caseload
caseload --db /media/usb/caseload.db

# Try it on a fictional caseload first:
caseload demo --db /tmp/demo.db && caseload --db /tmp/demo.db`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runApp(cmd.Context(), e) }),
	}
	root.PersistentFlags().StringVar(&e.db, "db", "", "the caseload database file (default $CASELOAD_DB, else the XDG data directory)")
	root.SetVersionTemplate("caseload {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError{command: cmd.CommandPath(), err: err}
	})
	root.AddCommand(
		newDemoCmd(e),
		newExportCmd(e),
		newImportCmd(e),
		newBackupCmd(e),
		newRestoreCmd(e),
		newCheckCmd(e),
		newAuditCmd(e),
		newReportCmd(e),
		newLockCmd(e),
		newSettingsCmd(e),
		newSyncCmd(e),
		newTransferCmd(e),
		newServerCmd(e),
		newVersionCmd(e),
	)
	return root
}

// dbPath picks the database: --db, then $CASELOAD_DB, then the XDG data
// directory.
func dbPath(e *env) string {
	if e.db != "" {
		return e.db
	}
	if v := e.getenv("CASELOAD_DB"); v != "" {
		return v
	}
	return filepath.Join(xdg.DataHome, "caseload", "caseload.db")
}
