package store

import (
	"context"
	"database/sql"
	"sync"
)

// statementCache keeps the statements writes use, prepared once per store:
// parsing the SQL of a small write costs about as much as running it.
//
// A statement is never prepared through the pool while a transaction holds a
// connection (with every connection held, that would wait for ever): a
// writer that meets a new statement prepares it on its own transaction and
// marks it wanted, and the store prepares the wanted ones once the
// transaction is over. Transactions then bind the shared statement to their
// connection, where database/sql keeps it prepared.
type statementCache struct {
	mu       sync.Mutex
	prepared map[string]*sql.Stmt
	wanted   map[string]bool
}

// lookup returns the shared statement for query, or nil and marks it wanted.
func (c *statementCache) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.prepared[query]; ok {
		return st
	}
	if c.wanted == nil {
		c.wanted = map[string]bool{}
	}
	c.wanted[query] = true
	return nil
}

// prepareWanted prepares the statements writers asked for. It runs with no
// transaction held; a statement that fails to prepare is simply prepared per
// transaction again, which the transaction itself reports if it matters.
func (c *statementCache) prepareWanted(ctx context.Context, db *sql.DB) {
	c.mu.Lock()
	var queries []string
	for q := range c.wanted {
		queries = append(queries, q)
	}
	c.wanted = nil
	c.mu.Unlock()
	for _, q := range queries {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if c.prepared == nil {
			c.prepared = map[string]*sql.Stmt{}
		}
		if _, dup := c.prepared[q]; dup {
			st.Close()
		} else {
			c.prepared[q] = st
		}
		c.mu.Unlock()
	}
}

// close closes every shared statement.
func (c *statementCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.prepared {
		st.Close()
	}
	c.prepared, c.wanted = nil, nil
}
