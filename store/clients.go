package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
)

const clientColumns = `c.id, c.name, c.preferred_name, c.case_number, c.date_of_birth, c.phone, c.address,
	c.supervision_type, c.level, c.supervision_from, c.supervision_to, c.conditions, c.status, c.tags,
	c.created_at, c.updated_at`

// scanClient reads clientColumns, then any extra columns into extra.
func scanClient(row scanner, extra ...any) (model.Client, error) {
	var c model.Client
	var dob, from, to, tags, created, updated string
	dest := append([]any{&c.ID, &c.Name, &c.PreferredName, &c.CaseNumber, &dob, &c.Phone, &c.Address,
		&c.SupervisionType, &c.Level, &from, &to, &c.Conditions, &c.Status, &tags, &created, &updated}, extra...)
	if err := row.Scan(dest...); err != nil {
		return c, err
	}
	var d decoder
	c.DateOfBirth, c.SupervisionFrom, c.SupervisionTo = d.date(dob), d.date(from), d.date(to)
	c.Tags = decodeList[string](&d, tags)
	c.CreatedAt, c.UpdatedAt = d.time(created), d.time(updated)
	return c, d.err
}

// CreateClient adds a client and returns it with its id and times.
func (s *Store) CreateClient(ctx context.Context, c model.Client) (model.Client, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.CreateClient(c)
		return err
	})
	return c, err
}

// CreateClient adds a client in the writer's transaction.
func (w *Writer) CreateClient(c model.Client) (model.Client, error) {
	if err := c.Validate(model.DateOf(w.now)); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = w.now
	}
	c.UpdatedAt = c.CreatedAt
	_, err := w.exec(`INSERT INTO clients (id, name, preferred_name, case_number, date_of_birth, phone,
		address, supervision_type, level, supervision_from, supervision_to, conditions, status, tags, created_at, updated_at, sort_name)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Name, c.PreferredName, c.CaseNumber, c.DateOfBirth.String(), c.Phone, c.Address,
		c.SupervisionType, c.Level, c.SupervisionFrom.String(), c.SupervisionTo.String(), c.Conditions, c.Status,
		jsonList(c.Tags), fmtTime(c.CreatedAt), fmtTime(c.UpdatedAt), sortName(c.Name))
	if err != nil {
		return c, clientWriteError(err)
	}
	if err := w.recordCreate(SyncClients, c.ID, c.ID); err != nil {
		return c, err
	}
	if err := w.conditionsFromText(c); err != nil {
		return c, err
	}
	return c, w.refresh(c.ID)
}

// UpdateClient saves changes to a client's details; the summary follows (a
// new level moves the next-due date).
func (s *Store) UpdateClient(ctx context.Context, c model.Client) (model.Client, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.UpdateClient(c)
		return err
	})
	return c, err
}

// UpdateClient saves changes to a client in the writer's transaction.
func (w *Writer) UpdateClient(c model.Client) (model.Client, error) {
	if err := c.Validate(model.DateOf(w.now)); err != nil {
		return c, err
	}
	c.UpdatedAt = w.now
	before, err := w.fieldsBeforeEdit(SyncClients, c.ID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return c, err
	}
	res, err := w.exec(`UPDATE clients SET name = ?, preferred_name = ?, case_number = ?, date_of_birth = ?,
		phone = ?, address = ?, supervision_type = ?, level = ?, supervision_from = ?, supervision_to = ?, conditions = ?,
		status = ?, tags = ?, updated_at = ?, sort_name = ? WHERE id = ?`,
		c.Name, c.PreferredName, c.CaseNumber, c.DateOfBirth.String(), c.Phone, c.Address, c.SupervisionType, c.Level,
		c.SupervisionFrom.String(), c.SupervisionTo.String(), c.Conditions, c.Status, jsonList(c.Tags),
		fmtTime(c.UpdatedAt), sortName(c.Name), c.ID)
	if err != nil {
		return c, clientWriteError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return c, fmt.Errorf("update client %s: %w", c.ID, ErrNotFound)
	}
	if err := w.recordUpdate(SyncClients, c.ID, c.ID, before); err != nil {
		return c, err
	}
	if err := w.conditionsFromText(c); err != nil {
		return c, err
	}
	if err := w.refreshConditionsDue(c.ID); err != nil {
		return c, err
	}
	return c, w.refresh(c.ID)
}

// clientWriteError turns a duplicate case number into a field error the form
// shows next to the field.
func clientWriteError(err error) error {
	if strings.Contains(err.Error(), "UNIQUE constraint failed: clients.case_number") {
		return &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldCaseNumber, Message: "already used by another client"}}}
	}
	return fmt.Errorf("save client: %w", explain(err))
}

// sortName is the key the caseload sorts names by.
func sortName(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Client returns one client with the summary the caseload keeps on it.
func (s *Store) Client(ctx context.Context, id string) (model.Client, model.ClientSummary, error) {
	return s.clientWhere(ctx, "c.id = ?", id)
}

// ClientByCaseNumber finds a client by case number, ignoring case.
func (s *Store) ClientByCaseNumber(ctx context.Context, caseNumber string) (model.Client, model.ClientSummary, error) {
	return s.clientWhere(ctx, "c.case_number = ?", strings.TrimSpace(caseNumber))
}

func (s *Store) clientWhere(ctx context.Context, where string, arg any) (model.Client, model.ClientSummary, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+clientColumns+`, c.last_contact_at, c.last_contact_type, c.last_completed_at,
		c.next_appointment_at, c.current_stage, c.current_stage_at, c.next_due_at, c.open_referrals, c.not_compliant
		FROM clients c WHERE `+where, arg)
	var sum model.ClientSummary
	var last, completed, appt, stageAt, due string
	c, err := scanClient(row, &last, &sum.LastContactType, &completed, &appt, &sum.Stage, &stageAt, &due, &sum.OpenReferrals, &sum.NotCompliant)
	if errors.Is(err, sql.ErrNoRows) {
		return c, sum, fmt.Errorf("client: %w", ErrNotFound)
	}
	if err != nil {
		return c, sum, fmt.Errorf("read client: %w", explain(err))
	}
	var d decoder
	sum.LastContact, sum.LastCompleted, sum.NextAppointment = d.time(last), d.time(completed), d.time(appt)
	sum.StageAt, sum.NextDue = d.time(stageAt), d.time(due)
	sum.HasDue = due != ""
	if d.err != nil {
		return c, sum, fmt.Errorf("read client %s: %w", c.ID, d.err)
	}
	return c, sum, nil
}

// ClientCount counts the clients in the file.
func (s *Store) ClientCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM clients").Scan(&n); err != nil {
		return 0, fmt.Errorf("count clients: %w", explain(err))
	}
	return n, nil
}
