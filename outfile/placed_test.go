package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"caseload/internal/privtest"
)

// TestAFolderThatCannotBeSyncedStillHoldsTheWholeFile: in a folder this
// account may write into but not read, the file is made and moved into
// place, and only the folder's sync fails. The error says the file is in
// place and is a *PlacedError, so that a caller records the summary as
// written instead of telling the officer nothing was.
func TestAFolderThatCannotBeSyncedStillHoldsTheWholeFile(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "drop-box")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	privtest.Drop(t, root)
	if err := os.Chmod(dir, 0o300); err != nil { // write and search, no read
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	path := filepath.Join(dir, "summary.md")
	for _, overwrite := range []bool{false, true} {
		_, err := Write(path, []byte("# Session summary\n"), overwrite)
		var placed *PlacedError
		if !errors.As(err, &placed) || !Placed(err) {
			t.Fatalf("overwrite %v: err = %v, want a *PlacedError", overwrite, err)
		}
		if !errors.Is(err, syscall.EACCES) || !strings.Contains(err.Error(), "the file is in place, but the folder's sync failed") {
			t.Errorf("overwrite %v: the error does not say what happened: %v", overwrite, err)
		}
		if got := mustRead(t, path); got != "# Session summary\n" {
			t.Errorf("overwrite %v: the file holds %q", overwrite, got)
		}
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if names := entries(t, dir); !slices.Equal(names, []string{"summary.md"}) {
		t.Errorf("the folder holds %v, want only the summary", names)
	}
}

// A write that fails before the file is in place is no *PlacedError.
func TestAFailedWriteIsNotPlaced(t *testing.T) {
	_, err := Write(filepath.Join(t.TempDir(), "missing", "summary.md"), []byte("x"), false)
	if err == nil || Placed(err) {
		t.Fatalf("err = %v, want an error that is not placed", err)
	}
}

// A fill that fails leaves no temporary file, whatever its error says: the
// clean-up goes by what happened, not by the error's type.
func TestAFailedFillLeavesNothingWhateverItsError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.md")
	odd := &PlacedError{Path: path, Step: "a step", Err: syscall.EIO}
	_, err := WriteWith(path, false, func(w io.Writer) error {
		if _, err := w.Write([]byte("half a summary")); err != nil {
			return err
		}
		return odd
	})
	if !errors.Is(err, odd) {
		t.Fatalf("err = %v, want the fill's", err)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("the folder holds %v after a failed fill, want nothing", names)
	}
}
