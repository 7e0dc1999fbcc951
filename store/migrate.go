package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"time"
)

// migrationFiles holds the schema, one numbered file per version. A file that
// has shipped is never edited: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations lists the migration files in order; file N (1-based) brings the
// schema to user_version N.
var migrations = mustList()

func mustList() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant: this cannot fail at run time
	}
	sort.Strings(names)
	return names
}

// migrationSteps are the parts of a migration that the model's rules must
// do, run after the file's SQL in the same transaction.
var migrationSteps = map[string]func(ctx context.Context, tx *Tx, now time.Time) error{
	"migrations/0004_conditions.sql":          convertConditions,
	"migrations/0010_sync_compliance.sql":     queueCompliance,
	"migrations/0013_sync_referrals.sql":      rekeyAndQueueReferrals,
	"migrations/0014_sync_goals.sql":          fillGoalVersionIDs,
	"migrations/0017_agency_settings.sql":     moveAgencySettings,
	"migrations/0018_sync_status_history.sql": queueStatusHistory,
}

// migrate applies each migration the file lacks, each in its own transaction
// together with the new user_version, so a crash leaves the file at a
// version it really has.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", explain(err))
	}
	for i := version; i < len(migrations); i++ {
		body, err := migrationFiles.ReadFile(migrations[i])
		if err != nil {
			return fmt.Errorf("read migration %s: %w", migrations[i], err)
		}
		err = s.tx(ctx, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			if step := migrationSteps[migrations[i]]; step != nil {
				if err := step(ctx, tx, s.now()); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("apply migration %s: %w", migrations[i], explain(err))
		}
	}
	return nil
}
