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

// incentivesOf reads a client's incentives from the log, newest first.
func incentivesOf(t *testing.T, st *store.Store, clientID string) []model.Incentive {
	t.Helper()
	page, err := st.ClientLog(context.Background(), model.LogQuery{ClientID: clientID, Kind: model.LogIncentive, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Incentive
	for _, e := range page.Entries {
		out = append(out, *e.Incentive)
	}
	return out
}

func TestAnIncentiveForProgressOnAConditionIsOneForm(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	service := conditionOf(t, st, ann, model.ConditionCommunityWork).Condition
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("i")
	f := h.app.form()
	if f == nil || f.kind != "incentive" {
		t.Fatalf("i opened no incentive form:\n%s", h.screen())
	}
	if help := f.Field(model.FieldStep).Help; !strings.Contains(help, "Incentives to sanctions") {
		t.Fatalf("the step's help does not give the 90-day ratio: %q", help)
	}
	h.keys("2") // certificate of progress; on to For
	for i, o := range f.Field("condition").Options {
		if o.Value == service.ID {
			f.Field("condition").Pick = i
		}
	}
	h.keys("tab", "tab")
	h.typeText("Ten hours at the food bank in a week")
	h.keys("ctrl+s")
	got := incentivesOf(t, st, ann)
	if len(got) != 1 || got[0].StepKey != "certificate" || got[0].ConditionID != service.ID || got[0].Reason != "Ten hours at the food bank in a week" {
		t.Fatalf("incentives on disk: %+v", got)
	}
	h.mustSee("Incentive (Certificate of progress) recorded.")
}

func TestAJobWithAVerificationNeedsItsDate(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("w")
	f := h.app.form()
	if f == nil || f.kind != "employment" {
		t.Fatalf("w opened no job form:\n%s", h.screen())
	}
	if !f.Field(model.FieldVerifiedOn).Hidden {
		t.Fatal("the verification's date is asked for before a way of verifying is chosen")
	}
	h.typeText("Harbor Freight")
	h.keys("tab")
	h.typeText("Stock clerk")
	h.keys("tab", "tab", "tab")
	h.typeText("32")
	h.keys("tab", "2") // a pay stub; the date follows
	if f.Field(model.FieldVerifiedOn).Hidden {
		t.Fatal("the verification's date stays hidden after a pay stub is chosen")
	}
	h.keys("ctrl+s")
	h.mustSee("a verification needs both how and when")
	if jobs, _ := st.Employment(context.Background(), ann); len(jobs) != 0 {
		t.Fatalf("saved half a job: %+v", jobs)
	}
	if f.Field(model.FieldEmployer).Value() != "Harbor Freight" || f.Field(model.FieldHoursPerWeek).Value() != "32" {
		t.Fatal("the form lost what was typed")
	}
	f.Field(model.FieldVerifiedOn).SetValue("today")
	h.keys("ctrl+s")
	jobs, err := st.Employment(context.Background(), ann)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("jobs: %+v, %v", jobs, err)
	}
	j := jobs[0]
	if j.Employer != "Harbor Freight" || j.Position != "Stock clerk" || j.HoursPerWeek != 32 || j.VerifiedBy != model.VerifiedPayStub ||
		j.VerifiedOn != model.DateOf(frozen) || j.StartOn != model.DateOf(frozen) || !j.EndOn.IsZero() {
		t.Fatalf("job on disk: %+v", j)
	}
	h.mustSee("Job at Harbor Freight recorded.")
}

func TestAHearingAndItsOutcomeLater(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("O")
	h.mustSee("No hearing of Ann Example (Annie) is waiting for its outcome")
	h.keys("o")
	f := h.app.form()
	if f == nil || f.kind != "court_event" {
		t.Fatalf("o opened no court form:\n%s", h.screen())
	}
	h.keys("2") // a review hearing; on to When
	h.keys("ctrl+s")
	h.mustSee("required")
	if got := f.Focused().Name; got != model.FieldAt {
		t.Fatalf("after the failed save the cursor is in %q, not When", got)
	}
	h.typeText("2026-11-20 09:30")
	h.keys("tab")
	h.typeText("District Court")
	h.keys("tab")
	h.typeText("4B")
	h.keys("tab", "tab", "space", "tab")
	h.typeText("2026-12-01")
	h.keys("ctrl+s")
	h.mustSee("is after the hearing")
	f.Field(model.FieldReportDueOn).SetValue("2026-11-19")
	h.keys("ctrl+s")
	events, err := st.CourtEvents(context.Background(), ann)
	if err != nil || len(events) != 1 {
		t.Fatalf("hearings: %+v, %v", events, err)
	}
	e := events[0]
	if e.Kind != model.CourtReview || e.Court != "District Court" || e.Courtroom != "4B" || !e.OfficerAttends ||
		e.ReportDueOn != (model.Date{Year: 2026, Month: time.November, Day: 19}) || e.Outcome != model.CourtPending {
		t.Fatalf("hearing on disk: %+v", e)
	}

	// The hearing was last week: O records what the court decided, and a
	// change to the conditions goes to the Conditions tab.
	h2 := h
	h2.keys("O")
	g := h2.app.form()
	if g == nil || g.kind != "court_outcome" {
		t.Fatalf("O opened no outcome form:\n%s", h2.screen())
	}
	h2.keys("2") // conditions modified
	h2.typeText("Hours reduced to 30")
	h2.keys("ctrl+s")
	events, _ = st.CourtEvents(context.Background(), ann)
	if events[0].Outcome != model.CourtConditionsModified || events[0].OutcomeNote != "Hours reduced to 30" {
		t.Fatalf("outcome on disk: %+v", events[0])
	}
	if v := h2.app.client(); v == nil || v.tab != (conditionsTab{}) {
		t.Fatalf("after conditions modified, the Conditions tab is not shown:\n%s", h2.screen())
	}
	h2.mustSee("change the conditions here")
}

// TestComplianceFormScreens pins the four forms.
func TestComplianceFormScreens(t *testing.T) {
	for _, size := range sizes {
		for name, keys := range map[string][]string{
			"incentive_form":  {"i"},
			"employment_form": {"w", "tab", "tab", "tab", "tab", "tab", "2"},
			"court_form":      {"o"},
		} {
			t.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				addConditions(t, st)
				h := start(t, st, size[0], size[1])
				openAnn(h)
				h.keys(keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

// At 80x24 the client screen's keys are more than the window holds: the
// full help scrolls, and its last keys can be read.
func TestTheClientsFullHelpScrollsToItsLastKeys(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	openAnn(h)
	h.keys("?")
	h.mustSee("↓/j down")
	if strings.Contains(h.screen(), "court outcome") {
		t.Fatal("the whole help fits at 80x24: give this test a smaller window so it still scrolls")
	}
	h.keys("G")
	for _, want := range []string{"incentive", "court event", "court outcome", "job"} {
		h.mustSee(want)
	}
	h.keys("home")
	h.mustSee("Keys · Client")
	h.keys("esc")
	if h.app.showHelp {
		t.Fatal("esc did not close the help")
	}
}
