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

// addConditions gives Ann, beside the two conditions of her court order,
// 40 hours of community service and $500 to pay at $50 a month.
func addConditions(t testing.TB, st *store.Store) (ann string) {
	t.Helper()
	ctx := context.Background()
	ann = annID(t, st)
	d := func(m time.Month, day int) model.Date { return model.Date{Year: 2026, Month: m, Day: day} }
	for _, c := range []model.Condition{
		{ClientID: ann, Kind: model.ConditionCommunityWork, Wording: "Complete 40 hours of community service by March 1",
			OrderedOn: d(1, 5), DueBy: model.Date{Year: 2027, Month: 3, Day: 1}, Target: 40 * 60, Status: model.ConditionNotStarted},
		{ClientID: ann, Kind: model.ConditionPayment, Wording: "Pay $500 restitution at $50 a month",
			OrderedOn: d(1, 5), Target: 50000, Instalment: 5000, FirstInstalmentOn: d(11, 1), Status: model.ConditionNotStarted},
	} {
		if _, err := st.AddCondition(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return ann
}

// openAnnConditions opens Ann on her Conditions tab, the one before the
// last.
func openAnnConditions(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "shift+tab", "shift+tab")
}

// conditionOf finds the state of Ann's condition of kind k.
func conditionOf(t *testing.T, st *store.Store, ann string, k model.ConditionKind) store.ConditionState {
	t.Helper()
	list, err := st.Conditions(context.Background(), ann, model.DateOf(frozen))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Condition.Kind == k {
			return c
		}
	}
	t.Fatalf("no %s condition in %+v", k, list)
	return store.ConditionState{}
}

// rowOf is the cursor position of the condition of kind k on the tab.
func rowOf(t *testing.T, st *store.Store, ann string, k model.ConditionKind) int {
	t.Helper()
	list, err := st.Conditions(context.Background(), ann, model.DateOf(frozen))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range list {
		if c.Condition.Kind == k {
			return i
		}
	}
	t.Fatalf("no %s condition", k)
	return 0
}

func moveDown(h *harness, n int) {
	for range n {
		h.keys("j")
	}
}

func TestTwoHoursOfCommunityServiceTakeTwoKeysBeyondTheNumber(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnnConditions(h)
	moveDown(h, rowOf(t, st, ann, model.ConditionCommunityWork))
	h.keys("enter", "2", "ctrl+s")
	c := conditionOf(t, st, ann, model.ConditionCommunityWork)
	if c.Progress.Done != 120 || len(c.Entries) != 1 || c.Entries[0].Kind != model.ProgressHours {
		t.Fatalf("after enter 2 ctrl+s: done %d minutes, entries %+v", c.Progress.Done, c.Entries)
	}
	if c.Condition.Status != model.ConditionInProgress {
		t.Fatalf("status after the first hours = %s, want in progress", c.Condition.Status)
	}
	h.mustSee("2 hours recorded.")
	h.mustSee("2 of 40 hours")
	h.mustSee("[#---------]")
}

func TestFiftyDollarPaymentWithItsReceipt(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnnConditions(h)
	moveDown(h, rowOf(t, st, ann, model.ConditionPayment))
	h.keys("enter", "5", "0", "tab")
	h.typeText("R-77")
	h.keys("ctrl+s")
	c := conditionOf(t, st, ann, model.ConditionPayment)
	if c.Progress.Done != 5000 || len(c.Entries) != 1 || c.Entries[0].Receipt != "R-77" {
		t.Fatalf("payment: done %d cents, entries %+v", c.Progress.Done, c.Entries)
	}
	h.mustSee("Payment of $50.00 recorded.")
}

