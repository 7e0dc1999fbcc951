package store

import (
	"context"
	"fmt"
	"strconv"
)

// keyAuditSent is the sequence number of the last audit log line the
// agency's server holds.
const keyAuditSent = "audit_sent"

// AuditLine is one line of the laptop's audit log as the agency's server
// keeps it: what was written and when, never the content.
type AuditLine struct {
	Seq                          int64
	At, Entity, EntityID, Action string
}

// AuditToSend returns up to limit audit log lines after seq after, oldest
// first: from AuditSent on, those the agency's server does not hold yet.
func (s *Store) AuditToSend(ctx context.Context, after int64, limit int) ([]AuditLine, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT seq, at, entity, entity_id, action FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
		after, limit)
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", explain(err))
	}
	defer rows.Close()
	var out []AuditLine
	for rows.Next() {
		var l AuditLine
		if err := rows.Scan(&l.Seq, &l.At, &l.Entity, &l.EntityID, &l.Action); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		out = append(out, l)
	}
	return out, explain(rows.Err())
}

// AuditSent is the sequence number of the last audit log line the agency's
// server is known to hold.
func (s *Store) AuditSent(ctx context.Context) (int64, error) {
	v, err := readSyncState(ctx, s.db, keyAuditSent)
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("sync state %s is %q, not a sequence number", keyAuditSent, v)
	}
	return n, nil
}

// MarkAuditSent records that the server holds the audit log up to seq,
// once it has committed them.
func (s *Store) MarkAuditSent(ctx context.Context, seq int64) error {
	return s.setSyncState(ctx, keyAuditSent, strconv.FormatInt(seq, 10))
}
