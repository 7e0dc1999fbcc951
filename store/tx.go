package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Tx is a write transaction.
type Tx struct {
	*sql.Tx
}

// tx runs fn in one write transaction: it commits when fn returns nil and
// rolls back otherwise, so nothing is ever written half-way.
func (s *Store) tx(ctx context.Context, fn func(*Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", explain(err))
	}
	if err := fn(&Tx{sqlTx}); err != nil {
		if rbErr := sqlTx.Rollback(); rbErr != nil {
			return fmt.Errorf("%w (and rollback failed: %v)", err, rbErr)
		}
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", explain(err))
	}
	return nil
}
