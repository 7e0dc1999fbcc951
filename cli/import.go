package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"caseload/importer"
	"caseload/model"
	"caseload/store"
)

func newImportCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import clients (CSV) or community resources (Open Referral or CSV)",
		Long: "Every import is one transaction: all of it or nothing, with a report of what was added,\n" +
			"updated and skipped (file, line and reason). Importing the same data again updates, never duplicates.",
		Example: `
# Clients from the agency's spreadsheet, tried first:
caseload import clients --dry-run clients.csv
caseload import clients clients.csv

# The county's resource directory in Open Referral form:
caseload import resources ./hsds-export/`,
		// A kind that is not one of the sub-commands reaches RunE, to be
		// refused as a usage mistake rather than shown the help.
		RunE: action(func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef(cmd, "say what to import: clients or resources")
			}
			return usagef(cmd, "cannot import %q: clients or resources", args[0])
		}),
	}
	cmd.AddCommand(newImportClientsCmd(e), newImportResourcesCmd(e))
	return cmd
}

func newImportResourcesCmd(e *env) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "resources PATH",
		Short: "Community resources: an Open Referral (HSDS) directory or JSON, or a CSV with a header",
		Long: "An Open Referral (HSDS 3.0) directory of CSV files or its JSON, or a CSV with a header row:\n" +
			"name and category required; phone, email, address, hours, eligibility, notes, description,\n" +
			"website, languages and tags optional.",
		Example: `
# An Open Referral directory, tried first:
caseload import resources --dry-run ./hsds-export/
caseload import resources ./hsds-export/

# A simple spreadsheet of the places you refer to:
caseload import resources resources.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usagef(cmd, "name the file or directory to import")
			case 1:
				return nil
			}
			return usagef(cmd, "one path at a time (got %q)", args)
		},
		RunE: action(func(cmd *cobra.Command, args []string) error {
			return runImportResources(cmd.Context(), e, args[0], dryRun)
		}),
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what the import would do, and save nothing")
	return cmd
}

func runImportResources(ctx context.Context, e *env, path string, dryRun bool) error {
	// The file is read in full before the database is opened: a file that
	// cannot be read leaves the database as it was.
	in, err := importer.Read(path)
	if err != nil {
		return printableError{fmt.Errorf("import resources: %w", err)}
	}
	s, err := store.Open(ctx, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportResources(ctx, in, dryRun)
	if err != nil {
		return printableError{err}
	}
	printImportReport(e.stdout, rep)
	return nil
}

// printImportReport writes the report for the officer. Everything that came
// from the file (names, paths, reasons quoting values) is made printable first.
func printImportReport(w io.Writer, rep model.ResourceImportReport) {
	verb := "imported"
	if rep.DryRun {
		verb = "dry run, nothing saved:"
	}
	fmt.Fprintf(w, "%s %s\n", verb, printable(rep.Source))
	fmt.Fprintf(w, "  %d added, %d updated, %d unchanged, %d skipped\n", rep.Added, rep.Updated, rep.Unchanged, len(rep.Skipped))
	for _, sec := range []struct {
		title    string
		problems []model.ImportProblem
	}{{"skipped", rep.Skipped}, {"warnings", rep.Warnings}} {
		if len(sec.problems) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", sec.title)
		for _, p := range sec.problems {
			fmt.Fprintf(w, "  %s\n", printable(p.String()))
		}
	}
}

// printableError shows an error whose text may quote the file (a header, a
// path) with that text made printable.
type printableError struct{ err error }

func (e printableError) Error() string { return printable(e.err.Error()) }
func (e printableError) Unwrap() error { return e.err }
