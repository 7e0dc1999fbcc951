package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

func TestFilterFindsClientByThreeLetters(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "c", "a", "r")
	row, ok := h.app.caseload.selected()
	if !ok || row.Name != "Carla Test" {
		t.Fatalf("after typing \"car\" the selected row is %+v, want Carla Test", row)
	}
	h.keys("esc")
	if h.app.caseload.filterActive() || h.app.caseload.total != 5 {
		t.Fatalf("esc should clear the filter and show all 5 clients; total %d", h.app.caseload.total)
	}
}

func TestTabsNarrowTheCaseload(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("tab") // the agenda, the second tab (TestAgendaIsTheCaseloadsSecondTab)
	if screenOf(h.app) != screenAgenda {
		t.Fatalf("tab from All should open the agenda:\n%s", h.screen())
	}
	h.keys("tab") // the workload, beside the agenda
	for _, want := range []struct {
		tab   model.CaseloadTab
		total int
	}{{model.TabDue, 2}, {model.TabOverdue, 1}, {model.TabAll, 5}} {
		h.keys("tab")
		if c := h.app.caseload; c.tab != want.tab || c.total != want.total {
			t.Fatalf("tab %s shows %d clients, want tab %s with %d", c.tab, c.total, want.tab, want.total)
		}
	}
}

func TestSortCyclesThroughTheOrders(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("s")
	// The hostile name starts with ESC, which sorts before every letter.
	if c := h.app.caseload; c.sort != model.SortName || len(c.rows) < 2 || c.rows[1].Name != "Ann Example" {
		t.Fatalf("after s: sort %s, rows %+v; want name order with Ann Example after the ESC name", c.sort, c.rows)
	}
	h.keys("s", "s")
	if h.app.caseload.sort != model.SortDue {
		t.Fatalf("three presses of s should come back to the due order, got %s", h.app.caseload.sort)
	}
}

func TestCheckInFromTheListIsOnDiskWhenTheFormCloses(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c")
	h.keys("2", "2", "4") // home visit, negative, action
	h.typeText("Home visit, all well.\nStarts the new job Monday.")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the form is still open after ctrl+s:\n%s", h.screen())
	}
	h.mustSee("Check-in saved.")
	row, _ := h.app.caseload.selected()
	last, err := st.LastCheckIn(context.Background(), row.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	if last.Type != model.ContactHome || last.Outcome != model.OutcomeCompleted || last.Test != model.TestNegative ||
		last.Stage != model.StageAction || last.Note != "Home visit, all well.\nStarts the new job Monday." || !last.At.Equal(frozen) {
		t.Fatalf("saved check-in = %+v", last)
	}
	if want := frozen.AddDate(0, 0, 7); !last.NextAppointment.Equal(want) {
		t.Fatalf("next appointment %s, want one intensive interval later, %s", last.NextAppointment, want)
	}
	if d, _ := st.Drafts(context.Background()); len(d) != 0 {
		t.Fatalf("a saved form left drafts behind: %+v", d)
	}
}

func TestInvalidCheckInKeepsWhatWasTypedAndSaysWhy(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c", "2", "3") // positive test, no substances
	h.keys("tab", "tab")
	h.typeText("note kept")
	h.keys("ctrl+s")
	if h.app.form() == nil {
		t.Fatal("the form closed although the check-in is invalid")
	}
	if got := h.app.form().Field(model.FieldSubstances).Err; got == "" {
		t.Fatal("no error next to the substances field")
	}
	if got := h.app.form().Field(model.FieldNote).Value(); got != "note kept" {
		t.Fatalf("the note became %q; what was typed must stay", got)
	}
	h.mustSee("✗ name the substances for a positive result")
	h.typeText("alcohol")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("the corrected form did not save:\n%s", h.screen())
	}
	row, _ := h.app.caseload.selected()
	last, _ := st.LastCheckIn(context.Background(), row.ClientID)
	if strings.Join(last.Substances, ",") != "alcohol" || last.Note != "note kept" {
		t.Fatalf("saved %+v", last)
	}
}

