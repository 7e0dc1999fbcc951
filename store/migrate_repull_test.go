package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"caseload/internal/schematest"
	"caseload/store"
)

// A file that pulled while pages were read in the order of their text may
// have skipped rows; migration 0019 drops the cursors that could have
// passed them, so the next sync pulls those streams whole again, and keeps
// the access changes' cursor.
func TestTheCursorsAPullCouldHaveSkippedPastAreDropped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openAt(t, path)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := schematest.Version("migrations", "0019_repull_after_text_order.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, "migrations", v-1); err != nil {
		t.Fatal(err)
	}
	for _, tbl := range []string{"clients", "checkins", "conflicts", "access_changes"} {
		if _, err := db.Exec("INSERT INTO sync_cursors (tbl, txid, row_id) VALUES (?, '1000', '0192ec1a-4ec1-7640-a0f9-0be487a3931f')", tbl); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	again := openAt(t, path)
	for _, tbl := range []string{"clients", "checkins", "conflicts"} {
		if c, err := again.PullCursor(ctx, tbl); err != nil || c != (store.Cursor{}) {
			t.Errorf("%s's cursor after the migration: %+v, %v; want none", tbl, c, err)
		}
	}
	if c, err := again.PullCursor(ctx, "access_changes"); err != nil || c.TxID != "1000" {
		t.Errorf("the access changes' cursor after the migration: %+v, %v; want it kept", c, err)
	}
}
