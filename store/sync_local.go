package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// What the laptop keeps about its own syncing, beside the sync state and
// never pushed: when it last synced, and whether the app syncs on start and
// on quit.
const (
	keyLastSynced  = "last_synced_at"
	keySyncOnStart = "sync_on_start"
	keySyncOnQuit  = "sync_on_quit"
)

// SyncWhen says whether the app syncs when it starts and when it quits.
type SyncWhen struct{ OnStart, OnQuit bool }

// FinishSync records, in one transaction, that a sync completed at t and
// that the server holds the audit log up to auditSent.
func (s *Store) FinishSync(ctx context.Context, t time.Time, auditSent int64) error {
	return s.tx(ctx, func(tx *Tx) error {
		if err := keepSyncState(ctx, tx, keyLastSynced, fmtTime(t)); err != nil {
			return err
		}
		return keepSyncState(ctx, tx, keyAuditSent, strconv.FormatInt(auditSent, 10))
	})
}

// LastSynced is when the last sync completed; zero if none has.
func (s *Store) LastSynced(ctx context.Context) (time.Time, error) {
	v, err := readSyncState(ctx, s.db, keyLastSynced)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	return parseTime(v)
}

// SyncWhen reads when the app syncs by itself.
func (s *Store) SyncWhen(ctx context.Context) (SyncWhen, error) {
	start, err := readSyncState(ctx, s.db, keySyncOnStart)
	if err != nil {
		return SyncWhen{}, err
	}
	quit, err := readSyncState(ctx, s.db, keySyncOnQuit)
	return SyncWhen{OnStart: start == "yes", OnQuit: quit == "yes"}, err
}

// SetSyncWhen keeps when the app syncs by itself.
func (s *Store) SetSyncWhen(ctx context.Context, w SyncWhen) error {
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	if err := s.setSyncState(ctx, keySyncOnStart, yes(w.OnStart)); err != nil {
		return err
	}
	return s.setSyncState(ctx, keySyncOnQuit, yes(w.OnQuit))
}

func (s *Store) setSyncState(ctx context.Context, key, value string) error {
	return s.tx(ctx, func(tx *Tx) error { return keepSyncState(ctx, tx, key, value) })
}

// keepSyncState sets one key of the sync state in the transaction tx.
func keepSyncState(ctx context.Context, tx *Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sync_state (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("keep %s: %w", key, explain(err))
	}
	return nil
}
