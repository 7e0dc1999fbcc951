package cli

import "github.com/spf13/cobra"

// newReportCmd groups the reports that read the whole caseload, for a
// supervisor meeting or a case review.
func newReportCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Print a report on the caseload (workload)",
		Args:  noArgs,
	}
	cmd.AddCommand(newReportWorkloadCmd(e))
	return cmd
}
