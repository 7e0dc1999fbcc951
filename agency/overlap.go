package agency

import (
	"context"
	"sync"
)

// overlap runs a sync's three steps on a stream of batches as a line, so
// that the laptop's work and the server's go on at once: read makes the
// next batch (from the file for a push, from the server for a pull) while
// apply works on the last, and done follows each applied batch (taking a
// pushed batch off the outbox). A batch reaches apply and done in the
// order read made it, one at a time, so the server and the file see the
// same sequence as without the overlap. read reports false when there is
// nothing more.
//
// A failure to apply or to finish a batch stops the line. A failure to
// read stops only the reading: the batches read before it are still
// applied, so a pull cut off keeps every page it received. Every batch
// apply finished is given to done, under the caller's context rather than
// the line's (which a failure cancels): a push cut off after a COMMIT
// still takes the committed batch off the outbox. done may be nil.
func overlap[B any](ctx context.Context,
	read func(ctx context.Context) (B, bool, error),
	apply func(ctx context.Context, batch B) error,
	done func(ctx context.Context, batch B) error) error {
	line, stop := context.WithCancel(ctx)
	defer stop()
	next := make(chan B, 1)
	applied := make(chan B, 1)
	var readErr, applyErr, doneErr error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(next)
		for {
			b, more, err := read(line)
			if err != nil || !more {
				readErr = err
				return
			}
			select {
			case next <- b:
			case <-line.Done():
				// Stopped with a batch in hand (the caller gave up, or a
				// later step failed and says why first): never a success.
				readErr = line.Err()
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for b := range applied {
			if doneErr == nil && done != nil {
				if doneErr = done(ctx, b); doneErr != nil {
					stop()
				}
			}
		}
	}()
	for b := range next {
		if applyErr = line.Err(); applyErr != nil {
			break // a batch could not be finished, or the caller gave up
		}
		if applyErr = apply(line, b); applyErr != nil {
			stop()
			break
		}
		applied <- b
	}
	close(applied)
	wg.Wait()
	// The first cause: a failed mark stops the apply, and a failed apply
	// the reading, with a cancellation that says less.
	for _, err := range []error{doneErr, applyErr, readErr} {
		if err != nil {
			return err
		}
	}
	return nil
}
