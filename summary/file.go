package summary

import "caseload/outfile"

// ErrExists is returned when the file is already there and replacing it was
// not asked for.
var ErrExists = outfile.ErrExists

// WriteFile writes a summary to path through outfile: a file is replaced
// whole or not at all (mode 0600), and only with overwrite; a device or pipe
// is written through; a folder is refused.
func WriteFile(path string, data []byte, overwrite bool) error {
	_, err := outfile.Write(path, data, overwrite)
	return err
}
