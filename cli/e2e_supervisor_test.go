package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// TestEndToEndASupervisorSeesWhoseEachClientIs: two officers sync their
// caseloads; their supervisor's file gets both, the app shows each client's
// officer, and o narrows the list (and the agenda) to one officer, then the
// next, then all.
func TestEndToEndASupervisorSeesWhoseEachClientIs(t *testing.T) {
	db := agencyServer(t).NewDatabase(t)
	admin := map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "a long enough password"}
	if code, _, errOut := cli(t, admin, "server", "init"); code != 0 {
		t.Fatal(errOut)
	}
	lead, alice, bob := db.Role(t, "lead"), db.Role(t, "alice"), db.Role(t, "bob")
	for _, args := range [][]string{{"supervisor", "add", lead}, {"officer", "add", alice, "--supervisor", lead}, {"officer", "add", bob, "--supervisor", lead}} {
		if code, out, errOut := cli(t, admin, append([]string{"server"}, args...)...); code != 0 {
			t.Fatalf("server %v = %d %q %q", args, code, out, errOut)
		}
	}
	officer := map[string]string{"CASELOAD_AGENCY_PASSWORD": "a long enough password"}
	laptops := map[string]string{}
	for role, names := range map[string][]string{alice: {"Ann Example", "Bob Sample"}, bob: {"Carla Test"}} {
		laptop := filepath.Join(t.TempDir(), "caseload.db")
		laptops[role] = laptop
		s, err := store.Open(context.Background(), laptop)
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range names {
			_, err := s.CreateClient(context.Background(), model.Client{Name: name, CaseNumber: role + "-" + string(rune('1'+i)),
				Level: model.LevelHigh, Status: model.StatusActive, SupervisionType: model.SupervisionProbation})
			if err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		if code, _, errOut := cli(t, officer, "sync", "--setup", loginURL(t, db, role), "--db", laptop); code != 0 {
			t.Fatalf("%s's sync: %s", role, errOut)
		}
	}
	supervisor := filepath.Join(t.TempDir(), "lead", "caseload.db")
	if code, _, errOut := cli(t, officer, "sync", "--setup", loginURL(t, db, lead), "--db", supervisor); code != 0 {
		t.Fatalf("the supervisor's sync: %s", errOut)
	}

	term := newTerminal(t)
	term.start(buildBinary(t), supervisor)
	term.waitFor("Officer")
	term.waitFor("1 of 3")
	for _, line := range []string{"Ann Example", "Bob Sample", "Carla Test"} {
		term.waitFor(line)
	}
	screen := term.screen()
	for name, role := range map[string]string{"Ann Example": alice, "Carla Test": bob} {
		if !strings.Contains(lineOf(screen, name), role[:min(len(role), 11)]) {
			t.Errorf("%s's row does not name %s:\n%s", name, role, screen)
		}
	}
	first, second := alice, bob
	if bob < alice {
		first, second = bob, alice
	}
	term.press("o")
	term.waitFor("officer " + first)
	// The agenda follows: only the first officer's clients.
	term.press("g")
	term.waitFor(first + "'s agenda")
	term.waitFor(map[string]string{alice: "Ann Example", bob: "Carla Test"}[first])
	others := map[string][]string{alice: {"Carla Test"}, bob: {"Ann Example", "Bob Sample"}}[first]
	for _, name := range others {
		if s := term.screen(); strings.Contains(s, name) {
			t.Errorf("%s's agenda shows %s, another officer's client:\n%s", first, name, s)
		}
	}
	term.press("Escape")
	term.waitFor("Case no.")
	term.press("o")
	term.waitFor("officer " + second)
	if s := term.screen(); second == bob && (strings.Contains(s, "Ann Example") || !strings.Contains(s, "Carla Test")) {
		t.Errorf("narrowed to %s, the list shows others' clients:\n%s", bob, s)
	}
	term.press("o")
	term.waitFor("1 of 3")

	// The supervisor's word on Carla's case: n on the client, sent with the
	// supervisor's sync, read in the Log on bob's laptop after his. The
	// list is by due date, and the laptops were set up in no fixed order,
	// so Carla is found by name.
	term.press("/")
	term.typeText("carla")
	term.waitFor("shown of 1 matches")
	term.press("Enter", "Enter")
	term.waitFor("[Timeline]")
	term.waitFor("Nothing recorded yet. n writes your note to the officer.")
	term.press("n")
	term.waitFor("Supervisor note · Carla Test")
	term.typeText("Bring the pay stubs to Friday's review.")
	term.press("C-s")
	term.waitFor("Supervisor note saved")
	term.press("Escape")
	term.waitFor("Case no.")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
	if code, out, errOut := cli(t, nil, "sync", "--db", supervisor); code != 0 || !strings.Contains(out, "1 sent") {
		t.Fatalf("the supervisor's sync after the note: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := cli(t, nil, "sync", "--db", laptops[bob]); code != 0 || !strings.Contains(out, "1 received") {
		t.Fatalf("bob's sync after the note: %d %q %q", code, out, errOut)
	}
	term.start(buildBinary(t), laptops[bob])
	term.waitFor("Carla Test")
	term.press("Enter")
	term.waitFor("[Timeline]")
	term.press("BTab")
	term.waitFor("[Log]")
	term.waitFor("Supervisor")
	term.waitFor("Bring the pay stubs")
	term.press("Escape")
	term.waitFor("Case no.")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })
}

// lineOf is the screen's line holding s, or "".
func lineOf(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
