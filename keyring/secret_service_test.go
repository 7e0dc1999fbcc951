//go:build !darwin && !windows

package keyring

import (
	"context"
	"errors"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"

	"caseload/internal/secrettest"
)

func ctxFor(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestASecretKeptIsReadBackAndReplaced(t *testing.T) {
	session := secrettest.Start(t)
	ctx := ctxFor(t)
	if _, err := Get(ctx, session.Getenv, "caseload", "alice@db:5432/caseload"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get before any Set = %v, want ErrNotFound", err)
	}
	for _, secret := range []string{"first password", "a new password, ünïcode and all"} {
		if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", secret); err != nil {
			t.Fatalf("Set: %v", err)
		}
		got, err := Get(ctx, session.Getenv, "caseload", "alice@db:5432/caseload")
		if err != nil || got != secret {
			t.Fatalf("Get after Set(%q) = %q, %v", secret, got, err)
		}
	}
	// Another account, and the same account of another service, are apart.
	for _, key := range [][2]string{{"caseload", "bob@db:5432/caseload"}, {"caseload", "alice@db:5432/other"}, {"another-app", "alice@db:5432/caseload"}} {
		if got, err := Get(ctx, session.Getenv, key[0], key[1]); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%q, %q) = %q, %v; want ErrNotFound", key[0], key[1], got, err)
		}
	}
}

// TestOtherSecretServiceClientsFindTheSecret reads and writes through
// go-keyring, another client of the Secret Service: what one keeps, the
// other finds under the same service and account. go-keyring reaches the
// bus through the process's environment, hence Setenv.
func TestOtherSecretServiceClientsFindTheSecret(t *testing.T) {
	session := secrettest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", session.Getenv("DBUS_SESSION_BUS_ADDRESS"))
	ctx := ctxFor(t)
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "kept by us"); err != nil {
		t.Fatal(err)
	}
	if got, err := gokeyring.Get("caseload", "alice@db:5432/caseload"); err != nil || got != "kept by us" {
		t.Errorf("go-keyring read %q, %v; want what we kept", got, err)
	}
	if err := gokeyring.Set("caseload", "bob@db:5432/caseload", "kept by go-keyring"); err != nil {
		t.Fatal(err)
	}
	if got, err := Get(ctx, session.Getenv, "caseload", "bob@db:5432/caseload"); err != nil || got != "kept by go-keyring" {
		t.Errorf("we read %q, %v; want what go-keyring kept", got, err)
	}
}

func TestTheBusIsFoundInTheRuntimeFolder(t *testing.T) {
	session := secrettest.Start(t)
	ctx := ctxFor(t)
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "secret"); err != nil {
		t.Fatal(err)
	}
	onlyRuntime := func(k string) string {
		if k == "XDG_RUNTIME_DIR" {
			return session.Getenv(k)
		}
		return ""
	}
	if got, err := Get(ctx, onlyRuntime, "caseload", "alice@db:5432/caseload"); err != nil || got != "secret" {
		t.Errorf("with $XDG_RUNTIME_DIR/bus only: %q, %v", got, err)
	}
}

func TestNoBusIsNoKeyring(t *testing.T) {
	ctx := ctxFor(t)
	for name, env := range map[string]map[string]string{
		"nothing set":                   nil,
		"autolaunch only":               {"DBUS_SESSION_BUS_ADDRESS": "autolaunch:"},
		"a runtime folder with no bus":  {"XDG_RUNTIME_DIR": t.TempDir()},
		"an address where nobody hears": {"DBUS_SESSION_BUS_ADDRESS": "unix:path=" + t.TempDir() + "/bus"},
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, getErr := Get(ctx, func(k string) string { return env[k] }, "caseload", "alice@db:5432/caseload")
			setErr := Set(ctx, func(k string) string { return env[k] }, "caseload", "alice@db:5432/caseload", "secret")
			if !errors.Is(getErr, ErrNoKeyring) || !errors.Is(setErr, ErrNoKeyring) {
				t.Errorf("Get: %v, Set: %v; want ErrNoKeyring", getErr, setErr)
			}
			// Nothing launched, nothing waited for.
			if took := time.Since(start); took > 100*time.Millisecond {
				t.Errorf("finding no keyring took %v", took)
			}
		})
	}
}

func TestABusWithoutASecretServiceIsNoKeyring(t *testing.T) {
	session := secrettest.StartBus(t)
	ctx := ctxFor(t)
	if _, err := Get(ctx, session.Getenv, "caseload", "alice@db:5432/caseload"); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("Get = %v, want ErrNoKeyring", err)
	}
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "secret"); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("Set = %v, want ErrNoKeyring", err)
	}
}

// TestALockedKeyringIsNeverPrompted: a locked keyring refuses at once
// rather than showing its owner a prompt nobody may be there to answer.
func TestALockedKeyringIsNeverPrompted(t *testing.T) {
	session := secrettest.Start(t)
	ctx := ctxFor(t)
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "secret"); err != nil {
		t.Fatal(err)
	}
	session.Lock(t)
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "new secret"); !errors.Is(err, ErrLocked) {
		t.Errorf("Set on a locked keyring = %v, want ErrLocked", err)
	}
	if got, err := Get(ctx, session.Getenv, "caseload", "alice@db:5432/caseload"); !errors.Is(err, ErrLocked) {
		t.Errorf("Get on a locked keyring = %q, %v; want ErrLocked", got, err)
	}
}

// BenchmarkGet is what the everyday sync pays to read its password from the
// keyring: a connection to the session bus, a search, a session, the
// secret.
func BenchmarkGet(b *testing.B) {
	session := secrettest.Start(b)
	ctx := context.Background()
	if err := Set(ctx, session.Getenv, "caseload", "alice@db:5432/caseload", "secret"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Get(ctx, session.Getenv, "caseload", "alice@db:5432/caseload"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetWithNoBus is what a session without a keyring pays before
// the file is read.
func BenchmarkGetWithNoBus(b *testing.B) {
	getenv := func(string) string { return "" }
	for b.Loop() {
		if _, err := Get(context.Background(), getenv, "caseload", "alice@db:5432/caseload"); !errors.Is(err, ErrNoKeyring) {
			b.Fatal(err)
		}
	}
}
