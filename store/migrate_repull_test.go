package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"caseload/store"
)

// A file that pulled while pages were read in the order of their text may
// have skipped rows; migration 0019 drops every cursor, so the next sync
// reads each stream whole again, and keeps where the access changes had
// been read to as the bound of their replay.
func TestTheCursorsAPullCouldHaveSkippedPastAreDropped(t *testing.T) {
	ctx := context.Background()
	for _, read := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "c.db")
		s := openAt(t, path)
		s.Close()
		db := rewindBefore(t, path, "0019_repull_after_text_order.sql")
		tables := []string{"clients", "checkins", "conflicts"}
		if read {
			tables = append(tables, "access_changes")
		}
		for _, tbl := range tables {
			if _, err := db.Exec("INSERT INTO sync_cursors (tbl, txid, row_id) VALUES (?, '1000', '0192ec1a-4ec1-7640-a0f9-0be487a3931f')", tbl); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()

		again := openAt(t, path)
		for _, tbl := range append(tables, "access_changes") {
			if c, err := again.PullCursor(ctx, tbl); err != nil || c != (store.Cursor{}) {
				t.Errorf("%s's cursor after the migration: %+v, %v; want none", tbl, c, err)
			}
		}
		bound, ok, err := again.AccessReplayBound(ctx)
		want := store.Cursor{TxID: "1000", RowID: "0192ec1a-4ec1-7640-a0f9-0be487a3931f"}
		if read && (err != nil || !ok || bound != want) {
			t.Errorf("the replay bound: %+v, %v, %v; want %+v", bound, ok, err, want)
		}
		if !read && (err != nil || ok) {
			t.Errorf("a file that never read an access change has a replay bound: %+v, %v", bound, err)
		}
		if err := again.EndAccessReplay(ctx); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := again.AccessReplayBound(ctx); ok || err != nil {
			t.Errorf("the replay bound outlived its end: %v", err)
		}
	}
}
