package summary

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrExists is returned when the file is already there and replacing it was
// not asked for.
var ErrExists = errors.New("already exists")

// WriteFile writes data to path so that the file is either complete or not
// there at all: a temporary file in the same directory is written, synced to
// disk and then renamed into place, with mode 0600 (a summary holds
// confidential records). An existing file is replaced only when overwrite is
// set; otherwise the error wraps ErrExists.
func WriteFile(path string, data []byte, overwrite bool) error {
	return writeFileWith(path, overwrite, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileWith is WriteFile with the content written by fill, so that a test
// can make the write fail half-way as a full disk does.
func writeFileWith(path string, overwrite bool, fill func(io.Writer) error) (err error) {
	if !overwrite {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	tmp, closed := f.Name(), false
	defer func() {
		if err != nil {
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
	if err = place(tmp, path, overwrite); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// place moves the finished temporary file to path. Without overwrite it is
// hard-linked, which fails if path appeared meanwhile, so a file made by
// someone else between the check and now is never replaced; on a file
// system without hard links it falls back to checking, then renaming.
func place(tmp, path string, overwrite bool) error {
	if overwrite {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		return nil
	}
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		if err := os.Remove(tmp); err != nil {
			return fmt.Errorf("write %s: remove temporary file: %w", path, unwrapPath(err))
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

// WriteFileCheck reports early whether WriteFile without overwrite would
// refuse path because it exists, so that a caller can say so before doing the
// work; WriteFile checks again when it writes.
func WriteFileCheck(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s %w", path, ErrExists)
	}
	return nil
}
