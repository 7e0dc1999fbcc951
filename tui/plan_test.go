package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// reopen reads the file again through a second store, so that a test sees
// what was committed to disk, not what one connection holds.
func reopen(t *testing.T, st *store.Store) *store.Store {
	t.Helper()
	other, err := store.Open(context.Background(), st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

func TestSpaceOnThePlanTabTicksTheStepAndTheFileKeepsIt(t *testing.T) {
	st := fixtureStore(t)
	_, goals := addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("j", "j") // the goal, its done step, then "Call the job centre"
	h.keys("space")
	h.mustSee("Step done: Call the job centre.")
	h.mustSee("[x] Call the job centre")
	g, err := reopen(t, st).Goal(context.Background(), goals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !g.Steps[1].Done || g.Version != 2 || !g.Steps[0].Done || g.Steps[2].Done {
		t.Fatalf("after space on step 2 the goal on disk is version %d with steps %+v; want version 2 with steps 1 and 2 done", g.Version, g.Steps)
	}
	h.keys("space")
	h.mustSee("Step not done: Call the job centre.")
	h.mustSee("[ ] Call the job centre")
	hist, err := reopen(t, st).GoalHistory(context.Background(), goals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 3 || hist[2].Steps[1].Done || !hist[1].Steps[1].Done {
		t.Fatalf("ticking twice should leave three versions, done then not done; got %+v", hist)
	}
	if it, _ := h.app.client().plan.selected(); it != (planItem{0, 1}) {
		t.Fatalf("after the reload the cursor is on %+v, want the step it ticked", it)
	}
}

func TestSpaceOnAGoalTicksNothing(t *testing.T) {
	st := fixtureStore(t)
	_, goals := addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("space")
	h.mustSee("Put the cursor on a step to tick it.")
	if g, _ := st.Goal(context.Background(), goals[0].ID); g.Version != 1 {
		t.Fatalf("space on a goal wrote version %d", g.Version)
	}
}

func TestSpaceStillPagesDownOnTheTimeline(t *testing.T) {
	st := fixtureStore(t)
	_, goals := addPlan(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "space")
	if h.app.client().tab != (timelineTab{}) || h.app.client().cursor == 0 {
		t.Fatalf("space on the timeline should page down; tab %d cursor %d", h.app.client().tab, h.app.client().cursor)
	}
	if g, _ := st.Goal(context.Background(), goals[0].ID); g.Version != 1 {
		t.Fatalf("space on the timeline ticked a step: version %d", g.Version)
	}
}

func TestPOpensTheGoalFormFromEveryClientTab(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter")
	for _, tab := range clientTabs() {
		if h.app.client().tab != tab {
			t.Fatalf("expected the %s tab, on %s", tab.name(), h.app.client().tab.name())
		}
		h.keys("p")
		if h.app.form() == nil || h.app.form().kind != "goal" || h.app.form().target != "" {
			t.Fatalf("p on the %s tab did not open a new goal form:\n%s", tab.name(), h.screen())
		}
		h.keys("esc", "tab")
	}
}

func TestAddAGoalWithStepsFromTheForm(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "p")
	h.mustSee("New goal · Ann Example")
	h.keys("3") // employment; on to the goal
	h.typeText("Work nights at the bakery")
	h.keys("tab")
	h.typeText("2026-12-31")
	h.keys("tab", "tab")
	h.typeText("Call the bakery by 2026-12-01\n[x] Buy work shoes\nAsk about the bus pass by +7d")
	h.keys("tab", "space") // link the referral to Harbor
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the goal form is still open after ctrl+s:\n%s", h.screen())
	}
	h.mustSee("Goal added.")
	goals, err := reopen(t, st).Goals(context.Background(), ann)
	if err != nil || len(goals) != 1 {
		t.Fatalf("goals on disk: %+v, %v", goals, err)
	}
	g := goals[0]
	want := []model.Step{
		{Text: "Call the bakery", Due: model.Date{Year: 2026, Month: 12, Day: 1}},
		{Text: "Buy work shoes", Done: true},
		{Text: "Ask about the bus pass", Due: model.Date{Year: 2026, Month: 11, Day: 30}},
	}
	if g.Domain != model.DomainEmployment || g.Words != "Work nights at the bakery" || g.Status != model.GoalOpen ||
		g.TargetDate.String() != "2026-12-31" || len(g.ReferralIDs) != 1 || len(g.Steps) != 3 {
		t.Fatalf("saved goal %+v", g)
	}
	for i, s := range want {
		if g.Steps[i] != s {
			t.Fatalf("step %d saved as %+v, want %+v", i+1, g.Steps[i], s)
		}
	}
	h.keys("tab")
	h.mustSee("[x] Buy work shoes")
	h.mustSee("Referrals: Harbor Recovery Center")
}

func TestAStepDueAfterTheTargetKeepsWhatWasTypedAndWritesNothing(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "p", "3")
	h.typeText("Finish the GED")
	h.keys("tab")
	h.typeText("2026-12-01")
	h.keys("tab", "tab")
	typed := "Enrol in the class by 2026-11-30\nSit the exam by 2026-12-20"
	h.typeText(typed)
	h.keys("ctrl+s")
	if h.app.form() == nil {
		t.Fatal("the form closed although a step falls due after the target")
	}
	steps := h.app.form().Field(model.FieldSteps)
	if !strings.Contains(steps.Err, `step 2 "Sit the exam": due 2026-12-20, after the target`) {
		t.Fatalf("the steps field says %q; it should name the step and its date", steps.Err)
	}
	if steps.Value() != typed || h.app.form().Field(model.FieldWords).Value() != "Finish the GED" {
		t.Fatalf("what was typed changed: steps %q, goal %q", steps.Value(), h.app.form().Field(model.FieldWords).Value())
	}
	h.mustSee(`✗ step 2 "Sit the exam": due 2026-12-20, after the target`)
	if goals, _ := reopen(t, st).Goals(context.Background(), ann); len(goals) != 0 {
		t.Fatalf("a refused goal was written: %+v", goals)
	}
}

func TestAStepDateThatCannotBeReadIsRefused(t *testing.T) {
	steps, problems := parseSteps("Call the clinic by 2026-13-01\nStand by a friend\nSee the nurse BY fri", frozen)
	if len(problems) != 1 || !strings.Contains(problems[0], `step 1: cannot read "2026-13-01" as a date`) {
		t.Fatalf("problems %q; want one naming step 1's date", problems)
	}
	if steps[1].Text != "Stand by a friend" || !steps[1].Due.IsZero() {
		t.Fatalf("a step with \"by\" in its words became %+v", steps[1])
	}
	if steps[2].Text != "See the nurse" || steps[2].Due.String() != "2026-11-27" {
		t.Fatalf("\"BY fri\" read as %+v, want a due date on Friday 27 Nov", steps[2])
	}
}

func TestEnterOnAGoalSavesTheChangeAsANewVersion(t *testing.T) {
	st := fixtureStore(t)
	_, goals := addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("j", "enter") // on a step of the goal: enter edits the goal
	if h.app.form() == nil || h.app.form().kind != "goal" || h.app.form().target != goals[0].ID {
		t.Fatalf("enter did not open the first goal's form:\n%s", h.screen())
	}
	h.mustSee("version 2")
	h.mustSee("[x] Write a CV by 2026-11-10")
	h.keys("tab", "tab", "tab", "2") // status: achieved
	h.keys("tab", "tab")
	h.typeText("Started at the warehouse.")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the edit did not save:\n%s", h.screen())
	}
	h.mustSee("Goal saved as version 2.")
	hist, err := reopen(t, st).GoalHistory(context.Background(), goals[0].ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history %+v, %v; want two versions", hist, err)
	}
	if hist[0].Status != model.GoalOpen || hist[1].Status != model.GoalAchieved || hist[1].Note != "Started at the warehouse." ||
		len(hist[1].Steps) != 3 || !hist[1].Steps[0].Done || hist[1].Steps[2].Due != goals[0].Steps[2].Due {
		t.Fatalf("the versions are %+v; want the first open and the second achieved with the same steps", hist)
	}
	h.mustSee("Employment · Achieved")
}

