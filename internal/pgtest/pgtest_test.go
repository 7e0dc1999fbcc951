package pgtest

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

var cluster *Cluster

func TestMain(m *testing.M) { Main(m, func(c *Cluster) { cluster = c }) }

func TestDatabaseIsFreshAndReachableOnlyThroughItsSocket(t *testing.T) {
	ctx := context.Background()
	a, b := cluster.NewDatabase(t), cluster.NewDatabase(t)
	if a.Name == b.Name {
		t.Fatalf("two tests share database %s", a.Name)
	}
	conn, err := pgx.Connect(ctx, a.URL)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE marker (id int)"); err != nil {
		t.Fatal(err)
	}
	other, err := pgx.Connect(ctx, b.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	var n int
	if err := other.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("a table made in one test's database is visible in another's")
	}
	if cluster.Socket() != "" {
		var listen string
		if err := conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&listen); err != nil {
			t.Fatal(err)
		}
		if listen != "" {
			t.Errorf("listen_addresses = %q, want the Unix socket only", listen)
		}
	}
}

func TestWrongPasswordIsRefused(t *testing.T) {
	ctx := context.Background()
	d := cluster.NewDatabase(t)
	role := d.Role(t, "officer_test")
	conn, err := pgx.Connect(ctx, d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE ROLE "+pgx.Identifier{role}.Sanitize()+" LOGIN PASSWORD 'right one'"); err != nil {
		t.Fatal(err)
	}
	good, err := pgx.Connect(ctx, d.URLAs(role, "right one"))
	if err != nil {
		t.Fatalf("the right password: %v", err)
	}
	good.Close(ctx)
	_, err = pgx.Connect(ctx, d.URLAs(role, "wrong one"))
	if err == nil || !strings.Contains(err.Error(), "password authentication failed") {
		t.Fatalf("a wrong password: got %v, want a password authentication failure", err)
	}
}
