package summary

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileRefusesNoDocument: a caller that lost its document gets an
// error, and nothing is made at the path, not even an empty file.
func TestWriteFileRefusesNoDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if _, err := WriteFile(path, nil, true); err == nil {
		t.Fatal("WriteFile wrote a summary that is not there")
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Fatalf("a refused write left %s behind", entries[0].Name())
	}
}
