package cli

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"caseload/internal/pgtest"
	"caseload/model"
	"caseload/store"
)

// agencyCluster is the PostgreSQL the sync commands' tests share, started
// by the first test that needs it and stopped by TestMain.
var agencyCluster struct {
	once sync.Once
	c    *pgtest.Cluster
	err  error
}

func agencyServer(t testing.TB) *pgtest.Cluster {
	t.Helper()
	agencyCluster.once.Do(func() { agencyCluster.c, agencyCluster.err = pgtest.Start() })
	if agencyCluster.err != nil {
		t.Fatalf("start the test's PostgreSQL: %v", agencyCluster.err)
	}
	return agencyCluster.c
}

func stopAgencyCluster() error {
	if agencyCluster.c == nil {
		return nil
	}
	return agencyCluster.c.Stop()
}

// loginURL is the database's URL for role, without a password.
func loginURL(t testing.TB, db *pgtest.Database, role string) string {
	t.Helper()
	u, err := url.Parse(db.URLAs(role, "x"))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	return u.String()
}

func clientCount(t *testing.T, path string) int {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.ClientCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSyncCommandsFromServerInitToATransfer(t *testing.T) {
	db := agencyServer(t).NewDatabase(t)
	admin := map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "a long enough password"}
	code, out, errOut := cli(t, admin, "server", "init")
	if code != 0 || !strings.Contains(out, "applied 0001_init") {
		t.Fatalf("server init = %d %q %q", code, out, errOut)
	}
	lead, alice, bob := db.Role(t, "lead"), db.Role(t, "alice"), db.Role(t, "bob")
	for _, args := range [][]string{{"supervisor", "add", lead}, {"officer", "add", alice, "--supervisor", lead}, {"officer", "add", bob, "--supervisor", lead}} {
		if code, out, errOut := cli(t, admin, append([]string{"server"}, args...)...); code != 0 {
			t.Fatalf("server %v = %d %q %q", args, code, out, errOut)
		}
	}
	officer := map[string]string{"CASELOAD_AGENCY_PASSWORD": "a long enough password"}

	// Alice's laptop: a caseload made before sync was set up.
	laptop := demoDB(t, "4")
	code, out, errOut = cli(t, officer, "sync", "--setup", loginURL(t, db, alice), "--db", laptop)
	if code != 0 || !strings.Contains(out, "synced with the agency") {
		t.Fatalf("sync --setup = %d %q %q", code, out, errOut)
	}
	// With no keyring in the session, the password is kept apart in a
	// file, readable by the officer alone, and setup says so.
	if want := "your server password is kept in " + laptop + ".agency-password, readable by you alone\n"; !strings.Contains(out, want) || errOut != "" {
		t.Errorf("sync --setup said %q %q; want %q", out, errOut, want)
	}
	info, err := os.Stat(laptop + ".agency-password")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("password file: %v %v", info, err)
	}
	if b, _ := os.ReadFile(laptop); bytes.Contains(b, []byte("a long enough password")) {
		t.Error("the server password is in the database file")
	}
	// Every day after: no flags, the kept password.
	code, out, errOut = cli(t, nil, "sync", "--db", laptop)
	if code != 0 || !strings.Contains(out, "0 sent, 0 received") {
		t.Errorf("second sync = %d %q %q", code, out, errOut)
	}

	// A replacement laptop gets the caseload back with two commands' worth.
	replacement := filepath.Join(t.TempDir(), "new.db")
	if code, out, errOut := cli(t, officer, "sync", "--setup", loginURL(t, db, alice), "--db", replacement); code != 0 {
		t.Fatalf("sync --setup on a new laptop = %d %q %q", code, out, errOut)
	}
	if got, want := clientCount(t, replacement), clientCount(t, laptop); got != want || got != 4 {
		t.Errorf("the replacement holds %d clients, the old laptop %d; want 4", got, want)
	}

	// Hand the first client to Bob.
	s, err := store.Open(context.Background(), laptop)
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.CaseloadPage(context.Background(), model.CaseloadQuery{Limit: 1})
	s.Close()
	if err != nil || len(page) == 0 {
		t.Fatalf("read the caseload: %v", err)
	}
	caseNumber := page[0].CaseNumber
	code, out, errOut = cli(t, nil, "transfer", caseNumber, "--to", bob, "--db", laptop)
	if code != 0 || !strings.Contains(out, "moved to "+bob) {
		t.Fatalf("transfer = %d %q %q", code, out, errOut)
	}
	if n := clientCount(t, laptop); n != 3 {
		t.Errorf("after the transfer alice's laptop holds %d clients, want 3", n)
	}
	bobs := filepath.Join(t.TempDir(), "bob.db")
	if code, _, errOut := cli(t, officer, "sync", "--setup", loginURL(t, db, bob), "--db", bobs); code != 0 {
		t.Fatalf("bob's sync: %q", errOut)
	}
	if n := clientCount(t, bobs); n != 1 {
		t.Errorf("bob's laptop holds %d clients, want the transferred one", n)
	}

	code, out, errOut = cli(t, admin, "server", "status")
	if code != 0 || !strings.Contains(out, alice) || !strings.Contains(out, bob) || strings.Count(out, "never") != 1 {
		t.Errorf("server status = %d %q %q; want alice's and bob's laptops and the supervisor with none", code, out, errOut)
	}
}

func TestSyncFailuresAreOneLine(t *testing.T) {
	db := agencyServer(t).NewDatabase(t)
	admin := map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "a long enough password"}
	if code, _, errOut := cli(t, admin, "server", "init"); code != 0 {
		t.Fatal(errOut)
	}
	alice := db.Role(t, "alice")
	if code, _, errOut := cli(t, admin, "server", "officer", "add", alice); code != 0 {
		t.Fatal(errOut)
	}
	// In a folder of its own, which the store makes private.
	laptop := filepath.Join(t.TempDir(), "laptop", "c.db")
	for _, tc := range []struct {
		name  string
		vars  map[string]string
		args  []string
		code  int
		words string
	}{
		{"not set up", nil, []string{"sync"}, 1, "sync is not set up"},
		{"a wrong password", map[string]string{"CASELOAD_AGENCY_PASSWORD": "wrong"}, []string{"sync", "--setup", loginURL(t, db, alice)}, 1, "refused the password"},
		{"a server that is not there", map[string]string{"CASELOAD_AGENCY_PASSWORD": "x"},
			[]string{"sync", "--setup", "postgres://" + alice + "@/caseload?host=" + url.QueryEscape(t.TempDir())}, 1, "cannot be reached"},
		{"a remote server without certificate checks", map[string]string{"CASELOAD_AGENCY_PASSWORD": "x"},
			[]string{"sync", "--setup", "postgres://" + alice + "@db.agency.example/caseload?sslmode=require"}, 2, "sslmode=verify-full"},
		{"a password in the address", nil, []string{"sync", "--setup", "postgres://" + alice + ":secret@localhost/caseload"}, 2, "leave the password out"},
		{"a password as a parameter", nil, []string{"sync", "--setup", "postgres://" + alice + "@localhost/caseload?password=secret"}, 2, "leave the password out"},
		{"a transfer with nobody to take it", nil, []string{"transfer", "X-1"}, 2, "--to OFFICER"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := cli(t, tc.vars, append(tc.args, "--db", laptop)...)
			if code != tc.code || !strings.Contains(errOut, tc.words) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line saying %q", code, errOut, tc.code, tc.words)
			}
		})
	}
	// None of the failures left a half set-up file behind.
	if b, err := os.ReadFile(laptop + ".agency-password"); err == nil {
		t.Errorf("a failed setup kept a password: %q", b)
	}
}
