package store

import (
	"context"
	"errors"
	"fmt"

	"caseload/model"
)

const resourceColumns = `r.id, coalesce(r.hsds_id, ''), r.name, r.category, r.tags, r.description, r.phone, r.email, r.website,
	r.address, r.hours, r.eligibility, r.languages, r.notes, r.created_at, r.updated_at`

func scanResource(row scanner) (model.Resource, error) {
	var r model.Resource
	var tags, created, updated string
	if err := row.Scan(&r.ID, &r.HSDSID, &r.Name, &r.Category, &tags, &r.Description, &r.Phone, &r.Email, &r.Website,
		&r.Address, &r.Hours, &r.Eligibility, &r.Languages, &r.Notes, &created, &updated); err != nil {
		return r, err
	}
	var d decoder
	r.Tags = decodeList[string](&d, tags)
	r.CreatedAt, r.UpdatedAt = d.time(created), d.time(updated)
	return r, d.err
}

// CreateResource adds a community resource.
func (s *Store) CreateResource(ctx context.Context, r model.Resource) (model.Resource, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		r, err = w.CreateResource(r)
		return err
	})
	return r, err
}

// CreateResource adds a resource in the writer's transaction.
func (w *Writer) CreateResource(r model.Resource) (model.Resource, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	switch {
	case r.ID == "" && r.HSDSID != "":
		r.ID = ResourceIDForHSDS(r.HSDSID)
	case r.ID == "":
		r.ID = newID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = w.now
	}
	r.UpdatedAt = r.CreatedAt
	var hsds any
	if r.HSDSID != "" {
		hsds = r.HSDSID
	}
	_, err := w.exec(`INSERT INTO resources (id, hsds_id, name, category, tags, description, phone, email,
		website, address, hours, eligibility, languages, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, hsds, r.Name, r.Category, jsonList(r.Tags), r.Description, r.Phone, r.Email, r.Website, r.Address,
		r.Hours, r.Eligibility, r.Languages, r.Notes, fmtTime(r.CreatedAt), fmtTime(r.UpdatedAt))
	if err != nil {
		return r, fmt.Errorf("save resource %q: %w", r.Name, explain(err))
	}
	return r, w.recordCreate(SyncResources, r.ID, "")
}

// UpdateResource saves changes to a resource.
func (s *Store) UpdateResource(ctx context.Context, r model.Resource) (model.Resource, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		r, err = w.UpdateResource(r)
		return err
	})
	return r, err
}

// UpdateResource saves changes to a resource in the writer's transaction.
func (w *Writer) UpdateResource(r model.Resource) (model.Resource, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	r.UpdatedAt = w.now
	var hsds any
	if r.HSDSID != "" {
		hsds = r.HSDSID
	}
	before, err := w.fieldsBeforeEdit(SyncResources, r.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return r, err
	}
	res, err := w.exec(`UPDATE resources SET hsds_id = ?, name = ?, category = ?, tags = ?, description = ?,
		phone = ?, email = ?, website = ?, address = ?, hours = ?, eligibility = ?, languages = ?, notes = ?, updated_at = ?
		WHERE id = ?`,
		hsds, r.Name, r.Category, jsonList(r.Tags), r.Description, r.Phone, r.Email, r.Website, r.Address, r.Hours,
		r.Eligibility, r.Languages, r.Notes, fmtTime(r.UpdatedAt), r.ID)
	if err != nil {
		return r, fmt.Errorf("save resource %q: %w", r.Name, explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return r, fmt.Errorf("update resource %s: %w", r.ID, ErrNotFound)
	}
	return r, w.recordUpdate(SyncResources, r.ID, "", before)
}

// Resource returns one resource.
func (s *Store) Resource(ctx context.Context, id string) (model.Resource, error) {
	r, err := scanResource(s.db.QueryRowContext(ctx, "SELECT "+resourceColumns+" FROM resources r WHERE r.id = ?", id))
	if err != nil {
		return r, fmt.Errorf("read resource %s: %w", id, notFound(err))
	}
	return r, nil
}

// Resources lists resources by name, optionally of one category ("" for all).
func (s *Store) Resources(ctx context.Context, category model.ResourceCategory, limit, offset int) ([]model.Resource, error) {
	out, err := queryList(ctx, s.db, scanResource, "SELECT "+resourceColumns+` FROM resources r
		WHERE (?1 = '' OR r.category = ?1) ORDER BY r.name COLLATE NOCASE, r.id LIMIT ?2 OFFSET ?3`,
		string(category), limitOrAll(limit), offset)
	if err != nil {
		return nil, fmt.Errorf("list resources: %w", explain(err))
	}
	return out, nil
}

// limitOrAll turns "no limit" (0 or less) into SQLite's -1.
func limitOrAll(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
