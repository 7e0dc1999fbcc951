package agency

import (
	"context"
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
