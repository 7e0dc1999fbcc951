package tui

import (
	"testing"

	"caseload/model"
	"caseload/store"
)

// Each form of the conditions of supervision left open comes back from its
// draft on the next start, with what was typed.
func TestComplianceFormsComeBackFromTheirDrafts(t *testing.T) {
	cases := []struct {
		kind, field, typed string
		open               func(t *testing.T, h *harness, st *store.Store)
	}{
		{"progress", model.FieldWhere, "at the food bank", func(t *testing.T, h *harness, st *store.Store) {
			openAnnConditions(h)
			moveDown(h, rowOf(t, st, annID(t, st), model.ConditionCommunityWork))
			h.keys("enter", "tab")
		}},
		{"condition_status", model.FieldNote, "court letter of 20 Nov", func(t *testing.T, h *harness, st *store.Store) {
			openAnnConditions(h)
			h.keys("m", "tab")
		}},
		{"violation", model.FieldDescription, "did not come on Sunday", func(t *testing.T, h *harness, st *store.Store) {
			h.keys("/", "a", "n", "n", "enter", "enter", "b", "tab", "tab", "tab")
		}},
		{"response", model.FieldNote, "second this month", func(t *testing.T, h *harness, st *store.Store) {
			h.keys("g", "G", "enter", "tab", "tab")
		}},
		{"incentive", model.FieldNote, "ten hours in a week", func(t *testing.T, h *harness, st *store.Store) {
			openAnn(h)
			h.keys("i", "tab", "tab", "tab")
		}},
		{"employment", model.FieldEmployer, "Harbor Freight", func(t *testing.T, h *harness, st *store.Store) {
			openAnn(h)
			h.keys("w")
		}},
		{"court_event", model.FieldCourt, "District Court", func(t *testing.T, h *harness, st *store.Store) {
			openAnn(h)
			h.keys("o", "tab", "tab")
		}},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			st := fixtureStore(t)
			addCompliance(t, st)
			h := start(t, st, 120, 40)
			c.open(t, h, st)
			f := h.app.form()
			if f == nil || f.kind != c.kind {
				t.Fatalf("the %s form did not open:\n%s", c.kind, h.screen())
			}
			if got := f.Focused().Name; got != c.field {
				t.Fatalf("focus on %q, want %q:\n%s", got, c.field, h.screen())
			}
			h.typeText(c.typed)
			next := start(t, st, 120, 40)
			next.mustSee("Unsaved: ")
			next.keys("r")
			g := next.app.form()
			if g == nil || g.kind != c.kind {
				t.Fatalf("r did not bring the %s form back:\n%s", c.kind, next.screen())
			}
			if got := g.Field(c.field).Value(); got != c.typed {
				t.Fatalf("%s came back with %q, want %q", c.field, got, c.typed)
			}
		})
	}
}
