// Package secrettest gives a test a real keyring of its own: a D-Bus session
// bus (dbus-daemon) and, on it, the Secret Service of GNOME Keyring
// (gnome-keyring-daemon) with a login keyring made and unlocked for the test.
//
// Everything lives in a throwaway folder: HOME and the XDG folders point
// into it, so the keyring of whoever runs the tests is never touched, and
// the bus's socket is that folder's $XDG_RUNTIME_DIR/bus. The bus starts
// nothing by itself (its configuration names no service folders), so no
// other keyring is ever activated on it. Both daemons are stopped, their
// process groups killed, when the test ends.
package secrettest

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// Session is a test's desktop session as far as secrets go.
type Session struct {
	env map[string]string
}

// Env is the session's environment (HOME, the XDG folders and
// DBUS_SESSION_BUS_ADDRESS), a copy the test may add to.
func (s *Session) Env() map[string]string { return maps.Clone(s.env) }

// Getenv looks a variable up in the session's environment.
func (s *Session) Getenv(key string) string { return s.env[key] }

// StartBus starts a session bus with no keyring on it.
func StartBus(t testing.TB) *Session {
	t.Helper()
	// Under the system's temporary folder rather than t.TempDir: a Unix
	// socket's path must stay under about 100 bytes.
	dir, err := os.MkdirTemp("", "caseload-session-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	s := &Session{env: map[string]string{
		"HOME":            filepath.Join(dir, "home"),
		"XDG_DATA_HOME":   filepath.Join(dir, "data"),
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_RUNTIME_DIR": filepath.Join(dir, "run"),
	}}
	for _, d := range s.env {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	socket := filepath.Join(s.env["XDG_RUNTIME_DIR"], "bus")
	config := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(config, []byte(busConfig(socket)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(program(t, "dbus-daemon", "dbus-daemon"), "--config-file="+config, "--nofork", "--print-address")
	cmd.Env = s.environ()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	startGroup(t, cmd)
	// It prints its address once it listens.
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon did not say its address: %v", err)
	}
	s.env["DBUS_SESSION_BUS_ADDRESS"] = strings.TrimSpace(line)
	return s
}

// Start starts a session bus and GNOME Keyring's Secret Service on it, its
// login keyring (the default collection) unlocked.
func Start(t testing.TB) *Session {
	t.Helper()
	s := StartBus(t)
	cmd := exec.Command(program(t, "gnome-keyring-daemon", "gnome-keyring"), "--foreground", "--unlock", "--components=secrets")
	cmd.Env = s.environ()
	// --unlock reads the login keyring's password on standard input and
	// makes that keyring when there is none.
	cmd.Stdin = strings.NewReader("the test session's login password")
	startGroup(t, cmd)
	deadline := time.Now().Add(15 * time.Second)
	for {
		collection, err := s.defaultCollection()
		if err == nil && collection != "/" {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("gnome-keyring-daemon did not offer a default keyring on the test's bus within 15 s: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Lock locks the default keyring, as the screen locker or a timeout does:
// unlocking it again would take its owner's password at a prompt.
func (s *Session) Lock(t testing.TB) {
	t.Helper()
	collection, err := s.defaultCollection()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := dbus.Connect(s.env["DBUS_SESSION_BUS_ADDRESS"])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var locked []dbus.ObjectPath
	var prompt dbus.ObjectPath
	err = conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets").
		Call("org.freedesktop.Secret.Service.Lock", 0, []dbus.ObjectPath{collection}).Store(&locked, &prompt)
	if err != nil || len(locked) != 1 || prompt != "/" {
		t.Fatalf("lock the keyring: locked %v, prompt %v, %v", locked, prompt, err)
	}
}

// defaultCollection asks the Secret Service which collection is the default.
func (s *Session) defaultCollection() (dbus.ObjectPath, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	conn, err := dbus.Connect(s.env["DBUS_SESSION_BUS_ADDRESS"], dbus.WithContext(ctx))
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var collection dbus.ObjectPath
	err = conn.Object("org.freedesktop.secrets", "/org/freedesktop/secrets").
		CallWithContext(ctx, "org.freedesktop.Secret.Service.ReadAlias", 0, "default").Store(&collection)
	return collection, err
}

// environ is the daemons' whole environment: the session's and a PATH,
// nothing of the caller's desktop (no DISPLAY, so no prompt is ever shown).
func (s *Session) environ() []string {
	env := []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range s.env {
		env = append(env, k+"="+v)
	}
	return env
}

// program finds a daemon the tests need, or fails saying how to install it:
// a test is never skipped for want of one.
func program(t testing.TB, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("the keyring tests need %s: run `make tools` (it installs Debian's %s package): %v", name, debianPackage, err)
	}
	return path
}

// startGroup starts cmd in a process group of its own and kills the whole
// group when the test ends, whatever the daemon started beside itself.
func startGroup(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("%s said: %s", filepath.Base(cmd.Path), stderr.String())
		}
	})
}

// busConfig is a session bus that listens on socket, lets its one user do
// anything on it (the policy of Debian's session.conf) and activates no
// service.
func busConfig(socket string) string {
	return fmt.Sprintf(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`, socket)
}
