package store

import (
	"context"
	"fmt"

	"caseload/model"
)

const exportColumns = `x.id, x.at, x.range_from, x.range_to, x.client_id, x.format, x.redacted, x.records, x.destination, x.sha256, x.recipient`

func scanExport(row scanner) (model.Export, error) {
	var e model.Export
	var at, from, to string
	if err := row.Scan(&e.ID, &at, &from, &to, &e.ClientID, &e.Format, &e.Redacted, &e.Records, &e.Destination, &e.SHA256, &e.Recipient); err != nil {
		return e, err
	}
	var d decoder
	e.At, e.From, e.To = d.time(at), d.time(from), d.time(to)
	return e, d.err
}

// RecordExport adds a summary that was written to the export log. It is
// called only after the content is safely where it was sent.
func (s *Store) RecordExport(ctx context.Context, e model.Export) (model.Export, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := s.write(ctx, func(w *Writer) error {
		if e.ID == "" {
			e.ID = newID()
		}
		if e.At.IsZero() {
			e.At = w.now
		}
		_, err := w.exec(`INSERT INTO exports (id, at, range_from, range_to, client_id, format, redacted, records, destination, sha256, recipient)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, fmtTime(e.At), fmtTime(e.From), fmtTime(e.To), e.ClientID, e.Format, boolInt(e.Redacted), e.Records,
			e.Destination, e.SHA256, e.Recipient)
		if err != nil {
			return fmt.Errorf("record export: %w", explain(err))
		}
		return nil
	})
	return e, err
}

// LastExport returns the latest summary of the whole caseload, so that the
// next one can run "since the last export"; ErrNotFound when there was none.
// A summary of one client, or one made for a recipient (for a provider, say),
// does not move that mark.
func (s *Store) LastExport(ctx context.Context) (model.Export, error) {
	e, err := scanExport(s.db.QueryRowContext(ctx, "SELECT "+exportColumns+` FROM exports x
		WHERE x.client_id = '' AND x.recipient = '' ORDER BY x.at DESC, x.id DESC LIMIT 1`))
	if err != nil {
		return e, fmt.Errorf("read last export: %w", notFound(err))
	}
	return e, nil
}

// Exports lists the export log, newest first, for the audit view.
func (s *Store) Exports(ctx context.Context, limit, offset int) ([]model.Export, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+exportColumns+` FROM exports x
		ORDER BY x.at DESC, x.id DESC LIMIT ? OFFSET ?`, limitOrAll(limit), offset)
	if err != nil {
		return nil, fmt.Errorf("list exports: %w", explain(err))
	}
	defer rows.Close()
	var out []model.Export
	for rows.Next() {
		e, err := scanExport(rows)
		if err != nil {
			return nil, fmt.Errorf("list exports: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
