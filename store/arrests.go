package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

const arrestColumns = `ar.id, ar.client_id, ar.at, ar.agency, ar.charges, ar.created_at`

func scanArrest(row scanner) (model.Arrest, error) {
	var a model.Arrest
	var at, created string
	if err := row.Scan(&a.ID, &a.ClientID, &at, &a.Agency, &a.Charges, &created); err != nil {
		return a, err
	}
	var d decoder
	a.At, a.CreatedAt = d.time(at), d.time(created)
	return a, d.err
}

const custodyColumns = `cu.id, cu.client_id, cu.in_at, cu.out_at, cu.facility, cu.reason, cu.created_at`

func scanCustody(row scanner) (model.Custody, error) {
	var c model.Custody
	var in, out, created string
	if err := row.Scan(&c.ID, &c.ClientID, &in, &out, &c.Facility, &c.Reason, &created); err != nil {
		return c, err
	}
	var d decoder
	c.In, c.Out, c.CreatedAt = d.time(in), d.time(out), d.time(created)
	return c, d.err
}

// AddArrest records a new arrest.
func (s *Store) AddArrest(ctx context.Context, a model.Arrest) (model.Arrest, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		a, err = w.AddArrest(a)
		return err
	})
	return a, err
}

// AddArrest records an arrest in the writer's transaction.
func (w *Writer) AddArrest(a model.Arrest) (model.Arrest, error) {
	if err := a.Validate(w.now); err != nil {
		return a, err
	}
	if a.ID == "" {
		a.ID = newID()
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = w.now
	}
	if _, err := w.exec(`INSERT INTO arrests (id, client_id, at, agency, charges, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, a.ClientID, fmtTime(a.At), a.Agency, a.Charges, fmtTime(a.CreatedAt)); err != nil {
		return a, fmt.Errorf("save arrest: %w", explain(err))
	}
	return a, nil
}

// AddCustody records a time in custody (with its release when known).
func (s *Store) AddCustody(ctx context.Context, c model.Custody) (model.Custody, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.AddCustody(c)
		return err
	})
	return c, err
}

// AddCustody records a custody in the writer's transaction.
func (w *Writer) AddCustody(c model.Custody) (model.Custody, error) {
	if err := c.Validate(w.now); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = w.now
	}
	if _, err := w.exec(`INSERT INTO custody (id, client_id, in_at, out_at, facility, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.ClientID, fmtTime(c.In), fmtTime(c.Out), c.Facility, c.Reason, fmtTime(c.CreatedAt)); err != nil {
		return c, fmt.Errorf("save custody: %w", explain(err))
	}
	return c, w.recordCreate(SyncCustody, c.ID, c.ClientID)
}

// ReleaseFromCustody records, once, when the client was released.
func (s *Store) ReleaseFromCustody(ctx context.Context, custodyID string, out time.Time) error {
	return s.write(ctx, func(w *Writer) error {
		c, err := scanCustody(w.queryRow("SELECT "+custodyColumns+" FROM custody cu WHERE cu.id = ?", custodyID))
		if err != nil {
			return fmt.Errorf("release from custody %s: %w", custodyID, notFound(err))
		}
		c.Out = out
		if err := c.Validate(w.now); err != nil {
			return err
		}
		before, err := w.fieldsBeforeEdit(SyncCustody, c.ID)
		if err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE custody SET out_at = ? WHERE id = ?`, fmtTime(out), c.ID); err != nil {
			return fmt.Errorf("release from custody: %w", explain(err))
		}
		return w.recordUpdate(SyncCustody, c.ID, c.ClientID, before)
	})
}
