package cli

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// TestEndToEndSyncFromTheApp is an officer with two laptops: a client added
// on the second reaches the first when Y is pressed in the app, which says
// when it last synced; with sync on quit set, a check-in logged in the app
// reaches the server as the app closes; with sync on start set, the app
// syncs by itself; and with a server that cannot be reached, Y says so
// quietly and the app goes on.
func TestEndToEndSyncFromTheApp(t *testing.T) {
	db := agencyServer(t).NewDatabase(t)
	admin := map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "a long enough password"}
	if code, _, errOut := cli(t, admin, "server", "init"); code != 0 {
		t.Fatal(errOut)
	}
	alice := db.Role(t, "alice")
	if code, _, errOut := cli(t, admin, "server", "officer", "add", alice); code != 0 {
		t.Fatal(errOut)
	}
	officer := map[string]string{"CASELOAD_AGENCY_PASSWORD": "a long enough password"}
	first := filepath.Join(t.TempDir(), "first", "caseload.db")
	second := filepath.Join(t.TempDir(), "second", "caseload.db")
	seedCaseload(t, first)
	for _, laptop := range []string{first, second} {
		if code, _, errOut := cli(t, officer, "sync", "--setup", loginURL(t, db, alice), "--db", laptop); code != 0 {
			t.Fatalf("sync --setup: %s", errOut)
		}
	}
	s, err := store.Open(context.Background(), second)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateClient(context.Background(), model.Client{Name: "Erin Second", CaseNumber: "CR-2001", Level: model.LevelHigh,
		Status: model.StatusActive, SupervisionType: model.SupervisionProbation})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, nil, "sync", "--db", second); code != 0 {
		t.Fatalf("sync the second laptop: %s", errOut)
	}

	term := newTerminal(t)
	bin := buildBinary(t)
	term.start(bin, first)
	term.waitFor("synced ") // the --setup sync, on the caseload's last line
	term.press("Y")
	// The client and the status it was opened with, its first entry of
	// status history.
	term.waitFor("Synced with the agency: 0 sent, 2 received.")
	term.waitFor("Erin Second")

	// Sync on quit: a check-in logged here goes to the server as the app
	// closes, and from there to the second laptop.
	if code, out, errOut := cli(t, nil, "settings", "--sync-on-quit", "yes", "--db", first); code != 0 || !strings.Contains(out, "sync on quit   yes") {
		t.Fatalf("settings --sync-on-quit = %d %q %q", code, out, errOut)
	}
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
	term.start(bin, first)
	term.waitFor("Erin Second")
	term.press("c")
	term.waitFor("Check-in · Ann Example")
	term.press("C-s")
	term.waitFor("Check-in saved.")
	term.press("q")
	term.until("the app to sync and quit", func() bool { return !term.running() })
	if code, out, errOut := cli(t, nil, "sync", "--db", second); code != 0 || !strings.Contains(out, "1 received") {
		t.Fatalf("the check-in did not reach the second laptop: %d %q %q", code, out, errOut)
	}

	// Sync on start: the app syncs by itself once the first page is up.
	if code, _, errOut := cli(t, nil, "settings", "--sync-on-start", "yes", "--sync-on-quit", "no", "--db", first); code != 0 {
		t.Fatal(errOut)
	}
	term.start(bin, first)
	term.waitFor("Synced with the agency: 0 sent, 0 received.")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	// A server that cannot be reached: a quiet line, and the app goes on.
	s, err = store.Open(context.Background(), first)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SetServerURL(context.Background(), "postgres://"+alice+"@/caseload?host="+url.QueryEscape(t.TempDir()))
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, nil, "settings", "--sync-on-start", "no", "--db", first); code != 0 {
		t.Fatal(errOut)
	}
	term.start(bin, first)
	term.waitFor("Erin Second")
	term.press("Y")
	term.waitFor("Not synced, your work stays on this laptop: ")
	term.waitFor("cannot be reached")
	term.press("j")
	term.waitFor("2 of 5")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
}
