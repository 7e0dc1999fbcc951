// Command caseload is a terminal app for probation and community-supervision
// officers: clients, check-ins, stages of change and referrals in one local
// file that works offline.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"syscall"

	"github.com/adrg/xdg"
)

// version is stamped by `make build`.
var version = "dev"

// command is one sub-command of the CLI.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every command gets: where the data is and where to write.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func commands() map[string]command {
	return map[string]command{
		"version":  {"print the version", runVersion},
		"demo":     {"fill a new database with a fictional demo caseload", runDemo},
		"export":   {"write a summary of the work in a time range (Markdown, text, JSON or CSV)", runExport},
		"import":   {"import clients (CSV) or community resources (Open Referral or CSV): import clients|resources [--dry-run] PATH", runImport},
		"backup":   {"back up the database now: backup [--encrypt] [FILE]", runBackup},
		"settings": {"show or change settings: settings [--officer NAME] [--interval LEVEL=DAYS] [--export-dir DIR]", runSettings},
		"restore":  {"replace the database with a backup: restore FILE", runRestore},
		"check":    {"check the database for damage and broken records", runCheck},
		"audit":    {"list every write and export: audit [--since DATE]", runAudit},
		"lock":     {"set the privacy lock: lock [--idle MINUTES] [--passphrase | --clear-passphrase]", runLock},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// errUsage marks an error in how the command was called (exit status 2).
var errUsage = errors.New("usage")

// run runs the command named by args and returns the exit status. Errors are
// one line on stderr, never a stack trace.
func run(ctx context.Context, args []string, e *env) int {
	name := "app"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	var err error
	switch cmd, ok := commands()[name]; {
	case name == "app":
		err = runApp(ctx, e, args)
	case name == "help":
		usage(e.stdout)
		return 0
	case !ok:
		fmt.Fprintf(e.stderr, "caseload: unknown command %q\n", name)
		usage(e.stderr)
		return 2
	default:
		err = cmd.run(ctx, e, args)
	}
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.stderr, "caseload %s: %v\n", name, err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "caseload: %v\n", err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: caseload [--db FILE]            open the app")
	fmt.Fprintln(w, "       caseload COMMAND [--db FILE] [options]")
	fmt.Fprintln(w, "\ncommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nThe database is --db, else $CASELOAD_DB, else caseload/caseload.db in the XDG data directory.")
}

// flags makes a flag set for a command with the --db flag every command shares.
func flags(name string, e *env) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("caseload "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "", "the caseload database `file`")
	return fs, db
}

// parse parses flags, marking mistakes as usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, fs.Arg(0))
	}
	return nil
}

// dbPath picks the database: the flag, then $CASELOAD_DB, then the XDG data
// directory.
func dbPath(flagValue string, e *env) string {
	if flagValue != "" {
		return flagValue
	}
	if v := e.getenv("CASELOAD_DB"); v != "" {
		return v
	}
	return filepath.Join(xdg.DataHome, "caseload", "caseload.db")
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs, _ := flags("version", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "caseload", version)
	return nil
}
