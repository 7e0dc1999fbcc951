// Package outfile writes the files an officer names (a summary, a backup) so
// that nothing already at the path is destroyed: a file is replaced whole or
// not at all, and a device or pipe is written to, never replaced. It is a
// package of its own because the summary and the store both write such files
// and neither may import the other.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"syscall"
)

// ErrExists is returned when a file is already at the path and replacing it
// was not asked for. It is also fs.ErrExist, as os.OpenFile's O_EXCL says.
var ErrExists error = existsError{}

type existsError struct{}

func (existsError) Error() string { return "already exists" }

func (existsError) Is(target error) bool { return target == fs.ErrExist }

// PlacedError is an error from the last steps of a write, after the file
// was put in place whole: its contents were synced before it was moved, so
// the path holds the complete new file. What failed is making the move
// itself durable (the folder's sync), or removing the temporary name the
// file was written under. A caller reports the file as written, with this
// as a warning, and does not write it again.
type PlacedError struct {
	Path string
	// Step says in words what failed, after "the file is in place, but".
	Step string
	Err  error
}

func (e *PlacedError) Error() string {
	return "write " + e.Path + ": the file is in place, but " + e.Step + ": " + e.Err.Error()
}

func (e *PlacedError) Unwrap() error { return e.Err }

// Placed reports whether err came after the file was in place whole.
func Placed(err error) bool {
	var p *PlacedError
	return errors.As(err, &p)
}

// Kind is how a path was written.
type Kind int

const (
	// Replaced: a file written whole to a temporary file beside the path,
	// then renamed over it (or into place where there was nothing).
	Replaced Kind = iota
	// Streamed: a character device or a pipe (/dev/null, a terminal,
	// standard output, a named pipe), opened and written through.
	Streamed
)

// maxLinks bounds the symbolic links followed, as the kernel does.
const maxLinks = 40