func TestEscOnAChangedFormAsksFirst(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c", "tab", "tab", "tab")
	h.typeText("half a note")
	h.keys("esc")
	h.mustSee("Discard what you typed?")
	h.keys("n")
	if h.app.form() == nil || h.app.form().Field(model.FieldNote).Value() != "half a note" {
		t.Fatal("n should go back to the form with the note kept")
	}
	h.keys("esc", "y")
	if h.app.form() != nil {
		t.Fatal("y should discard the form")
	}
	if d, _ := st.Drafts(context.Background()); len(d) != 0 {
		t.Fatalf("a discarded form left its draft: %+v", d)
	}
}

func TestEscOnAnUnchangedFormJustCloses(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("c", "esc")
	if h.app.form() != nil {
		t.Fatal("esc on an untouched form should close it without asking")
	}
}

func TestDraftIsKeptAfterAPauseAndOfferedOnTheNextStart(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c", "2", "tab", "tab")
	h.typeText("typed before the battery died")
	drafts, err := st.Drafts(context.Background())
	if err != nil || len(drafts) != 1 || drafts[0].Data[model.FieldNote] != "typed before the battery died" {
		t.Fatalf("drafts after a pause = %+v, %v", drafts, err)
	}
	next := start(t, st, 80, 24)
	next.mustSee("Unsaved: Check-in · Carla Test (Carl) · CR-1004")
	next.keys("r")
	if next.app.form() == nil {
		t.Fatalf("r did not restore the draft:\n%s", next.screen())
	}
	if got := next.app.form().Field(model.FieldNote).Value(); got != "typed before the battery died" {
		t.Fatalf("restored note %q", got)
	}
	if got := next.app.form().Field(model.FieldType).Value(); got != string(model.ContactHome) {
		t.Fatalf("restored contact type %q, want home", got)
	}
}

func TestCtrlCSavesTheOpenFormAsADraftAndQuits(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("a")
	h.typeText("Eve New")
	// Drop the draft the pause kept, so only ctrl+c can bring it back.
	if err := st.DeleteDraft(context.Background(), "client:new"); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	d, _ := st.Drafts(context.Background())
	if len(d) != 1 || d[0].Key != "client:new" || d[0].Data[model.FieldName] != "Eve New" {
		t.Fatalf("drafts after ctrl+c = %+v", d)
	}
}

func TestQQuitsOnlyAtTheTopLevel(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "q")
	if h.quit || h.app.caseload.filter.Value() != "q" {
		t.Fatal("q in the filter is a letter, not quit")
	}
	h.keys("esc", "q")
	if !h.quit {
		t.Fatal("q on the caseload should quit")
	}
}

func TestEmptyCaseloadLoadsTheDemoWithOneKey(t *testing.T) {
	st := emptyStore(t)
	h := start(t, st, 80, 24)
	h.mustSee("No clients yet.")
	h.keys("d")
	if n, _ := st.ClientCount(context.Background()); n != 120 {
		t.Fatalf("demo loaded %d clients, want 120", n)
	}
	if h.app.caseload.empty() || h.app.caseload.total != 120 {
		t.Fatalf("after the demo the caseload shows %d clients", h.app.caseload.total)
	}
}

// TestTheDemoLoadsWhileTheFileIsOpenElsewhere: with the file open in
// another window too, as it is on the app's own idle connections a second
// after it starts, d still loads the demo (it once said another window was
// writing).
func TestTheDemoLoadsWhileTheFileIsOpenElsewhere(t *testing.T) {
	st := emptyStore(t)
	other := openStore(t, st.Path())
	t.Cleanup(func() { other.Close() })
	if n, err := other.ClientCount(context.Background()); err != nil || n != 0 {
		t.Fatalf("the other window reads %d clients, %v", n, err)
	}
	h := start(t, st, 80, 24)
	h.keys("d")
	h.mustSee("Demo caseload loaded")
	if n, _ := other.ClientCount(context.Background()); n != 120 {
		t.Fatalf("the other window reads %d clients after the demo, want 120", n)
	}
}

