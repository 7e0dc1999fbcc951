package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"caseload/agency"
	"caseload/keyring"
)

// The officer's password on the agency's server is never in the database
// or the audit log. It is kept in the OS keyring where there is one, under
// the service keyringService and the login (user@host:port/database), so
// that two caseload files of one login share it; else in a file beside the
// database that only the officer can read.
const keyringService = "caseload"

// keyringTimeout is how long the OS keyring may take to answer (the first
// call of a desktop session may start it) before the file is used instead.
const keyringTimeout = 5 * time.Second

// errNoKeptPassword reports that neither the keyring nor the file holds a
// password for the login.
var errNoKeptPassword = errors.New("no server password is kept on this laptop: run caseload sync --setup URL once at the terminal")

// keptPassword is the server password for serverURL's login, without
// asking: $CASELOAD_AGENCY_PASSWORD, else the file, else the OS keyring.
// The file comes first because it is the newer wherever both are: a setup
// that keeps the password in the keyring removes the file, so a file there
// was written after (a setup over SSH, or with the keyring locked) or by a
// version before the keyring, and the keyring's copy may be an old
// password.
func keptPassword(ctx context.Context, e *env, dbPath, serverURL string) (string, error) {
	if p := e.getenv("CASELOAD_AGENCY_PASSWORD"); p != "" {
		return p, nil
	}
	b, err := os.ReadFile(passwordFile(dbPath))
	switch {
	case err == nil && strings.TrimSpace(string(b)) != "":
		return strings.TrimRight(string(b), "\n"), nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("read the kept server password: %w", err)
	}
	login, err := agency.Login(serverURL)
	if err != nil {
		return "", err
	}
	kctx, cancel := context.WithTimeout(ctx, keyringTimeout)
	p, keyringErr := keyring.Get(kctx, e.getenv, keyringService, login)
	cancel()
	switch {
	case keyringErr == nil:
		return p, nil
	case errors.Is(keyringErr, keyring.ErrNoKeyring) || errors.Is(keyringErr, keyring.ErrNotFound):
		return "", errNoKeptPassword
	}
	return "", fmt.Errorf("the OS keyring did not give the server password: %w", keyringErr)
}

// agencyPassword gets the officer's server password: $CASELOAD_AGENCY_PASSWORD,
// else the kept one (unless asking anew), else typed at the terminal.
func agencyPassword(ctx context.Context, e *env, dbPath, serverURL string, ask bool) (string, error) {
	if p := e.getenv("CASELOAD_AGENCY_PASSWORD"); p != "" {
		return p, nil
	}
	var keptErr error // why a kept password could not be read, other than there being none
	if !ask {
		p, err := keptPassword(ctx, e, dbPath, serverURL)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, errNoKeptPassword) {
			keptErr = err
		}
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		if keptErr != nil {
			return "", keptErr
		}
		return "", errors.New("no server password: type it at a terminal (caseload sync --setup URL), or set CASELOAD_AGENCY_PASSWORD")
	}
	if keptErr != nil {
		fmt.Fprintln(e.stderr, keptErr)
	}
	fmt.Fprint(e.stderr, "Your password on the agency's server: ")
	b, err := term.ReadPassword(f.Fd())
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	if len(b) == 0 {
		return "", errors.New("the password is empty")
	}
	return string(b), nil
}

// keepPassword keeps the server password for serverURL's login: in the OS
// keyring where there is one, removing a file an earlier setup left so that
// no stale copy stays on disk; else, or when the keyring refuses (locked,
// no collection to keep it in), in the file, saying so on stderr. It
// returns where the password went, in the officer's words.
func keepPassword(ctx context.Context, e *env, dbPath, serverURL, password string) (string, error) {
	login, err := agency.Login(serverURL)
	if err != nil {
		return "", err
	}
	kctx, cancel := context.WithTimeout(ctx, keyringTimeout)
	err = keyring.Set(kctx, e.getenv, keyringService, login, password)
	cancel()
	file := passwordFile(dbPath)
	switch {
	case err == nil:
		if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("remove the password file an earlier setup left: %w", err)
		}
		return "in the OS keyring", nil
	case !errors.Is(err, keyring.ErrNoKeyring):
		fmt.Fprintf(e.stderr, "the OS keyring would not keep the server password (%v), so it goes in a file\n", err)
	}
	if err := savePassword(file, password); err != nil {
		return "", err
	}
	return "in " + file + ", readable by you alone", nil
}

// passwordFile is where the server password is kept when there is no
// keyring: beside the database (whose folder is private), never inside it.
func passwordFile(dbPath string) string { return dbPath + ".agency-password" }

// savePassword writes the password readable by the officer alone.
func savePassword(path, password string) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("keep the server password: %w", err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep the server password: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep the server password: %w", err)
	}
	return nil
}
