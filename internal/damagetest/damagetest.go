// Package damagetest damages a caseload file as a failing disk does, for
// the tests of what the store, the app and the commands make of it. It is a
// package of its own because the tests of all three need it.
package damagetest

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"os"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// RootPage returns the first page (1-based) of the table or index name in
// the file at path, which must not be open for writing.
func RootPage(t testing.TB, path, name string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int
	if err := db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", name).Scan(&page); err != nil {
		t.Fatalf("root page of %s: %v", name, err)
	}
	return page
}

// Overwrite writes garbage over page (1-based) of the file at path, the
// page size read from the file's header.
func Overwrite(t testing.TB, path string, page int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var header [2]byte
	if _, err := f.ReadAt(header[:], 16); err != nil {
		t.Fatal(err)
	}
	size := int64(binary.BigEndian.Uint16(header[:]))
	if size == 1 { // the header's way of writing 65,536
		size = 65536
	}
	garbage := bytes.Repeat([]byte("\xde\xad\xbe\xef"), int(size/4))
	if _, err := f.WriteAt(garbage, int64(page-1)*size); err != nil {
		t.Fatal(err)
	}
}

// Root overwrites the first page of the table or index name: the file
// still opens, and SQLite's checks find the damage.
func Root(t testing.TB, path, name string) {
	t.Helper()
	Overwrite(t, path, RootPage(t, path, name))
}
