package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// entries lists what is in dir, so a test can see that no temporary file was
// left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteIsCompleteAndPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if _, err := Write(path, []byte("# Session summary\n"), false); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "# Session summary\n" {
		t.Fatalf("read back %q, %v", got, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("mode = %o, want 600: a summary holds confidential records", mode)
	}
	if names := entries(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("directory holds %v, want only the summary", names)
	}
}

func TestWriteNeverReplacesWithoutOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write(path, []byte("new"), false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "earlier" {
		t.Errorf("the existing file now holds %q", got)
	}
	if names := entries(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("directory holds %v, want no temporary file", names)
	}
	if _, err := Write(path, []byte("new"), true); err != nil {
		t.Fatalf("with overwrite: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("with overwrite the file holds %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file has mode %o, want 600", info.Mode().Perm())
	}
}

// TestFullDiskLeavesNoPartialFile makes the write fail half-way with ENOSPC,
// as a full disk does, both for a new file and over an existing one.
func TestFullDiskLeavesNoPartialFile(t *testing.T) {
	for _, existing := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "summary.md")
		if existing {
			if err := os.WriteFile(path, []byte("earlier"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, err := WriteWith(path, true, func(w io.Writer) error {
			if _, err := w.Write([]byte("# Session summ")); err != nil {
				return err
			}
			return &os.PathError{Op: "write", Path: "tmp", Err: syscall.ENOSPC}
		})
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("err = %v, want no space left on device", err)
		}
		names := entries(t, dir)
		switch {
		case existing && (len(names) != 1 || mustRead(t, path) != "earlier"):
			t.Errorf("over an existing file: directory %v, file %q; want the earlier file untouched", names, mustRead(t, path))
		case !existing && len(names) != 0:
			t.Errorf("directory holds %v after a failed write, want nothing", names)
		}
	}
}

// TestWriteToDevFullFails writes through the real /dev/full, whose every write
// fails with ENOSPC, as the content writer.
func TestWriteToDevFullFails(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatalf("/dev/full is needed to simulate a full disk: %v", err)
	}
	defer full.Close()
	dir := t.TempDir()
	_, err = WriteWith(filepath.Join(dir, "summary.md"), false, func(w io.Writer) error {
		_, err := io.MultiWriter(w, full).Write([]byte("# Session summary\n"))
		return err
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want no space left on device", err)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("directory holds %v after a failed write, want nothing", names)
	}
}

func TestWriteToUnwritablePathFails(t *testing.T) {
	dir := t.TempDir()
	notADir := filepath.Join(dir, "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		filepath.Join(notADir, "summary.md"),        // the parent is a file
		filepath.Join(dir, "missing", "summary.md"), // the parent does not exist
		dir, // a directory, with overwrite
	} {
		if _, err := Write(path, []byte("x"), true); err == nil {
			t.Errorf("writing %s succeeded", path)
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v, want only the file it had", names)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return string(b)
}