func TestHShowsAGoalsVersionsAndEscGoesBack(t *testing.T) {
	st := fixtureStore(t)
	addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("j", "j", "j", "j", "H") // the second goal, changed once
	h.mustSee("History of the goal · 2 versions, newest first")
	h.mustSee("Version 2 · saved 16 Nov 2026 11:00")
	h.mustSee("Why: Linked to the treatment referral.")
	h.mustSee("Version 1 · saved 3 Nov 2026 09:00")
	h.keys("esc")
	if screenOf(h.app) != screenClient || h.app.client().plan.history != nil {
		t.Fatalf("esc should close the history and stay on the client:\n%s", h.screen())
	}
	h.mustSee("▸ Substance use · Open")
}

func TestPSavesTheRelapsePlanAsTheNextVersionAndVShowsTheOlderOnes(t *testing.T) {
	st := fixtureStore(t)
	ann, _ := addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("P")
	if h.app.form() == nil || h.app.form().kind != "relapse_plan" {
		t.Fatalf("P did not open the relapse-prevention plan form:\n%s", h.screen())
	}
	if got := h.app.form().Field(model.FieldSupports).Value(); got != "Aunt Rosa — 555-0142\nSponsor Dave — 555-0199" {
		t.Fatalf("the form is not filled with the current version: supports %q", got)
	}
	h.keys("tab") // places
	h.typeText("\nThe bus station")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the plan did not save:\n%s", h.screen())
	}
	h.mustSee("Relapse-prevention plan saved as version 3.")
	hist, err := reopen(t, st).RelapsePlanHistory(context.Background(), ann)
	if err != nil || len(hist) != 3 {
		t.Fatalf("plan versions %+v, %v; want 3", hist, err)
	}
	if strings.Join(hist[0].Places, "|") != "The Blue Bar|The bus station" || strings.Join(hist[1].Places, "|") != "The Blue Bar" ||
		len(hist[0].Supports) != 2 || len(hist[0].WarningSigns) != 2 {
		t.Fatalf("version 3 is %+v and version 2 %+v", hist[0], hist[1])
	}
	h.keys("v")
	h.mustSee("version 2 of 3, saved 16 Nov 2026")
	h.mustSee("OLDER VERSION, read-only")
	h.keys("v")
	h.mustSee("version 1 of 3, saved 2 Nov 2026")
	h.keys("G")
	if strings.Contains(h.screen(), "Sponsor Dave") {
		t.Fatalf("version 1 shows a person added in version 2:\n%s", h.screen())
	}
	h.keys("v")
	h.mustSee("version 3 of 3, saved 23 Nov 2026")
}

