package tui

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
	"caseload/store"
)

// openAnnReferrals opens Ann's client screen on the Referrals tab.
func openAnnReferrals(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "tab", "tab", "tab", "tab")
}

// addResources puts a few more resources in the directory, for the picker.
func addResources(t *testing.T, st *store.Store) {
	t.Helper()
	for _, r := range []model.Resource{
		{Name: "Eastside Housing Authority", Category: model.CategoryHousing},
		{Name: "Second Chance Jobs", Category: model.CategoryEmployment},
		{Name: "Harbor House Residential", Category: model.CategoryResidential},
	} {
		if _, err := st.CreateResource(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	// The fixture's resource gets every detail, for the detail screen.
	res, err := st.SearchResources(context.Background(), model.ResourceQuery{Text: "harbor recovery"})
	if err != nil || len(res) != 1 {
		t.Fatalf("fixture resource: %v %v", res, err)
	}
	r := res[0]
	r.Phone, r.Email, r.Website, r.Address = "555-0142", "intake@harbor.example", "harbor.example", "40 Quay Rd"
	r.Hours, r.Eligibility, r.Languages = "Mon–Fri 8–6", "Adults 18+; Medicaid or sliding fee", "English, Spanish"
	r.Description = "Outpatient and intensive outpatient treatment.\nMedication for opioid use disorder."
	r.Notes = "Ask for Dana at intake.\x1b[2J"
	r.Tags = []string{"outpatient", "MOUD"}
	if _, err := st.UpdateResource(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

func annReferrals(t *testing.T, st *store.Store) []model.Referral {
	t.Helper()
	refs, err := st.Referrals(context.Background(), firstClient(t, st, "CR-1001"))
	if err != nil {
		t.Fatal(err)
	}
	return refs
}

func TestReferralTabListsReferralsWithHistory(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	openAnnReferrals(h)
	h.mustSee("[Referrals]")
	h.mustSee("Harbor Recovery Center")
	h.mustSee("Reason: outpatient treatment")
	h.mustSee("Referred  Sent the intake form.")
}

func TestReferralFromTheClientScreenIsOnDisk(t *testing.T) {
	st := fixtureStore(t)
	addResources(t, st)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "r")
	if h.app.picker() == nil || len(h.app.picker().shown) != 4 {
		t.Fatalf("r should open the picker over the 4 resources:\n%s", h.screen())
	}
	h.typeText("hsng")
	if res, ok := h.app.picker().selected(); !ok || res.Name != "Eastside Housing Authority" {
		t.Fatalf("fuzzy \"hsng\" selects %+v, want Eastside Housing Authority", res)
	}
	h.keys("enter")
	if h.app.form() == nil || h.app.form().kind != "referral" {
		t.Fatalf("enter on a resource should open the referral form:\n%s", h.screen())
	}
	h.keys("ctrl+s")
	h.mustSee("✗ required")
	h.typeText("needs a place to live")
	h.keys("tab", "tab", "tab", "tab")
	h.typeText("Called the intake line.")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the referral form is still open after ctrl+s:\n%s", h.screen())
	}
	h.mustSee("Referral made.")
	refs := annReferrals(t, st)
	if len(refs) != 2 {
		t.Fatalf("Ann has %d referrals, want 2", len(refs))
	}
	var r model.Referral
	for _, x := range refs {
		if x.Reason == "needs a place to live" {
			r = x
		}
	}
	today := model.DateOf(frozen)
	if r.Status != model.ReferralReferred || r.ReferredOn != today || r.FollowUpOn != today.AddDays(7) || !r.AppointmentAt.IsZero() {
		t.Fatalf("saved referral = %+v; want referred today, follow-up in 7 days, no appointment", r)
	}
	hist, err := st.ReferralHistory(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].To != model.ReferralReferred || hist[0].Note != "Called the intake line." {
		t.Fatalf("history = %+v; want one event to referred with the note", hist)
	}
	if h.app.client().refs == nil || len(h.app.client().refs.items) != 2 {
		t.Fatalf("the Referrals tab did not reload after the save")
	}
}

func TestReferralAndStatusDraftsComeBackOnTheNextStart(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "r", "enter")
	h.typeText("typed before the battery died")
	next := start(t, st, 80, 24)
	next.mustSee("Unsaved: Referral · Ann Example (Annie) · CR-1001 → Harbor Recovery Center")
	next.keys("r")
	f := next.app.form()
	if f == nil || f.kind != "referral" || f.Field(model.FieldReason).Value() != "typed before the battery died" {
		t.Fatalf("r did not restore the referral draft:\n%s", next.screen())
	}
	next.keys("esc", "y")

	h = start(t, st, 80, 24)
	openAnnReferrals(h)
	h.keys("u", "2") // waitlisted
	again := start(t, st, 80, 24)
	again.keys("r")
	if f := again.app.form(); f == nil || f.kind != "referral_status" || f.Field(model.FieldStatus).Value() != string(model.ReferralWaitlisted) {
		t.Fatalf("r did not restore the status draft:\n%s", again.screen())
	}
}

func TestPickerEscGoesBackWithoutAForm(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "r", "esc")
	if h.app.picker() != nil || h.app.form() != nil || screenOf(h.app) != screenClient {
		t.Fatalf("esc in the picker should go back to the client:\n%s", h.screen())
	}
}

