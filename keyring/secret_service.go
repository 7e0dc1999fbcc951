//go:build !darwin && !windows

package keyring

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/godbus/dbus/v5"
)

// The Secret Service's names, from the freedesktop specification
// (https://specifications.freedesktop.org/secret-service-spec/).
const (
	serviceName    = "org.freedesktop.secrets"
	servicePath    = dbus.ObjectPath("/org/freedesktop/secrets")
	serviceIface   = "org.freedesktop.Secret.Service"
	collectionFace = "org.freedesktop.Secret.Collection"
	itemIface      = "org.freedesktop.Secret.Item"
	sessionIface   = "org.freedesktop.Secret.Session"
	noPath         = dbus.ObjectPath("/") // "none": no prompt, no collection
)

// secret is the Secret Service's Secret struct, (oayays).
type secret struct {
	Session     dbus.ObjectPath
	Parameters  []byte
	Value       []byte
	ContentType string
}

// Get returns the secret kept for account of service. getenv is the
// environment that says where the session bus is, so that a caller with an
// environment of its own (a test) reaches its own bus.
func Get(ctx context.Context, getenv func(string) string, service, account string) (string, error) {
	conn, err := connect(ctx, getenv)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	svc := conn.Object(serviceName, servicePath)
	var unlocked, locked []dbus.ObjectPath
	if err := svc.CallWithContext(ctx, serviceIface+".SearchItems", 0, attributes(service, account)).Store(&unlocked, &locked); err != nil {
		return "", refusal("search the keyring", err)
	}
	switch {
	case len(unlocked) > 0:
	case len(locked) > 0:
		return "", ErrLocked
	default:
		return "", ErrNotFound
	}
	session, err := openSession(ctx, conn)
	if err != nil {
		return "", err
	}
	defer conn.Object(serviceName, session).CallWithContext(ctx, sessionIface+".Close", 0)
	var s secret
	if err := conn.Object(serviceName, unlocked[0]).CallWithContext(ctx, itemIface+".GetSecret", 0, session).Store(&s); err != nil {
		return "", refusal("read the secret", err)
	}
	return string(s.Value), nil
}

// Set keeps secret for account of service in the default collection (the
// login keyring), in place of one kept before.
func Set(ctx context.Context, getenv func(string) string, service, account, value string) error {
	conn, err := connect(ctx, getenv)
	if err != nil {
		return err
	}
	defer conn.Close()
	svc := conn.Object(serviceName, servicePath)
	var collection dbus.ObjectPath
	if err := svc.CallWithContext(ctx, serviceIface+".ReadAlias", 0, "default").Store(&collection); err != nil {
		return refusal("find the default keyring", err)
	}
	if collection == noPath {
		return errors.New("the keyring has no default collection")
	}
	session, err := openSession(ctx, conn)
	if err != nil {
		return err
	}
	defer conn.Object(serviceName, session).CallWithContext(ctx, sessionIface+".Close", 0)
	props := map[string]dbus.Variant{
		itemIface + ".Label":      dbus.MakeVariant(service + ": " + account),
		itemIface + ".Attributes": dbus.MakeVariant(attributes(service, account)),
	}
	s := secret{Session: session, Parameters: []byte{}, Value: []byte(value), ContentType: "text/plain; charset=utf8"}
	var item, prompt dbus.ObjectPath
	if err := conn.Object(serviceName, collection).CallWithContext(ctx, collectionFace+".CreateItem", 0, props, s, true).Store(&item, &prompt); err != nil {
		return refusal("keep the secret", err)
	}
	if prompt != noPath {
		// The keyring wants its owner to unlock it; the prompt is never
		// shown, so nothing was kept.
		return ErrLocked
	}
	return nil
}

// attributes name a secret as other Secret Service clients do (go-keyring,
// secret-tool lookup service S username U), so one can find it too.
func attributes(service, account string) map[string]string {
	return map[string]string{"service": service, "username": account}
}

// connect reaches the session bus the environment names, or the one at
// $XDG_RUNTIME_DIR/bus, and never starts one: where there is none there is
// no keyring, and trying to launch a bus (as libdbus and godbus's SessionBus
// may) costs a headless machine time for nothing.
func connect(ctx context.Context, getenv func(string) string) (*dbus.Conn, error) {
	addr := getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr == "" || addr == "autolaunch:" {
		addr = ""
		if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
			bus := filepath.Join(dir, "bus")
			if info, err := os.Stat(bus); err == nil && info.Mode().Type() == os.ModeSocket {
				addr = "unix:path=" + dbus.EscapeBusAddressValue(bus)
			}
		}
	}
	if addr == "" {
		return nil, ErrNoKeyring
	}
	conn, err := dbus.Connect(addr, dbus.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("%w: the session bus: %v", ErrNoKeyring, err)
	}
	return conn, nil
}

// openSession opens a session that passes secrets as they are: they go over
// the session bus, a socket of this user's alone.
func openSession(ctx context.Context, conn *dbus.Conn) (dbus.ObjectPath, error) {
	var output dbus.Variant
	var session dbus.ObjectPath
	err := conn.Object(serviceName, servicePath).CallWithContext(ctx, serviceIface+".OpenSession", 0, "plain", dbus.MakeVariant("")).
		Store(&output, &session)
	if err != nil {
		return "", refusal("open a keyring session", err)
	}
	return session, nil
}

// refusal words an error of the Secret Service; one that says nobody
// answers for it on the bus means there is no keyring.
func refusal(doing string, err error) error {
	var e dbus.Error
	if errors.As(err, &e) && (e.Name == "org.freedesktop.DBus.Error.ServiceUnknown" || e.Name == "org.freedesktop.DBus.Error.NameHasNoOwner") {
		return fmt.Errorf("%w: %v", ErrNoKeyring, err)
	}
	if errors.As(err, &e) && e.Name == "org.freedesktop.Secret.Error.IsLocked" {
		return ErrLocked
	}
	return fmt.Errorf("%s: %w", doing, err)
}
