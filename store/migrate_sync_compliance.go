package store

import (
	"context"
	"database/sql"
	"time"
)

// queueCompliance puts into the outbox the records that began to travel
// with migration 0010, on a laptop whose sync was set up before: without
// it, the conditions, hearings and violations recorded until then would
// never leave the laptop. A laptop that does not sync queues nothing.
func queueCompliance(ctx context.Context, tx *Tx, now time.Time) error {
	w := &Writer{ctx: ctx, tx: tx, now: now, statements: &statementCache{}, stmts: map[string]*sql.Stmt{}}
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	for _, t := range SyncTables() {
		switch t.Name {
		case SyncConditions.Name, SyncConditionProgress.Name, SyncViolations.Name, SyncResponses.Name, SyncIncentives.Name,
			SyncArrests.Name, SyncCustody.Name, SyncCourtEvents.Name, SyncEmployment.Name, SyncRelapsePlans.Name:
			if err := w.queueTable(t); err != nil {
				return err
			}
		}
	}
	return w.saveClock()
}
