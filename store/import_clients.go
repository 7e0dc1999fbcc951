package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"caseload/model"
)

// ImportedClient is one line of an import that went in, for the report.
type ImportedClient struct {
	Line       int
	CaseNumber string
	Name       string
}

// ImportReport says what an import did, or would do on a dry run.
type ImportReport struct {
	Added, Updated, Unchanged []ImportedClient
	Rejected                  []model.LineError
	// Written is true when the clients were saved: never on a dry run, and
	// never when a line was rejected.
	Written bool
}

// ImportClients adds the clients of an import file and updates those whose
// case number is already on the caseload, in one transaction: when any line
// is rejected (by the reader or here) nothing is written, so an import never
// leaves a caseload half-updated. A dry run reports the same and writes
// nothing.
func (s *Store) ImportClients(ctx context.Context, imp model.ClientImport, dryRun bool) (ImportReport, error) {
	var rep ImportReport
	err := s.Batch(ctx, func(w *Writer) error {
		rep = ImportReport{Rejected: append([]model.LineError(nil), imp.Rejected...)}
		firstLine := map[string]int{}
		for _, l := range imp.Lines {
			key := strings.ToLower(strings.TrimSpace(l.Client.CaseNumber))
			if first, ok := firstLine[key]; ok {
				rep.Rejected = append(rep.Rejected, model.LineError{Line: l.Line, Reason: fmt.Sprintf("case number %s is also on line %d", l.Client.CaseNumber, first)})
				continue
			}
			firstLine[key] = l.Line
			if err := w.importClient(l, imp.Fields, &rep); err != nil {
				return err
			}
		}
		sort.Slice(rep.Rejected, func(i, j int) bool { return rep.Rejected[i].Line < rep.Rejected[j].Line })
		if dryRun || len(rep.Rejected) > 0 {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return rep, nil
	}
	if err != nil {
		return rep, fmt.Errorf("import clients: %w", err)
	}
	rep.Written = true
	return rep, nil
}

// importClient adds or updates one client; a client the model refuses is
// rejected with the reason, anything else stops the import.
func (w *Writer) importClient(l model.ClientLine, fields []string, rep *ImportReport) error {
	in := l.Client
	existing, err := scanClient(w.queryRow("SELECT "+clientColumns+" FROM clients c WHERE c.case_number = ?", strings.TrimSpace(in.CaseNumber)))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		saved, err := w.CreateClient(in)
		if model.FieldErrors(err) != nil {
			rep.Rejected = append(rep.Rejected, model.LineError{Line: l.Line, Reason: model.Reason(err)})
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", l.Line, err)
		}
		rep.Added = append(rep.Added, ImportedClient{l.Line, saved.CaseNumber, saved.Name})
		return nil
	case err != nil:
		return fmt.Errorf("line %d: find case number: %w", l.Line, explain(err))
	}
	merged := existing.Merge(in, fields)
	if sameDetails(existing, merged) {
		rep.Unchanged = append(rep.Unchanged, ImportedClient{l.Line, existing.CaseNumber, existing.Name})
		return nil
	}
	saved, err := w.UpdateClient(merged)
	if model.FieldErrors(err) != nil {
		rep.Rejected = append(rep.Rejected, model.LineError{Line: l.Line, Reason: model.Reason(err)})
		return nil
	}
	if err != nil {
		return fmt.Errorf("line %d: %w", l.Line, err)
	}
	rep.Updated = append(rep.Updated, ImportedClient{l.Line, saved.CaseNumber, saved.Name})
	return nil
}

// sameDetails reports whether two versions of a client differ in nothing the
// officer entered.
func sameDetails(a, b model.Client) bool {
	return a.Name == b.Name && a.PreferredName == b.PreferredName && a.CaseNumber == b.CaseNumber &&
		a.DateOfBirth == b.DateOfBirth && a.Phone == b.Phone && a.Address == b.Address &&
		a.SupervisionType == b.SupervisionType && a.Level == b.Level && a.SupervisionFrom == b.SupervisionFrom &&
		a.SupervisionTo == b.SupervisionTo && a.Conditions == b.Conditions && a.Status == b.Status &&
		slices.Equal(a.Tags, b.Tags)
}
