package agency

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// StaffKind says whether a login role carries a caseload or leads a team.
type StaffKind string

// The kinds of staff; each is also the group role its members join.
const (
	Officer    StaffKind = "officer"
	Supervisor StaffKind = "supervisor"
)

// isRoleName reports whether a name is what an officer's or supervisor's
// login may be called: a plain PostgreSQL identifier of up to 63 bytes
// (lower-case letters, digits and _, not starting with a digit), so it reads
// the same in every tool. A loop, not a regular expression: the expression's
// {0,62} compiled into 62 copies of its class at every start of every command.
func isRoleName(name string) bool {
	if name == "" || len(name) > 63 || (name[0] >= '0' && name[0] <= '9') {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// AddStaff makes a login role for an officer or a supervisor, in its group
// role, and records the supervisor that leads an officer. conn must be an
// administrator's.
func AddStaff(ctx context.Context, conn *pgx.Conn, kind StaffKind, name, password, supervisor string) error {
	if kind != Officer && kind != Supervisor {
		return fmt.Errorf("add %s: the kind is officer or supervisor, not %q", name, kind)
	}
	if !isRoleName(name) {
		return fmt.Errorf("add %s: a name is lower-case letters, digits and _, starting with a letter", name)
	}
	if password == "" {
		return fmt.Errorf("add %s: a password is needed", name)
	}
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		role := pgx.Identifier{name}.Sanitize()
		if _, err := tx.Exec(ctx, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD %s IN ROLE %s", role, quoteLiteral(password), string(kind))); err != nil {
			return err
		}
		var lead any
		if supervisor != "" {
			lead = supervisor
		}
		_, err := tx.Exec(ctx, `INSERT INTO caseload.staff (role, kind, supervisor) VALUES ($1, $2, $3)`, name, string(kind), lead)
		return err
	})
	if err != nil {
		return fmt.Errorf("add %s %s: %w", kind, name, err)
	}
	return nil
}

// RemoveStaff stops a role from logging in; its records and its place in the
// record of who did what stay.
func RemoveStaff(ctx context.Context, conn *pgx.Conn, name string) error {
	if !isRoleName(name) {
		return fmt.Errorf("remove %s: not a staff name", name)
	}
	if _, err := conn.Exec(ctx, "ALTER ROLE "+pgx.Identifier{name}.Sanitize()+" NOLOGIN"); err != nil {
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// MoveStaff puts an officer in another supervisor's team.
func MoveStaff(ctx context.Context, conn *pgx.Conn, name, supervisor string) error {
	tag, err := conn.Exec(ctx, `UPDATE caseload.staff SET supervisor = $2 WHERE role = $1 AND kind = 'officer'`, name, supervisor)
	if err != nil {
		return fmt.Errorf("move %s to %s: %w", name, supervisor, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("move %s: %w", name, ErrNoSuchOfficer)
	}
	return nil
}

// ErrNoSuchOfficer reports a name that is not an officer of the agency.
var ErrNoSuchOfficer = errors.New("no such officer")

// quoteLiteral quotes s as an SQL string literal (the server's
// standard_conforming_strings is on, so only quotes need doubling). A role's
// password cannot be a bind parameter.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
