package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"caseload/agency"
	"caseload/text"
)

func newTransferCmd(e *env) *cobra.Command {
	var to string
	cmd := &cobra.Command{
		Use:   "transfer CASE --to OFFICER",
		Short: "Move a client to another officer's caseload, with their whole history",
		Long: "Syncs, moves the client with case number CASE to OFFICER on the agency's server, and syncs again:\n" +
			"the client leaves this laptop (the server keeps the record) and reaches the other officer's laptop\n" +
			"at their next sync. The officer giving the case or their supervisor may transfer it.",
		Example: `
# Hand case 2024-CR-0142 to jdoe:
caseload transfer 2024-CR-0142 --to jdoe

# As a supervisor, from your own laptop's file:
caseload transfer 2024-CR-0142 --to jdoe --db ~/unit.db`,
		Args: exactArgs(1, "CASE"),
		RunE: action(func(cmd *cobra.Command, args []string) error { return runTransfer(cmd.Context(), e, args[0], to) }),
	}
	cmd.Flags().StringVar(&to, "to", "", "the officer's login on the agency's server")
	return cmd
}

func runTransfer(ctx context.Context, e *env, caseNumber, to string) error {
	if to == "" {
		return fmt.Errorf("%w: say who takes the case: --to OFFICER", errUsage)
	}
	path := dbPath(e)
	s, err := openStore(ctx, e, path)
	if err != nil {
		return err
	}
	defer s.Close()
	c, _, err := s.ClientByCaseNumber(ctx, caseNumber)
	if err != nil {
		return fmt.Errorf("case %s: %w", caseNumber, err)
	}
	conn, err := connectAgency(ctx, e, s, path)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	// Push first: the server must hold the client, and everything written
	// about them here, before they move.
	if _, err := agency.Sync(ctx, s, conn, agency.Options{}); err != nil {
		return err
	}
	if err := agency.Transfer(ctx, conn, c.ID, to); err != nil {
		return err
	}
	if _, err := agency.Sync(ctx, s, conn, agency.Options{}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "case %s (%s) moved to %s, who gets its whole history at their next sync\n",
		text.Plain(c.CaseNumber), text.Plain(c.DisplayName()), text.Plain(to))
	return nil
}
