//go:build darwin || windows

package keyring

import (
	"context"
	"errors"

	gokeyring "github.com/zalando/go-keyring"
)

// Get returns the secret kept for account of service in the Keychain or the
// Credential Manager. getenv is not needed here: those keyrings are found
// without the environment's help.
func Get(_ context.Context, _ func(string) string, service, account string) (string, error) {
	secret, err := gokeyring.Get(service, account)
	if errors.Is(err, gokeyring.ErrNotFound) {
		return "", ErrNotFound
	}
	return secret, err
}

// Set keeps secret for account of service in the Keychain or the Credential
// Manager, in place of one kept before.
func Set(_ context.Context, _ func(string) string, service, account, secret string) error {
	return gokeyring.Set(service, account, secret)
}
