package tui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// benchClients is the size of caseload the speed targets are set at.
const benchClients = 10000

// benchDemoVersion changes when the demo's data or the schema changes, so
// that a cached file of an older one is not reused.
const benchDemoVersion = 4

// benchStore opens the 10,000-client demo, built once into the user's cache
// directory (outside the repository) and reused by every later run.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "caseload-bench")
	// The schema's key is in the name, so that two builds with different
	// schemas (a branch and main, measured side by side) each keep their
	// own file instead of migrating or rebuilding the other's.
	path := filepath.Join(dir, "tui-clients-"+strconv.Itoa(benchClients)+"-seed-1-v"+strconv.Itoa(benchDemoVersion)+"-"+store.SchemaKey()+".db")
	// A file that still will not open (made by a build of the same key
	// before a migration was renumbered) is built again.
	if st, err := store.Open(context.Background(), path, store.Existing()); err == nil {
		st.Close()
	} else {
		os.Remove(path)
	}
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			b.Fatal(err)
		}
		tmp := path + ".building"
		os.Remove(tmp)
		st := openStore(b, tmp)
		if _, err := demo.Fill(context.Background(), st, demo.Options{Clients: benchClients, Seed: 1, Now: model.StartOfDay(frozen)}); err != nil {
			b.Fatal(err)
		}
		st.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	st := openStore(b, path)
	b.Cleanup(func() { st.Close() })
	return st
}

// Each benchmark drives the app at 80x24 the way the terminal would: one
// key press through Update, the commands it starts (page loads) run to
// completion, then View. So the figures include any query the key causes.

func BenchmarkFilterKeystroke(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	h.keys("/", "a", "n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			h.app.Update(keyPress("n")) // the match runs in a command: measured below
		} else {
			h.app.Update(keyPress("backspace"))
		}
		_ = h.app.View()
	}
}

// BenchmarkFilterMatch is the command a filter keystroke starts: fuzzy
// matching 10,000 names and reading the rows of the best matches.
func BenchmarkFilterMatch(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	h.keys("/", "a", "n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := "n"
		if i%2 == 1 {
			k = "backspace"
		}
		h.keys(k)
		_ = h.app.View()
	}
}

func BenchmarkDown(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if h.app.caseload.cursor == h.app.caseload.total-1 {
			h.keys("home")
		} else {
			h.keys("j")
		}
		_ = h.app.View()
	}
}

func BenchmarkPageDown(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if h.app.caseload.cursor == h.app.caseload.total-1 {
			h.keys("home")
		} else {
			h.keys("pgdown")
		}
		_ = h.app.View()
	}
}

// BenchmarkOpenClient is enter on a row until the client screen is drawn:
// the client, the first page of the timeline and the stage history.
func BenchmarkOpenClient(b *testing.B) {
	h := start(b, benchStore(b), 80, 24)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.keys("enter")
		_ = h.app.View()
		b.StopTimer()
		if screenOf(h.app) != screenClient {
			b.Fatal("enter did not open the client")
		}
		h.keys("esc", "j")
		b.StartTimer()
	}
}