// Write writes data to path, as WriteWith does.
func Write(path string, data []byte, overwrite bool) (Kind, error) {
	return WriteWith(path, overwrite, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteWith writes what fill writes to path, looking first at what is there:
//   - nothing, or a regular file: a temporary file in the same folder is
//     filled, synced, renamed into place and the folder synced, so that the
//     file is complete or absent (mode 0600: what is written holds
//     confidential records). A file already there is replaced only with
//     overwrite; otherwise the error wraps ErrExists.
//   - a character device or a pipe, or an open descriptor (/dev/stdout,
//     /dev/fd/N): opened and written through; overwrite is not needed, as
//     nothing there is kept.
//   - a symbolic link: followed; the file it leads to is written by these
//     rules and the link itself kept.
//   - a folder, a socket or anything else: refused.
//
// An error that comes after the file is in place whole is a *PlacedError.
func WriteWith(path string, overwrite bool, fill func(io.Writer) error) (Kind, error) {
	if fd, ok := ownDescriptor(path); ok {
		// The shell opened it (`> file`, `>> file`, a pipe, `>(gpg ...)`):
		// write into what it opened, at its offset, as any program writing
		// to its output does.
		return Streamed, streamDescriptor(path, fd, fill)
	}
	target, info, err := resolve(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Replaced, replace(target, overwrite, fill)
	case err != nil:
		return Replaced, fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	switch mode := info.Mode(); {
	case mode.IsRegular():
		if !overwrite {
			return Replaced, fmt.Errorf("%s %w", path, ErrExists)
		}
		return Replaced, replace(target, overwrite, fill)
	case mode&fs.ModeNamedPipe != 0, mode&fs.ModeCharDevice != 0:
		return Streamed, stream(target, fill)
	}
	return Replaced, refusal(path, info.Mode())
}

// Check reports early whether WriteWith without overwrite would refuse path,
// so that a caller can say so before doing the work; WriteWith checks again
// when it writes.
func Check(path string) error {
	if _, ok := ownDescriptor(path); ok {
		return nil
	}
	_, info, err := resolve(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	switch mode := info.Mode(); {
	case mode.IsRegular():
		return fmt.Errorf("%s %w", path, ErrExists)
	case mode&fs.ModeNamedPipe != 0, mode&fs.ModeCharDevice != 0:
		return nil
	}
	return refusal(path, info.Mode())
}

// Streams reports whether a write to path goes through a device, a pipe or
// an open descriptor rather than into a file: what is written there may be
// the program's own output, so a note about it belongs elsewhere.
func Streams(path string) bool {
	if _, ok := ownDescriptor(path); ok {
		return true
	}
	_, info, err := resolve(path)
	return err == nil && info.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0
}

// descriptor matches the names of this process's open files: what the
// shell gave it as standard output, or a process substitution.
var descriptor = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^/(?:dev/(stdout|stderr|fd/(\d+))|proc/self/fd/(\d+))$`)
})

// ownDescriptor reports the descriptor a path names, if it names one of this
// process's open files. Opening such a name again would start a new file
// description at offset 0, so `>> file` would be overwritten from its
// start: the descriptor itself is written instead.
func ownDescriptor(path string) (int, bool) {
	m := descriptor().FindStringSubmatch(filepath.Clean(path))
	switch {
	case m == nil:
		return 0, false
	case m[1] == "stdout":
		return 1, true
	case m[1] == "stderr":
		return 2, true
	}
	fd, err := strconv.Atoi(m[2] + m[3])
	return fd, err == nil
}

// streamDescriptor writes through a copy of an open descriptor, so that
// closing it leaves the process's own open.
func streamDescriptor(path string, fd int, fill func(io.Writer) error) error {
	dup, err := syscall.Dup(fd)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f := os.NewFile(uintptr(dup), path)
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// resolve follows symbolic links from path to the file they lead to, and
// returns it with what is there. A link that leads nowhere yet resolves to
// the missing file, which is then created, keeping the link.
func resolve(path string) (string, fs.FileInfo, error) {
	for range maxLinks {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, info, err
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path, nil, err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path, nil, fmt.Errorf("more than %d symbolic links: %w", maxLinks, syscall.ELOOP)
}

// refusedError is a path that is not a file, device or pipe: it says why in
// the officer's words, and is the system's error (EISDIR) for errors.Is.
type refusedError struct {
	msg   string
	errno syscall.Errno
}

func (e refusedError) Error() string { return e.msg }
func (e refusedError) Unwrap() error { return e.errno }

// refusal says why a path that is not a file cannot be written.
func refusal(path string, mode fs.FileMode) error {
	switch {
	case mode.IsDir():
		return refusedError{"write " + path + ": it is a folder: add a file name", syscall.EISDIR}
	case mode&fs.ModeSocket != 0:
		return refusedError{"write " + path + ": it is a socket, not a file", syscall.EINVAL}
	}
	return refusedError{"write " + path + ": it is not a file, a device or a pipe", syscall.EINVAL}
}

// stream writes into a device or pipe that is already there. It is opened
// without truncating or creating: a pipe's reader gets the bytes as they
// come, and the device stays what it was.
func stream(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// replace writes the file whole beside path, then puts it in place. Once
// it is there, an error is a *PlacedError.
func replace(path string, overwrite bool, fill func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	tmp, closed, placed := f.Name(), false, false
	defer func() {
		// Once in place, tmp is the file itself (or a name for it that
		// place reports as left behind).
		if err != nil && !placed {
			if !closed {
				f.Close()
			}
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err = fill(f); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	closed = true
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	var left *PlacedError
	if err = place(tmp, path, overwrite); err != nil && !errors.As(err, &left) {
		return err
	}
	placed = true
	if serr := syncDir(filepath.Dir(path)); serr != nil {
		step := "the folder's sync failed, so a power cut may undo it"
		if left != nil { // both last steps failed: say both
			step, serr = left.Step+", and "+step, errors.Join(left.Err, serr)
		}
		return &PlacedError{Path: path, Step: step, Err: serr}
	}
	return err
}

// place moves the finished temporary file to path. Without overwrite it is
// hard-linked, which fails if path appeared meanwhile, so a file made by
// someone else between the check and now is never replaced; on a file
// system without hard links it falls back to checking, then renaming. With
// overwrite, the rename replaces only a regular file: whatever appeared at
// path since it was looked at is checked again first.
func place(tmp, path string, overwrite bool) error {
	if overwrite {
		if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
			return refusal(path, info.Mode())
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		return nil
	}
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		if err := os.Remove(tmp); err != nil {
			// A second name for the whole summary: where it is must be
			// said, for the officer to remove it.
			return &PlacedError{Path: path, Step: "its temporary copy " + tmp + " could not be removed", Err: unwrapPath(err)}
		}
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s %w", path, ErrExists)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s %w", path, ErrExists)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// syncDir makes the rename itself durable. File systems that cannot sync a
// directory say so with EINVAL; the file is in place all the same.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, unwrapPath(err))
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return fmt.Errorf("sync %s: %w", dir, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the *PathError's own copy of the (temporary) path, so the
// message names the file the officer asked for once, with the cause.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
