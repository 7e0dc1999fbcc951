package tui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"caseload/store"
)

var ctrlL = tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl}

// startAt is start with a clock the test moves.
func startAt(t testing.TB, st *store.Store, clock *time.Time) *harness {
	t.Helper()
	return startWithClock(t, st, 80, 24, func() time.Time { return *clock })
}

// mustHideClients fails when anything of the fixture's clients shows.
func (h *harness) mustHideClients() {
	h.t.Helper()
	s := h.screen()
	for _, leak := range []string{"Ann", "Annie", "Example", "Bob", "Carla", "Dan", "CR-10", "owned", "Weighing", "555-0100"} {
		if strings.Contains(s, leak) {
			h.t.Fatalf("the locked screen shows %q:\n%s", leak, s)
		}
	}
	if !strings.Contains(s, "Caseload is locked") {
		h.t.Fatalf("the lock screen does not say it is locked:\n%s", s)
	}
}

func TestCtrlLLocksFromEveryScreen(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"caseload", nil},
		{"filter", []string{"/", "a", "n"}},
		{"client", []string{"/", "a", "n", "n", "enter", "enter"}},
		{"checkin form", []string{"/", "a", "n", "n", "enter", "c", "2"}},
		{"help", []string{"?"}},
		{"audit log", []string{"L"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t, fixtureStore(t), 80, 24)
			h.keys(tc.keys...)
			h.send(ctrlL)
			if h.app.lock == nil {
				t.Fatalf("ctrl+l did not lock:\n%s", h.screen())
			}
			h.mustHideClients()
			h.keys("q", "j", "esc")
			if h.app.lock == nil || h.quit {
				t.Fatal("keys other than enter got past the lock")
			}
			h.keys("enter")
			if h.app.lock != nil {
				t.Fatalf("with no passphrase, enter should unlock:\n%s", h.screen())
			}
		})
	}
}

func TestIdleTimeLocksTheScreen(t *testing.T) {
	clock := frozen
	h := startAt(t, fixtureStore(t), &clock)
	clock = clock.Add(14 * time.Minute)
	h.send(idleTickMsg{})
	if h.app.lock != nil {
		t.Fatal("locked after 14 minutes; the default is 15")
	}
	h.keys("j") // a key starts the 15 minutes again
	clock = clock.Add(14 * time.Minute)
	h.send(idleTickMsg{})
	if h.app.lock != nil {
		t.Fatal("locked 14 minutes after the last key")
	}
	clock = clock.Add(time.Minute)
	h.send(idleTickMsg{})
	if h.app.lock == nil {
		t.Fatal("not locked 15 minutes after the last key")
	}
	h.mustHideClients()
}

func TestIdleTimeComesFromTheSettings(t *testing.T) {
	st := fixtureStore(t)
	if err := st.SetLockMinutes(context.Background(), 5); err != nil {
		t.Fatal(err)
	}
	clock := frozen
	h := startAt(t, st, &clock)
	clock = clock.Add(5 * time.Minute)
	h.send(idleTickMsg{})
	if h.app.lock == nil {
		t.Fatal("not locked after the 5 minutes set in the settings")
	}
}

func TestWrongPassphraseStaysLockedAndTheRightOneUnlocks(t *testing.T) {
	st := fixtureStore(t)
	if err := st.SetLockPassphrase(context.Background(), "blue kettle morning"); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.send(ctrlL)
	h.keys("enter")
	if h.app.lock == nil {
		t.Fatal("enter with nothing typed unlocked a screen that has a passphrase")
	}
	h.typeText("blue kettle evening\n")
	if h.app.lock == nil {
		t.Fatal("a wrong passphrase unlocked the screen")
	}
	h.mustSee("That passphrase is not right")
	h.mustHideClients()
	if strings.Contains(h.screen(), "evening") {
		t.Fatal("the lock screen shows what was typed")
	}
	h.typeText("blue kettle morning\n")
	if h.app.lock != nil {
		t.Fatalf("the right passphrase did not unlock:\n%s", h.screen())
	}
	h.mustSee("Carla")
}

func TestOpenFormIsKeptAsADraftAndBackAfterUnlocking(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("/", "c", "a", "r", "enter", "c", "2", "2", "4")
	h.typeText("Half-written note")
	f := h.app.form()
	before := f.values()
	h.send(ctrlL)
	h.mustHideClients()
	drafts, err := st.Drafts(context.Background())
	if err != nil || len(drafts) != 1 || drafts[0].Data["note"] != "Half-written note" {
		t.Fatalf("locking should keep the open form as a draft; drafts %+v, %v", drafts, err)
	}
	h.keys("enter")
	if h.app.form() != f || !reflect.DeepEqual(h.app.form().values(), before) {
		t.Fatalf("after unlocking the form is %v with %v, want the same form with %v", h.app.form(), h.app.form().values(), before)
	}
	h.mustSee("Half-written note")
}

func TestLockScreen(t *testing.T) {
	for _, tc := range []struct {
		name       string
		passphrase bool
		typed      string
	}{
		{name: "no_passphrase"},
		{name: "wrong_passphrase", passphrase: true, typed: "not it\n"},
	} {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				st := fixtureStore(t)
				if tc.passphrase {
					if err := st.SetLockPassphrase(context.Background(), "blue kettle morning"); err != nil {
						t.Fatal(err)
					}
				}
				h := start(t, st, size[0], size[1])
				h.keys("/", "a", "n", "n", "enter", "enter")
				h.send(ctrlL)
				h.typeText(tc.typed)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}
