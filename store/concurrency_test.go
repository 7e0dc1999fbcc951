package store_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// Environment of the writer process TestTwoWindowsLoseNoWrites starts.
const (
	envWriterDB     = "CASELOAD_TEST_WRITER_DB"
	envWriterClient = "CASELOAD_TEST_WRITER_CLIENT"
	envWriterName   = "CASELOAD_TEST_WRITER_NAME"
)

// writesPerWindow is how many check-ins each window saves. SQLite does not
// queue waiting writers: a window saving in a tight loop can keep the lock
// while the other waits, within its 5 s busy timeout. Under the race
// detector a save is many times slower, so fewer keep the test about lost
// writes rather than about that timeout.
func writesPerWindow() int {
	if raceEnabled {
		return 30
	}
	return 300
}

// TestWriterProcess is not a test on its own: it is the second window that
// TestTwoWindowsLoseNoWrites runs as a separate process.
func TestWriterProcess(t *testing.T) {
	path := os.Getenv(envWriterDB)
	if path == "" {
		t.Skip("run by TestTwoWindowsLoseNoWrites")
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	name := os.Getenv(envWriterName)
	// Both windows start writing when the test closes their input, so that
	// they really write at once.
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < writesPerWindow(); i++ {
		c := model.CheckIn{ClientID: os.Getenv(envWriterClient), At: time.Now().Add(-time.Hour), Type: model.ContactPhone,
			Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: fmt.Sprintf("%s %d", name, i)}
		if _, err := s.AddCheckIn(ctx, c); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
}

func TestTwoWindowsLoseNoWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caseload.db")
	s := openAt(t, path)
	client, err := s.CreateClient(ctx, newClient("TWO-1"))
	if err != nil {
		t.Fatal(err)
	}
	var windows []*exec.Cmd
	var starts []io.Closer
	for _, name := range []string{"left", "right"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), envWriterDB+"="+path, envWriterClient+"="+client.ID, envWriterName+"="+name)
		out := &bytes.Buffer{} // one writer for both: exec then writes from one goroutine
		cmd.Stdout, cmd.Stderr = out, out
		start, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		windows = append(windows, cmd)
		starts = append(starts, start)
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("%s window said:\n%s", name, out.String())
			}
		})
	}
	for _, start := range starts {
		start.Close()
	}
	for _, w := range windows {
		if err := w.Wait(); err != nil {
			t.Fatalf("a window failed to write: %v", err)
		}
	}
	for _, name := range []string{"left", "right"} {
		var n int
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM checkins WHERE note LIKE ? || ' %'", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != writesPerWindow() {
			t.Errorf("the %s window wrote %d check-ins, want %d", name, n, writesPerWindow())
		}
	}
	// SQLite hands the lock to whichever window asks when it is free, so a
	// window saving in a tight loop may keep it for a while and the other
	// waits within its busy timeout; how often they took turns is worth
	// seeing, not a rule.
	var turns int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM (SELECT substr(note, 1, 4) AS w,
		lag(substr(note, 1, 4)) OVER (ORDER BY rowid) AS prev FROM checkins) WHERE w <> prev`).Scan(&turns); err != nil {
		t.Fatal(err)
	}
	t.Logf("the windows took turns %d times", turns)
	matches, err := s.SearchNotes(ctx, "right", "", 0)
	if err != nil || len(matches) != writesPerWindow() {
		t.Fatalf("want every note searchable, found %d (%v)", len(matches), err)
	}
	if rep, err := s.FullCheck(ctx); err != nil || !rep.OK() {
		t.Fatalf("want a sound file after two windows wrote at once: %+v %v", rep, err)
	}
}
