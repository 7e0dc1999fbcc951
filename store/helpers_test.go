package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// testNow is the frozen "now" of the store tests.
var testNow = time.Date(2026, 3, 10, 14, 30, 0, 0, time.Local)

func TestMain(m *testing.M) {
	// Encryption at age's real cost would take seconds per test.
	store.SetScryptWorkFactor(10)
	os.Exit(m.Run())
}

// openAt opens (creating) the store at path with the frozen clock.
func openAt(t *testing.T, path string, opts ...store.Option) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, append([]store.Option{store.WithClock(func() time.Time { return testNow })}, opts...)...)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// demoFile makes a closed database holding a small demo caseload and returns
// its path.
func demoFile(t *testing.T, clients int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: clients, Resources: 8, Seed: 7, Now: model.StartOfDay(testNow)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// hashFile returns the SHA-256 of a file's bytes.
func hashFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func newClient(caseNumber string) model.Client {
	return model.Client{Name: "Test Person " + caseNumber, CaseNumber: caseNumber, SupervisionType: model.SupervisionProbation,
		Level: model.LevelModerate, Status: model.StatusActive}
}
