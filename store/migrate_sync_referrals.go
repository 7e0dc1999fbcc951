package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// rekeyAndQueueReferrals is migration 0013's step. It gives each resource
// imported from an Open Referral file the id every laptop now gives it
// (ResourceIDForHSDS), pointing its referrals and consents at the new id,
// so that two officers who imported the same directory hold the same
// resource; then, on a laptop whose sync was set up before, it queues the
// directory, the referrals with their history and the consents, which
// would otherwise never leave it.
func rekeyAndQueueReferrals(ctx context.Context, tx *Tx, now time.Time) error {
	w := &Writer{ctx: ctx, tx: tx, now: now, statements: &statementCache{}, stmts: map[string]*sql.Stmt{}}
	if err := w.rekeyImportedResources(); err != nil {
		return err
	}
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	for _, t := range []SyncTable{SyncResources, SyncReferrals, SyncReferralEvents, SyncConsents} {
		if err := w.queueTable(t); err != nil {
			return err
		}
	}
	return w.saveClock()
}

func (w *Writer) rekeyImportedResources() error {
	rows, err := w.tx.QueryContext(w.ctx, "SELECT id, hsds_id FROM resources WHERE hsds_id IS NOT NULL AND hsds_id <> ''")
	if err != nil {
		return fmt.Errorf("read imported resources: %w", explain(err))
	}
	moves := map[string]string{}
	for rows.Next() {
		var id, hsds string
		if err := rows.Scan(&id, &hsds); err != nil {
			rows.Close()
			return err
		}
		if to := ResourceIDForHSDS(hsds); to != id {
			moves[id] = to
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(moves) == 0 {
		return err
	}
	// The referrals and consents point at the new id within the same
	// transaction; the keys are checked at its end. sync_pulling lets the
	// consents' append-only rule make way, as it does for a pull.
	for _, q := range []string{"PRAGMA defer_foreign_keys = ON", "INSERT INTO sync_pulling (one) VALUES (1)"} {
		if _, err := w.exec(q); err != nil {
			return fmt.Errorf("give imported resources their ids: %w", explain(err))
		}
	}
	for from, to := range moves {
		for _, q := range []string{"UPDATE resources SET id = ?2 WHERE id = ?1", "UPDATE referrals SET resource_id = ?2 WHERE resource_id = ?1",
			"UPDATE consents SET resource_id = ?2 WHERE resource_id = ?1"} {
			if _, err := w.exec(q, from, to); err != nil {
				return fmt.Errorf("give imported resources their ids: %w", explain(err))
			}
		}
	}
	if _, err := w.exec("DELETE FROM sync_pulling"); err != nil {
		return fmt.Errorf("give imported resources their ids: %w", explain(err))
	}
	return nil
}
