package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// pulledCheckIn is a check-in as a pull brings it, its note holding word.
func pulledCheckIn(i int, clientID, word string) store.PulledRow {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format("2006-01-02T15:04:05.000Z")
	return store.PulledRow{Values: map[string]any{"id": fmt.Sprintf("0193a000-0000-7000-8000-%012d", 5000+i), "client_id": clientID,
		"at": at, "type": "office", "outcome": "completed", "location": "", "test_result": "not_tested", "substances": "[]",
		"stage": "", "flags": "[]", "note": fmt.Sprintf("%s visit %d", word, i), "sensitive": int64(0), "next_appointment_at": "",
		"created_at": at}}
}

// storedRow reads a record of t as a pull would bring it back.
func storedRow(t *testing.T, s *store.Store, table store.SyncTable, id string) store.PulledRow {
	t.Helper()
	vals := make([]any, len(table.Columns))
	dest := make([]any, len(vals))
	for i := range vals {
		dest[i] = &vals[i]
	}
	q := "SELECT " + strings.Join(table.Columns, ", ") + " FROM " + table.Name + " WHERE id = ?"
	if err := s.DB().QueryRowContext(context.Background(), q, id).Scan(dest...); err != nil {
		t.Fatalf("read %s %s: %v", table.Name, id, err)
	}
	row := store.PulledRow{Values: map[string]any{}}
	for i, c := range table.Columns {
		row.Values[c] = vals[i]
	}
	return row
}

// A page of pulled history is saved many records to a statement: every new
// record is counted, indexed and audited once, and a record the laptop
// already holds (its own, pushed earlier) is left as it is, wherever in the
// page it falls.
func TestAPageOfPulledHistoryCountsEachNewRecordOnce(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	c, err := s.CreateClient(ctx, newClient("P-9"))
	if err != nil {
		t.Fatal(err)
	}
	// Three of the laptop's own, which fall in the first chunk, the
	// second and the records after the last whole chunk.
	var own []store.PulledRow
	for i := 0; i < 3; i++ {
		k, err := s.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: testNow.AddDate(0, 0, -30-i),
			Type: model.ContactPhone, Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: "own call"})
		if err != nil {
			t.Fatal(err)
		}
		own = append(own, storedRow(t, s, store.SyncCheckIns, k.ID))
	}
	auditBefore, err := s.AuditCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const fresh = 120
	var page []store.PulledRow
	for i := 0; i < fresh; i++ {
		switch i {
		case 10, 60, 110:
			page = append(page, own[0])
			own = own[1:]
		}
		page = append(page, pulledCheckIn(i, c.ID, "zebra"))
	}
	n, err := s.ApplyPulled(ctx, store.SyncCheckIns, page, store.Cursor{TxID: "40", RowID: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if n != fresh {
		t.Errorf("ApplyPulled counted %d records new, want %d", n, fresh)
	}
	var held int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM checkins WHERE client_id = ?", c.ID).Scan(&held); err != nil || held != fresh+3 {
		t.Errorf("the file holds %d check-ins (%v), want %d", held, err, fresh+3)
	}
	if found, err := s.SearchNotes(ctx, "zebra", c.ID, 0); err != nil || len(found) != fresh {
		t.Errorf("the note index finds %d pulled notes (%v), want %d", len(found), err, fresh)
	}
	if found, err := s.SearchNotes(ctx, "own call", c.ID, 0); err != nil || len(found) != 3 {
		t.Errorf("the note index finds the laptop's own notes %d times (%v), want 3", len(found), err)
	}
	if after, err := s.AuditCount(ctx); err != nil || after-auditBefore != fresh {
		t.Errorf("the audit log gained %d lines (%v), want one for each of the %d new records", after-auditBefore, err, fresh)
	}
	if n, err := s.RefreshStale(ctx); err != nil || n != 1 {
		t.Fatalf("summed up %d clients (%v), want the one the page touched", n, err)
	}
	_, sum, err := s.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 1, 9, fresh-1, 0, 0, time.UTC); !sum.LastContact.Equal(want) {
		t.Errorf("last contact %v, want the page's latest, %v", sum.LastContact, want)
	}
	if cur, _ := s.PullCursor(ctx, "checkins"); cur != (store.Cursor{TxID: "40", RowID: "x"}) {
		t.Errorf("cursor = %+v, want the page's", cur)
	}
}

// A page the file refuses part of (a check-in whose client is not here) is
// refused whole, the cursor where it was, and the error names the record,
// wherever in the page it falls.
func TestAPulledPageWithARecordRefusedNamesItAndSavesNothing(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	c, err := s.CreateClient(ctx, newClient("P-9"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []int{37, 105} { // in a whole chunk, and after the last
		var page []store.PulledRow
		for i := 0; i < 110; i++ {
			client := c.ID
			if i == bad {
				client = "0193a000-0000-7000-8000-00000000dead"
			}
			page = append(page, pulledCheckIn(i, client, "zebra"))
		}
		_, err := s.ApplyPulled(ctx, store.SyncCheckIns, page, store.Cursor{TxID: "40", RowID: "x"})
		if err == nil {
			t.Fatalf("a check-in of a client not in the file was saved (record %d)", bad)
		}
		if id := page[bad].Values["id"].(string); !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Errorf("the error %q does not name record %s and its cause", err, id)
		}
		var held int
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM checkins").Scan(&held); err != nil || held != 0 {
			t.Errorf("a refused page left %d check-ins (%v)", held, err)
		}
		if cur, _ := s.PullCursor(ctx, "checkins"); cur != (store.Cursor{}) {
			t.Errorf("a refused page moved the cursor to %+v", cur)
		}
	}
}

// Each record a many-record insert reports new is followed up as itself:
// its own client is summed up, not another's of the same chunk.
func TestAPageOfPulledHistorySumsUpEachRecordsOwnClient(t *testing.T) {
	ctx := context.Background()
	s := syncedFile(t)
	var ids []string
	for i := range 3 {
		c, err := s.CreateClient(ctx, newClient(fmt.Sprintf("P-%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var page []store.PulledRow
	for i := range 2 * 50 { // two whole chunks: the second and third clients in turn, none for the first
		page = append(page, pulledCheckIn(i, ids[1+i%2], "visit"))
	}
	if _, err := s.ApplyPulled(ctx, store.SyncCheckIns, page, store.Cursor{TxID: "5", RowID: "x"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.RefreshStale(ctx); err != nil || n != 2 {
		t.Fatalf("summed up %d clients (%v), want the 2 whose check-ins came", n, err)
	}
	for i, id := range ids {
		_, sum, err := s.Client(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := !sum.LastContact.IsZero(); got != (i > 0) {
			t.Errorf("client %d: last contact %v; want one only for the clients the page brought check-ins for", i, sum.LastContact)
		}
	}
}
