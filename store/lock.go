package store

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"

	"caseload/model"
)

// Settings keys of the privacy lock.
const (
	keyLockHash    = "lock_passphrase_hash"
	keyLockMinutes = "lock_idle_minutes"
)

// Argon2id costs for the lock passphrase: OWASP's recommended minimum
// (19 MiB, two passes, one lane). Unlocking is a human waiting, so a
// tenth of a second is cheap; a stolen file's guesses pay the same. The
// costs are stored with each hash, so raising them later keeps old hashes
// working.
const (
	lockTime    = 2
	lockMemory  = 19 * 1024
	lockThreads = 1
	lockKeyLen  = 32
	lockSaltLen = 16
)

// ErrNoLockPassphrase says the lock has no passphrase to check against.
var ErrNoLockPassphrase = errors.New("no lock passphrase is set")

// LockSettings reads when the screen locks and whether a passphrase is set.
func (s *Store) LockSettings(ctx context.Context) (model.LockSettings, error) {
	set := model.DefaultLockSettings()
	hash, err := readSetting(ctx, s.db, keyLockHash)
	if err != nil {
		return set, err
	}
	set.HasPassphrase = hash != ""
	v, err := readSetting(ctx, s.db, keyLockMinutes)
	if err != nil || v == "" {
		return set, err
	}
	m, err := strconv.Atoi(v)
	if err != nil || model.ValidateLockMinutes(m) != nil {
		return set, fmt.Errorf("setting %s is %q, not a number of minutes from 1 to %d", keyLockMinutes, v, model.MaxLockMinutes)
	}
	set.IdleMinutes = m
	return set, nil
}

// SetLockMinutes sets how long the app waits without a key before it locks.
func (s *Store) SetLockMinutes(ctx context.Context, minutes int) error {
	if err := model.ValidateLockMinutes(minutes); err != nil {
		return err
	}
	return s.write(ctx, func(w *Writer) error { return w.setSetting(keyLockMinutes, strconv.Itoa(minutes)) })
}

// SetLockPassphrase stores an Argon2id hash of the passphrase with a fresh
// random salt; the passphrase itself is never written.
func (s *Store) SetLockPassphrase(ctx context.Context, passphrase string) error {
	if passphrase == "" {
		return errors.New("the lock passphrase is empty")
	}
	salt := make([]byte, lockSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return fmt.Errorf("make a salt for the lock passphrase: %w", err)
	}
	key := argon2.IDKey([]byte(passphrase), salt, lockTime, lockMemory, lockThreads, lockKeyLen)
	enc := base64.RawStdEncoding
	// The PHC string form, as other Argon2 tools write it.
	hash := fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, lockMemory, lockTime, lockThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key))
	return s.write(ctx, func(w *Writer) error { return w.setSetting(keyLockHash, hash) })
}

// ClearLockPassphrase removes the passphrase: enter alone unlocks. The hash
// is blanked rather than deleted so that the audit log records the change.
func (s *Store) ClearLockPassphrase(ctx context.Context) error {
	return s.write(ctx, func(w *Writer) error { return w.setSetting(keyLockHash, "") })
}

// VerifyLockPassphrase reports whether the passphrase matches the stored
// hash; ErrNoLockPassphrase when none is set.
func (s *Store) VerifyLockPassphrase(ctx context.Context, passphrase string) (bool, error) {
	hash, err := readSetting(ctx, s.db, keyLockHash)
	if err != nil {
		return false, err
	}
	if hash == "" {
		return false, ErrNoLockPassphrase
	}
	var version, mem, time, threads int
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, fmt.Errorf("setting %s is not an argon2id hash", keyLockHash)
	}
	_, err1 := fmt.Sscanf(parts[2], "v=%d", &version)
	_, err2 := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &time, &threads)
	salt, err3 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err4 := base64.RawStdEncoding.DecodeString(parts[5])
	if err := errors.Join(err1, err2, err3, err4); err != nil || version != argon2.Version ||
		mem <= 0 || mem > 1<<20 || time <= 0 || threads <= 0 || threads > 255 || len(want) == 0 {
		return false, fmt.Errorf("setting %s is not a readable argon2id hash", keyLockHash)
	}
	got := argon2.IDKey([]byte(passphrase), salt, uint32(time), uint32(mem), uint8(threads), uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