func TestAddClientThenFindIt(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("a")
	h.typeText("Eve New")
	h.keys("tab", "tab")
	h.typeText("CR-1001") // taken
	h.keys("ctrl+s")
	h.mustSee("✗ already used by another client")
	for range 4 {
		h.keys("backspace")
	}
	h.typeText("2001")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("client form did not save:\n%s", h.screen())
	}
	h.keys("/", "e", "v", "e")
	if row, _ := h.app.caseload.selected(); row.CaseNumber != "CR-2001" {
		t.Fatalf("the new client is not found by the filter: %+v", row)
	}
}

func TestAmendACheckInNeedsAReason(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "j", "A")
	h.keys("ctrl+s")
	h.mustSee("✗ required: say why the record is corrected")
	h.typeText("note was for another client")
	h.keys("ctrl+s")
	if h.app.form() != nil {
		t.Fatalf("amendment not saved:\n%s", h.screen())
	}
	h.mustSee("Check-in amended.")
	h.mustSee("AMENDED Check-in · Office")
}

func TestStageNoteFromTheClientScreen(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter", "n", "4")
	h.typeText("Started the program.")
	h.keys("ctrl+s")
	h.mustSee("Stage note saved.")
	h.mustSee("Stage: ACT Action")
}

func TestTimelinePagesAsTheCursorMoves(t *testing.T) {
	st := fixtureStore(t)
	ctx := context.Background()
	row := firstClient(t, st, "CR-1003")
	for i := range timelinePage + 5 {
		if _, err := st.AddStageNote(ctx, model.StageNote{ClientID: row, At: frozen.AddDate(0, 0, -i-1), Stage: model.StageContemplation}); err != nil {
			t.Fatal(err)
		}
	}
	h := start(t, st, 80, 24)
	h.keys("/", "b", "o", "b", "enter", "enter")
	if n := len(h.app.client().timeline); n != timelinePage {
		t.Fatalf("first page holds %d records, want %d", n, timelinePage)
	}
	h.keys("G")
	if n := len(h.app.client().timeline); n != timelinePage+5 {
		t.Fatalf("after moving to the end the timeline holds %d records, want %d", n, timelinePage+5)
	}
}

func firstClient(t *testing.T, st *store.Store, caseNumber string) string {
	t.Helper()
	c, _, err := st.ClientByCaseNumber(context.Background(), caseNumber)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// TestFilterTypedBeforeTheClientListIsReadSaysFinding: the names the filter
// matches are read after the first frame; an officer who types before they
// are in sees "Finding…", never "No clients here", and then the match.
func TestFilterTypedBeforeTheClientListIsReadSaysFinding(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.app.caseload.index = nil // as in the first moments after start
	h.keys("/", "c", "a", "r")
	s := h.screen()
	if !strings.Contains(s, "Finding…") || strings.Contains(s, "No clients here") || strings.Contains(s, "0 matches") ||
		strings.Contains(s, "  …") {
		t.Fatalf("while the client list is read:\n%s", s)
	}
	h.run(loadClientIndex(st))
	h.mustSee("Carla Test")
	h.mustSee("1 shown of 1 matches")

	h.app.caseload.index = nil
	h.keys("backspace")
	h.send(clientIndexLoadedMsg{err: errors.New("disk I/O error")})
	if s := h.screen(); strings.Contains(s, "Finding…") || !strings.Contains(s, "Could not read the client list") {
		t.Fatalf("after the client list failed to load:\n%s", s)
	}
	// The next key tries again, rather than waiting for names nobody reads.
	h.keys("r")
	h.mustSee("Carla Test")
	h.mustSee("1 shown of 1 matches")
}
