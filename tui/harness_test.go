package tui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"caseload/model"
	"caseload/store"
)

// frozen is the tests' now: a Monday morning.
var frozen = time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	// Stored times come back in local time; golden screens must not depend
	// on the machine's zone.
	time.Local = time.UTC
	code := m.Run()
	if fixturePath != "" {
		os.RemoveAll(filepath.Dir(fixturePath))
	}
	os.Exit(code)
}

// Names the fixture uses, so tests can find them.
const (
	hostileName = "\x1b]0;owned\x07Ann\x1b[2J"
	bidiNote    = "paid fine \u202Eevil\u202C today"
)

func at(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, time.UTC) }

// fixtureStore builds a small caseload with a frozen clock: five clients in
// every due state, check-ins, stage notes, a referral and an amendment.
func fixtureStore(t testing.TB) *store.Store {
	t.Helper()
	st := openStore(t, fixtureFile(t))
	t.Cleanup(func() { st.Close() })
	return st
}

// fixtureFile is a private copy of the fixture database, not yet opened.
func fixtureFile(t testing.TB) string {
	t.Helper()
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "caseload-tui-fixture")
		if err != nil {
			t.Fatal(err)
		}
		fixturePath = filepath.Join(dir, "fixture.db")
		st := openStore(t, fixturePath)
		fillFixture(t, st)
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	})
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "caseload.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The fixture is built once per run and copied for each test: the same
// records, at a fraction of the cost.
var (
	fixtureOnce sync.Once
	fixturePath string
)

func fillFixture(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	client := func(name, pref, cn string, lvl model.Level, status model.ClientStatus) model.Client {
		c, err := st.CreateClient(ctx, model.Client{Name: name, PreferredName: pref, CaseNumber: cn, Level: lvl, Status: status,
			SupervisionType: model.SupervisionProbation, SupervisionFrom: model.Date{Year: 2026, Month: 1, Day: 5},
			SupervisionTo: model.Date{Year: 2027, Month: 7, Day: 4}, Conditions: "No contact with the victim\nAttend treatment weekly",
			DateOfBirth: model.Date{Year: 1990, Month: 4, Day: 2}, Phone: "555-0100", Address: "12 Elm St", Tags: []string{"dui"}})
		must(err)
		return c
	}
	checkin := func(c model.Client, when time.Time, typ model.ContactType, test model.TestResult, stage model.Stage, note string, next time.Time) model.CheckIn {
		k, err := st.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: when, Type: typ, Outcome: model.OutcomeCompleted,
			Test: test, Stage: stage, Note: note, NextAppointment: next})
		must(err)
		return k
	}
	ann := client("Ann Example", "Annie", "CR-1001", model.LevelHigh, model.StatusActive)
	_, err := st.AddStageNote(ctx, model.StageNote{ClientID: ann.ID, At: at(10, 1, 9, 0), Stage: model.StagePrecontemplation, Note: "Says there is no problem."})
	must(err)
	first := checkin(ann, at(11, 2, 14, 0), model.ContactHome, model.TestRefused, model.StageContemplation, "Weighing treatment.", time.Time{})
	checkin(ann, at(11, 16, 10, 0), model.ContactOffice, model.TestNotTested, model.StagePreparation, "Talked about a job.\nWants a plan.", time.Time{})
	fixed := first
	fixed.Test = model.TestNegative
	_, err = st.AmendCheckIn(ctx, first.ID, fixed, "wrong test result entered")
	must(err)
	res, err := st.CreateResource(ctx, model.Resource{Name: "Harbor Recovery Center", Category: model.CategorySubstanceUse})
	must(err)
	_, err = st.CreateReferral(ctx, model.Referral{ClientID: ann.ID, ResourceID: res.ID, Reason: "outpatient treatment",
		ReferredOn: model.Date{Year: 2026, Month: 11, Day: 16}}, "Sent the intake form.")
	must(err)

	hostile := client(hostileName, "", "CR-1002", model.LevelModerate, model.StatusActive)
	checkin(hostile, at(11, 20, 11, 0), model.ContactPhone, model.TestNotTested, "", bidiNote, time.Time{})

	client("Bob Sample", "", "CR-1003", model.LevelLow, model.StatusActive)
	carla := client("Carla Test", "Carl", "CR-1004", model.LevelIntensive, model.StatusActive)
	checkin(carla, at(11, 20, 9, 0), model.ContactField, model.TestNegative, model.StageAction, "At work.", at(11, 23, 15, 0))
	client("Dan Closed", "", "CR-1005", model.LevelLow, model.StatusClosed)
}

func emptyStore(t testing.TB) *store.Store {
	t.Helper()
	st := openStore(t, filepath.Join(t.TempDir(), "caseload.db"))
	t.Cleanup(func() { st.Close() })
	return st
}

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return frozen }))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// harness drives the app as Bubble Tea would, but in the test's goroutine:
// every command runs to its message, which goes back through Update.
type harness struct {
	t    testing.TB
	app  *App
	quit bool
}

func start(t testing.TB, st *store.Store, w, h int) *harness {
	t.Helper()
	return startWithClock(t, st, w, h, func() time.Time { return frozen })
}

// startWithClock is start with the app's clock reading now.
func startWithClock(t testing.TB, st *store.Store, w, h int, now func() time.Time) *harness {
	t.Helper()
	app := New(st, Options{Now: now, DraftDelay: time.Millisecond, CheckDelay: time.Millisecond, IdleCheck: -1})
	hs := &harness{t: t, app: app}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(app.Init())
	return hs
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

// run runs a command and everything it leads to.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
	case tea.QuitMsg:
		h.quit = true
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
	default:
		if cmds, ok := sequenced(msg); ok {
			for _, c := range cmds {
				h.run(c)
			}
			return
		}
		h.send(msg)
	}
}

// sequenced reads tea.Sequence's message, which is unexported: a list of
// commands run in order.
func sequenced(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// keys presses keys by name ("enter", "ctrl+s", "tab") or as single
// characters.
func (h *harness) keys(names ...string) {
	for _, n := range names {
		h.send(keyPress(n))
	}
}

// typeText types text one key at a time; "\n" is enter.
func (h *harness) typeText(s string) {
	for _, r := range s {
		if r == '\n' {
			h.keys("enter")
			continue
		}
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(name string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgdown": {Code: tea.KeyPgDown},
		"pgup": {Code: tea.KeyPgUp}, "space": {Code: tea.KeySpace, Text: " "}, "f1": {Code: tea.KeyF1},
		"ctrl+s": {Code: 's', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
		"backspace": {Code: tea.KeyBackspace}, "home": {Code: tea.KeyHome},
	}
	if k, ok := special[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// screen is what the officer sees, without colour.
func (h *harness) screen() string { return ansi.Strip(h.app.View().Content) }

func (h *harness) mustSee(want string) {
	h.t.Helper()
	if s := h.screen(); !strings.Contains(s, want) {
		h.t.Fatalf("screen does not show %q:\n%s", want, s)
	}
}

// screen names the screen under whatever is open over it, for the tests
// that ask where the officer is.
type screen int

const (
	screenCaseload screen = iota
	screenClient
	screenAudit
	screenAgenda
	screenResources
	screenWorkload
)

func screenOf(a *App) screen {
	for i := len(a.layers) - 1; i >= 0; i-- {
		switch a.layers[i].(type) {
		case *clientView:
			return screenClient
		case *auditView:
			return screenAudit
		case *agendaView:
			return screenAgenda
		case *directory:
			return screenResources
		case *workloadView:
			return screenWorkload
		}
	}
	return screenCaseload
}
