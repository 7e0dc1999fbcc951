package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version (as --version does)",
		Args:  noArgs,
		RunE: action(func(*cobra.Command, []string) error {
			fmt.Fprintln(e.stdout, "caseload", e.version)
			return nil
		}),
	}
}
