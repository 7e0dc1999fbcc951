package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"caseload/model"
)

// TestReadTogetherSeesOneCommit: another window tries to save between the
// two readers' first reads (the moment the lock is for): it is held off,
// and both readers see the file as it was. Once readTogether has returned,
// the lock is gone: a save goes through while the readers read on, and
// they do not see it.
func TestReadTogetherSeesOneCommit(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana := addClient(t, st, "Ana", "A-1")
	other, err := Open(ctx, st.path, WithClock(st.now), WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	checkIn := model.CheckIn{ClientID: ana.ID, At: at(10, 9), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested}
	var between error
	st.testHookBetweenSnapshots = func() { _, between = other.AddCheckIn(ctx, checkIn) }
	pair, err := st.readTogether(ctx)
	st.testHookBetweenSnapshots = nil
	if err != nil {
		t.Fatal(err)
	}
	defer pair.end()
	if len(pair.conns) != 2 {
		t.Fatalf("with no other window writing, want two readers, got %d", len(pair.conns))
	}
	if !errors.Is(between, ErrBusy) {
		t.Fatalf("a save between the two first reads: %v, want it held off (ErrBusy)", between)
	}
	if _, err := other.AddCheckIn(ctx, checkIn); err != nil {
		t.Fatalf("a save while the readers read on: %v, want it to go through", err)
	}
	for i, c := range pair.conns {
		var n int
		if err := c.QueryRowContext(ctx, "SELECT count(*) FROM checkins").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("reader %d sees %d check-ins, want none: both read the file as it was", i+1, n)
		}
	}
}

// TestReadTogetherDoesNotWaitForAnotherWindowsSave: when another window is
// in the middle of a save, the summary does not wait for the lock: it reads
// through one connection, at once, and gets the same records.
func TestReadTogetherDoesNotWaitForAnotherWindowsSave(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, openSummaryStore(t).path, WithClock(func() time.Time { return at(20, 8) }), WithBusyTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ana := addClient(t, st, "Ana", "A-1")
	addCheckIn(t, st, model.CheckIn{ClientID: ana.ID, At: at(10, 9), Note: "seen"})
	before, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
	if err != nil {
		t.Fatal(err)
	}

	st.db.SetMaxOpenConns(4)       // so that every connection used is checked below
	writer, err := st.db.Conn(ctx) // another window, mid-save
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writer.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	pair, err := st.readTogether(ctx)
	if err != nil {
		t.Fatal(err)
	}
	readers := len(pair.conns)
	pair.end()
	during, err := st.SummaryRecords(ctx, SummaryQuery{From: at(10, 0), To: at(11, 0)})
	waited := time.Since(began)
	writer.ExecContext(ctx, "ROLLBACK")
	writer.Close()
	if err != nil {
		t.Fatal(err)
	}
	if readers != 1 {
		t.Errorf("with the lock taken, want one reader, got %d", readers)
	}
	if waited > 5*time.Second {
		t.Errorf("waited %v for another window's save (the busy timeout is 10 s)", waited)
	}
	if len(during.CheckIns) != 1 || len(during.Clients) != 1 || during.CheckIns[0].ID != before.CheckIns[0].ID {
		t.Errorf("read through one connection: %d check-ins, %d clients; want what was read before", len(during.CheckIns), len(during.Clients))
	}

	// The connection that tried for the lock has its busy timeout back: the
	// pool holds four, and all say so.
	var conns []*sql.Conn
	for range 4 {
		c, err := st.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		var ms int
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&ms); err != nil || ms != 10000 {
			t.Errorf("busy_timeout after the summary = %d (%v), want 10000", ms, err)
		}
		c.Close()
	}
}

// TestReadTogetherCancelledPutsEveryConnectionBackClean: a context
// cancelled at any moment can leave SQLite's answer to a BEGIN unknown. Every
// connection must still go back to the pool outside any transaction (or be
// discarded): one left holding the write lock would refuse every later save,
// in this window and any other.
func TestReadTogetherCancelledPutsEveryConnectionBackClean(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	addClient(t, st, "Ana", "A-1")
	for i := 0; i < 400; i++ {
		cancelled, cancel := context.WithCancel(ctx)
		timer := time.AfterFunc(time.Duration(i%80)*time.Microsecond, cancel)
		pair, err := st.readTogether(cancelled)
		timer.Stop()
		cancel()
		if err == nil {
			pair.end()
		}
		var conns []*sql.Conn
		wait, stop := context.WithTimeout(ctx, 5*time.Second)
		for range 4 {
			c, err := st.db.Conn(wait)
			if err != nil {
				stop()
				t.Fatalf("round %d: the pool's four connections are not all back: %v", i, err)
			}
			conns = append(conns, c)
		}
		stop()
		for _, c := range conns {
			if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
				t.Fatalf("round %d: a pooled connection is not clean: %v", i, err)
			}
			if _, err := c.ExecContext(ctx, "ROLLBACK"); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
}
