package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"
)

// errUsage marks an error in how a command was called (exit status 2). Code
// below the commands wraps it; action names the command it came from.
var errUsage = errors.New("usage")

// usageError is a mistake in how a command was called, with the command it
// was made in, so that the message can point at that command's help.
type usageError struct {
	command string
	err     error
}

func (u usageError) Error() string {
	return strings.TrimPrefix(u.err.Error(), errUsage.Error()+": ")
}

func (u usageError) Unwrap() error { return u.err }

// usagef is a usage error of cmd.
func usagef(cmd *cobra.Command, format string, a ...any) error {
	return usageError{command: cmd.CommandPath(), err: fmt.Errorf(format, a...)}
}

// action adapts a command's work to cobra: an error marked errUsage becomes
// a usage error of the command that ran.
func action(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := fn(cmd, args)
		var u usageError
		if errors.Is(err, errUsage) && !errors.As(err, &u) {
			return usageError{command: cmd.CommandPath(), err: err}
		}
		return err
	}
}

// noArgs refuses arguments: on the root, a word that is not a command.
func noArgs(cmd *cobra.Command, args []string) error {
	switch {
	case len(args) == 0:
		return nil
	case !cmd.HasParent():
		return usagef(cmd, "unknown command %q", args[0])
	}
	return usagef(cmd, "unexpected %q", args[0])
}

// files accepts between min and max file arguments.
func files(min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < min:
			return usagef(cmd, "name the file")
		case len(args) > max:
			return usagef(cmd, "unexpected %q", args[max])
		}
		return nil
	}
}

// oneLineError writes a failure as one line on standard error: "caseload:
// what went wrong", or for a usage mistake the command and where its help
// is. The writer fang gives drops the colour when stderr is not a terminal.
func oneLineError(w io.Writer, styles fang.Styles, err error) {
	prefix := lipgloss.NewStyle().Foreground(styles.ErrorHeader.GetBackground()).Bold(true)
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintf(w, "%s %s (see %s --help)\n", prefix.Render(u.command+":"), printable(u.Error()), u.command)
		return
	}
	fmt.Fprintf(w, "%s %s\n", prefix.Render("caseload:"), printable(err.Error()))
}

// exitStatus is 0 for success, 2 for a usage mistake and 1 for any other
// failure.
func exitStatus(err error) int {
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u), errors.Is(err, errUsage), cobraUsage(err):
		return 2
	}
	return 1
}

// cobraUsage recognises the few usage errors cobra makes itself, which carry
// no type of their own.
func cobraUsage(err error) bool {
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument"} {
		if strings.HasPrefix(err.Error(), prefix) {
			return true
		}
	}
	return false
}
