package store

import (
	"context"
	"database/sql"
	"time"
)

// queueStatusHistory is migration 0018's step: on a laptop whose sync was
// set up before, the status history it recorded is queued, so the agency's
// server holds each client's from the start. A supervisor's file recorded
// none of its own: its clients' histories come from their officers'.
func queueStatusHistory(ctx context.Context, tx *Tx, now time.Time) error {
	w := &Writer{ctx: ctx, tx: tx, now: now, statements: &statementCache{}, stmts: map[string]*sql.Stmt{}}
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	if role, err := readSyncState(ctx, tx, keyRoleKind); err != nil || role == "supervisor" {
		return err
	}
	return w.queueTable(SyncStatusChanges)
}
