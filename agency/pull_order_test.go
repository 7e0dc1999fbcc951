package agency

import (
	"context"
	"errors"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// A server's transaction ids grow past every power of ten: 999, then 1000.
// Read as text, "1000" sorts before "999", and a page that ends at 1000
// would leave the laptop's cursor above every row of 999 still to come:
// those rows would never be pulled. Each stream the pull follows must page
// through its rows by the number. The rows here are given small ids of one
// and two digits, the shortest such step.
func TestPullPagesByTransactionNumberNotByItsText(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.staff(Officer, "alice", lead)
	bob := s.staff(Officer, "bob", lead)
	first := s.laptop(alice)
	c := first.addClient("A-1")
	for _, note := range []string{"one", "two", "three"} {
		first.addCheckIn(c.ID, note)
	}
	first.sync()
	for i, lost := range []string{"555-0101", "555-0102"} {
		at := model.HLC{Wall: first.now.UnixMilli(), Counter: i, Laptop: "01a24085-b42f-768a-9130-9fb2f52a1e39"}.String()
		if _, err := s.admin.Exec(ctx, `INSERT INTO caseload.conflicts (client_id, tbl, row_id, field, kept_value, lost_value,
				kept_at, lost_at, by_role) VALUES ($1::uuid, 'clients', $1::text, 'phone', '555-0199', $2, $3, $3, $4)`,
			c.ID, lost, at, alice); err != nil {
			t.Fatal(err)
		}
	}
	// Two of bob's clients come to alice: two access changes.
	other := s.laptop(bob)
	moved := []string{other.addClient("B-1").ID, other.addClient("B-2").ID}
	other.sync()
	for _, id := range moved {
		if err := Transfer(ctx, s.as(bob), id, alice); err != nil {
			t.Fatal(err)
		}
	}
	for _, table := range []string{"checkins", "conflicts", "access_changes"} {
		// Ids 9, 10, 11 in id order: by the text, 10 and 11 come first.
		if _, err := s.admin.Exec(ctx, `UPDATE caseload.`+table+` r SET txid = (8 + n.n)::text::xid8
			FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM caseload.`+table+`) n WHERE n.id = r.id`); err != nil {
			t.Fatal(err)
		}
	}

	// A new laptop of alice's pulls one row a page.
	second := s.laptop(alice)
	if _, err := second.trySync(Options{Page: 1}); err != nil {
		t.Fatalf("a pull one row a page: %v", err)
	}
	if got := len(second.rows(store.SyncCheckIns)); got != 3 {
		t.Errorf("the new laptop holds %d check-ins, want 3", got)
	}
	conflicts, err := second.st.Conflicts(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 2 {
		t.Errorf("the new laptop shows %d conflicts, want 2: %+v", len(conflicts), conflicts)
	}
	h, err := horizon(ctx, s.as(alice))
	if err != nil {
		t.Fatal(err)
	}
	var read []string
	for after := beforeAll; ; {
		page, err := readAccessChanges(ctx, s.as(alice), after, h, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		read = append(read, page[0].txid)
		after.TxID, after.RowID = page[0].txid, page[0].id
	}
	if len(read) != 2 || read[0] != "9" || read[1] != "10" {
		t.Errorf("access changes read one a page: transactions %v, want [9 10]", read)
	}
}

// A laptop whose cursor passed a transfer under the old order never let the
// client go. After migration 0019 its next sync reads every access change
// again: the client transferred away leaves, the one transferred in stays,
// and neither laptop notes an arrival or departure a second time.
func TestAccessChangesSkippedUnderTheOldOrderAreActedOnAfterTheMigration(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	lead := s.staff(Supervisor, "lead", "")
	alice := s.laptop(s.staff(Officer, "alice", lead))
	bob := s.laptop(s.staff(Officer, "bob", lead))
	x := alice.addClient("X-1")
	alice.addCheckIn(x.ID, "alice's visit")
	alice.sync()
	bob.sync()
	if err := Transfer(ctx, s.as(lead), x.ID, bob.role); err != nil {
		t.Fatal(err)
	}
	bob.sync() // X arrives on bob's laptop, noted once
	// Alice's laptop passes the access change without acting on it, as a
	// page in text order could make it.
	if err := alice.st.MovePullCursor(ctx, "access_changes",
		store.Cursor{TxID: "99999999", RowID: "ffffffff-ffff-ffff-ffff-ffffffffffff"}); err != nil {
		t.Fatal(err)
	}
	alice.sync()
	if _, _, err := alice.st.Client(ctx, x.ID); err != nil {
		t.Fatalf("the skip was not set up: X is not on alice's laptop (%v)", err)
	}

	// Both files go back to the schema before 0019 and open again: the
	// migration runs, then each syncs.
	var upgraded []*laptop
	for _, l := range []*laptop{alice, bob} {
		l.st.Close()
		rewindBefore(t, l.path, "0019_repull_after_text_order.sql")
		u := reopen(t, s, l.role, l.path)
		u.sync()
		if _, ok, err := u.st.AccessReplayBound(ctx); ok || err != nil {
			t.Errorf("%s: the replay bound is still kept after the sync (%v)", u.role, err)
		}
		upgraded = append(upgraded, u)
	}
	alice, bob = upgraded[0], upgraded[1]
	if _, _, err := alice.st.Client(ctx, x.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("X is still on alice's laptop after the replay: %v", err)
	}
	if _, _, err := bob.st.Client(ctx, x.ID); err != nil {
		t.Errorf("X left bob's laptop in the replay: %v", err)
	}
	notes := func(l *laptop, action string) int {
		n := 0
		for _, line := range localAudit(t, l) {
			if strings.HasSuffix(line, "|client|"+x.ID+"|"+action) {
				n++
			}
		}
		return n
	}
	if n := notes(alice, "transferred to "+bob.role); n != 1 {
		t.Errorf("alice's audit log notes X leaving %d times, want once", n)
	}
	if n := notes(bob, "transferred from "+alice.role); n != 1 {
		t.Errorf("bob's audit log notes X arriving %d times, want once", n)
	}
}

func TestAPositionIsPastAnotherByTheNumber(t *testing.T) {
	bound := store.Cursor{TxID: "999", RowID: "0192ec1a-4ec1-7640-a0f9-0be487a3931f"}
	for _, c := range []struct {
		txid, id string
		past     bool
	}{
		{"1000", "00000000-0000-0000-0000-000000000000", true}, // "1000" < "999" as text
		{"998", "ffffffff-ffff-ffff-ffff-ffffffffffff", false},
		{"999", "0192ec1a-4ec1-7640-a0f9-0be487a3931f", false}, // the bound itself was read
		{"999", "0192ec1a-4ec1-7640-a0f9-0be487a39320", true},
	} {
		if got := pastPosition(c.txid, c.id, bound); got != c.past {
			t.Errorf("(%s, %s) past (999, …): %v, want %v", c.txid, c.id, got, c.past)
		}
	}
}
