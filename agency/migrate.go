// Package agency keeps a laptop's caseload in step with the agency's
// PostgreSQL: the server's schema and roles, and the sync that pushes the
// laptop's outbox and pulls what the officer may see. It is the only
// package that speaks PostgreSQL; who sees what is enforced by the server's
// own row-level security, not here.
package agency

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// migrationFiles holds the server's schema, one numbered file per version,
// kept apart from the laptop file's migrations. A file that has shipped is
// never edited: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one numbered change to the server's schema.
type Migration struct {
	Version int
	Name    string
	body    string
}

// Migrations lists the server's migrations in order.
func Migrations() ([]Migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("server migration %s: numbers must run 1, 2, 3 without gaps", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: strings.TrimSuffix(base, ".sql"), body: string(body)})
	}
	return out, nil
}

// bootstrap makes what the migrations stand on: the NOLOGIN role that owns
// every table, the group roles officer and supervisor, the schema and the
// record of applied migrations. Roles belong to the whole server, so they
// are made only when missing.
const bootstrap = `
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['caseload_owner', 'officer', 'supervisor'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- made at the same moment by another database's init
            END;
        END IF;
    END LOOP;
END $$;
CREATE SCHEMA IF NOT EXISTS caseload AUTHORIZATION caseload_owner;
REVOKE ALL ON SCHEMA caseload FROM PUBLIC;
CREATE TABLE IF NOT EXISTS caseload.schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE caseload.schema_migrations OWNER TO caseload_owner;`

// migrateLock is the advisory lock that keeps two administrators' inits
// from interleaving.
const migrateLock = 7_402_115

// Migrate creates or upgrades the server's schema, each migration in its
// own transaction with its record, run as the owner role so that no login
// role owns a table. conn must be a superuser's (roles are made here). It
// returns the migrations it applied.
func Migrate(ctx context.Context, conn *pgx.Conn) ([]Migration, error) {
	all, err := Migrations()
	if err != nil {
		return nil, err
	}
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, bootstrap)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("prepare the server schema: %w", err)
	}
	var applied []Migration
	for _, m := range all {
		done := false
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, "SELECT count(*) FROM caseload.schema_migrations WHERE version = $1", m.Version).Scan(&n); err != nil {
				return err
			}
			if done = n > 0; done {
				return nil
			}
			if _, err := tx.Exec(ctx, "SET LOCAL ROLE caseload_owner"); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, m.body); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "RESET ROLE"); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO caseload.schema_migrations (version, name) VALUES ($1, $2)", m.Version, m.Name)
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("apply server migration %s: %w", m.Name, err)
		}
		if !done {
			applied = append(applied, m)
		}
	}
	return applied, nil
}

// SchemaVersion is the newest migration the server has (0 for none).
func SchemaVersion(ctx context.Context, conn *pgx.Conn) (int, error) {
	var v int
	err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM caseload.schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read the server's schema version: %w", err)
	}
	return v, nil
}
