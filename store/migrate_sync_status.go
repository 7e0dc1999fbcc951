package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// queueStatusHistory is migration 0018's step: on a laptop whose sync was
// set up before, the status history it recorded is queued, so the agency's
// server holds each client's from the start. What it recorded of clients
// it did not create (taken from pulls: a replacement laptop's, a client
// transferred in, every client of a supervisor's file) was a stand-in, not
// the client's history: it is marked so, never sent, and gives way to the
// history the client's own laptop sends. A client was created here when
// its creation stamp is this laptop's.
func queueStatusHistory(ctx context.Context, tx *Tx, now time.Time) error {
	w := &Writer{ctx: ctx, tx: tx, now: now, statements: &statementCache{}, stmts: map[string]*sql.Stmt{}}
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	_, err := w.exec(`UPDATE client_status_changes SET provisional = 1 WHERE client_id NOT IN (
		SELECT row_id FROM sync_fields WHERE tbl = 'clients' AND field = '' AND substr(at, length(at) - length(?1) + 1) = ?1)`,
		w.sync.laptop)
	if err != nil {
		return fmt.Errorf("mark the status history taken from pulls: %w", explain(err))
	}
	if role, err := readSyncState(ctx, tx, keyRoleKind); err != nil || role == "supervisor" {
		return err
	}
	return w.queueTable(SyncStatusChanges)
}
