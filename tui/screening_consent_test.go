package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"caseload/model"
	"caseload/store"
)

func annScreenings(t *testing.T, st *store.Store) []model.Screening {
	t.Helper()
	list, err := st.Screenings(context.Background(), firstClient(t, st, "CR-1001"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func annConsents(t *testing.T, st *store.Store) []model.Consent {
	t.Helper()
	list, err := st.Consents(context.Background(), firstClient(t, st, "CR-1001"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestSChoosesAnInstrumentAndSavesTheScreeningWithItsTenthQuestion(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("S")
	if _, ok := h.app.top().(*instrumentChooser); !ok {
		t.Fatalf("S should offer the instruments:\n%s", h.screen())
	}
	h.keys("j", "enter") // PHQ-9
	if h.app.form() == nil || h.app.form().kind != "screening" || h.app.form().target != string(model.InstrumentPHQ9) {
		t.Fatalf("enter on PHQ-9 should open its form:\n%s", h.screen())
	}
	h.keys("2", "2", "2", "2", "2", "1", "1", "1", "1") // five "Several days", four "Not at all"
	h.mustSee("Total 5 of 27 · score band 5–9: mild")
	h.keys("4") // tenth question: Extremely difficult
	h.mustSee("Total 5 of 27 · score band 5–9: mild")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the form is still open after ctrl+s:\n%s", h.screen())
	}
	h.mustSee("PHQ-9 saved: total 5, score band 5–9: mild.")
	list := annScreenings(t, st)
	if len(list) != 1 {
		t.Fatalf("%d screenings on disk, want 1", len(list))
	}
	sc := list[0]
	if got := sc.Answers; len(got) != 9 || got[0] != 1 || got[4] != 1 || got[5] != 0 || got[8] != 0 || sc.Result().Total != 5 {
		t.Errorf("saved answers %v (total %d)", got, sc.Result().Total)
	}
	if len(sc.Unscored) != 1 || sc.Unscored[0] != 3 {
		t.Errorf("saved tenth answer %v, want [3] (extremely difficult)", sc.Unscored)
	}
	h.mustSee("Screen   PHQ-9 total 5 · score band 5–9: mild")
}

func TestScreeningWithAnUnansweredItemSaysWhichAndWritesNothing(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("S", "4")                            // GAD-7
	h.keys("2", "3", "tab", "2", "2", "2", "2") // item 3 skipped
	h.keys("ctrl+s")
	if h.app.form() == nil {
		t.Fatal("the form closed on a screening with an unanswered item")
	}
	if fl := h.app.form().Field(model.FieldItem(3)); fl.Err != "not answered" {
		t.Errorf("item 3 error %q, want \"not answered\"", fl.Err)
	}
	if h.app.form().FocusIndex() != 2 {
		t.Errorf("the focus is on field %d, want the unanswered item 3", h.app.form().FocusIndex())
	}
	if v := h.app.form().Field(model.FieldItem(2)).Value(); v != "2" {
		t.Errorf("item 2 holds %q after the refused save, want 2 points as chosen", v)
	}
	h.mustSee("✗ not answered")
	if n := len(annScreenings(t, st)); n != 0 {
		t.Fatalf("%d screenings written by a refused save", n)
	}
	h.keys("1", "ctrl+s")
	if h.app.form() != nil || len(annScreenings(t, st)) != 1 {
		t.Fatalf("answering item 3 should let the screening save:\n%s", h.screen())
	}
}

func TestReadinessRulerRefusesAnythingButZeroToTen(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("S", "6", "1", "1", "tab", "5", "tab", "8", "ctrl+s")
	if h.app.form() == nil || h.app.form().Field(model.FieldItem(1)).Err != "type a whole number from 0 to 10" {
		t.Fatalf("11 on the ruler should be refused next to it:\n%s", h.screen())
	}
	if n := len(annScreenings(t, st)); n != 0 {
		t.Fatalf("%d screenings written by a refused save", n)
	}
	h.keys("shift+tab", "shift+tab", "backspace", "ctrl+s")
	list := annScreenings(t, st)
	if len(list) != 1 || !slices.Equal(list[0].Answers, []int{1, 5, 8}) {
		t.Fatalf("saved rulers %+v, want 1, 5, 8", list)
	}
}

func TestPHQ9Item9ShowsTheSafetyNoticeWhileOpenAndAfterSaving(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("S", "2", "1", "1", "1", "1", "1", "1", "1", "1")
	if strings.Contains(h.screen(), "ASK ABOUT SAFETY NOW") {
		t.Fatal("the safety notice shows before item 9 is answered above zero")
	}
	h.keys("2") // item 9: several days
	h.mustSee("⚠ ASK ABOUT SAFETY NOW")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the form did not save:\n%s", h.screen())
	}
	h.mustSee("⚠ ASK ABOUT SAFETY NOW · PHQ-9 item 9 today 10:30")
	h.mustSee("⚠ SAFETY")
}

func TestCConsentsToAResourceAndTheHeaderShowsIt(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.mustSee("Consents: none on file")
	h.keys("C")
	if h.app.picker() == nil || !h.app.picker().offerPerson {
		t.Fatalf("C should open the recipient picker:\n%s", h.screen())
	}
	h.typeText("harb")
	h.keys("enter")
	if h.app.form() == nil || h.app.form().kind != "consent" {
		t.Fatalf("enter on a resource should open the consent form:\n%s", h.screen())
	}
	h.keys("1", "3", "tab")
	h.typeText("treatment coordination")
	h.keys("tab", "tab")
	h.typeText("2027-03-01")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the consent did not save:\n%s", h.screen())
	}
	list := annConsents(t, st)
	if len(list) != 1 || list[0].Recipient.ResourceID == "" || list[0].Purpose != "treatment coordination" ||
		len(list[0].Kinds) != 2 || list[0].Kinds[0] != model.ShareAttendance || list[0].Kinds[1] != model.ShareTreatmentProgress ||
		list[0].SignedOn != model.DateOf(frozen) || list[0].ExpiresOn != (model.Date{Year: 2027, Month: 3, Day: 1}) {
		t.Fatalf("saved consents %+v", list)
	}
	h.mustSee("Consents: Harbor Recovery Center (to 2027-03-01)")
}

func TestConsentToAPersonNotInTheDirectory(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("C")
	h.typeText("Dr Ana Ruiz")
	h.keys("up", "enter")
	if h.app.form() == nil || h.app.form().Field(model.FieldRecipient).Value() != "Dr Ana Ruiz" {
		t.Fatalf("the person row should open the form with the name typed:\n%s", h.screen())
	}
	h.keys("tab", "2", "tab")
	h.typeText("medication review")
	h.keys("tab", "tab")
	h.typeText("+90d")
	h.keys("ctrl+s")
	list := annConsents(t, st)
	if len(list) != 1 || list[0].Recipient.Person != "Dr Ana Ruiz" || list[0].Recipient.ResourceID != "" {
		t.Fatalf("saved consents %+v:\n%s", list, h.screen())
	}
}

func TestConsentExpiringBeforeItWasSignedKeepsWhatWasTypedAndWritesNothing(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("C", "enter", "1", "tab")
	h.typeText("coordination")
	h.keys("tab", "tab")
	h.typeText("2026-01-01")
	h.keys("ctrl+s")
	f := h.app.form()
	if f == nil || f.Field(model.FieldExpiresOn).Err != "is before the date it was signed" {
		t.Fatalf("an expiry before the signing date should be refused next to it:\n%s", h.screen())
	}
	if f.Field(model.FieldPurpose).Value() != "coordination" || f.Field(model.FieldKinds).Value() != string(model.ShareAttendance) {
		t.Errorf("the form lost what was typed: purpose %q, kinds %q", f.Field(model.FieldPurpose).Value(), f.Field(model.FieldKinds).Value())
	}
	if n := len(annConsents(t, st)); n != 0 {
		t.Fatalf("%d consents written by a refused save", n)
	}
}

func TestConsentToAResourceNotInTheDirectorySaysSoAtTheRecipient(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	gone := model.Resource{ID: "gone", Name: "Closed Clinic", Category: model.CategoryMentalHealth}
	h.run(h.app.openForm(newConsentForm(h.app.client().client, &gone, "", frozen), nil))
	h.keys("1", "tab")
	h.typeText("coordination")
	h.keys("tab", "tab")
	h.typeText("2027-01-01")
	h.keys("ctrl+s")
	if h.app.form() == nil || h.app.form().Field(model.FieldRecipient).Err != "no such resource in the directory" {
		t.Fatalf("a recipient that is not in the directory should be refused next to it:\n%s", h.screen())
	}
	h.mustSee("✗ no such resource in the directory")
	if n := len(annConsents(t, st)); n != 0 {
		t.Fatalf("%d consents written by a refused save", n)
	}
}

func TestVListsConsentsAndRevokesOneOnlyAfterYes(t *testing.T) {
	st := planStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.mustSee("Consents: Harbor Recovery Center (to 2027-03-01), +1 expired, +1 revoked")
	h.keys("V")
	if _, ok := h.app.top().(*consentList); !ok {
		t.Fatalf("V should list the consents:\n%s", h.screen())
	}
	h.mustSee("REVOKED")
	h.mustSee("EXPIRED")
	h.keys("enter", "n")
	if c := annConsents(t, st)[0]; !c.RevokedOn.IsZero() {
		t.Fatal("n revoked the consent")
	}
	h.keys("j", "d")
	h.mustSee("This consent was revoked on 2026-11-20.")
	h.keys("k", "d", "y")
	c := annConsents(t, st)[0]
	if c.RevokedOn != model.DateOf(frozen) {
		t.Fatalf("the active consent's revocation is %q, want today", c.RevokedOn)
	}
	h.keys("esc")
	h.mustSee("Consents: none active, +1 expired, +2 revoked")
	h.mustSee("Consent to share with Harbor Recovery Center revoked.")
}

func TestCheckInTicksAPlanStepAndShowsThePlanForARiskFlag(t *testing.T) {
	st := planStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("c")
	if h.app.form().Field(model.FieldSteps) == nil {
		t.Fatalf("the check-in form has no steps field:\n%s", h.screen())
	}
	if strings.Contains(h.screen(), "Relapse-prevention plan") {
		t.Fatal("the plan shows before a risk flag is ticked")
	}
	h.keys("tab", "tab", "tab", "tab", "tab", "2") // Risk flags: craving
	h.keys("tab", "2", "tab")                      // Steps done: the forklift course; then Location
	h.mustSee("⚑ Relapse-prevention plan, for Craving:")
	h.mustSee("Coping strategies: Call sponsor · Walk the dog · Go to the 7pm meeting")
	h.mustSee("Support people: Dana (sponsor) — 555-0177")
	if strings.Contains(h.screen(), "Old crew") {
		t.Error("a craving shows the triggers, which it does not call for")
	}
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the check-in did not save:\n%s", h.screen())
	}
	h.mustSee("Check-in saved with 1 plan step(s) done.")
	goals, err := st.Goals(context.Background(), firstClient(t, st, "CR-1001"))
	if err != nil {
		t.Fatal(err)
	}
	if g := goals[0]; !g.Steps[2].Done || g.Steps[1].Done || g.Version != 3 {
		t.Fatalf("goal after the check-in: version %d steps %+v; want step 3 ticked as version 3", g.Version, g.Steps)
	}
	last, err := st.LastCheckIn(context.Background(), firstClient(t, st, "CR-1001"))
	if err != nil || len(last.Flags) != 1 || last.Flags[0] != model.FlagCraving {
		t.Fatalf("saved check-in %+v, %v", last, err)
	}
}

func TestHelpListsTheScreeningAndConsentKeys(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	openAnn(h)
	h.keys("?")
	for _, want := range []string{"S", "screening", "C", "consent to share", "V", "view/revoke consents"} {
		h.mustSee(want)
	}
}

func TestScreeningAndConsentDraftsComeBackOnTheNextStart(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("S", "5", "3", "2") // AUDIT-C, two answers
	next := start(t, st, 80, 24)
	next.mustSee("Unsaved: AUDIT-C · Ann Example (Annie) · CR-1001")
	next.keys("r")
	f := next.app.form()
	if f == nil || f.kind != "screening" || f.Field(model.FieldItem(1)).Value() != "2" || f.Field(model.FieldItem(2)).Value() != "1" ||
		f.Field(model.FieldItem(3)).Value() != notAnswered {
		t.Fatalf("the AUDIT-C draft did not come back as typed:\n%s", next.screen())
	}

	st2 := fixtureStore(t)
	h = start(t, st2, 80, 24)
	openAnn(h)
	h.keys("C", "enter", "1", "tab")
	h.typeText("coordination")
	next = start(t, st2, 80, 24)
	next.keys("r")
	f = next.app.form()
	if f == nil || f.kind != "consent" || f.Field(model.FieldPurpose).Value() != "coordination" ||
		f.Field(model.FieldRecipient).Options[0].Label != "Harbor Recovery Center" {
		t.Fatalf("the consent draft did not come back as typed:\n%s", next.screen())
	}
}

func TestConsentLineFitsTheHeaderAndKeepsTheCounts(t *testing.T) {
	s := newStyles(true)
	today := model.DateOf(frozen)
	active := func(name string) clientConsent {
		return clientConsent{recipient: name, consent: model.Consent{Kinds: []model.ShareKind{model.ShareAttendance},
			SignedOn: model.Date{Year: 2026, Month: 1, Day: 1}, ExpiresOn: model.Date{Year: 2027, Month: 3, Day: 1}}}
	}
	expired := active("Old Clinic")
	expired.consent.ExpiresOn = model.Date{Year: 2026, Month: 2, Day: 1}
	list := []clientConsent{active("Harbor Recovery Center"), active("Eastside Housing Authority"),
		active("Second Chance Jobs"), active("Dr Ana Ruiz, GP"), expired}
	line := ansi.Strip(consentLine(s, list, today, 80))
	if w := len([]rune(line)); w > 80 {
		t.Errorf("the consent line is %d cells: %q", w, line)
	}
	for _, want := range []string{"Consents: Harbor Recovery Center (to 2027-03-01)", "more active", "+1 expired"} {
		if !strings.Contains(line, want) {
			t.Errorf("the consent line %q lacks %q", line, want)
		}
	}
	if got := ansi.Strip(consentLine(s, nil, today, 80)); got != "Consents: none on file" {
		t.Errorf("no consents read %q", got)
	}
}

func TestAScreeningOnTheTimelineIsNotAmended(t *testing.T) {
	st := planStore(t)
	h := start(t, st, 80, 24)
	openAnn(h)
	h.keys("j", "j", "A") // the PHQ-9 of 16 Nov
	if h.app.form() != nil {
		t.Fatalf("A on a screening opened a form:\n%s", h.screen())
	}
	h.mustSee("A screening or a goal change is not amended: record a new one.")
}
