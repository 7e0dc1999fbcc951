package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

func newDemoCmd(e *env) *cobra.Command {
	var clients int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Fill a new database with a fictional demo caseload",
		Long: "Fill a NEW file with a fictional caseload: clients, two years of check-ins, stage notes,\n" +
			"60 community resources and referrals. A file that already holds records is refused.",
		Example: `
# A demo caseload in a file of its own, then the app on it:
caseload demo --db /tmp/demo.db
caseload --db /tmp/demo.db

# A big one, to see how the app keeps up:
caseload demo --db /tmp/big.db --clients 10000 --seed 7`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error {
			return runDemo(cmd.Context(), e, clients, seed)
		}),
	}
	cmd.Flags().IntVar(&clients, "clients", 120, "how many clients")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "the random seed: the same seed on the same day gives the same caseload")
	return cmd
}

func runDemo(ctx context.Context, e *env, clients int, seed uint64) error {
	if clients < 1 || clients > 100000 {
		return fmt.Errorf("%w: --clients must be between 1 and 100000", errUsage)
	}
	path := dbPath(e)
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	began := time.Now()
	// The demo runs up to the start of today, so the same seed gives the same
	// caseload all day.
	rep, err := demo.Fill(ctx, s, demo.Options{Clients: clients, Seed: seed, Now: model.StartOfDay(time.Now())})
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(e.stdout, "demo caseload in %s: %d clients, %d check-ins, %d stage notes, %d resources, %d referrals (%.1fs)\n",
		path, rep.Clients, rep.CheckIns, rep.StageNotes, rep.Resources, rep.Referrals, time.Since(began).Seconds())
	return nil
}
