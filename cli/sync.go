package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"caseload/agency"
	"caseload/store"
	"caseload/tui"
)

// connectTimeout is how long a sync waits for the server to answer before
// it leaves the work on the laptop for next time.
const connectTimeout = 10 * time.Second

func newSyncCmd(e *env) *cobra.Command {
	var setup string
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Send this laptop's new work to the agency's server and bring back what is new there",
		Long: "Pushes every record made or changed on this laptop since the last sync, then pulls every record\n" +
			"you may see that is new on the agency's PostgreSQL server. --setup URL stores the server's address\n" +
			"(sslmode=verify-full with the agency's CA for any host that is not this machine), asks for your\n" +
			"password and keeps it in a file only you can read beside the database (never in it), then syncs;\n" +
			"on an empty file that brings your whole caseload back. $CASELOAD_AGENCY_PASSWORD gives the password\n" +
			"to scripts.",
		Example: `
# Once per laptop (a new or replacement laptop gets your caseload back):
caseload sync --setup 'postgres://jsmith@caseload.agency.example/caseload?sslrootcert=/etc/agency/ca.pem'

# Every day after that:
caseload sync`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runSync(cmd.Context(), e, setup) }),
	}
	cmd.Flags().StringVar(&setup, "setup", "", "the agency server's postgres:// URL, without the password")
	return cmd
}

// runSync sets up sync when asked, then syncs and reports what moved.
func runSync(ctx context.Context, e *env, setup string) error {
	path := dbPath(e)
	s, err := openStore(ctx, e, path, store.ManyWrites())
	if err != nil {
		return err
	}
	defer s.Close()
	if setup != "" {
		if err := setUpSync(ctx, e, s, path, setup); err != nil {
			return err
		}
	}
	conn, err := connectAgency(ctx, e, s, path)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	r, err := agency.Sync(ctx, s, conn, agency.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, syncLine(r))
	return nil
}

// syncLine says what a sync did, in one line.
func syncLine(r agency.Report) string {
	line := fmt.Sprintf("synced with the agency: %d sent, %d received (%d ms)", r.Pushed, r.Pulled, r.Took.Milliseconds())
	if r.Rejected > 0 {
		line += fmt.Sprintf("; %d filed for your supervisor to review (the server would not apply them)", r.Rejected)
	}
	if r.Conflicts > 0 {
		line += fmt.Sprintf("; %d changed on another laptop at the same time (both versions are kept)", r.Conflicts)
	}
	return line
}

// setUpSync checks the address and the password with a first login, then
// keeps them: the address in the file, the password beside it.
func setUpSync(ctx context.Context, e *env, s *store.Store, path, raw string) error {
	serverURL, err := agency.ServerURL(raw)
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	password, err := agencyPassword(e, path, true)
	if err != nil {
		return err
	}
	conn, err := agency.Connect(ctx, serverURL, password, connectTimeout)
	if err != nil {
		return err
	}
	conn.Close(context.Background())
	if _, err := s.StartSync(ctx); err != nil {
		return err
	}
	if err := s.SetServerURL(ctx, serverURL); err != nil {
		return err
	}
	return savePassword(passwordFile(path), password)
}

// connectAgency logs in to the server this file syncs with.
func connectAgency(ctx context.Context, e *env, s *store.Store, path string) (*pgx.Conn, error) {
	serverURL, err := s.ServerURL(ctx)
	if err != nil {
		return nil, err
	}
	if serverURL == "" {
		return nil, agency.ErrNotSetUp
	}
	password, err := agencyPassword(e, path, false)
	if err != nil {
		return nil, err
	}
	return agency.Connect(ctx, serverURL, password, connectTimeout)
}

// appSync is the app's sync (the key Y, and on start or quit when the
// settings say so): the kept address and password, and never a question at
// the terminal, which the app holds.
func appSync(e *env, path string) tui.SyncFunc {
	return func(ctx context.Context, s *store.Store, progress func(string)) (tui.SyncReport, error) {
		serverURL, err := s.ServerURL(ctx)
		if err != nil {
			return tui.SyncReport{}, err
		}
		if serverURL == "" {
			return tui.SyncReport{}, agency.ErrNotSetUp
		}
		password, ok := keptPassword(e, path)
		if !ok {
			return tui.SyncReport{}, errors.New("no server password is kept on this laptop: run caseload sync --setup URL once at the terminal")
		}
		conn, err := agency.Connect(ctx, serverURL, password, connectTimeout)
		if err != nil {
			return tui.SyncReport{}, err
		}
		defer conn.Close(context.Background())
		r, err := agency.Sync(ctx, s, conn, agency.Options{Progress: progress})
		return tui.SyncReport{Pushed: r.Pushed, Pulled: r.Pulled, Rejected: r.Rejected, Conflicts: r.Conflicts}, err
	}
}

// keptPassword is the server password from $CASELOAD_AGENCY_PASSWORD or the
// kept file, without asking.
func keptPassword(e *env, dbPath string) (string, bool) {
	if p := e.getenv("CASELOAD_AGENCY_PASSWORD"); p != "" {
		return p, true
	}
	b, err := os.ReadFile(passwordFile(dbPath))
	if err != nil || strings.TrimSpace(string(b)) == "" {
		return "", false
	}
	return strings.TrimRight(string(b), "\n"), true
}

// passwordFile is where the server password is kept: beside the database
// (whose folder is private), never inside it.
func passwordFile(dbPath string) string { return dbPath + ".agency-password" }

// agencyPassword gets the officer's server password: $CASELOAD_AGENCY_PASSWORD,
// else the kept file (unless asking anew), else typed at the terminal.
func agencyPassword(e *env, dbPath string, ask bool) (string, error) {
	if p := e.getenv("CASELOAD_AGENCY_PASSWORD"); p != "" {
		return p, nil
	}
	if !ask {
		if p, ok := keptPassword(e, dbPath); ok {
			return p, nil
		}
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return "", errors.New("no server password: type it at a terminal (caseload sync --setup URL), or set CASELOAD_AGENCY_PASSWORD")
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
