package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"caseload/model"
	"caseload/store"
)

// errRejected ends an import that wrote nothing because of rejected lines.
var errRejected = errors.New("nothing was imported: fix the rejected lines and run the import again")

func runImportClients(ctx context.Context, e *env, args []string) error {
	fs, db := flags("import clients", e)
	dryRun := fs.Bool("dry-run", false, "report what the import would do, and write nothing")
	files, err := parseFiles(fs, args, 1, 1)
	if err != nil {
		return err
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fmt.Errorf("import clients: %w", err)
	}
	defer f.Close()
	imp, err := model.ReadClientsCSV(f)
	if err != nil {
		return fmt.Errorf("import clients from %s: %w", files[0], err)
	}
	s, err := openStore(ctx, e, dbPath(*db, e))
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportClients(ctx, imp, *dryRun)
	if err != nil {
		return err
	}
	printImport(e, rep)
	switch {
	case len(rep.Rejected) > 0:
		return errRejected
	case *dryRun:
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
