package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"unicode"

	"caseload/store"
)

// parseFiles parses flags that may come before or after the file arguments
// (`backup --encrypt out.db` and `backup out.db --encrypt`) and returns the
// files, between min and max of them.
func parseFiles(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) < min:
		return nil, fmt.Errorf("%w: name the file", errUsage)
	case len(files) > max:
		return nil, fmt.Errorf("%w: unexpected %q", errUsage, files[max])
	}
	return files, nil
}

// openStore opens the database and tells the officer about any permissions
// it had to tighten.
func openStore(ctx context.Context, e *env, path string) (*store.Store, error) {
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	for _, f := range s.FixedPermissions() {
		fmt.Fprintf(e.stderr, "caseload: made private (only you can read it now): %s\n", printable(f))
	}
	return s, nil
}

// printable strips what could drive the terminal from text that came from a
// file or another person: control characters (escape sequences start with
// one) and the invisible marks that reorder text.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}
