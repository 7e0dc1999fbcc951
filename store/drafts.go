package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Draft is what was typed into a form that has not been saved yet, kept so
// that a crash or a flat battery loses nothing. Drafts are scratch, not
// record: they are not audited and are deleted when the form is saved or
// discarded.
type Draft struct {
	Key       string            // one draft per form and record, e.g. "checkin:<client id>"
	Form      string            // which form: checkin, client, stage_note, ...
	ClientID  string            // the client the form is about; "" for a new client
	Data      map[string]string // field name → what was typed
	UpdatedAt time.Time
}

// SaveDraft keeps a draft, replacing an older one with the same key.
func (s *Store) SaveDraft(ctx context.Context, d Draft) error {
	data, err := json.Marshal(d.Data)
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if d.Data == nil {
		data = []byte("{}")
	}
	return s.write(ctx, func(w *Writer) error {
		_, err := w.exec(`INSERT INTO drafts (key, form, client_id, data, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET form = excluded.form, client_id = excluded.client_id,
			data = excluded.data, updated_at = excluded.updated_at`,
			d.Key, d.Form, d.ClientID, string(data), fmtTime(w.now))
		if err != nil {
			return fmt.Errorf("save draft: %w", explain(err))
		}
		return nil
	})
}

// Drafts lists the drafts left behind, newest first.
func (s *Store) Drafts(ctx context.Context) ([]Draft, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, form, client_id, data, updated_at FROM drafts ORDER BY updated_at DESC, key")
	if err != nil {
		return nil, fmt.Errorf("read drafts: %w", explain(err))
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var data, updated string
		if err := rows.Scan(&d.Key, &d.Form, &d.ClientID, &data, &updated); err != nil {
			return nil, fmt.Errorf("read drafts: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &d.Data); err != nil {
			return nil, fmt.Errorf("read draft %s: %w", d.Key, err)
		}
		if d.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("read draft %s: %w", d.Key, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DeleteDraft removes a draft; removing one that is not there is not an error.
func (s *Store) DeleteDraft(ctx context.Context, key string) error {
	return s.write(ctx, func(w *Writer) error {
		if _, err := w.exec("DELETE FROM drafts WHERE key = ?", key); err != nil {
			return fmt.Errorf("delete draft: %w", explain(err))
		}
		return nil
	})
}
