package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

func TestLockPassphraseIsStoredAsAHashAndOnlyTheRightOneUnlocks(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	if _, err := s.VerifyLockPassphrase(ctx, "anything"); !errors.Is(err, store.ErrNoLockPassphrase) {
		t.Fatalf("with no passphrase set, verify says %v, want ErrNoLockPassphrase", err)
	}
	const pass = "correct horse battery"
	if err := s.SetLockPassphrase(ctx, pass); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := s.DB().QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'lock_passphrase_hash'").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stored, pass) || !strings.HasPrefix(stored, "$argon2id$") {
		t.Fatalf("stored %q: want an argon2id hash that does not hold the passphrase", stored)
	}
	for _, try := range []struct {
		pass string
		ok   bool
	}{{pass, true}, {"correct horse battery ", false}, {"Correct horse battery", false}, {"", false}} {
		ok, err := s.VerifyLockPassphrase(ctx, try.pass)
		if err != nil || ok != try.ok {
			t.Errorf("verify %q = %v, %v; want %v", try.pass, ok, err, try.ok)
		}
	}
	set, err := s.LockSettings(ctx)
	if err != nil || !set.HasPassphrase {
		t.Fatalf("lock settings %+v, %v: want a passphrase set", set, err)
	}

	// The same passphrase set again gets a new salt, so a new hash.
	if err := s.SetLockPassphrase(ctx, pass); err != nil {
		t.Fatal(err)
	}
	var again string
	if err := s.DB().QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'lock_passphrase_hash'").Scan(&again); err != nil {
		t.Fatal(err)
	}
	if again == stored {
		t.Fatal("setting the same passphrase twice stored the same hash: the salt is not random")
	}

	if err := s.ClearLockPassphrase(ctx); err != nil {
		t.Fatal(err)
	}
	if set, _ := s.LockSettings(ctx); set.HasPassphrase {
		t.Fatal("the passphrase is still set after clearing it")
	}
	if _, err := s.VerifyLockPassphrase(ctx, pass); !errors.Is(err, store.ErrNoLockPassphrase) {
		t.Fatalf("after clearing, verify says %v, want ErrNoLockPassphrase", err)
	}
}

func TestLockMinutesDefaultToFifteenAndStayWithinHalfAnHour(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	if set, err := s.LockSettings(ctx); err != nil || set.IdleMinutes != model.DefaultLockMinutes || set.HasPassphrase {
		t.Fatalf("new file: lock settings %+v, %v; want 15 minutes and no passphrase", set, err)
	}
	for _, bad := range []int{0, -5, 31} {
		if err := s.SetLockMinutes(ctx, bad); model.FieldErrors(err).For("lock_minutes") == "" {
			t.Errorf("%d minutes: got %v, want a lock_minutes field error", bad, err)
		}
	}
	if err := s.SetLockMinutes(ctx, 30); err != nil {
		t.Fatal(err)
	}
	if set, err := s.LockSettings(ctx); err != nil || set.IdleMinutes != 30 {
		t.Fatalf("after setting 30: %+v, %v", set, err)
	}
}

func TestAuditLogNewestPagesBackFromTheLatestWrite(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	for _, cn := range []string{"N-1", "N-2", "N-3", "N-4", "N-5"} {
		if _, err := s.CreateClient(ctx, newClient(cn)); err != nil {
			t.Fatal(err)
		}
	}
	total, err := s.AuditCount(ctx)
	if err != nil || total < 5 {
		t.Fatalf("count %d, %v; want at least the five creations", total, err)
	}
	var seen []int64
	before := int64(0)
	for {
		page, err := s.AuditLogNewest(ctx, before, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			seen = append(seen, e.Seq)
		}
		if len(page) < 2 {
			break
		}
		before = page[len(page)-1].Seq
	}
	if len(seen) != total {
		t.Fatalf("paged through %d entries, the log holds %d", len(seen), total)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] >= seen[i-1] {
			t.Fatalf("entries not newest first: %v", seen)
		}
	}
}
