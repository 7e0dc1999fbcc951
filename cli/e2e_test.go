package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// terminal is a tmux server of our own (a private socket) running the real
// binary in a pane of a fixed size.
type terminal struct {
	t      *testing.T
	socket string
	keys   int // keystrokes sent, beyond the text typed
}

// terminals counts the tmux servers started, for their socket names.
var terminals atomic.Int64

func newTerminal(t *testing.T) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is not installed; the end-to-end test needs it (apt-get install tmux)")
	}
	// A server of its own per test: one killed at the end of the last test
	// may still be ending on a shared socket.
	term := &terminal{t: t, socket: fmt.Sprintf("caseload-e2e-%d-%d", os.Getpid(), terminals.Add(1))}
	t.Cleanup(func() { _ = term.tmux("kill-server") })
	// A session of its own keeps the server up while the app quits and
	// starts again: tmux ends a server with no sessions, and a new-session
	// that reaches one still ending fails ("server exited unexpectedly").
	if err := term.tmux("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 3600"); err != nil {
		t.Fatal(err)
	}
	return term
}

func (term *terminal) tmux(args ...string) error {
	_, err := term.output(args...)
	return err
}

func (term *terminal) output(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", term.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "TMUX=", "TERM=xterm-256color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// start runs the app on db in a new 100x30 window.
func (term *terminal) start(bin, db string) {
	term.t.Helper()
	if err := term.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", "exec "+bin+" --db "+db); err != nil {
		term.t.Fatal(err)
	}
}

// press sends keys by tmux name (Enter, Tab, C-s, or a character), counting
// each.
func (term *terminal) press(keys ...string) {
	term.t.Helper()
	for _, k := range keys {
		if err := term.tmux("send-keys", "-t", "app", k); err != nil {
			term.t.Fatal(err)
		}
		term.keys++
	}
}

// typeText types literal text: name letters and note text, not counted.
func (term *terminal) typeText(s string) {
	term.t.Helper()
	if err := term.tmux("send-keys", "-t", "app", "-l", s); err != nil {
		term.t.Fatal(err)
	}
}

func (term *terminal) screen() string {
	out, err := term.output("capture-pane", "-p", "-t", "app")
	if err != nil {
		return ""
	}
	return out
}

// waitFor polls the screen until it shows want, up to a deadline.
func (term *terminal) waitFor(want string) {
	term.t.Helper()
	term.until("the screen to show "+strconv.Quote(want), func() bool { return strings.Contains(term.screen(), want) })
}

func (term *terminal) until(what string, cond func() bool) {
	term.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			term.t.Fatalf("timed out waiting for %s; the screen:\n%s", what, term.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (term *terminal) running() bool { return term.tmux("has-session", "-t", "app") == nil }

func seedCaseload(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, name := range []string{"Ann Example", "Bob Sample", "Carla Test", "Dmitri Volkov"} {
		_, err := st.CreateClient(ctx, model.Client{Name: name, CaseNumber: fmt.Sprintf("CR-%d", 1001+i), Level: model.LevelHigh,
			Status: model.StatusActive, SupervisionType: model.SupervisionProbation})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func sqlite(t *testing.T, db, query string) string {
	t.Helper()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Fatal("sqlite3 is not installed; the end-to-end test reads the file with it (apt-get install sqlite3)")
	}
	out, err := exec.Command("sqlite3", db, query).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3 %q: %v: %s", query, err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestEndToEndLogAHomeVisitThenSurviveACrash is the officer between two home
// visits: find the client by three letters, log a completed home visit with
// a negative test, the stage and two lines of note, quit, and the record is
// on disk. Then a form left open when the process is killed comes back.
func TestEndToEndLogAHomeVisitThenSurviveACrash(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "caseload.db")
	seedCaseload(t, db)

	term.start(bin, db)
	term.waitFor("1 of 4")
	term.press("/")
	term.typeText("car")
	term.waitFor("shown of 1 matches")
	term.press("Enter", "c")
	term.waitFor("Check-in · Carla Test")
	term.press("2", "2", "4") // home visit, negative test, action
	term.typeText("Home visit, all well.")
	term.press("Enter")
	term.typeText("Starts work Monday.")
	term.press("C-s")
	term.waitFor("Check-in saved.")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	const wantKeys = 9 // / enter c 2 2 4 enter ctrl+s q
	if term.keys != wantKeys || term.keys > 10 {
		t.Fatalf("the flow took %d keystrokes beyond the name letters and note text, want %d (at most 10)", term.keys, wantKeys)
	}
	got := sqlite(t, db, `SELECT k.type, k.outcome, k.test_result, k.stage, k.note FROM checkins k
		JOIN clients c ON c.id = k.client_id WHERE c.name = 'Carla Test'`)
	if want := "home|completed|negative|action|Home visit, all well.\nStarts work Monday."; got != want {
		t.Fatalf("the check-in on disk is %q, want %q", got, want)
	}
	if n := sqlite(t, db, "SELECT count(*) FROM drafts"); n != "0" {
		t.Fatalf("a saved form left %s drafts", n)
	}

	term.start(bin, db)
	term.waitFor("1 of 4")
	term.press("c")
	term.waitFor("Check-in ·")
	term.press("Tab", "Tab", "Tab")
	term.typeText("typed before the crash")
	term.until("the draft to reach the file", func() bool {
		return sqlite(t, db, "SELECT count(*) FROM drafts WHERE data LIKE '%typed before the crash%'") == "1"
	})
	pid, err := term.output("display-message", "-p", "-t", "app", "#{pane_pid}")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("kill", "-9", strings.TrimSpace(pid)).CombinedOutput(); err != nil {
		t.Fatalf("kill -9: %v: %s", err, out)
	}
	term.until("the killed app's window to close", func() bool { return !term.running() })

	term.start(bin, db)
	term.waitFor("Unsaved: Check-in ·")
	term.press("r")
	term.waitFor("typed before the crash")
	term.press("C-c")
	term.until("the app to quit", func() bool { return !term.running() })
}

// TestEndToEndAFileThatIsNotADatabase: the app opens its file after the
// terminal is set up, so a bad file must still end in one clear line on the
// restored screen and exit status 1, never a panic or a blank window.
func TestEndToEndAFileThatIsNotADatabase(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notDB, []byte("not a database at all, just text\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("%s --db %s; echo exit=$?; sleep 30", bin, notDB)
	if err := term.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", "sh", "-c", script); err != nil {
		t.Fatal(err)
	}
	term.waitFor("exit=")
	screen := term.screen()
	joined := strings.ReplaceAll(screen, "\n", "") // the temporary path may wrap the line
	if !strings.Contains(screen, "exit=1") || !strings.Contains(joined, "not a caseload database") ||
		strings.Contains(screen, "goroutine") {
		t.Fatalf("want one line naming the problem and exit status 1; the screen:\n%s", screen)
	}
}
