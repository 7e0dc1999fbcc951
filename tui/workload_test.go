package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestWorkloadScreens pins the workload on the fixture caseload at both
// sizes, without colour and with it: stripped of colour, the coloured
// screen is the same, so the bars' fills and the letters carry the meaning.
func TestWorkloadScreens(t *testing.T) {
	for _, size := range sizes {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		h := start(t, fixtureStore(t), size[0], size[1])
		h.keys("W")
		if screenOf(h.app) != screenWorkload {
			t.Fatalf("W from the caseload did not open the workload:\n%s", h.screen())
		}
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, []byte(h.screen()))
		})
		t.Run(name+"_colour", func(t *testing.T) {
			golden.RequireEqual(t, []byte(h.app.View().Content))
		})
	}
}

func TestWorkloadShowsTheWeekTheShapeAndTheLoadIn80x24(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("W")
	for _, want := range []string{"[Workload]", "This week", "Weighted load against the APPA caseload standards", "Your load",
		"Caseload:", "Level", "Stage", "Type", "Last 30 days"} {
		h.mustSee(want)
	}
	for _, line := range strings.Split(h.screen(), "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("a line is %d cells wide: %q", w, line)
		}
	}
	h.keys("G")
	h.mustSee("The last 12 weeks")
	h.mustSee("Stages")
	h.keys("home")
	h.mustSee("This week")
	h.keys("esc")
	if screenOf(h.app) != screenCaseload {
		t.Fatalf("esc from the workload goes back to the caseload:\n%s", h.screen())
	}
}

// TestClientCourseScreens pins the client's Stage history tab, where the
// step chart and the strips of tests and contacts are, with and without
// colour.
func TestClientCourseScreens(t *testing.T) {
	for _, size := range sizes {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		h := start(t, fixtureStore(t), size[0], size[1])
		h.keys("/", "a", "n", "n", "enter", "enter", "tab", "tab")
		h.mustSee("[Stage history]")
		h.mustSee("Last tests")
		h.mustSee("Precontemplation ┤")
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, []byte(h.screen()))
		})
		t.Run(name+"_colour", func(t *testing.T) {
			golden.RequireEqual(t, []byte(h.app.View().Content))
		})
	}
}
