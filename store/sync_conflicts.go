package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// SyncConflict is a change lost to a concurrent change on another laptop,
// as the agency's server recorded it.
type SyncConflict struct {
	ID       string
	ClientID string
	Table    string
	RowID    string
	Field    string
	Kept     string
	Lost     string
	KeptAt   model.HLC
	LostAt   model.HLC
	By       string // the role whose push found the conflict
	At       string // when the server recorded it (UTC text)
}

// String says what happened in an officer's words.
func (c SyncConflict) String() string {
	mc := model.Conflict{Table: c.Table, Field: c.Field, Kept: c.Kept, Lost: c.Lost, Deleted: c.Kept == "(deleted)"}
	return mc.String()
}

// SaveConflicts keeps pulled conflicts and moves their cursor, in one
// transaction.
func (s *Store) SaveConflicts(ctx context.Context, conflicts []SyncConflict, next Cursor) error {
	return s.tx(ctx, func(tx *Tx) error {
		for _, c := range conflicts {
			_, err := tx.ExecContext(ctx, `INSERT INTO sync_conflicts (id, client_id, tbl, row_id, field, kept_value, lost_value,
				kept_at, lost_at, by_role, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
				c.ID, c.ClientID, c.Table, c.RowID, c.Field, c.Kept, c.Lost, c.KeptAt.String(), c.LostAt.String(), c.By, c.At)
			if err != nil {
				return fmt.Errorf("save a pulled conflict: %w", explain(err))
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_cursors (tbl, txid, row_id) VALUES ('conflicts', ?, ?)
			ON CONFLICT (tbl) DO UPDATE SET txid = excluded.txid, row_id = excluded.row_id`, next.TxID, next.RowID)
		if err != nil {
			return fmt.Errorf("move the conflicts cursor: %w", explain(err))
		}
		return nil
	})
}

// Conflicts lists the conflicts recorded on a client's records, newest
// first; every conflict when clientID is "".
func (s *Store) Conflicts(ctx context.Context, clientID string) ([]SyncConflict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, client_id, tbl, row_id, field, kept_value, lost_value, kept_at, lost_at, by_role, at
		FROM sync_conflicts WHERE ? = '' OR client_id = ? ORDER BY at DESC, id`, clientID, clientID)
	if err != nil {
		return nil, fmt.Errorf("read conflicts: %w", explain(err))
	}
	defer rows.Close()
	var out []SyncConflict
	for rows.Next() {
		var c SyncConflict
		var kept, lost string
		if err := rows.Scan(&c.ID, &c.ClientID, &c.Table, &c.RowID, &c.Field, &c.Kept, &c.Lost, &kept, &lost, &c.By, &c.At); err != nil {
			return nil, fmt.Errorf("read conflicts: %w", explain(err))
		}
		c.KeptAt, _ = model.ParseHLC(kept)
		c.LostAt, _ = model.ParseHLC(lost)
		out = append(out, c)
	}
	return out, rows.Err()
}
