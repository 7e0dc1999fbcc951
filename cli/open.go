package cli

import (
	"context"
	"errors"
	"fmt"

	"caseload/store"
	"caseload/text"
)

// openStore opens the database, creating it when there is no file, and tells
// the officer about any permissions it had to tighten. Only the commands
// that fill a caseload (import, restore) and the app may create one.
func openStore(ctx context.Context, e *env, path string, opts ...store.Option) (*store.Store, error) {
	s, err := store.Open(ctx, path, opts...)
	if errors.Is(err, store.ErrNoFile) {
		return nil, fmt.Errorf("no caseload at %s; `caseload` creates one, `caseload demo` fills one", text.Plain(path))
	}
	if err != nil {
		return nil, err
	}
	fixedPermissions(e, s)
	return s, nil
}

// openExisting opens a caseload that must already be there: a command that
// reads or changes one refuses a mistyped path, creating nothing (no file, no
// journal, no folder), rather than report on an empty caseload.
//
// Such a command reads what it needs about once and exits, so the file is
// opened ShortLived.
func openExisting(ctx context.Context, e *env, path string) (*store.Store, error) {
	return openStore(ctx, e, path, store.Existing(), store.ShortLived())
}

// fixedPermissions tells the officer about the files Open made private.
func fixedPermissions(e *env, s *store.Store) {
	for _, f := range s.FixedPermissions() {
		fmt.Fprintf(e.stderr, "caseload: made private (only you can read it now): %s\n", text.Plain(f))
	}
}
