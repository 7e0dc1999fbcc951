package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
)

func TestViolationSavesWithTheSuggestedResponseInOneForm(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	want, err := st.SuggestResponse(context.Background(), model.Violation{ClientID: ann, At: frozen, Seriousness: model.SeriousnessMedium})
	if err != nil || want.Step.Key == "" {
		t.Fatalf("no suggestion to compare with: %+v, %v", want, err)
	}
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "b")
	f := h.app.form()
	if f == nil {
		t.Fatal("b opened no form")
	}
	h.keys("tab", "2") // medium
	if got := f.Field(model.FieldStep).Value(); got != want.Step.Key {
		t.Fatalf("response chosen = %q, want the suggestion %q", got, want.Step.Key)
	}
	if help := f.Field(model.FieldStep).Help; !strings.Contains(help, "Suggested: "+want.Step.Label) || !strings.Contains(help, "4 to 1") {
		t.Fatalf("the response's help does not give the suggestion and the ratio beside 4 to 1: %q", help)
	}
	h.keys("ctrl+s")
	list, resp, err := st.Violations(context.Background(), ann)
	if err != nil || len(list) != 1 || list[0].Seriousness != model.SeriousnessMedium {
		t.Fatalf("violations: %+v, %v", list, err)
	}
	if r := resp[list[0].ID]; len(r) != 1 || r[0].StepKey != want.Step.Key || r[0].Suggested != want.Step.Key {
		t.Fatalf("response: %+v", r)
	}
	h.mustSee("Violation and response (" + want.Step.Label + ") recorded.")
}

func TestAnotherResponseThanSuggestedNeedsAReason(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "b", "tab", "2")
	f := h.app.form()
	step := f.Field(model.FieldStep)
	step.Pick = (step.Pick + 1) % len(step.Options)
	if step.Value() == respondLater {
		step.Pick = (step.Pick + 1) % len(step.Options)
	}
	h.keys("ctrl+s")
	h.mustSee("required: say why not the suggested")
	if list, _, _ := st.Violations(context.Background(), ann); len(list) != 0 {
		t.Fatalf("saved without the reason: %+v", list)
	}
}

// TestViolationFormScreens pins the violation form.
func TestViolationFormScreens(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("violation_form/%dx%d", size[0], size[1]), func(t *testing.T) {
			h := start(t, fixtureStore(t), size[0], size[1])
			h.keys("/", "a", "n", "n", "enter", "enter", "b", "tab", "2", "tab", "tab")
			golden.RequireEqual(t, []byte(h.screen()))
		})
	}
}
