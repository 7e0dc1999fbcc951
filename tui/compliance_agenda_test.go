package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
	"caseload/store"
)

// addCompliance gives Ann her conditions (addConditions), one of them not
// in compliance, a review hearing in three days with a report due the day
// before, and a missed contact nobody has answered yet.
func addCompliance(t testing.TB, st *store.Store) (ann string, violation model.Violation) {
	t.Helper()
	ctx := context.Background()
	ann = addConditions(t, st)
	_, err := st.AddCondition(ctx, model.Condition{ClientID: ann, Kind: model.ConditionCurfew, Wording: "Curfew 9pm to 6am",
		OrderedOn: model.Date{Year: 2026, Month: 1, Day: 5}, Status: model.ConditionNotCompliant})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.AddCourtEvent(ctx, model.CourtEvent{ClientID: ann, Kind: model.CourtReview, At: frozen.AddDate(0, 0, 3),
		Court: "District Court", Courtroom: "4B", Judge: "Okafor", OfficerAttends: true,
		ReportDueOn: model.DateOf(frozen.AddDate(0, 0, 2))})
	if err != nil {
		t.Fatal(err)
	}
	violation, err = st.RecordViolation(ctx, model.Violation{ClientID: ann, Kind: model.ViolationMissedContact,
		At: frozen.Add(-26 * time.Hour), Seriousness: model.SeriousnessMedium, Description: "Did not come on Sunday."}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ann, violation
}

// complianceStore is the fixture with addCompliance's records.
func complianceStore(t *testing.T) *store.Store {
	t.Helper()
	st := fixtureStore(t)
	addCompliance(t, st)
	return st
}

func TestTheAgendaShowsHearingsConditionsDueAndUnansweredViolations(t *testing.T) {
	st := fixtureStore(t)
	addCompliance(t, st)
	h := start(t, st, 120, 40)
	h.keys("g")
	for _, want := range []string{
		"Court in the next 14 days (1)", "Review hearing · District Court · report 25 Nov · you attend",
		"Conditions due or overdue (1)", "LATE 22d", "Pay $50.00 · $0.00 of $500.00, next $50.00 due 1 Nov",
		"Violations without a response (1)", "Missed contact · medium · no response yet",
	} {
		h.mustSee(want)
	}
}

func TestAnsweringAViolationFromTheAgendaTakesItOff(t *testing.T) {
	st := fixtureStore(t)
	ann, v := addCompliance(t, st)
	want, err := st.SuggestResponse(context.Background(), v)
	if err != nil || want.Step.Key == "" {
		t.Fatalf("no suggestion: %+v, %v", want, err)
	}
	h := start(t, st, 120, 40)
	h.keys("g", "G", "enter")
	f := h.app.form()
	if f == nil || f.kind != "response" {
		t.Fatalf("enter on the violation opened %+v, not its response", f)
	}
	if got := f.Field(model.FieldStep).Value(); got != want.Step.Key {
		t.Fatalf("response starts on %q, want the suggestion %q", got, want.Step.Key)
	}
	h.keys("ctrl+s")
	_, resp, err := st.Violations(context.Background(), ann)
	if err != nil || len(resp[v.ID]) != 1 || resp[v.ID][0].StepKey != want.Step.Key {
		t.Fatalf("responses: %+v, %v", resp, err)
	}
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("after the save the officer is not back on the agenda:\n%s", h.screen())
	}
	h.mustSee("Response (" + want.Step.Label + ") recorded.")
	h.mustSee("Violations without a response (0)")
}

func TestAnotherResponseThanTheSuggestedOneNeedsAReasonFromTheAgenda(t *testing.T) {
	st := fixtureStore(t)
	ann, v := addCompliance(t, st)
	h := start(t, st, 120, 40)
	h.keys("g", "G", "enter")
	h.keys("right") // the next step of the ladder
	h.keys("ctrl+s")
	h.mustSee("required: say why not the suggested")
	if _, resp, _ := st.Violations(context.Background(), ann); len(resp[v.ID]) != 0 {
		t.Fatalf("saved without the reason: %+v", resp)
	}
	h.keys("tab", "tab")
	h.typeText("Second missed contact this month")
	h.keys("ctrl+s")
	if _, resp, _ := st.Violations(context.Background(), ann); len(resp[v.ID]) != 1 || resp[v.ID][0].Note != "Second missed contact this month" {
		t.Fatalf("response with its reason: %+v", resp)
	}
}

func TestAConditionOnTheAgendaOpensTheClientsConditions(t *testing.T) {
	st := fixtureStore(t)
	addCompliance(t, st)
	h := start(t, st, 120, 40)
	h.keys("g")
	// The cursor goes down to the condition: past today's, the overdue
	// contact and the hearing.
	for range 3 {
		h.keys("j")
	}
	h.keys("enter")
	v := h.app.client()
	if v == nil || v.tab != (conditionsTab{}) {
		t.Fatalf("enter on the condition did not open Ann's Conditions tab:\n%s", h.screen())
	}
	h.mustSee("Pay $500 restitution")
}

func TestCaseloadMarksAndNarrowsToClientsNotInCompliance(t *testing.T) {
	st := fixtureStore(t)
	addCompliance(t, st)
	for _, size := range sizes {
		h := start(t, st, size[0], size[1])
		row := lineWith(t, h.screen(), "Ann Example")
		if !strings.Contains(row, "✗1") {
			t.Fatalf("%dx%d: Ann's row has no mark for her condition not in compliance: %q", size[0], size[1], row)
		}
		if r := lineWith(t, h.screen(), "Bob Sample"); strings.Contains(r, "✗") {
			t.Fatalf("%dx%d: Bob is marked though he has no conditions: %q", size[0], size[1], r)
		}
		h.keys("!")
		h.mustSee("only clients not in compliance (! for all)")
		if s := h.screen(); strings.Contains(s, "Bob Sample") || !strings.Contains(s, "Ann Example") || !strings.Contains(s, "1 of 1") {
			t.Fatalf("%dx%d: ! does not keep Ann alone:\n%s", size[0], size[1], s)
		}
		h.keys("!")
		h.mustSee("Bob Sample")
	}
}

func TestNarrowingToNoOneIsNotTheFirstStart(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("!")
	h.mustSee("No client here is out of compliance. ! shows everyone again.")
	if strings.Contains(h.screen(), "No clients yet") {
		t.Fatalf("an empty narrowed list reads as an empty file:\n%s", h.screen())
	}
}

// TestComplianceScreens pins the agenda's new headings and the caseload's
// mark and narrowed list.
func TestComplianceScreens(t *testing.T) {
	for _, size := range sizes {
		for name, keys := range map[string][]string{
			"agenda":                 {"g"},
			"caseload":               nil,
			"caseload_not_compliant": {"!"},
			"response_form":          {"g", "G", "enter"},
		} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				addCompliance(t, st)
				h := start(t, st, size[0], size[1])
				h.keys(keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

// lineWith is the screen's line holding s.
func lineWith(t *testing.T, screen, s string) string {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line holds %q:\n%s", s, screen)
	return ""
}