func TestStatusUpdateOffersOnlyTheLifecycleAndMovesTheFollowUp(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	openAnnReferrals(h)
	h.keys("u")
	if h.app.form() == nil || h.app.form().kind != "referral_status" {
		t.Fatalf("u should open the status form:\n%s", h.screen())
	}
	var offered []model.ReferralStatus
	for _, o := range h.app.form().Field(model.FieldStatus).Options {
		offered = append(offered, model.ReferralStatus(o.Value))
	}
	if want := model.NextStatuses(model.ReferralReferred); !slices.Equal(offered, want) {
		t.Fatalf("offered %v, want exactly %v", offered, want)
	}
	h.keys("1") // scheduled; focus moves to When
	h.keys("tab")
	h.typeText("2026-11-26 10:00")
	h.keys("tab")
	for range 10 {
		h.keys("backspace")
	}
	h.typeText("2026-11-27")
	h.keys("tab")
	h.typeText("Intake booked by phone.")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the status form is still open after ctrl+s:\n%s", h.screen())
	}
	h.mustSee("Referral now Scheduled.")
	r := annReferrals(t, st)[0]
	if r.Status != model.ReferralScheduled || r.FollowUpOn != (model.Date{Year: 2026, Month: 11, Day: 27}) ||
		!r.AppointmentAt.Equal(time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("referral after the change = %+v", r)
	}
	hist, err := st.ReferralHistory(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if len(hist) != 2 || last.From != model.ReferralReferred || last.To != model.ReferralScheduled ||
		!last.At.Equal(frozen) || last.Note != "Intake booked by phone." {
		t.Fatalf("history = %+v; want a second event referred → scheduled, now, with the note", hist)
	}
	h.mustSee("Referred → Scheduled  Intake booked by phone.")
}

func TestClosedReferralOffersNoStatusUpdate(t *testing.T) {
	st := fixtureStore(t)
	r := annReferrals(t, st)[0]
	if _, err := st.ChangeReferralStatus(context.Background(), r.ID, store.StatusChange{To: model.ReferralDeclined, Note: "not ready"}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	openAnnReferrals(h)
	h.keys("u")
	if h.app.form() != nil {
		t.Fatalf("u on a declined referral opened a form:\n%s", h.screen())
	}
	h.mustSee("This referral is Declined and closed; r makes a new one.")
}

func TestAgendaShowsTodayFirstAndEnterOpensTheClient(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("g")
	if screenOf(h.app) != screenAgenda || !h.app.agenda.loaded {
		t.Fatalf("g should open the agenda:\n%s", h.screen())
	}
	first, ok := h.app.agenda.selected()
	if !ok || first.Kind != model.AgendaToday || first.CaseNumber != "CR-1004" {
		t.Fatalf("first agenda item = %+v; want Carla reporting today", first)
	}
	h.keys("j")
	second, _ := h.app.agenda.selected()
	if second == first {
		t.Fatalf("j did not move the agenda cursor")
	}
	h.keys("k", "k")
	if h.app.agenda.cursor != 0 {
		t.Fatalf("k past the top left the cursor at %d", h.app.agenda.cursor)
	}
	h.keys("enter")
	if screenOf(h.app) != screenClient || h.app.client().client.CaseNumber != "CR-1004" {
		t.Fatalf("enter should open Carla's client screen:\n%s", h.screen())
	}
	h.keys("esc")
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("esc from a client opened from the agenda should go back to the agenda:\n%s", h.screen())
	}
	h.keys("esc")
	if screenOf(h.app) != screenCaseload {
		t.Fatalf("esc from the agenda should go back to the caseload")
	}
}

func TestAgendaListsOverdueFollowUps(t *testing.T) {
	st := fixtureStore(t)
	r := annReferrals(t, st)[0]
	// Moving the follow-up into the past makes it overdue today.
	if _, err := st.ChangeReferralStatus(context.Background(), r.ID, store.StatusChange{To: model.ReferralScheduled,
		At: frozen.AddDate(0, 0, -3), FollowUpOn: model.DateOf(frozen).AddDays(-2)}); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.keys("g")
	sec := h.app.agenda.agenda.Section(model.AgendaFollowUpOverdue)
	if len(sec.Items) != 1 || sec.Items[0].ReferralID != r.ID {
		t.Fatalf("follow-ups overdue = %+v; want Ann's referral", sec)
	}
	h.mustSee("LATE 2d")
}

func TestAgendaScrollsToKeepTheCursorOnScreen(t *testing.T) {
	st := fixtureStore(t)
	for i := range 30 {
		if _, err := st.CreateClient(context.Background(), model.Client{Name: fmt.Sprintf("Zed Overdue %02d", i),
			CaseNumber: fmt.Sprintf("CR-9%03d", i), Level: model.LevelLow, Status: model.StatusActive,
			SupervisionType: model.SupervisionProbation, SupervisionFrom: model.Date{Year: 2026, Month: 1, Day: 5}}); err != nil {
			t.Fatal(err)
		}
	}
	h := start(t, st, 80, 24)
	h.keys("g", "G")
	last, _ := h.app.agenda.selected()
	if last.Kind != model.AgendaContactOverdue || last.ClientName != "Zed Overdue 29" {
		t.Fatalf("G selects %+v; want the last overdue contact", last)
	}
	h.mustSee("▸ OVERDUE")
	h.mustSee("Zed Overdue 29")
	h.keys("home")
	h.mustSee("Today (1)")
}

// TestReferralScreens pins the agenda, the Referrals tab, the picker and the
// two referral forms at both sizes.
func TestReferralScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{name: "agenda", keys: []string{"g"}},
		{name: "agenda_help", keys: []string{"g", "?"}},
		{name: "client_referrals", keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab", "tab", "tab"}},
		{name: "resource_picker", keys: []string{"/", "a", "n", "n", "enter", "enter", "r", "h", "a", "r"}},
		{name: "referral_form", keys: []string{"/", "a", "n", "n", "enter", "enter", "r", "enter"}},
		{name: "referral_status_form", keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab", "tab", "tab", "u"}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				addResources(t, st)
				h := start(t, st, size[0], size[1])
				h.keys(sc.keys...)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}
