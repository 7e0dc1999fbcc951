package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"caseload/model"
)

// ImportResources saves the resources an import read, in one transaction, and
// reports what it did. A resource is the same as one already saved when it
// has the same HSDS id or, failing that, the same name and address (case
// aside): it is then updated (see model.Resource.MergeImport), or left alone
// when nothing changed, so importing the same file twice adds nothing. A
// resource that does not validate, or that repeats one earlier in the same
// import, is skipped and reported with its place. With dryRun the report is
// made and everything rolled back.
func (s *Store) ImportResources(ctx context.Context, in model.ResourceImport, dryRun bool) (model.ResourceImportReport, error) {
	rep := model.ResourceImportReport{Source: in.Source, DryRun: dryRun,
		Skipped: slices.Clone(in.Skipped), Warnings: slices.Clone(in.Warnings)}
	err := s.Batch(ctx, func(w *Writer) error {
		if err := w.importResources(in.Resources, &rep); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return model.ResourceImportReport{Source: in.Source, DryRun: dryRun}, fmt.Errorf("import resources: %w", err)
	}
	return rep, nil
}

func (w *Writer) importResources(items []model.ImportedResource, rep *model.ResourceImportReport) error {
	seen := map[string]model.SourcePlace{}
	for _, it := range items {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		r := it.Resource
		skip := func(reason string) {
			rep.Skipped = append(rep.Skipped, model.ImportProblem{Place: it.Place, Reason: reason})
		}
		key := importKey(r)
		if first, dup := seen[key]; dup {
			skip("the same resource as " + first.String())
			continue
		}
		seen[key] = it.Place
		existing, found, err := w.findImported(r)
		if err != nil {
			return err
		}
		if found {
			merged := existing.MergeImport(r)
			if merged.SameDetails(existing) {
				rep.Unchanged++
				continue
			}
			r = merged
		} else {
			r.ID, r.CreatedAt = "", w.now
		}
		if err := r.Validate(); err != nil {
			skip("not saved: " + strings.TrimPrefix(err.Error(), "invalid: "))
			continue
		}
		if found {
			if _, err := w.UpdateResource(r); err != nil {
				return fmt.Errorf("%s: %w", it.Place, err)
			}
			rep.Updated++
			continue
		}
		if _, err := w.CreateResource(r); err != nil {
			return fmt.Errorf("%s: %w", it.Place, err)
		}
		rep.Added++
	}
	return nil
}

// importKey says which records of one import are the same resource, by the
// rule findImported uses against the saved ones.
func importKey(r model.Resource) string {
	if r.HSDSID != "" {
		return "hsds\x00" + r.HSDSID
	}
	return "name\x00" + strings.ToLower(r.Name) + "\x00" + strings.ToLower(r.Address)
}

// findImported finds the saved resource an imported one describes: by HSDS
// id, else by name and address. A resource that carries an HSDS id never
// takes over a saved one with a different id.
func (w *Writer) findImported(r model.Resource) (model.Resource, bool, error) {
	if r.HSDSID != "" {
		got, err := scanResource(w.queryRow("SELECT "+resourceColumns+" FROM resources r WHERE r.hsds_id = ?", r.HSDSID))
		switch {
		case err == nil:
			return got, true, nil
		case !errors.Is(err, sql.ErrNoRows):
			return got, false, fmt.Errorf("find resource %q: %w", r.Name, err)
		}
	}
	got, err := scanResource(w.queryRow("SELECT "+resourceColumns+` FROM resources r
		WHERE r.name = ?1 COLLATE NOCASE AND r.address = ?2 COLLATE NOCASE AND (?3 = '' OR r.hsds_id IS NULL)
		ORDER BY r.seq LIMIT 1`, r.Name, r.Address, r.HSDSID))
	switch {
	case err == nil:
		return got, true, nil
	case errors.Is(err, sql.ErrNoRows):
		return got, false, nil
	}
	return got, false, fmt.Errorf("find resource %q: %w", r.Name, err)
}
