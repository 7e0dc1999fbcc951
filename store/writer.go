package store

import (
	"context"
	"time"

	"caseload/model"
)

// Writer makes changes inside one transaction. Each write method of Store
// opens one for a single change; Batch hands one to a function that makes many
// (the demo caseload, imports), all committed together or not at all.
type Writer struct {
	ctx       context.Context
	tx        *Tx
	now       time.Time
	intervals model.Intervals
	// deferred holds the clients whose summary a batch refreshes once at the
	// end instead of after every record.
	deferred map[string]bool
}

// Batch runs fn with a Writer in one transaction; per-client summaries are
// brought up to date once, just before the commit.
func (s *Store) Batch(ctx context.Context, fn func(*Writer) error) error {
	return s.tx(ctx, func(tx *Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		w.deferred = map[string]bool{}
		if err := fn(w); err != nil {
			return err
		}
		for id := range w.deferred {
			if err := w.refreshNow(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// write runs one change in its own transaction.
func (s *Store) write(ctx context.Context, fn func(*Writer) error) error {
	return s.tx(ctx, func(tx *Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		return fn(w)
	})
}

func (s *Store) newWriter(ctx context.Context, tx *Tx) (*Writer, error) {
	iv, err := readIntervals(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &Writer{ctx: ctx, tx: tx, now: s.now(), intervals: iv}, nil
}

// refresh brings a client's summary up to date, now or at the end of a batch.
func (w *Writer) refresh(clientID string) error {
	if w.deferred != nil {
		w.deferred[clientID] = true
		return nil
	}
	return w.refreshNow(clientID)
}
