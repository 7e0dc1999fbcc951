package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"caseload/model"
)

// TestReadTogetherSeesOneCommitAndHoldsOffSaves: while the two readers are
// open, another window's save cannot commit between them (it is held off),
// and once they end it goes through.
func TestReadTogetherSeesOneCommitAndHoldsOffSaves(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	ana := addClient(t, st, "Ana", "A-1")
	other, err := Open(ctx, st.path, WithClock(st.now), WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	pair, err := st.readTogether(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pair.conns) != 2 {
		pair.end()
		t.Fatalf("with no other window writing, want two readers, got %d", len(pair.conns))
	}
	checkIn := model.CheckIn{ClientID: ana.ID, At: at(10, 9), Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
		Test: model.TestNotTested}
	_, err = other.AddCheckIn(ctx, checkIn)
	var counts [2]int
	for i, c := range pair.conns {
		if qerr := c.QueryRowContext(ctx, "SELECT count(*) FROM checkins").Scan(&counts[i]); qerr != nil {
			t.Fatal(qerr)
		}
	}
	pair.end()
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("a save while the readers were open: %v, want it held off (ErrBusy)", err)
	}
	if counts != [2]int{0, 0} {
		t.Fatalf("the readers saw %v check-ins, want both none", counts)
	}
	if _, err := other.AddCheckIn(ctx, checkIn); err != nil {
		t.Fatalf("a save after the readers ended: %v", err)
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

	st.db.SetMaxOpenConns(3)       // so that every connection used is checked below
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
	// pool holds three, and all say so.
	var conns []*sql.Conn
	for range 3 {
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
