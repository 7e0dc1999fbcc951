package tui

import (
	"testing"

	"caseload/model"
)

// TestAgendaIsTheCaseloadsSecondTab: tab walks All → Agenda → Workload → Due
// → Overdue → All, and shift+tab walks back, the agenda and the workload
// showing their own tabs marked.
func TestAgendaIsTheCaseloadsSecondTab(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.mustSee("[All]")
	h.keys("tab")
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("tab from All should open the agenda:\n%s", h.screen())
	}
	h.mustSee("[Agenda]")
	h.keys("tab")
	if screenOf(h.app) != screenWorkload {
		t.Fatalf("tab from the agenda should open the workload:\n%s", h.screen())
	}
	h.mustSee("[Workload]")
	h.keys("tab")
	if screenOf(h.app) != screenCaseload || h.app.caseload.tab != model.TabDue {
		t.Fatalf("tab from the workload should show the Due tab, got screen %v tab %s", screenOf(h.app), h.app.caseload.tab)
	}
	h.mustSee("[Due]")
	h.keys("shift+tab")
	if screenOf(h.app) != screenWorkload {
		t.Fatalf("shift+tab from Due should go back to the workload:\n%s", h.screen())
	}
	h.keys("shift+tab")
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("shift+tab from the workload should go back to the agenda:\n%s", h.screen())
	}
	h.keys("shift+tab")
	if screenOf(h.app) != screenCaseload || h.app.caseload.tab != model.TabAll {
		t.Fatalf("shift+tab from the agenda should show All, got screen %v tab %s", screenOf(h.app), h.app.caseload.tab)
	}
	h.keys("shift+tab")
	if h.app.caseload.tab != model.TabOverdue {
		t.Fatalf("shift+tab from All should wrap to Overdue, got %s", h.app.caseload.tab)
	}
	h.keys("tab")
	if screenOf(h.app) != screenCaseload || h.app.caseload.tab != model.TabAll {
		t.Fatalf("tab from Overdue should wrap to All, got screen %v tab %s", screenOf(h.app), h.app.caseload.tab)
	}
}
