package store

import (
	"context"
	"database/sql"
	"fmt"

	"caseload/model"
)

// AuditLog returns a page of the audit log, oldest first: every write and
// every export, with what was written but never its content. Exports carry
// their format and destination.
func (s *Store) AuditLog(ctx context.Context, q model.AuditQuery) ([]model.AuditEntry, error) {
	since := ""
	if !q.Since.IsZero() {
		since = fmtTime(q.Since)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+auditFrom+`
		WHERE a.seq > ?1 AND (?2 = '' OR a.at >= ?2) ORDER BY a.seq LIMIT ?3`, q.AfterSeq, since, limitOrAll(q.Limit))
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", explain(err))
	}
	return scanAudit(rows)
}

// auditFrom is the select list and join of every audit read, in the order
// scanAudit reads them.
const auditFrom = `a.seq, a.at, a.entity, a.entity_id, a.action,
		coalesce(x.format, ''), coalesce(x.destination, ''), coalesce(x.records, 0), coalesce(x.redacted, 0),
		coalesce(x.recipient, '')
		FROM audit_log a LEFT JOIN exports x ON a.entity = 'export' AND x.id = a.entity_id`

func scanAudit(rows *sql.Rows) ([]model.AuditEntry, error) {
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Entity, &e.EntityID, &e.Action, &e.Export.Format, &e.Export.Destination,
			&e.Export.Records, &e.Export.Redacted, &e.Export.Recipient); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		// The log stamps itself with SQLite's clock in the stored layout.
		var err error
		if e.At, err = parseTime(at); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		out = append(out, e)
	}
	return out, explain(rows.Err())
}
