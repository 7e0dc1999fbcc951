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
	s     *Store
	conns []*sql.Conn // each inside a read transaction
}

// readTogether begins read transactions on two connections that see the
// same commit. In WAL mode a read transaction sees the file as of its first
// read, so two begun one after the other could straddle another window's
// save. A third connection therefore takes the write lock (BEGIN IMMEDIATE)
// while the two take their first reads, and lets go at once: no commit can
// come between them, and a save in another window waits microseconds, not
// the length of the read.
//
// The lock is not waited for: when another window is saving, or the lock
// cannot be had for any reason, one ordinary read transaction is begun and
// the caller reads everything through it.
func (s *Store) readTogether(ctx context.Context) (*readPair, error) {
	conns, err := s.threeConns(ctx)
	if err != nil {
		return nil, err
	}
	lock, first, second := conns[0], conns[1], conns[2]
	p := &readPair{s: s}
	defer s.putBack(lock) // lets go of the write lock
	if _, err := lock.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		s.putBack(first)
		s.putBack(second)
		return nil, err
	}
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		// Busy, or a file that cannot be locked for writing: one reader.
		s.putBack(second)
		if err := p.begin(ctx, first); err != nil {
			p.end()
			return nil, err
		}
		return p, nil
	}
	for i, c := range []*sql.Conn{first, second} {
		if i == 1 && s.testHookBetweenSnapshots != nil {
			s.testHookBetweenSnapshots()
		}
		if err := p.begin(ctx, c); err != nil {
			if i == 0 {
				s.putBack(second)
			}
			p.end()
			return nil, err
		}
	}
	return p, nil
}

// threeConns takes three connections from the pool, one caller at a time:
// two callers each holding some of the pool's four while waiting for the
// rest would wait for ever, and every other read and save with them.
func (s *Store) threeConns(ctx context.Context) ([]*sql.Conn, error) {
	s.pairs.Lock()
	defer s.pairs.Unlock()
	var conns []*sql.Conn
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			for _, c := range conns {
				c.Close()
			}
			return nil, err
		}
		conns = append(conns, c)
	}
	return conns, nil
}

// begin starts a read transaction on c and takes its snapshot with a first
// read. c belongs to the pair from here on, even if that fails: end puts it
// back clean.
func (p *readPair) begin(ctx context.Context, c *sql.Conn) error {
	p.conns = append(p.conns, c)
	if _, err := c.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	var one int
	return c.QueryRowContext(ctx, "SELECT 1 FROM sqlite_schema LIMIT 1").Scan(&one)
}

// end ends the read transactions (nothing was written) and puts the
// connections back.
func (p *readPair) end() {
	for _, c := range p.conns {
		p.s.putBack(c)
	}
	p.conns = nil
}

// putBack returns a connection to the pool as the pool handed it out:
// outside any transaction and with the store's busy timeout. A cancelled
// context can leave SQLite's answer to a statement unknown, so whether a
// transaction is open is found out, not assumed: a BEGIN succeeds only
// outside one. A connection that cannot be made clean is discarded.
func (s *Store) putBack(c *sql.Conn) {
	ctx := context.Background()
	_, _ = c.ExecContext(ctx, "ROLLBACK") // fails harmlessly when none is open
	clean := true
	if _, err := c.ExecContext(ctx, "BEGIN"); err != nil {
		clean = false
	} else if _, err := c.ExecContext(ctx, "ROLLBACK"); err != nil {
		clean = false
	}
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", s.busy.Milliseconds())); err != nil {
		clean = false
	}
	if !clean {
		_ = c.Raw(func(any) error { return driver.ErrBadConn })
	}
	c.Close()
}
