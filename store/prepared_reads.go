package store

import (
	"context"
	"database/sql"
)

// preparedReads runs the queries of a read made on every screen (the client
// timeline) through statements prepared once per store: parsing a union of
// six tables costs more than running it for a page. It is only used outside
// a transaction, where preparing through the pool cannot wait on a
// connection the caller itself holds. A query that cannot be prepared runs
// as it is and reports its own error.
type preparedReads struct{ s *Store }

func (p preparedReads) stmt(ctx context.Context, query string) *sql.Stmt {
	c := &p.s.statements
	if st := c.lookup(query); st != nil {
		return st
	}
	c.prepareWanted(ctx, p.s.db)
	return c.lookup(query)
}

// QueryContext runs query through its prepared statement.
func (p preparedReads) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.s.db.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a one-row query through its prepared statement.
func (p preparedReads) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.s.db.QueryRowContext(ctx, query, args...)
}
