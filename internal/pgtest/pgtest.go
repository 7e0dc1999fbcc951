// Package pgtest gives tests a real PostgreSQL: one throwaway cluster per
// package test run, started by TestMain, and a fresh database per test.
//
// The cluster is Debian's server binaries (the newest of
// /usr/lib/postgresql/*/bin), initialised into a folder under the system's
// temporary directory and listening on a Unix socket in that folder only.
// When the tests run as root the server runs as the postgres user, which
// PostgreSQL insists on. CASELOAD_TEST_DATABASE_URL points the tests at an
// existing server instead (a superuser's URL).
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the variable that points the tests at an existing server.
const EnvURL = "CASELOAD_TEST_DATABASE_URL"

// Cluster is the server a package's tests share.
type Cluster struct {
	// AdminURL reaches the server as a superuser, in its default database.
	AdminURL string
	dir      string // the cluster's folder, removed by Stop; "" for a server we did not start
	bin      string
	cred     *syscall.Credential

	mu        sync.Mutex
	templates map[string]string // by name given, the database made from it
}

// Main starts a cluster, runs the package's tests with it, stops it and
// exits: call it from TestMain.
func Main(m *testing.M, use func(*Cluster)) {
	c, err := Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		os.Exit(1)
	}
	use(c)
	code := m.Run()
	if err := c.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// Start initialises and starts a throwaway cluster, or uses the server
// CASELOAD_TEST_DATABASE_URL names.
func Start() (*Cluster, error) {
	if u := os.Getenv(EnvURL); u != "" {
		return &Cluster{AdminURL: u}, nil
	}
	bin, err := serverBin()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin}
	// Under the system temporary directory (world-searchable), not under a
	// test's private folder: the postgres user must reach it.
	if c.dir, err = os.MkdirTemp(os.TempDir(), "caseload-pg-"); err != nil {
		return nil, fmt.Errorf("make cluster folder: %w", err)
	}
	if err := c.start(); err != nil {
		os.RemoveAll(c.dir)
		return nil, err
	}
	return c, nil
}

// serverBin finds the newest PostgreSQL server installed the Debian way.
func serverBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	var found []string
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			found = append(found, d)
		}
	}
	if len(found) == 0 {
		return "", errors.New("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: run `make tools` (it installs Debian's postgresql package), or set " + EnvURL)
	}
	sort.Slice(found, func(i, j int) bool { return majorOf(found[i]) < majorOf(found[j]) })
	return found[len(found)-1], nil
}

func majorOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func (c *Cluster) start() error {
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("the tests run as root, so the server must run as the postgres user, which is missing: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(c.dir, uid, gid); err != nil {
			return fmt.Errorf("give the cluster folder to postgres: %w", err)
		}
	}
	password := randomHex(16)
	pwfile := filepath.Join(c.dir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("write the superuser's password: %w", err)
	}
	if c.cred != nil {
		if err := os.Chown(pwfile, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return fmt.Errorf("give the password file to postgres: %w", err)
		}
	}
	data := filepath.Join(c.dir, "data")
	// Passwords on the socket too, so that a wrong one is refused as it would
	// be on an agency's server.
	if err := c.run("initdb", "-D", data, "-U", "postgres", "--pwfile", pwfile, "-E", "UTF8", "--locale", "C",
		"--auth-local", "scram-sha-256", "--auth-host", "reject"); err != nil {
		return err
	}
	os.Remove(pwfile)
	opts := fmt.Sprintf("-c listen_addresses='' -c unix_socket_directories='%s' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=120", c.dir)
	if err := c.run("pg_ctl", "-D", data, "-l", filepath.Join(c.dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"); err != nil {
		return err
	}
	c.AdminURL = (&url.URL{Scheme: "postgres", User: url.UserPassword("postgres", password), Path: "/postgres",
		RawQuery: url.Values{"host": {c.dir}}.Encode()}).String()
	return nil
}

// run runs one of the server's programs, as postgres when we are root.
func (c *Cluster) run(program string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, program), args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", program, err, strings.TrimSpace(out.String()))
	}
	return nil
}

// Stop stops the cluster and removes its folder; on a server we did not
// start, only the template databases are dropped.
func (c *Cluster) Stop() error {
	if c.dir == "" {
		var err error
		for _, db := range c.templates {
			if dropErr := c.admin(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{db}.Sanitize()+" WITH (FORCE)"); dropErr != nil && err == nil {
				err = dropErr
			}
		}
		return err
	}
	err := c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
	if rmErr := os.RemoveAll(c.dir); err == nil && rmErr != nil {
		err = fmt.Errorf("remove the cluster folder: %w", rmErr)
	}
	return err
}