func TestASupportPersonWithoutAPhoneKeepsWhatWasTypedAndWritesNothing(t *testing.T) {
	st := fixtureStore(t)
	ann, _ := addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("P", "tab", "tab", "tab", "tab", "tab", "tab") // to the support people
	h.typeText("\nCousin Joe")
	h.keys("ctrl+s")
	if h.app.form() == nil {
		t.Fatal("the form closed although a support person has no phone")
	}
	fl := h.app.form().Field(model.FieldSupports)
	if !strings.Contains(fl.Err, `"Cousin Joe" has no phone`) || !strings.HasSuffix(fl.Value(), "\nCousin Joe") {
		t.Fatalf("supports field: error %q, value %q", fl.Err, fl.Value())
	}
	h.mustSee(`✗ "Cousin Joe" has no phone`)
	if hist, _ := reopen(t, st).RelapsePlanHistory(context.Background(), ann); len(hist) != 2 {
		t.Fatalf("a refused plan was written: %d versions", len(hist))
	}
}

func TestAnEmptyRelapsePlanIsRefusedAtTheTop(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "b", "o", "b", "enter", "enter", "tab")
	h.mustSee("No goals yet. p adds one.")
	h.mustSee("No plan yet. P writes one.")
	h.keys("P", "ctrl+s")
	if h.app.form() == nil {
		t.Fatal("an empty plan was accepted")
	}
	h.mustSee("the plan is empty")
}

