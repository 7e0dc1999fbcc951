package agency

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ServerURL checks an agency server's address for a laptop: a postgres://
// URL without a password (that is asked for and kept apart), and, for any
// host that is not this machine, sslmode=verify-full (the default when the
// URL names no sslmode) so that the laptop talks only to the agency's own
// server, checked against the agency's CA (sslrootcert=FILE).
func ServerURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", fmt.Errorf("the server address must be a postgres:// URL, not %q", raw)
	}
	// The address is kept in the caseload file: no password may ride in
	// it, in the user part or as a parameter (pgx reads password= too).
	if _, has := u.User.Password(); has || u.Query().Has("password") {
		return "", errors.New("leave the password out of the server address: it is asked for at the terminal and kept apart")
	}
	if u.User == nil || u.User.Username() == "" {
		return "", errors.New("the server address must name your login: postgres://NAME@HOST/DATABASE")
	}
	q := u.Query()
	if !isLocal(u, q) {
		switch mode := q.Get("sslmode"); mode {
		case "":
			q.Set("sslmode", "verify-full")
			u.RawQuery = q.Encode()
		case "verify-full":
		default:
			return "", fmt.Errorf("sslmode=%s does not check the server is the agency's: use sslmode=verify-full with the agency's CA (sslrootcert=FILE)", mode)
		}
	}
	return u.String(), nil
}

// Login names the server login a server URL logs in as,
// user@host:port/database, and never its password: the key under which a
// laptop keeps that password, so that two caseload files with the same login
// share it and two logins never mix. The parts a URL leaves out take
// PostgreSQL's defaults (port 5432, the database named after the user); a
// Unix socket's folder stands for the host.
func Login(serverURL string) (string, error) {
	u, err := url.Parse(serverURL)
	if err != nil || u.User == nil || u.User.Username() == "" {
		return "", fmt.Errorf("the server address names no login: %q", serverURL)
	}
	q := u.Query()
	user := u.User.Username()
	host := cmp.Or(u.Hostname(), q.Get("host"), "localhost")
	port := cmp.Or(u.Port(), q.Get("port"), "5432")
	database := cmp.Or(strings.TrimPrefix(u.Path, "/"), q.Get("dbname"), user)
	return user + "@" + net.JoinHostPort(host, port) + "/" + database, nil
}

// isLocal tells a server on this machine: a Unix socket or the loopback.
func isLocal(u *url.URL, q url.Values) bool {
	if h := q.Get("host"); strings.HasPrefix(h, "/") {
		return true
	}
	host := u.Hostname()
	if host == "" || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ErrUnreachable reports a server that cannot be reached: the laptop's
// work stays on it and goes at the next sync.
var ErrUnreachable = errors.New("the agency's server cannot be reached; your work stays on this laptop and goes at the next sync")

// Connect logs in to the agency's server as the officer. A server that does
// not answer within timeout is ErrUnreachable; a refused login says so.
func Connect(ctx context.Context, serverURL, password string, timeout time.Duration) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(serverURL)
	if err != nil {
		return nil, fmt.Errorf("the server address: %w", err)
	}
	cfg.Password = password
	cfg.ConnectTimeout = timeout
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		return conn, nil
	}
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "28P01":
		return nil, fmt.Errorf("the server refused the password for %s", cfg.User)
	case errors.As(err, &pgErr):
		return nil, fmt.Errorf("the server refused the login: %s", pgErr.Message)
	case strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "x509"):
		return nil, fmt.Errorf("the server's certificate does not match the agency's: %w", unwrapConnect(err))
	}
	return nil, fmt.Errorf("%w (%v)", ErrUnreachable, unwrapConnect(err))
}

// unwrapConnect keeps the cause of a failed connection, without pgx's
// repetition of the address it tried.
func unwrapConnect(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
