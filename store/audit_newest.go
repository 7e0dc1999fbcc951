package store

import (
	"context"
	"fmt"
	"math"

	"caseload/model"
)

// AuditLogNewest returns up to limit entries of the audit log older than
// beforeSeq, newest first; beforeSeq 0 starts at the newest. A screen pages
// back through the log by passing the last Seq it shows.
func (s *Store) AuditLogNewest(ctx context.Context, beforeSeq int64, limit int) ([]model.AuditEntry, error) {
	if beforeSeq <= 0 {
		beforeSeq = math.MaxInt64
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+auditFrom+`
		WHERE a.seq < ?1 ORDER BY a.seq DESC LIMIT ?2`, beforeSeq, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", explain(err))
	}
	return scanAudit(rows)
}

// AuditCount is the number of entries in the audit log.
func (s *Store) AuditCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM audit_log").Scan(&n); err != nil {
		return 0, fmt.Errorf("count the audit log: %w", explain(err))
	}
	return n, nil
}
