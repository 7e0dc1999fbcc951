package store_test

import (
	"database/sql"
	"testing"

	"caseload/internal/schematest"
)

// rewindBefore takes the closed file at path back to the schema before the
// migration file (its records stay, as in a file made then) and returns it
// open, for the test to write what such a file held; the next store opened
// on it runs the migration.
func rewindBefore(t *testing.T, path, migration string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := schematest.Version("migrations", migration)
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, "migrations", v-1); err != nil {
		db.Close()
		t.Fatal(err)
	}
	return db
}