func TestBadHoursAreShownByTheFieldAndNothingIsWritten(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnnConditions(h)
	moveDown(h, rowOf(t, st, ann, model.ConditionCommunityWork))
	h.keys("enter", "t", "w", "o", "ctrl+s")
	h.mustSee("not a number of hours")
	if c := conditionOf(t, st, ann, model.ConditionCommunityWork); len(c.Entries) != 0 {
		t.Fatalf("a bad amount wrote %+v", c.Entries)
	}
	if h.app.form() == nil || h.app.form().Field(model.FieldAmount).Value() != "two" {
		t.Fatal("the form closed or lost what was typed")
	}
}

func TestStatusChangeNeedsAReasonAndIsKept(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnnConditions(h)
	moveDown(h, rowOf(t, st, ann, model.ConditionCommunityWork))
	h.keys("m")
	for h.app.form().Field(model.FieldStatus).Value() != string(model.ConditionNotCompliant) {
		h.keys("right")
	}
	h.keys("ctrl+s")
	h.mustSee("required")
	// The error puts the cursor on the reason.
	h.typeText("Missed three shifts at the food bank.")
	h.keys("ctrl+s")
	c := conditionOf(t, st, ann, model.ConditionCommunityWork)
	if c.Condition.Status != model.ConditionNotCompliant || len(c.Entries) != 1 || c.Entries[0].From != model.ConditionNotStarted {
		t.Fatalf("status %s, entries %+v", c.Condition.Status, c.Entries)
	}
	h.mustSee("! Not in compliance")
}

func TestConditionWithNothingToCountSaysHowToChangeIt(t *testing.T) {
	st := fixtureStore(t)
	ann := addConditions(t, st)
	h := start(t, st, 80, 24)
	openAnnConditions(h)
	moveDown(h, rowOf(t, st, ann, model.ConditionNoContact))
	h.keys("enter")
	if h.app.form() != nil {
		t.Fatal("a progress form opened on a no-contact order")
	}
	h.mustSee("not counted: m changes its status")
}

// TestConditionScreens pins the Conditions tab and its two forms.
func TestConditionScreens(t *testing.T) {
	screens := []struct {
		name string
		keys func(h *harness, row func(model.ConditionKind) int) []string
	}{
		{name: "conditions_tab", keys: func(*harness, func(model.ConditionKind) int) []string { return nil }},
		{name: "progress_form_hours", keys: func(_ *harness, row func(model.ConditionKind) int) []string {
			return append(strings.Split(strings.Repeat("j", row(model.ConditionCommunityWork)), ""), "enter")
		}},
		{name: "progress_form_payment", keys: func(_ *harness, row func(model.ConditionKind) int) []string {
			return append(strings.Split(strings.Repeat("j", row(model.ConditionPayment)), ""), "enter")
		}},
		{name: "condition_status_form", keys: func(*harness, func(model.ConditionKind) int) []string { return []string{"m"} }},
		// The check-in form of a client with hours and a payment to count,
		// on the hours with 2 typed; and with a positive test, the
		// violation taken and its seriousness asked.
		{name: "checkin_with_hours", keys: func(*harness, func(model.ConditionKind) int) []string {
			return []string{"c", "tab", "tab", "tab", "tab", "tab", "tab", "2"}
		}},
		{name: "checkin_offers_violation", keys: func(*harness, func(model.ConditionKind) int) []string {
			return []string{"c", "tab", "3", "x", "tab", "tab", "tab", "tab", "tab", "2"}
		}},
		{name: "conditions_after_hours", keys: func(_ *harness, row func(model.ConditionKind) int) []string {
			return append(strings.Split(strings.Repeat("j", row(model.ConditionCommunityWork)), ""), "enter", "2", "ctrl+s")
		}},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				ann := addConditions(t, st)
				h := start(t, st, size[0], size[1])
				openAnnConditions(h)
				keys := sc.keys(h, func(k model.ConditionKind) int { return rowOf(t, st, ann, k) })
				for _, k := range keys {
					if k != "" {
						h.keys(k)
					}
				}
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

// conditionStore is the fixture with Ann's counted conditions added.
func conditionStore(t *testing.T) *store.Store {
	t.Helper()
	st := fixtureStore(t)
	addConditions(t, st)
	return st
}
