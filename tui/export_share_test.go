package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/model"
	"caseload/store"
)

// consentingStore is the fixture with two consents: Ann lets Harbor
// Recovery Center see her attendance, Carla lets the person Pat Rivers see
// her notes.
func consentingStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := fixtureStore(t)
	resources, err := st.Resources(ctx, "", 0, 0)
	if err != nil || len(resources) == 0 {
		t.Fatalf("the fixture's resources: %v", err)
	}
	for _, c := range []struct {
		caseNo string
		to     model.Recipient
		kind   model.ShareKind
	}{
		{"CR-1001", model.Recipient{ResourceID: resources[0].ID}, model.ShareAttendance},
		{"CR-1004", model.Recipient{Person: "Pat Rivers"}, model.ShareNotes},
	} {
		client, _, err := st.ClientByCaseNumber(ctx, c.caseNo)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateConsent(ctx, model.Consent{ClientID: client.ID, Recipient: c.to, Kinds: []model.ShareKind{c.kind},
			Purpose: "Treatment", SignedOn: model.Date{Year: 2026, Month: 11, Day: 1}, ExpiresOn: model.Date{Year: 2027, Month: 11, Day: 1}}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestExportRecipientCyclesThroughTheConsentsInRange(t *testing.T) {
	h := start(t, consentingStore(t), 120, 40)
	h.keys("x")
	customRange(h)
	d := h.app.exportDialog()
	if len(d.recipients) != 2 {
		t.Fatalf("recipients %+v, want Harbor Recovery Center and Pat Rivers", d.recipients)
	}
	h.mustSee("[Officer's record (everything)]")
	h.keys("t")
	content := string(d.content())
	if d.recipient == nil || d.recipient.Name != "Harbor Recovery Center" || d.doc.Summary.SharedWith != "Harbor Recovery Center" {
		t.Fatalf("t should choose Harbor Recovery Center first, got %+v", d.recipient)
	}
	if !strings.Contains(content, "For: Harbor Recovery Center") || !strings.Contains(content, "Ann Example") ||
		strings.Contains(content, "Weighing treatment.") || strings.Contains(content, "Carla Test") {
		t.Fatalf("the preview for Harbor Recovery Center holds more than Ann's attendance:\n%s", content)
	}
	h.mustSee("[Harbor Recovery Center] only what each consent allows · 1 of 2")
	h.keys("t")
	content = string(d.content())
	if d.recipient == nil || d.recipient.Name != "Pat Rivers" || !strings.Contains(content, "At work.") ||
		strings.Contains(content, "Ann Example") || strings.Contains(content, "Field") {
		t.Fatalf("the preview for Pat Rivers should hold Carla's note only:\n%s", content)
	}
	// A person is one client's contact: the choice says whose.
	h.mustSee("[Pat Rivers (CR-1004)] only what each consent allows · 2 of 2")
	h.keys("t")
	if d.recipient != nil || d.doc.Summary.SharedWith != "" || !strings.Contains(string(d.content()), "Weighing treatment.") {
		t.Fatalf("t after the last recipient should come back to the officer's record, got %+v", d.recipient)
	}
}

func TestExportForARecipientWritesAndRecordsTheFilteredSummary(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := consentingStore(t)
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	h.keys("t", "w")
	d := h.app.exportDialog()
	path := filepath.Join(home, "caseload-summary-2026-11-23.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("w did not write the file: %v\n%s", err, h.screen())
	}
	if string(got) != string(d.content()) || !strings.Contains(string(got), "For: Harbor Recovery Center") {
		t.Fatalf("the file is not the filtered preview:\n%s", got)
	}
	h.keys("c")
	list := exports(t, st)
	if len(list) != 2 || list[0].Destination != "clipboard" || list[1].Destination != path ||
		list[0].Recipient != "Harbor Recovery Center" || list[1].Recipient != "Harbor Recovery Center" {
		t.Fatalf("exports %+v, want the file and the clipboard, each for Harbor Recovery Center", list)
	}
}

func TestExportForARecipientWithoutConsentInTheRangeWritesNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := consentingStore(t)
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	h.keys("t")
	// Today holds no records, so no consenting client.
	h.keys("2", "w", "c")
	h.mustSee(noConsentProblem)
	if _, err := os.Stat(filepath.Join(home, "caseload-summary-2026-11-23.md")); !os.IsNotExist(err) {
		t.Fatalf("a summary was written for a recipient nobody in the range consented to: %v", err)
	}
	if list := exports(t, st); len(list) != 0 {
		t.Fatalf("exports recorded: %+v", list)
	}
	// t goes back to the officer's record, which can be made.
	h.keys("t")
	if d := h.app.exportDialog(); d.recipient != nil || d.content() == nil {
		t.Fatalf("t should come back to the officer's record, got %+v", d.recipient)
	}
}

func TestExportRecipientSaysWhenNoConsentCoversTheRange(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("x")
	customRange(h)
	h.mustSee("no consent covers any client in range")
	h.keys("t")
	h.mustSee("No consent covers any client in range: only the officer's record.")
	if h.app.exportDialog().recipient != nil {
		t.Fatal("t chose a recipient though there is none")
	}
}

// TestExportRecipientScreens pins the dialog with a recipient chosen.
func TestExportRecipientScreens(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("export_for_recipient/%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Setenv("HOME", "/home/officer")
			h := start(t, consentingStore(t), size[0], size[1])
			h.keys("x")
			customRange(h)
			h.keys("t")
			golden.RequireEqual(t, []byte(h.screen()))
		})
	}
}
