package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// testNow is the frozen "now" of the store tests.
var testNow = time.Date(2026, 3, 10, 14, 30, 0, 0, time.Local)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "caseload-demo-templates-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	templates.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// templates holds one demo database per size, made once and copied for each
// test that needs one: filling a caseload is the slow part of these tests.
var templates struct {
	sync.Mutex
	dir  string
	made map[int]string
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

// syncedFile opens (creating) a file in its own folder and sets up sync on
// it, as a laptop is before its first pull.
func syncedFile(t *testing.T) *store.Store {
	t.Helper()
	s := openAt(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := s.StartSync(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// demoFile returns the path of a closed database, of its own, holding a
// small demo caseload.
func demoFile(t *testing.T, clients int) string {
	t.Helper()
	src := demoTemplate(t, clients)
	path := filepath.Join(t.TempDir(), "caseload.db")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func demoTemplate(t *testing.T, clients int) string {
	t.Helper()
	templates.Lock()
	defer templates.Unlock()
	if p, ok := templates.made[clients]; ok {
		return p
	}
	path := filepath.Join(templates.dir, fmt.Sprintf("demo-%d.db", clients))
	s, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: clients, Resources: 8, Seed: 7, Now: model.StartOfDay(testNow)}); err != nil {
		t.Fatal(err)
	}
	// Closing the last connection folds the WAL into the file, so the file
	// alone is the whole database.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if templates.made == nil {
		templates.made = map[int]string{}
	}
	templates.made[clients] = path
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