// Database is one test's own database on the shared cluster.
type Database struct {
	// URL reaches the database as the superuser.
	URL     string
	Name    string
	cluster *Cluster
	suffix  string
}

// NewDatabase makes an empty database for t, dropped (with the roles made
// through it) when t ends.
func (c *Cluster) NewDatabase(t testing.TB) *Database {
	t.Helper()
	return c.newDatabase(t, "")
}

// NewDatabaseFrom makes a database for t as a copy of a template that
// prepare fills once per test run (a schema, say): copying is much faster
// than preparing each time. prepare is given the template's URL and must
// close its connections.
func (c *Cluster) NewDatabaseFrom(t testing.TB, template string, prepare func(ctx context.Context, url string) error) *Database {
	t.Helper()
	c.mu.Lock()
	name, ok := c.templates[template]
	if !ok {
		name = "caseload_template_" + randomHex(4)
		ctx := context.Background()
		err := c.admin(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
		if err == nil {
			err = prepare(ctx, c.urlFor(name, nil))
		}
		if err != nil {
			c.mu.Unlock()
			t.Fatalf("prepare template database %s: %v", template, err)
		}
		if c.templates == nil {
			c.templates = map[string]string{}
		}
		c.templates[template] = name
	}
	c.mu.Unlock()
	return c.newDatabase(t, name)
}

func (c *Cluster) newDatabase(t testing.TB, template string) *Database {
	t.Helper()
	suffix := randomHex(4)
	d := &Database{Name: "caseload_test_" + suffix, cluster: c, suffix: suffix}
	ctx := context.Background()
	create := "CREATE DATABASE " + pgx.Identifier{d.Name}.Sanitize()
	if template != "" {
		create += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	if err := c.admin(ctx, create); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	d.URL = c.urlFor(d.Name, nil)
	t.Cleanup(func() {
		if err := c.admin(ctx, "DROP DATABASE "+pgx.Identifier{d.Name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	return d
}

// Role returns a login role name unique to this database (roles belong to
// the whole cluster, which tests share) and drops the role when t ends.
func (d *Database) Role(t testing.TB, name string) string {
	t.Helper()
	role := name + "_" + d.suffix
	t.Cleanup(func() {
		ctx := context.Background()
		// The database goes first (its cleanup was registered earlier, so
		// it runs later): revoke here what the role holds in it.
		if err := d.cluster.adminIn(ctx, d.Name, "DROP OWNED BY "+pgx.Identifier{role}.Sanitize()); err != nil && !isMissingRole(err) {
			t.Errorf("drop what %s owns: %v", role, err)
		}
		if err := d.cluster.admin(ctx, "DROP ROLE IF EXISTS "+pgx.Identifier{role}.Sanitize()); err != nil {
			t.Errorf("drop role %s: %v", role, err)
		}
	})
	return role
}

// URLAs reaches the database as role with password.
func (d *Database) URLAs(role, password string) string {
	return d.cluster.urlFor(d.Name, url.UserPassword(role, password))
}

// Program is the path of one of the server's client programs (psql), from
// the same installation as the cluster's server; "psql" on PATH for a
// server we did not start.
func (c *Cluster) Program(name string) string {
	if c.bin == "" {
		return name
	}
	return filepath.Join(c.bin, name)
}

// Socket is the folder holding the server's Unix socket ("" for a server
// reached otherwise).
func (c *Cluster) Socket() string { return c.dir }

func (c *Cluster) urlFor(dbname string, who *url.Userinfo) string {
	u, err := url.Parse(c.AdminURL)
	if err != nil {
		return c.AdminURL
	}
	u.Path = "/" + dbname
	if who != nil {
		u.User = who
	}
	return u.String()
}

func (c *Cluster) admin(ctx context.Context, sql string) error {
	return c.adminIn(ctx, "", sql)
}

func (c *Cluster) adminIn(ctx context.Context, dbname, sql string) error {
	target := c.AdminURL
	if dbname != "" {
		target = c.urlFor(dbname, nil)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, target)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// isMissingRole tells a role (or database) that is already gone.
func isMissingRole(err error) bool {
	s := err.Error()
	return strings.Contains(s, "does not exist")
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
