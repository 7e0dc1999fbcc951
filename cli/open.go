package cli

import (
	"context"
	"fmt"

	"caseload/store"
)

// openStore opens the database and tells the officer about any permissions
// it had to tighten.
func openStore(ctx context.Context, e *env, path string) (*store.Store, error) {
	s, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	fixedPermissions(e, s)
	return s, nil
}

// fixedPermissions tells the officer about the files Open made private.
func fixedPermissions(e *env, s *store.Store) {
	for _, f := range s.FixedPermissions() {
		fmt.Fprintf(e.stderr, "caseload: made private (only you can read it now): %s\n", printable(f))
	}
}
