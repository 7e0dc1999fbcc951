package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportToANamedPipeNeedsNoForceAndKeepsThePipe: a reader on a FIFO gets
// the summary, and the FIFO is not replaced by a file.
func TestExportToANamedPipeNeedsNoForceAndKeepsThePipe(t *testing.T) {
	db := exportFixture(t)
	fifo := filepath.Join(t.TempDir(), "to-gpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	code, stdout, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", fifo)
	if code != 0 {
		// Unblock the reader, which waits for a writer.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b := <-got; !bytes.HasPrefix(b, []byte("# Session summary")) {
		t.Errorf("the reader got %.40q", b)
	}
	if stdout != "" || !strings.Contains(stderr, "wrote 2 records of 1 client to "+fifo) {
		t.Errorf("stdout %q, stderr %q; want the note on stderr", stdout, stderr)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v (%v)", info.Mode(), err)
	}
}

func TestExportAndBackupToAFolderAreRefusedInOneLine(t *testing.T) {
	db := exportFixture(t)
	dir := t.TempDir()
	for _, args := range [][]string{{"export", "--db", db, "--from", "2025-06-10", "-o", dir}, {"export", "--db", db, "--from", "2025-06-10", "-o", dir, "--force"}, {"backup", "--db", db, dir}} {
		code, _, stderr := runCLI(t, nil, args...)
		assertOneLineError(t, code, stderr, "it is a folder")
	}
	if names, _ := os.ReadDir(dir); len(names) != 0 {
		t.Errorf("the folder holds %d entries, want none", len(names))
	}
}

// TestExportThroughASymlinkReplacesItsFile: with --force the file the link
// leads to gets the summary, and the link stays.
func TestExportThroughASymlinkReplacesItsFile(t *testing.T) {
	db := exportFixture(t)
	dir := t.TempDir()
	target, link := filepath.Join(dir, "summary.md"), filepath.Join(dir, "latest.md")
	os.WriteFile(target, []byte("earlier"), 0o600)
	os.Symlink("summary.md", link)
	code, _, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "-o", link)
	assertOneLineError(t, code, stderr, "--force")
	if code, _, stderr := runCLI(t, nil, "export", "--db", db, "--from", "2025-06-10", "-o", link, "--force"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is now %v (%v)", info.Mode(), err)
	}
	if b, _ := os.ReadFile(target); !bytes.HasPrefix(b, []byte("# Session summary")) {
		t.Errorf("the link's file holds %.40q", b)
	}
}

// TestExportAndBackupToStandardOutput run the binary with its output on a
// pipe, as `caseload backup /dev/stdout | gpg ...` does.
func TestExportAndBackupToStandardOutput(t *testing.T) {
	bin := buildBinary(t)
	db := exportFixture(t)
	cmd := exec.Command(bin, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "-o", "/dev/stdout")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || !bytes.HasPrefix(out, []byte("# Session summary")) || bytes.Contains(out, []byte("wrote ")) {
		t.Fatalf("export -o /dev/stdout: %v, %q, stdout %.60q; want the summary alone on stdout", err, stderr.String(), out)
	}
	stderr.Reset()
	cmd = exec.Command(bin, "backup", "--db", db, "/dev/stdout")
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if err != nil || !bytes.HasPrefix(out, []byte("SQLite format 3\x00")) || !strings.Contains(stderr.String(), "written to /dev/stdout") {
		t.Fatalf("backup /dev/stdout: %v, %q, stdout %d bytes starting %.20q; want the database on stdout", err, stderr.String(), len(out), out)
	}
	copy := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(copy, out, 0o600)
	if code, stdout, stderr := cli(t, nil, "check", "--db", copy); code != 0 || strings.Count(stdout, ": ok") != 3 {
		t.Errorf("the streamed backup does not check out: %d %q %q", code, stdout, stderr)
	}
}
