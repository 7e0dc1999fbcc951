package store

import (
	"context"
	"database/sql"
)

// cursor reads the rows of a query sorted by client, one client's at a
// time: it holds the next row, read ahead, so that the client it belongs to
// is known before it is taken.
type cursor[T any] struct {
	rows   *sql.Rows
	scan   func(scanner) (T, error)
	client func(*T) string
	add    func(T) error // where a taken row goes
	next   T
	ok     bool // next holds a row
}

// openCursor runs query, whose rows must be sorted by client, and reads
// its first row.
func openCursor[T any](ctx context.Context, conn *sql.Conn, query string, args []any,
	scan func(scanner) (T, error), client func(*T) string, add func(T) error) (*cursor[T], error) {
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	c := &cursor[T]{rows: rows, scan: scan, client: client, add: add}
	if err := c.advance(); err != nil {
		rows.Close()
		return nil, err
	}
	return c, nil
}

func (c *cursor[T]) advance() error {
	if c.ok = c.rows.Next(); !c.ok {
		return c.rows.Err()
	}
	var err error
	c.next, err = c.scan(c.rows)
	return err
}

// head is the client of the next row, if there is one.
func (c *cursor[T]) head() (string, bool) {
	if !c.ok {
		return "", false
	}
	return c.client(&c.next), true
}

// take hands the client's rows to add, up to the next client's.
func (c *cursor[T]) take(id string) error {
	for c.ok && c.client(&c.next) == id {
		if err := c.add(c.next); err != nil {
			return err
		}
		if err := c.advance(); err != nil {
			return err
		}
	}
	return nil
}

func (c *cursor[T]) close() error { return c.rows.Close() }

// clientStream is a cursor of any type, for the merge of several.
type clientStream interface {
	head() (string, bool)
	take(id string) error
	close() error
}

// leastHead is the first client any of the streams has rows of next.
func leastHead(streams []clientStream) (string, bool) {
	least, found := "", false
	for _, s := range streams {
		if id, ok := s.head(); ok && (!found || id < least) {
			least, found = id, true
		}
	}
	return least, found
}
