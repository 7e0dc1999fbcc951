package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
)

// TestPlanScreens pins the Plan tab, a goal's history and both forms at
// 80x24 and 120x40. Regenerate with `go test ./tui -update` and read them.
func TestPlanScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{name: "plan_tab"},
		{name: "plan_tab_end", keys: []string{"G"}},
		{name: "plan_tab_older_version", keys: []string{"v"}},
		{name: "plan_goal_history", keys: []string{"j", "j", "j", "j", "H"}},
		{name: "plan_help", keys: []string{"?"}},
		{name: "goal_form_new", keys: []string{"p"}},
		{name: "goal_form_edit", keys: []string{"enter", "tab", "tab", "tab", "tab"}},
		{name: "goal_form_step_after_target", keys: []string{"enter", "tab", "tab", "backspace", "backspace", "0", "1", "ctrl+s"}},
		{name: "relapse_form", keys: []string{"P"}},
		{name: "relapse_form_no_phone", keys: []string{"P", "tab", "tab", "tab", "tab", "tab", "tab", "enter", "J", "o", "e", "ctrl+s"}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				addPlan(t, st)
				h := start(t, st, size[0], size[1])
				openAnnPlan(h)
				h.keys(sc.keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

func TestWhatThePlanHoldsIsDrawnHarmless(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	ctx := context.Background()
	if _, err := st.CreateGoal(ctx, model.Goal{ClientID: ann, Domain: model.DomainOther, Status: model.GoalOpen,
		Words: "quit\x1b[2J now", Steps: []model.Step{{Text: "step \u202Eevil\u202C"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveRelapsePlan(ctx, model.RelapsePlan{ClientID: ann, Coping: []string{"ring\x07 bell"},
		Supports: []model.SupportPerson{{Name: "Rosa\x1b]0;x\x07", Phone: "555"}}}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 120, 40)
	openAnnPlan(h)
	for _, want := range []string{"quit␛[2J now", "step ⟨U+202E⟩evil⟨U+202C⟩", "ring␇ bell", "Rosa␛]0;x␇ — 555"} {
		h.mustSee(want)
	}
	raw := h.app.View().Content
	for _, bad := range []string{"\x1b[2J", "\x07", "\u202E", "\x1b]0;"} {
		if strings.Contains(raw, bad) {
			t.Fatalf("the Plan tab drew %q as it is", bad)
		}
	}
}
