package cli

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/agency"
	"caseload/internal/pgtest"
	"caseload/internal/secrettest"
	"caseload/keyring"
)

// keyringAgency is a server with its schema and two officers, alice and
// bob, whose passwords differ.
func keyringAgency(t *testing.T) (db *pgtest.Database, alice, bob string) {
	t.Helper()
	db = agencyServer(t).NewDatabase(t)
	admin := map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "alice's long password"}
	if code, _, errOut := cli(t, admin, "server", "init"); code != 0 {
		t.Fatal(errOut)
	}
	alice, bob = db.Role(t, "alice"), db.Role(t, "bob")
	if code, _, errOut := cli(t, admin, "server", "officer", "add", alice); code != 0 {
		t.Fatal(errOut)
	}
	admin["CASELOAD_NEW_PASSWORD"] = "bob's long password"
	if code, _, errOut := cli(t, admin, "server", "officer", "add", bob); code != 0 {
		t.Fatal(errOut)
	}
	return db, alice, bob
}

// withPassword is env with the officer's password given, as a script gives it.
func withPassword(env map[string]string, password string) map[string]string {
	env["CASELOAD_AGENCY_PASSWORD"] = password
	return env
}

// keyringLogin is the account the keyring keeps url's password under.
func keyringLogin(t *testing.T, url string) string {
	t.Helper()
	serverURL, err := agency.ServerURL(url)
	if err != nil {
		t.Fatal(err)
	}
	login, err := agency.Login(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	return login
}

// inKeyring reads what the session's keyring holds for the login of url.
func inKeyring(t *testing.T, session *secrettest.Session, url string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return keyring.Get(ctx, session.Getenv, "caseload", keyringLogin(t, url))
}

func assertNoPasswordFile(t *testing.T, laptop string) {
	t.Helper()
	if b, err := os.ReadFile(laptop + ".agency-password"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a password file lies beside the database: %q, %v", b, err)
	}
}

// TestSyncSetupKeepsThePasswordInTheKeyring: with a keyring in the session,
// --setup keeps each login's password there and nowhere on disk, and the
// everyday sync, in process and as its own process, finds it there.
func TestSyncSetupKeepsThePasswordInTheKeyring(t *testing.T) {
	db, alice, bob := keyringAgency(t)
	session := secrettest.Start(t)
	alicesLaptop := filepath.Join(t.TempDir(), "alice", "caseload.db")
	bobsLaptop := filepath.Join(t.TempDir(), "bob", "caseload.db")
	for _, laptop := range []struct{ path, role, password string }{
		{alicesLaptop, alice, "alice's long password"},
		{bobsLaptop, bob, "bob's long password"},
	} {
		code, out, errOut := cli(t, withPassword(session.Env(), laptop.password), "sync", "--setup", loginURL(t, db, laptop.role), "--db", laptop.path)
		if code != 0 || errOut != "" || !strings.Contains(out, "your server password is kept in the OS keyring\n") ||
			!strings.Contains(out, "synced with the agency") {
			t.Fatalf("sync --setup as %s = %d %q %q; want the password in the OS keyring", laptop.role, code, out, errOut)
		}
		assertNoPasswordFile(t, laptop.path)
	}
	// Two logins, two secrets: neither overwrote the other.
	for role, want := range map[string]string{alice: "alice's long password", bob: "bob's long password"} {
		if got, err := inKeyring(t, session, loginURL(t, db, role)); err != nil || got != want {
			t.Errorf("the keyring holds %q for %s (%v), want %q", got, role, err, want)
		}
	}
	for _, laptop := range []string{alicesLaptop, bobsLaptop} {
		if b, _ := os.ReadFile(laptop); strings.Contains(string(b), "long password") {
			t.Errorf("a server password is in the database %s", laptop)
		}
		// Every day after: no password given, the keyring's.
		if code, out, errOut := cli(t, session.Env(), "sync", "--db", laptop); code != 0 || !strings.Contains(out, "synced with the agency") {
			t.Errorf("everyday sync of %s = %d %q %q", laptop, code, out, errOut)
		}
	}
	// The binary, with the session's bus in its environment only.
	cmd := exec.Command(buildBinary(t), "sync", "--db", alicesLaptop)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range session.Env() {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "synced with the agency") {
		t.Errorf("caseload sync as a process: %v %q", err, out)
	}
	// The same process without a keyring finds no password anywhere.
	code, _, errOut := cli(t, nil, "sync", "--db", alicesLaptop)
	assertOneLineError(t, code, errOut, "no server password")
}

// TestSyncSetupMovesAPasswordFileIntoTheKeyring: a laptop set up where there
// was no keyring has the password in a file; set up again with a keyring,
// the password moves there and the file goes.
func TestSyncSetupMovesAPasswordFileIntoTheKeyring(t *testing.T) {
	db, alice, _ := keyringAgency(t)
	laptop := filepath.Join(t.TempDir(), "laptop", "caseload.db")
	file := laptop + ".agency-password"
	code, out, errOut := cli(t, withPassword(map[string]string{}, "alice's long password"), "sync", "--setup", loginURL(t, db, alice), "--db", laptop)
	if code != 0 || errOut != "" || !strings.Contains(out, "your server password is kept in "+file+", readable by you alone\n") {
		t.Fatalf("sync --setup with no keyring = %d %q %q; want the password in %s", code, out, errOut, file)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("password file: %v %v", info, err)
	}

	session := secrettest.Start(t)
	// The file's password serves until the keyring holds one.
	if code, _, errOut := cli(t, session.Env(), "sync", "--db", laptop); code != 0 {
		t.Fatalf("everyday sync from the file with an empty keyring: %q", errOut)
	}
	code, out, errOut = cli(t, withPassword(session.Env(), "alice's long password"), "sync", "--setup", loginURL(t, db, alice), "--db", laptop)
	if code != 0 || errOut != "" || !strings.Contains(out, "kept in the OS keyring") {
		t.Fatalf("sync --setup with a keyring = %d %q %q", code, out, errOut)
	}
	assertNoPasswordFile(t, laptop)
	if got, err := inKeyring(t, session, loginURL(t, db, alice)); err != nil || got != "alice's long password" {
		t.Errorf("the keyring holds %q (%v)", got, err)
	}
	if code, _, errOut := cli(t, session.Env(), "sync", "--db", laptop); code != 0 {
		t.Errorf("everyday sync from the keyring: %q", errOut)
	}
}

// TestSyncSetupUsesTheFileWhenTheKeyringRefuses: a locked keyring does not
// stop the setup, nor lose the password: it goes in the file, and a line
// says why. The everyday sync then reads the file.
func TestSyncSetupUsesTheFileWhenTheKeyringRefuses(t *testing.T) {
	db, alice, _ := keyringAgency(t)
	session := secrettest.Start(t)
	session.Lock(t)
	laptop := filepath.Join(t.TempDir(), "laptop", "caseload.db")
	file := laptop + ".agency-password"
	code, out, errOut := cli(t, withPassword(session.Env(), "alice's long password"), "sync", "--setup", loginURL(t, db, alice), "--db", laptop)
	if code != 0 || !strings.Contains(out, "your server password is kept in "+file+", readable by you alone\n") {
		t.Fatalf("sync --setup with a locked keyring = %d %q %q; want the password in %s", code, out, errOut, file)
	}
	if errOut != "the OS keyring would not keep the server password (the keyring is locked), so it goes in a file\n" {
		t.Errorf("stderr %q; want one line saying the keyring refused", errOut)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "alice's long password\n" {
		t.Fatalf("password file holds %q, %v", b, err)
	}
	if code, _, errOut := cli(t, session.Env(), "sync", "--db", laptop); code != 0 {
		t.Errorf("everyday sync with the keyring locked: %q", errOut)
	}
}

// TestALockedKeyringIsNamedWhenItHoldsTheOnlyPassword: with the password in
// the keyring only and the keyring locked, the everyday sync says so rather
// than that no password was ever kept.
func TestALockedKeyringIsNamedWhenItHoldsTheOnlyPassword(t *testing.T) {
	db, alice, _ := keyringAgency(t)
	session := secrettest.Start(t)
	laptop := filepath.Join(t.TempDir(), "laptop", "caseload.db")
	if code, _, errOut := cli(t, withPassword(session.Env(), "alice's long password"), "sync", "--setup", loginURL(t, db, alice), "--db", laptop); code != 0 {
		t.Fatal(errOut)
	}
	session.Lock(t)
	code, _, errOut := cli(t, session.Env(), "sync", "--db", laptop)
	assertOneLineError(t, code, errOut, "the OS keyring did not give the server password: the keyring is locked")
}

// TestAPasswordFileWinsOverAnOlderKeyringCopy: a setup that fell back to
// the file (over SSH, or with the keyring locked) leaves the keyring's copy
// as it was; the file is the newer, and the everyday sync uses it.
func TestAPasswordFileWinsOverAnOlderKeyringCopy(t *testing.T) {
	db, alice, _ := keyringAgency(t)
	session := secrettest.Start(t)
	laptop := filepath.Join(t.TempDir(), "laptop", "caseload.db")
	url := loginURL(t, db, alice)
	if code, _, errOut := cli(t, withPassword(session.Env(), "alice's long password"), "sync", "--setup", url, "--db", laptop); code != 0 {
		t.Fatal(errOut)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := keyring.Set(ctx, session.Getenv, "caseload", keyringLogin(t, url), "the password before it was changed"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(laptop+".agency-password", []byte("alice's long password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, session.Env(), "sync", "--db", laptop); code != 0 {
		t.Errorf("everyday sync with a newer password file beside an older keyring copy: %q", errOut)
	}
}
