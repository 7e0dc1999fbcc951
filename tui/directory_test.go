package tui

import (
	"context"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
)

func directoryNames(h *harness) []string {
	var out []string
	for _, r := range h.app.directory().rows {
		out = append(out, r.Name)
	}
	return out
}

func TestDirectoryFiltersByCategoryAndSearches(t *testing.T) {
	st := fixtureStore(t)
	addResources(t, st)
	h := start(t, st, 80, 24)
	h.keys("R")
	if screenOf(h.app) != screenResources || h.app.directory().total != 4 {
		t.Fatalf("R should open the directory with 4 resources:\n%s", h.screen())
	}
	h.keys("tab") // the first category: substance-use treatment
	if got := directoryNames(h); h.app.directory().category != model.CategorySubstanceUse || len(got) != 1 || got[0] != "Harbor Recovery Center" {
		t.Fatalf("category %s shows %v; want only Harbor Recovery Center", h.app.directory().category, got)
	}
	h.keys("shift+tab", "/")
	h.typeText("hous")
	if got := directoryNames(h); len(got) != 2 {
		t.Fatalf("search \"hous\" finds %v; want the housing authority and Harbor House", got)
	}
	h.keys("enter") // keeps the search
	if h.app.directory().searching || h.app.directory().search.Value() != "hous" {
		t.Fatalf("enter should keep the search and leave typing")
	}
	h.keys("esc")
	if screenOf(h.app) != screenCaseload || h.app.directory() != nil {
		t.Fatalf("esc should go back to the caseload:\n%s", h.screen())
	}
}

func TestResourceDetailShowsWhoWasReferred(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("R", "enter")
	d := h.app.directory().detail
	if d == nil || d.resource.Name != "Harbor Recovery Center" || len(d.referrals) != 1 || d.referrals[0].CaseNumber != "CR-1001" {
		t.Fatalf("detail = %+v; want Harbor Recovery Center with Ann's referral", d)
	}
	h.mustSee("Ann Example")
	h.mustSee("Referred")
	h.keys("esc")
	if h.app.directory().detail != nil || screenOf(h.app) != screenResources {
		t.Fatalf("esc from the detail should go back to the list")
	}
}

func TestDirectoryFromTheClientGoesBackToTheClient(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "R", "esc")
	if screenOf(h.app) != screenClient || h.app.client() == nil {
		t.Fatalf("esc from a directory opened on a client should go back to the client:\n%s", h.screen())
	}
}

func TestDirectoryFromTheAgendaGoesBackToTheAgenda(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("g", "R", "esc")
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("esc from a directory opened on the agenda should go back to the agenda:\n%s", h.screen())
	}
}

func TestAddAndEditAResourceByHand(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("R", "a", "ctrl+s")
	h.mustSee("✗ required")
	h.typeText("Northside Food Bank")
	h.keys("tab", "right", "right") // category: from Other round to Residential
	h.keys("tab")
	h.typeText("555-0199")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("resource form did not save:\n%s", h.screen())
	}
	h.mustSee("Resource added.")
	res, err := st.SearchResources(context.Background(), model.ResourceQuery{Text: "northside"})
	if err != nil || len(res) != 1 || res[0].Phone != "555-0199" || res[0].Category != model.CategoryResidential {
		t.Fatalf("saved resources = %+v (%v); want Northside Food Bank, residential, 555-0199", res, err)
	}
	if h.app.directory().total != 2 {
		t.Fatalf("the directory did not reload after the save: %d resources", h.app.directory().total)
	}
	h.keys("/")
	h.typeText("north")
	h.keys("enter", "enter", "e", "tab", "tab")
	for range 8 {
		h.keys("backspace")
	}
	h.typeText("555-0200")
	h.keys("ctrl+s")
	h.mustSee("Resource saved.")
	got, err := st.Resource(context.Background(), res[0].ID)
	if err != nil || got.Phone != "555-0200" || got.Name != "Northside Food Bank" {
		t.Fatalf("after the edit: %+v (%v); want the new phone and the same name", got, err)
	}
	h.mustSee("555-0200") // the open detail shows the change
}

// TestDirectoryScreens pins the directory, a search, a resource's detail and
// the resource form at both sizes.
func TestDirectoryScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{name: "directory", keys: []string{"R"}},
		{name: "directory_search", keys: []string{"R", "/", "h", "o", "u", "s"}},
		{name: "resource_detail", keys: []string{"R", "j", "j", "enter"}},
		{name: "resource_form", keys: []string{"R", "a"}},
		{name: "directory_help", keys: []string{"R", "?"}},
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