func TestTheCursorScrollsThePlanAt80x24(t *testing.T) {
	st := fixtureStore(t)
	addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	if strings.Contains(h.screen(), "Sponsor Dave") {
		t.Fatal("the whole plan fits 80x24; the test needs more content")
	}
	h.keys("G")
	h.mustSee("▸ Sponsor Dave — 555-0199")
	h.mustSee("of 32 · j/k move")
	for range 20 {
		h.keys("k")
	}
	h.mustSee("▸ Employment · Open")
	h.mustSee("Court-ordered conditions")
}

func TestAGoalFormLeftOpenComesBackFromItsDraft(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "p", "3")
	h.typeText("Keep the job")
	h.keys("tab", "tab", "tab")
	h.typeText("Ask for more hours by +14d")
	drafts, err := st.Drafts(context.Background())
	if err != nil || len(drafts) != 1 || drafts[0].Form != "goal" {
		t.Fatalf("drafts %+v, %v; want the goal form's", drafts, err)
	}

	h2 := start(t, st, 80, 24) // the next run of the app, over the same file
	h2.mustSee("Unsaved: New goal · Ann Example")
	h2.keys("r")
	if h2.app.form() == nil || h2.app.form().kind != "goal" {
		t.Fatalf("r did not bring the goal form back:\n%s", h2.screen())
	}
	if got := h2.app.form().Field(model.FieldSteps).Value(); got != "Ask for more hours by +14d" {
		t.Fatalf("the steps came back as %q", got)
	}
	if got := h2.app.form().Field(model.FieldDomain).Value(); got != string(model.DomainEmployment) {
		t.Fatalf("the domain came back as %q", got)
	}
}

func TestARelapsePlanFormLeftOpenComesBackFromItsDraft(t *testing.T) {
	st := fixtureStore(t)
	addPlan(t, st)
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("P", "tab", "tab", "tab", "tab", "tab") // coping
	h.typeText("\nRing the helpline")
	h2 := start(t, st, 80, 24) // the next run of the app, over the same file
	h2.mustSee("Unsaved: Relapse-prevention plan · Ann Example")
	h2.keys("r")
	if h2.app.form() == nil || h2.app.form().kind != "relapse_plan" {
		t.Fatalf("r did not bring the relapse-prevention plan form back:\n%s", h2.screen())
	}
	if got := h2.app.form().Field(model.FieldCoping).Value(); got != "Walk the dog\nCall Rosa before going out\nRing the helpline" {
		t.Fatalf("the coping strategies came back as %q", got)
	}
}

func TestSpaceOnAStepOfADroppedGoalSaysWhyAndWritesNothing(t *testing.T) {
	st := fixtureStore(t)
	_, goals := addPlan(t, st)
	ctx := context.Background()
	for _, g := range goals {
		g.Status, g.Note = model.GoalDropped, "no longer wanted"
		if _, err := st.SaveGoal(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	h := start(t, st, 80, 24)
	openAnnPlan(h)
	h.keys("j")
	it, ok := h.app.client().plan.selected()
	if !ok || it.step < 0 {
		t.Fatalf("the cursor is on %+v, want a step", it)
	}
	g := h.app.client().plan.goals[it.goal]
	h.keys("space")
	h.mustSee("Not ticked: the goal is Dropped")
	if after, _ := reopen(t, st).Goal(ctx, g.ID); after.Version != g.Version {
		t.Fatalf("space on a dropped goal's step wrote version %d (was %d)", after.Version, g.Version)
	}
}
