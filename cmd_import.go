package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"

	"caseload/importer"
	"caseload/model"
	"caseload/store"
)

// importKinds are what `caseload import` can read, one sub-command each.
func importKinds() map[string]command {
	return map[string]command{
		"clients":   {"clients from a CSV file (adds new case numbers, updates known ones)", runImportClients},
		"resources": {"community resources: an Open Referral (HSDS) directory or JSON, or a simple CSV", runImportResources},
	}
}

func runImport(ctx context.Context, e *env, args []string) error {
	kinds := importKinds()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		importUsage(e.stderr, kinds)
		if len(args) == 0 {
			return fmt.Errorf("%w: say what to import", errUsage)
		}
		return flag.ErrHelp
	}
	kind, ok := kinds[args[0]]
	if !ok {
		importUsage(e.stderr, kinds)
		return fmt.Errorf("%w: cannot import %q", errUsage, args[0])
	}
	return kind.run(ctx, e, args[1:])
}

func importUsage(w io.Writer, kinds map[string]command) {
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: caseload import KIND [--dry-run] [--db FILE] PATH")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, kinds[n].summary)
	}
}

func runImportResources(ctx context.Context, e *env, args []string) error {
	fs, db := flags("import resources", e)
	dryRun := fs.Bool("dry-run", false, "print what the import would do, and save nothing")
	path, err := parseWithPath(fs, args)
	if err != nil {
		return err
	}
	// The file is read in full before the database is opened: a file that
	// cannot be read leaves the database as it was.
	in, err := importer.Read(path)
	if err != nil {
		return printableError{fmt.Errorf("import resources: %w", err)}
	}
	s, err := store.Open(ctx, dbPath(*db, e))
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportResources(ctx, in, *dryRun)
	if err != nil {
		return printableError{err}
	}
	printImportReport(e.stdout, rep)
	return nil
}

// parseWithPath parses flags given before or after the one PATH argument.
func parseWithPath(fs *flag.FlagSet, args []string) (string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(rest) {
	case 0:
		return "", fmt.Errorf("%w: name the file or directory to import", errUsage)
	case 1:
		return rest[0], nil
	}
	return "", fmt.Errorf("%w: one path at a time (got %q)", errUsage, rest)
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
