package cli

import (
	"path/filepath"
	"testing"
)

// TestEndToEndAddAGoalThenTickItsStep is the officer setting a goal with the
// client: open the client, p, pick the domain, the goal in the client's
// words, a step with its due date, save; then on the Plan tab tick the step
// with space. The goal and the ticked step are in the file, the tick as the
// goal's second version.
func TestEndToEndAddAGoalThenTickItsStep(t *testing.T) {
	term := newTerminal(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "caseload.db")
	seedCaseload(t, db)

	term.start(bin, db)
	term.waitFor("1 of 4")
	term.press("/")
	term.typeText("ann")
	term.waitFor("shown of 1 matches")
	term.press("Enter", "Enter")
	term.waitFor("Ann Example  CR-1001")
	term.press("p")
	term.waitFor("New goal · Ann Example")
	term.press("3") // employment; on to the goal
	term.typeText("Get a job at the warehouse")
	term.press("Tab")
	term.typeText("2030-06-30")
	term.press("Tab", "Tab")
	term.typeText("Call the warehouse by 2030-05-01")
	term.press("C-s")
	term.waitFor("Goal added.")

	term.press("Tab")
	term.waitFor("[Plan]")
	term.waitFor("▸ Employment · Open · target 30 Jun 2030 · 0/1 steps done")
	term.press("j", "Space")
	term.waitFor("Step done: Call the warehouse.")
	term.waitFor("[x] Call the warehouse")
	term.press("Escape")
	term.waitFor("Caseload")
	term.press("q")
	term.until("the app to quit", func() bool { return !term.running() })

	got := sqlite(t, db, `SELECT v.version, v.domain, v.words, v.target_date, v.status, v.steps
		FROM goals g JOIN clients c ON c.id = g.client_id JOIN goal_versions v ON v.goal_id = g.id
		WHERE c.name = 'Ann Example' ORDER BY v.version`)
	want := "1|employment|Get a job at the warehouse|2030-06-30|open|[{\"text\":\"Call the warehouse\",\"due\":\"2030-05-01\"}]\n" +
		"2|employment|Get a job at the warehouse|2030-06-30|open|[{\"text\":\"Call the warehouse\",\"due\":\"2030-05-01\",\"done\":true}]"
	if got != want {
		t.Fatalf("the goal's versions on disk are\n%s\nwant\n%s", got, want)
	}
	if n := sqlite(t, db, "SELECT count(*) FROM drafts"); n != "0" {
		t.Fatalf("a saved goal form left %s drafts", n)
	}
}
