package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/charmbracelet/x/term"
	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"caseload/agency"
	"caseload/text"
)

// exactArgs wants n arguments, named what in the message when missing.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return usagef(cmd, "name the %s", what)
		case len(args) > n:
			return usagef(cmd, "unexpected %q", args[n])
		}
		return nil
	}
}

// serverOptions are the flags every `caseload server` command shares.
type serverOptions struct {
	url string // an administrator's postgres:// URL
}

func newServerCmd(e *env) *cobra.Command {
	o := &serverOptions{}
	cmd := &cobra.Command{
		Use:   "server",
		Short: "For the agency's administrator: create the server's schema, manage officers, see each laptop's last sync",
		Long: "Runs against the agency's PostgreSQL as an administrator (a superuser): --server URL, else\n" +
			"$CASELOAD_SERVER. The password comes the PostgreSQL way: in the URL, $PGPASSWORD or ~/.pgpass.",
		Example: `
# Create or upgrade the schema, then add a supervisor and an officer in their team:
caseload server init postgres://admin@db.agency.example/caseload
caseload server supervisor add mlopez --server postgres://admin@db.agency.example/caseload
caseload server officer add jsmith --supervisor mlopez --server postgres://admin@db.agency.example/caseload

# Who synced when:
caseload server status --server postgres://admin@db.agency.example/caseload`,
		Args: noArgs,
	}
	cmd.PersistentFlags().StringVar(&o.url, "server", "", "an administrator's postgres:// URL (default $CASELOAD_SERVER)")
	cmd.AddCommand(newServerInitCmd(e, o), newStaffCmd(e, o, agency.Officer), newStaffCmd(e, o, agency.Supervisor), newServerStatusCmd(e, o))
	return cmd
}

// adminConn connects as the agency's administrator.
func adminConn(ctx context.Context, e *env, o *serverOptions) (*pgx.Conn, error) {
	u := o.url
	if u == "" {
		u = e.getenv("CASELOAD_SERVER")
	}
	if u == "" {
		return nil, fmt.Errorf("%w: name the server: --server URL or $CASELOAD_SERVER", errUsage)
	}
	cfg, err := pgx.ParseConfig(u)
	if err != nil {
		return nil, fmt.Errorf("the server address: %w", err)
	}
	cfg.ConnectTimeout = connectTimeout
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to the agency's server: %w", err)
	}
	return conn, nil
}

func newServerInitCmd(e *env, o *serverOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "init [URL]",
		Short: "Create the agency's schema and roles on the server, or bring them up to date",
		Example: `
caseload server init postgres://admin@db.agency.example/caseload
CASELOAD_SERVER=postgres://admin@localhost/caseload caseload server init`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef(cmd, "unexpected %q", args[1])
			}
			return nil
		},
		RunE: action(func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.url = args[0]
			}
			ctx := cmd.Context()
			conn, err := adminConn(ctx, e, o)
			if err != nil {
				return err
			}
			defer conn.Close(context.Background())
			applied, err := agency.Migrate(ctx, conn)
			if err != nil {
				return err
			}
			v, err := agency.SchemaVersion(ctx, conn)
			if err != nil {
				return err
			}
			for _, m := range applied {
				fmt.Fprintf(e.stdout, "applied %s\n", m.Name)
			}
			fmt.Fprintf(e.stdout, "the server's schema is at version %d\n", v)
			return nil
		}),
	}
}

func newStaffCmd(e *env, o *serverOptions, kind agency.StaffKind) *cobra.Command {
	var supervisor string
	cmd := &cobra.Command{
		Use:   string(kind) + " add|remove|move NAME",
		Short: "Add, remove or move a" + map[bool]string{true: "n", false: ""}[kind == agency.Officer] + " " + string(kind) + "'s login",
		Long: "add makes a login role (its password typed twice at the terminal, or $CASELOAD_NEW_PASSWORD);\n" +
			"remove stops it logging in (its records and its place in the audit log stay); move puts an officer\n" +
			"in another supervisor's team.",
		Example: fmt.Sprintf(`
caseload server %[1]s add jsmith --supervisor mlopez
caseload server %[1]s remove jsmith`, kind),
		Args: exactArgs(2, "action (add, remove or move) and the name"),
		RunE: action(func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			verb, name := args[0], args[1]
			if verb != "add" && verb != "remove" && (verb != "move" || kind != agency.Officer) {
				return usagef(cmd, "unknown action %q", verb)
			}
			conn, err := adminConn(ctx, e, o)
			if err != nil {
				return err
			}
			defer conn.Close(context.Background())
			switch verb {
			case "add":
				password, err := newPassword(e, name)
				if err != nil {
					return err
				}
				if err := agency.AddStaff(ctx, conn, kind, name, password, supervisor); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s %s can now log in and sync\n", kind, name)
			case "remove":
				if err := agency.RemoveStaff(ctx, conn, name); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s can no longer log in; their records stay on the server\n", name)
			case "move":
				if supervisor == "" {
					return usagef(cmd, "say whose team: --supervisor NAME")
				}
				if err := agency.MoveStaff(ctx, conn, name, supervisor); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s is now in %s's team\n", name, supervisor)
			}
			return nil
		}),
	}
	if kind == agency.Officer {
		cmd.Flags().StringVar(&supervisor, "supervisor", "", "the supervisor whose team the officer is in")
	}
	return cmd
}

// newPassword gets a new login's password: $CASELOAD_NEW_PASSWORD, else
// typed twice at the terminal.
func newPassword(e *env, name string) (string, error) {
	if p := e.getenv("CASELOAD_NEW_PASSWORD"); p != "" {
		return p, nil
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return "", errors.New("no password for the new login: type it at a terminal, or set CASELOAD_NEW_PASSWORD")
	}
	read := func(prompt string) (string, error) {
		fmt.Fprint(e.stderr, prompt)
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	p, err := read("Password for " + name + ": ")
	if err != nil {
		return "", err
	}
	again, err := read("Type it again: ")
	if err != nil {
		return "", err
	}
	if p != again {
		return "", errors.New("the two passwords differ")
	}
	if len(p) < minPassphrase {
		return "", fmt.Errorf("the password must be at least %d characters", minPassphrase)
	}
	return p, nil
}

func newServerStatusCmd(e *env, o *serverOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show each officer's and supervisor's laptops and when each last synced",
		Example: `
caseload server status --server postgres://admin@db.agency.example/caseload
CASELOAD_SERVER=postgres://admin@localhost/caseload caseload server status`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			conn, err := adminConn(ctx, e, o)
			if err != nil {
				return err
			}
			defer conn.Close(context.Background())
			all, err := agency.Status(ctx, conn)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tKIND\tSUPERVISOR\tLAPTOP\tLAST SYNC\tSENT\tRECEIVED")
			for _, st := range all {
				laptop, last := "-", "never"
				if st.Laptop != "" {
					laptop, last = st.Laptop[len(st.Laptop)-12:], st.LastSync.Local().Format("2006-01-02 15:04")
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", text.Plain(st.Role), st.Kind, text.Plain(orDash(st.Supervisor)),
					laptop, last, st.Pushed, st.Pulled)
			}
			return w.Flush()
		}),
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
