package cli

import (
	"context"
	"fmt"
	"time"

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
			"password and keeps it in the OS keyring, or where there is none in a file beside the database that\n" +
			"only you can read (never in the database), says which, then syncs; on an empty file that brings\n" +
			"your whole caseload back. $CASELOAD_AGENCY_PASSWORD gives the password to scripts.",
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
// keeps them: the address in the caseload file, the password in the OS
// keyring or beside the file, and says where the password went.
func setUpSync(ctx context.Context, e *env, s *store.Store, path, raw string) error {
	serverURL, err := agency.ServerURL(raw)
	if err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	password, err := agencyPassword(ctx, e, path, serverURL, true)
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
	where, err := keepPassword(ctx, e, path, serverURL, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "your server password is kept %s\n", where)
	return nil
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
	password, err := agencyPassword(ctx, e, path, serverURL, false)
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
		password, err := keptPassword(ctx, e, path, serverURL)
		if err != nil {
			return tui.SyncReport{}, err
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
