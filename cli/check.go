package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// errCheckFailed is the one line a failed check ends with; the findings are
// above it.
var errCheckFailed = errors.New("the check found problems: restore a backup (caseload restore) or keep this file for whoever supports you")

func newCheckCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the database for damage and broken records; exit status 1 when something is wrong",
		Long: "SQLite's integrity and foreign-key checks, then the app's own rules (the guards that keep\n" +
			"check-ins and history append-only). Nothing is changed.",
		Example: `
# The caseload, or the copy on the USB stick:
caseload check
caseload --db /media/usb/caseload.db check`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runCheck(cmd.Context(), e) }),
	}
}

func runCheck(ctx context.Context, e *env) error {
	s, err := openExisting(ctx, e, dbPath(e))
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
