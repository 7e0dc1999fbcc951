package store

import (
	"context"
	"fmt"
)

// keyRoleKind is whose file this is, as the agency's server lists its
// login: "officer" or "supervisor"; "" before the first sync.
const keyRoleKind = "role_kind"

// supervisorFileRefusal is the guard triggers' message (migration 0012).
const supervisorFileRefusal = "a supervisor's file is read only"

// NoteRoleKind keeps whose file this is, as the server says at each sync;
// a sync that learns nothing new writes nothing. Learning it, the file lets
// go of the agency settings it held from before it synced.
func (s *Store) NoteRoleKind(ctx context.Context, kind string) error {
	if known, err := readSyncState(ctx, s.db, keyRoleKind); err != nil || known == kind {
		return err
	}
	return s.tx(ctx, func(tx *Tx) error {
		if err := keepSyncState(ctx, tx, keyRoleKind, kind); err != nil {
			return fmt.Errorf("note whose file this is: %w", err)
		}
		// The agency's settings are the server's from now on.
		return dropOwnAgencySettings(ctx, tx)
	})
}

// SupervisorFile tells a supervisor's file, read only apart from
// transfers and the resource directory.
func (s *Store) SupervisorFile(ctx context.Context) (bool, error) {
	kind, err := readSyncState(ctx, s.db, keyRoleKind)
	return kind == "supervisor", err
}
