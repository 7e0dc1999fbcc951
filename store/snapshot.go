package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// readPair is one or two read transactions that see the file as it was at
// one moment, so that a long read can be split over two connections (and
// the two cores of a field laptop) and still agree with itself.
type readPair struct {
	conns []*sql.Conn // each inside a transaction
	first *sql.Conn   // whose busy timeout was set to zero
	busy  string      // the statement that gives it back
}

// readTogether begins read transactions on two connections that see the
// same commit. In WAL mode a read transaction sees the file as of its first
// read, so two begun one after the other could straddle another window's
// save. The first therefore begins IMMEDIATE, which takes the write lock
// and the latest snapshot at once; no commit can then come before the
// second's first read. The lock is held, without writing, until end: a
// save in another window waits those few milliseconds. Both connections are
// had from the pool before the lock is taken, so that the lock is never
// held while waiting for a connection that a waiting save holds.
//
// The lock is not waited for: when another window is saving, or the lock
// cannot be had for any reason, one ordinary read transaction is begun and
// the caller reads everything through it.
func (s *Store) readTogether(ctx context.Context) (*readPair, error) {
	first, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	second, err := s.db.Conn(ctx)
	if err != nil {
		first.Close()
		return nil, err
	}
	if _, err := first.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		first.Close()
		second.Close()
		return nil, err
	}
	p := &readPair{first: first, busy: fmt.Sprintf("PRAGMA busy_timeout = %d", s.busy.Milliseconds())}
	if _, err := first.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		// Busy, or a file that cannot be locked for writing: one reader.
		second.Close()
		if _, err := first.ExecContext(ctx, "BEGIN"); err != nil {
			p.end()
			return nil, err
		}
		p.conns = append(p.conns, first)
		return p, nil
	}
	p.conns = append(p.conns, first)
	if _, err := second.ExecContext(ctx, "BEGIN"); err != nil {
		second.Close()
		p.end()
		return nil, err
	}
	p.conns = append(p.conns, second)
	// The second's snapshot is taken at its first read, here, under the lock.
	var one int
	if err := second.QueryRowContext(ctx, "SELECT 1 FROM sqlite_schema LIMIT 1").Scan(&one); err != nil {
		p.end()
		return nil, err
	}
	return p, nil
}

// end rolls back the read transactions (nothing was written), which lets
// go of the write lock, and gives the first connection its busy timeout
// back. A connection that cannot be put back as it was is discarded rather
// than returned to the pool.
func (p *readPair) end() {
	ctx := context.Background()
	discard := func(c *sql.Conn) { _ = c.Raw(func(any) error { return driver.ErrBadConn }) }
	for i := len(p.conns) - 1; i >= 0; i-- {
		c := p.conns[i]
		if _, err := c.ExecContext(ctx, "ROLLBACK"); err != nil {
			discard(c)
		}
		if c != p.first {
			c.Close()
		}
	}
	if _, err := p.first.ExecContext(ctx, p.busy); err != nil {
		discard(p.first)
	}
	p.first.Close()
}
