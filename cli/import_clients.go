package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"caseload/model"
	"caseload/store"
)

// errRejected ends an import that wrote nothing because of rejected lines.
var errRejected = errors.New("nothing was imported: fix the rejected lines and run the import again")

func newImportClientsCmd(e *env) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "clients FILE.csv",
		Short: "Clients from a CSV file (adds new case numbers, updates known ones)",
		Long: "Clients from a CSV with a header: name, preferred name, case number, date of birth, phone,\n" +
			"address, supervision type, level, start, end, conditions, status, tags. Dates as 2026-01-31,\n" +
			"1/31/2026 or 01/31/2026. One rejected line and nothing is written.",
		Example: `
# See what it would do, then do it:
caseload import clients --dry-run clients.csv
caseload import clients clients.csv

# Into the copy on the USB stick:
caseload import clients --db /media/usb/caseload.db clients.csv`,
		Args: files(1, 1),
		RunE: action(func(cmd *cobra.Command, args []string) error {
			return runImportClients(cmd.Context(), e, args[0], dryRun)
		}),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "report what the import would do, and write nothing")
	return cmd
}

func runImportClients(ctx context.Context, e *env, file string, dryRun bool) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("import clients: %w", err)
	}
	defer f.Close()
	imp, err := model.ReadClientsCSV(f)
	if err != nil {
		return fmt.Errorf("import clients from %s: %w", file, err)
	}
	s, err := openStore(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportClients(ctx, imp, dryRun)
	if err != nil {
		return err
	}
	printImport(e, rep)
	switch {
	case len(rep.Rejected) > 0:
		return errRejected
	case dryRun:
		fmt.Fprintln(e.stdout, "dry run: nothing was written")
	}
	return nil
}

func printImport(e *env, rep store.ImportReport) {
	add, update := "added", "updated"
	if !rep.Written {
		add, update = "would add", "would update"
	}
	for _, group := range []struct {
		verb    string
		clients []store.ImportedClient
	}{{add, rep.Added}, {update, rep.Updated}, {"unchanged", rep.Unchanged}} {
		for _, c := range group.clients {
			fmt.Fprintf(e.stdout, "line %d: %s %s, %s\n", c.Line, group.verb, printable(c.CaseNumber), printable(c.Name))
		}
	}
	for _, r := range rep.Rejected {
		fmt.Fprintf(e.stdout, "line %d: rejected: %s\n", r.Line, printable(r.Reason))
	}
	fmt.Fprintf(e.stdout, "%d %s, %d %s, %d unchanged, %d rejected\n",
		len(rep.Added), add, len(rep.Updated), update, len(rep.Unchanged), len(rep.Rejected))
}
