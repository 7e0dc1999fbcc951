package agency

import (
	"context"
	"testing"

	"caseload/internal/pgtest"

	"github.com/jackc/pgx/v5"
)

var cluster *pgtest.Cluster

func TestMain(m *testing.M) { pgtest.Main(m, func(c *pgtest.Cluster) { cluster = c }) }

// testServer is one test's agency server: a fresh database with the schema.
type testServer struct {
	t     testing.TB
	db    *pgtest.Database
	admin *pgx.Conn
}

func newTestServer(t *testing.T) *testServer { return newServer(t) }

// newBenchServer is newTestServer for a benchmark.
func newBenchServer(b *testing.B) *testServer { return newServer(b) }

func newServer(t testing.TB) *testServer {
	t.Helper()
	ctx := context.Background()
	db := cluster.NewDatabaseFrom(t, "agency schema", func(ctx context.Context, url string) error {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = Migrate(ctx, conn)
		return err
	})
	admin, err := pgx.Connect(ctx, db.URL)
	if err != nil {
		t.Fatalf("connect as administrator: %v", err)
	}
	t.Cleanup(func() { admin.Close(context.Background()) })
	return &testServer{t: t, db: db, admin: admin}
}

// staff adds an officer or supervisor and returns its role name.
func (s *testServer) staff(kind StaffKind, name, supervisor string) string {
	s.t.Helper()
	role := s.db.Role(s.t, name)
	if err := AddStaff(context.Background(), s.admin, kind, role, "pw-"+role, supervisor); err != nil {
		s.t.Fatalf("add %s: %v", name, err)
	}
	return role
}

// url reaches the server as role.
func (s *testServer) url(role string) string { return s.db.URLAs(role, "pw-"+role) }

// as connects as role.
func (s *testServer) as(role string) *pgx.Conn {
	s.t.Helper()
	conn, err := pgx.Connect(context.Background(), s.url(role))
	if err != nil {
		s.t.Fatalf("connect as %s: %v", role, err)
	}
	s.t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestMigrateTwiceAppliesNothingTheSecondTime(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	applied, err := Migrate(ctx, s.admin)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Errorf("second init applied %d migrations, want none", len(applied))
	}
	all, _ := Migrations()
	v, err := SchemaVersion(ctx, s.admin)
	if err != nil || v != len(all) {
		t.Errorf("schema version = %d, %v; want %d", v, err, len(all))
	}
	var owner string
	if err := s.admin.QueryRow(ctx, `SELECT tableowner FROM pg_tables WHERE schemaname = 'caseload' AND tablename = 'clients'`).Scan(&owner); err != nil {
		t.Fatal(err)
	}
	if owner != "caseload_owner" {
		t.Errorf("clients is owned by %s, want the NOLOGIN role caseload_owner", owner)
	}
}

func TestEverySyncedTableForcesRowLevelSecurity(t *testing.T) {
	ctx := context.Background()
	s := newTestServer(t)
	rows, err := s.admin.Query(ctx, `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'caseload' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		var enabled, forced bool
		if err := rows.Scan(&name, &enabled, &forced); err != nil {
			t.Fatal(err)
		}
		n++
		if !enabled || !forced {
			t.Errorf("%s: row level security enabled=%v forced=%v, want both", name, enabled, forced)
		}
	}
	if n < 10 {
		t.Errorf("found %d tables, want every synced table", n)
	}
	var policies int
	if err := s.admin.QueryRow(ctx, `SELECT count(*) FROM pg_policies WHERE schemaname = 'caseload'
		AND (coalesce(qual, '') ILIKE '%current_setting%' OR coalesce(with_check, '') ILIKE '%current_setting%')`).Scan(&policies); err != nil {
		t.Fatal(err)
	}
	if policies != 0 {
		t.Errorf("%d policies look at current_setting, which any session can set", policies)
	}
}
