package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"caseload/model"
)

const consentColumns = `cn.id, cn.client_id, coalesce(cn.resource_id, ''), cn.person, cn.kinds, cn.purpose, cn.signed_on,
	cn.expires_on, cn.revoked_on, cn.created_at`

func scanConsent(row scanner) (model.Consent, error) {
	var c model.Consent
	var kinds, signed, expires, revoked, created string
	if err := row.Scan(&c.ID, &c.ClientID, &c.Recipient.ResourceID, &c.Recipient.Person, &kinds, &c.Purpose, &signed,
		&expires, &revoked, &created); err != nil {
		return c, err
	}
	var d decoder
	c.Kinds = decodeList[model.ShareKind](&d, kinds)
	c.SignedOn, c.ExpiresOn, c.RevokedOn = d.date(signed), d.date(expires), d.date(revoked)
	c.CreatedAt = d.time(created)
	return c, d.err
}

// CreateConsent records a client's consent to share. A consent for a resource
// that is not in the directory is refused with a field error on the
// recipient, and nothing is written.
func (s *Store) CreateConsent(ctx context.Context, c model.Consent) (model.Consent, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = w.CreateConsent(c)
		return err
	})
	return c, err
}

// CreateConsent records a consent in the writer's transaction.
func (w *Writer) CreateConsent(c model.Consent) (model.Consent, error) {
	if err := c.Validate(model.DateOf(w.now)); err != nil {
		return c, err
	}
	var resource any
	if id := c.Recipient.ResourceID; id != "" {
		var one int
		err := w.queryRow("SELECT 1 FROM resources WHERE id = ?", id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return c, &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldRecipient, Message: "no such resource in the directory"}}}
		}
		if err != nil {
			return c, fmt.Errorf("check consent recipient: %w", explain(err))
		}
		resource = id
	}
	if c.ID == "" {
		c.ID = newID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = w.now
	}
	_, err := w.exec(`INSERT INTO consents (id, client_id, resource_id, person, kinds, purpose, signed_on, expires_on,
		revoked_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.ClientID, resource, c.Recipient.Person, jsonList(c.Kinds), c.Purpose, c.SignedOn.String(),
		c.ExpiresOn.String(), c.RevokedOn.String(), fmtTime(c.CreatedAt))
	if err != nil {
		return c, fmt.Errorf("save consent: %w", explain(err))
	}
	return c, w.recordCreate(SyncConsents, c.ID, c.ClientID)
}

// RevokeConsent records the day the client withdrew a consent. It can be
// recorded once; the consent itself stays as signed.
func (s *Store) RevokeConsent(ctx context.Context, id string, on model.Date) (model.Consent, error) {
	var c model.Consent
	err := s.write(ctx, func(w *Writer) error {
		var err error
		c, err = scanConsent(w.queryRow("SELECT "+consentColumns+" FROM consents cn WHERE cn.id = ?", id))
		if err != nil {
			return fmt.Errorf("revoke consent %s: %w", id, notFound(err))
		}
		if !c.RevokedOn.IsZero() {
			return &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldRevokedOn, Message: "already revoked on " + c.RevokedOn.String()}}}
		}
		if on.IsZero() {
			on = model.DateOf(w.now)
		}
		c.RevokedOn = on
		if err := c.Validate(model.DateOf(w.now)); err != nil {
			return err
		}
		before, err := w.fieldsBeforeEdit(SyncConsents, id)
		if err != nil {
			return err
		}
		if _, err := w.exec("UPDATE consents SET revoked_on = ? WHERE id = ?", on.String(), id); err != nil {
			return fmt.Errorf("revoke consent: %w", explain(err))
		}
		return w.recordUpdate(SyncConsents, id, c.ClientID, before)
	})
	return c, err
}

// Consent returns one consent by id.
func (s *Store) Consent(ctx context.Context, id string) (model.Consent, error) {
	c, err := scanConsent(s.db.QueryRowContext(ctx, "SELECT "+consentColumns+" FROM consents cn WHERE cn.id = ?", id))
	if err != nil {
		return c, fmt.Errorf("read consent %s: %w", id, notFound(err))
	}
	return c, nil
}

// Consents lists all of a client's consents, active or not, newest first:
// the client header picks the active ones with model.Consent.Active and the
// export builds its model.SharePolicy from them.
func (s *Store) Consents(ctx context.Context, clientID string) ([]model.Consent, error) {
	var out []model.Consent
	err := eachRow(ctx, s.db, "SELECT "+consentColumns+` FROM consents cn WHERE cn.client_id = ?
		ORDER BY cn.signed_on DESC, cn.id DESC`, clientID, func(row scanner) error {
		c, err := scanConsent(row)
		out = append(out, c)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list consents: %w", explain(err))
	}
	return out, nil
}

// SharePolicy returns what may go today to a recipient about a client, from
// the client's consents; an export refuses when it allows nothing.
func (s *Store) SharePolicy(ctx context.Context, clientID string, to model.Recipient, today model.Date) (model.SharePolicy, error) {
	consents, err := s.Consents(ctx, clientID)
	if err != nil {
		return model.SharePolicy{}, err
	}
	return model.SharePolicyFor(consents, to, today), nil
}
