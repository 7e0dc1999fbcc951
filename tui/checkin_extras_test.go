package tui

import (
	"context"
	"strings"
	"testing"

	"caseload/model"
)

// focusField presses tab until the check-in form's focus is on name.
func focusField(t *testing.T, h *harness, name string) {
	t.Helper()
	for i := 0; h.app.form().Focused().Name != name; i++ {
		if i > 30 {
			t.Fatalf("no %s field reached with tab:\n%s", name, h.screen())
		}
		h.keys("tab")
	}
}

func openAnnCheckIn(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "c")
}

func TestACheckInCountsTodaysHoursAndPaymentInTheSameSave(t *testing.T) {
	st := conditionStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	openAnnCheckIn(h)
	h.mustSee("Service hours")
	focusField(t, h, fieldServiceHours)
	h.keys("2")
	focusField(t, h, fieldPaymentToday)
	h.keys("5", "0", "ctrl+s")
	h.mustSee("Check-in saved; 2 hours recorded; Payment of $50.00 recorded.")
	last, err := st.LastCheckIn(context.Background(), ann)
	if err != nil {
		t.Fatal(err)
	}
	hours, pay := conditionOf(t, st, ann, model.ConditionCommunityWork), conditionOf(t, st, ann, model.ConditionPayment)
	if hours.Progress.Done != 120 || pay.Progress.Done != 5000 {
		t.Fatalf("after the check-in: %d minutes, %d cents; want 120 and 5000", hours.Progress.Done, pay.Progress.Done)
	}
	if !hours.Entries[0].At.Equal(last.At) || !pay.Entries[0].At.Equal(last.At) {
		t.Errorf("the entries are dated %v and %v, the check-in %v", hours.Entries[0].At, pay.Entries[0].At, last.At)
	}
}

func TestBadHoursOnTheCheckInSaveNothingAndKeepWhatWasTyped(t *testing.T) {
	st := conditionStore(t)
	ann := annID(t, st)
	before, _ := st.LastCheckIn(context.Background(), ann)
	h := start(t, st, 80, 24)
	openAnnCheckIn(h)
	focusField(t, h, fieldServiceHours)
	h.typeText("two")
	h.keys("ctrl+s")
	h.mustSee("not a number of hours")
	if f := h.app.form(); f == nil || f.Field(fieldServiceHours).Value() != "two" || f.Focused().Name != fieldServiceHours {
		t.Fatal("the form closed, lost what was typed or left the bad field")
	}
	if after, _ := st.LastCheckIn(context.Background(), ann); after.ID != before.ID {
		t.Fatal("the check-in was saved with a bad number of hours")
	}
	if c := conditionOf(t, st, ann, model.ConditionCommunityWork); len(c.Entries) != 0 {
		t.Fatalf("progress written: %+v", c.Entries)
	}
}

func TestAPositiveTestOffersTheViolationInTheSameSave(t *testing.T) {
	st := fixtureStore(t)
	ann := annID(t, st)
	h := start(t, st, 80, 24)
	openAnnCheckIn(h)
	if strings.Contains(h.screen(), "Violation") {
		t.Fatalf("a violation is offered before anything says there is one:\n%s", h.screen())
	}
	focusField(t, h, model.FieldTest)
	h.keys("3") // positive
	h.typeText("cocaine")
	focusField(t, h, fieldOfferViolation)
	h.mustSee("This check-in is a violation (positive or refused test)")
	if strings.Contains(h.screen(), "Seriousness") {
		t.Fatal("the seriousness is asked before the violation is taken")
	}
	h.keys("2") // record it
	h.mustSee("Seriousness")
	if got := h.app.form().Field(model.FieldSeriousness).Value(); got != string(model.SeriousnessMedium) {
		t.Fatalf("seriousness starts on %q, want the model's medium for a test", got)
	}
	h.keys("ctrl+s")
	h.mustSee("a violation recorded: answer it from the agenda (g)")
	last, err := st.LastCheckIn(context.Background(), ann)
	if err != nil {
		t.Fatal(err)
	}
	vs, _, err := st.Violations(context.Background(), ann)
	if err != nil || len(vs) != 1 || vs[0].CheckInID != last.ID || vs[0].Kind != model.ViolationTest || !vs[0].Sensitive {
		t.Fatalf("violations %+v (%v); want one test violation of check-in %s, marked sensitive", vs, err, last.ID)
	}
}
