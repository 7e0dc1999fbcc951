package summary

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"io"

	"caseload/outfile"
)

// ErrExists is returned when the file is already there and replacing it was
// not asked for.
var ErrExists = outfile.ErrExists

// errNoDocument is a write or a record asked for with no document: a caller
// that lost track of what it shows, refused rather than written empty.
var errNoDocument = errors.New("there is no summary to write")

// WriteFile writes a document to path through outfile: a file is replaced
// whole or not at all (mode 0600), and only with overwrite; a device or pipe
// is written through; a folder is refused. It returns the SHA-256 of the
// bytes written, for the export log (RecordDocument). When the file is in
// place whole but a last step failed (a PlacedError), the SHA-256 comes back
// with the error: the summary was written, and is to be recorded as such.
func WriteFile(path string, d *Document, overwrite bool) ([]byte, error) {
	if d == nil {
		return nil, errNoDocument // before anything is created at path
	}
	digest := sha256.New()
	_, err := outfile.WriteWith(path, overwrite, func(w io.Writer) error {
		digest.Reset() // each attempt is hashed afresh
		// Through a buffer: the document is held a section a client.
		out := bufio.NewWriterSize(io.MultiWriter(w, digest), 64<<10)
		if _, err := d.WriteTo(out); err != nil {
			return err
		}
		return out.Flush()
	})
	if err != nil && !outfile.Placed(err) {
		return nil, err
	}
	return digest.Sum(nil), err
}

// PlacedError is an error from the last steps of a write, after the file
// was in place whole.
type PlacedError = outfile.PlacedError
