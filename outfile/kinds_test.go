package outfile

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// TestNamedPipeIsWrittenThroughNeverReplaced: a reader on a FIFO gets the
// bytes, without overwrite, and the FIFO is still a FIFO afterwards.
func TestNamedPipeIsWrittenThroughNeverReplaced(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "summary.pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- "(" + err.Error() + ")"
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	kind, err := Write(fifo, []byte("# Session summary\n"), false)
	if err != nil || kind != Streamed {
		t.Fatalf("Write to a FIFO = %v, %v; want it streamed", kind, err)
	}
	if s := <-got; s != "# Session summary\n" {
		t.Errorf("the reader got %q", s)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v (%v): it was replaced", info.Mode(), err)
	}
	if names := entries(t, filepath.Dir(fifo)); len(names) != 1 {
		t.Errorf("directory holds %v, want only the FIFO", names)
	}
}

// TestDevNullStaysADevice is the export to /dev/null that once replaced the
// device with a regular file.
func TestDevNullStaysADevice(t *testing.T) {
	for _, overwrite := range []bool{false, true} {
		if kind, err := Write(os.DevNull, []byte("gone"), overwrite); err != nil || kind != Streamed {
			t.Fatalf("Write(/dev/null, overwrite=%v) = %v, %v; want it streamed", overwrite, kind, err)
		}
		if info, err := os.Lstat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is now %v (%v)", info.Mode(), err)
		}
	}
	if err := Check(os.DevNull); err != nil {
		t.Errorf("Check(/dev/null) = %v; want it accepted without overwrite", err)
	}
}

// TestSymlinkIsFollowedAndKept: the file a link leads to is replaced
// atomically (with overwrite), the link stays a link, and a link that leads
// to nothing yet makes its file.
func TestSymlinkIsFollowedAndKept(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "summary.md")
	os.Mkdir(filepath.Dir(target), 0o700)
	link := filepath.Join(dir, "latest.md")
	if err := os.Symlink(filepath.Join("real", "summary.md"), link); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(link, []byte("first"), false); err != nil {
		t.Fatalf("through a link to nothing yet: %v", err)
	}
	if _, err := Write(link, []byte("second"), false); !errors.Is(err, ErrExists) {
		t.Fatalf("without overwrite: %v; want ErrExists", err)
	}
	if got := mustRead(t, target); got != "first" {
		t.Fatalf("the target holds %q", got)
	}
	if _, err := Write(link, []byte("second"), true); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is now %v (%v): it was replaced", info.Mode(), err)
	}
	if got := mustRead(t, target); got != "second" {
		t.Errorf("the target holds %q, want second", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("the target has mode %o, want 600", info.Mode().Perm())
	}
	if names := entries(t, filepath.Dir(target)); len(names) != 1 {
		t.Errorf("the target's folder holds %v, want no temporary file", names)
	}
}

func TestFolderAndSocketAreRefused(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	linkToDir := filepath.Join(dir, "to-dir")
	os.Symlink(dir, linkToDir)
	for _, c := range []struct {
		path string
		want error
	}{{dir, syscall.EISDIR}, {linkToDir, syscall.EISDIR}, {sock, syscall.EINVAL}} {
		for _, overwrite := range []bool{false, true} {
			if _, err := Write(c.path, []byte("x"), overwrite); !errors.Is(err, c.want) {
				t.Errorf("Write(%s, overwrite=%v) = %v; want %v", c.path, overwrite, err, c.want)
			}
		}
		if err := Check(c.path); !errors.Is(err, c.want) {
			t.Errorf("Check(%s) = %v; want %v", c.path, err, c.want)
		}
	}
	if info, _ := os.Lstat(sock); info.Mode()&os.ModeSocket == 0 {
		t.Error("the socket was replaced")
	}
	if names := entries(t, dir); len(names) != 2 {
		t.Errorf("the folder holds %v, want only the socket and the link", names)
	}
}

// TestOpenDescriptorIsWrittenAtItsOffset: /dev/fd/N is the descriptor the
// shell opened (`>> log`): the bytes follow what is there.
func TestOpenDescriptorIsWrittenAtItsOffset(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log")
	os.WriteFile(path, []byte("earlier\n"), 0o600)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := "/dev/fd/" + strconv.Itoa(int(f.Fd()))
	if kind, err := Write(name, []byte("added\n"), false); err != nil || kind != Streamed {
		t.Fatalf("Write(%s) = %v, %v; want it streamed", name, kind, err)
	}
	if got := mustRead(t, path); got != "earlier\nadded\n" {
		t.Errorf("the file holds %q; want the bytes after what was there", got)
	}
	if _, err := f.Write([]byte("still open\n")); err != nil {
		t.Errorf("the descriptor was closed: %v", err)
	}
}
