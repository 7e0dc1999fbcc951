package agency

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// line runs overlap over the batches 1..n, read failing at readFails and
// apply at applyFails (0: never), and tells what was applied and done.
func line(n, readFails, applyFails int, doneFails int) (applied, done []int, err error) {
	next := 0
	read := func(context.Context) (int, bool, error) {
		next++
		if next == readFails {
			return 0, false, fmt.Errorf("read %d cut", next)
		}
		return next, next <= n, nil
	}
	apply := func(_ context.Context, b int) error {
		if b == applyFails {
			return fmt.Errorf("apply %d refused", b)
		}
		applied = append(applied, b)
		return nil
	}
	finish := func(_ context.Context, b int) error {
		if b == doneFails {
			return fmt.Errorf("done %d failed", b)
		}
		done = append(done, b)
		return nil
	}
	err = overlap(context.Background(), read, apply, finish)
	return applied, done, err
}

func TestOverlapHandsOnEveryBatchInOrder(t *testing.T) {
	applied, done, err := line(50, 0, 0, 0)
	want := make([]int, 50)
	for i := range want {
		want[i] = i + 1
	}
	if err != nil || !slices.Equal(applied, want) || !slices.Equal(done, want) {
		t.Errorf("applied %v, done %v, %v; want 1..50 in order for both", applied, done, err)
	}
}

func TestOverlapAppliesWhatWasReadBeforeAReadFails(t *testing.T) {
	applied, done, err := line(50, 4, 0, 0)
	if err == nil || err.Error() != "read 4 cut" {
		t.Fatalf("err = %v, want the read's", err)
	}
	if want := []int{1, 2, 3}; !slices.Equal(applied, want) || !slices.Equal(done, want) {
		t.Errorf("applied %v, done %v; want the three batches read before the cut", applied, done)
	}
}

func TestOverlapStopsAtAFailedApplyAndFinishesWhatWasApplied(t *testing.T) {
	applied, done, err := line(50, 0, 3, 0)
	if err == nil || err.Error() != "apply 3 refused" {
		t.Fatalf("err = %v, want the apply's", err)
	}
	if want := []int{1, 2}; !slices.Equal(applied, want) || !slices.Equal(done, want) {
		t.Errorf("applied %v, done %v; want 1 and 2, nothing after the refusal", applied, done)
	}
}

func TestOverlapStopsWhenABatchCannotBeFinished(t *testing.T) {
	applied, done, err := line(50, 0, 0, 2)
	if err == nil || err.Error() != "done 2 failed" {
		t.Fatalf("err = %v, want the failed finish, not a cancellation", err)
	}
	if !slices.Equal(done, []int{1}) || len(applied) > 4 {
		t.Errorf("applied %v, done %v; want the line stopped soon after batch 2", applied, done)
	}
	if errors.Is(err, context.Canceled) {
		t.Errorf("err = %v: the cause, not the cancellation, should be reported", err)
	}
}

// A caller that gives up while a batch is read gets an error, never a
// success with batches left undone: here it gives up reading batch 2, once
// batch 1 is applied and nothing waits to be.
func TestOverlapGivenUpMidwayIsNeverASuccess(t *testing.T) {
	for range 200 {
		ctx, cancel := context.WithCancel(context.Background())
		firstApplied := make(chan struct{})
		next := 0
		read := func(context.Context) (int, bool, error) {
			next++
			if next == 2 {
				<-firstApplied
				cancel()
			}
			return next, next <= 5, nil
		}
		var applied []int
		apply := func(_ context.Context, b int) error {
			applied = append(applied, b)
			if b == 1 {
				close(firstApplied)
			}
			return nil
		}
		err := overlap(ctx, read, apply, nil)
		cancel()
		if err == nil && len(applied) < 5 {
			t.Fatalf("given up after batch 1: applied %v and no error", applied)
		}
	}
}
