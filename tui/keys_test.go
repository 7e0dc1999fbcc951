package tui

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// keyScenarios are every screen and mode of the app, each reached from the
// caseload by the keys the officer would press.
var keyScenarios = []struct {
	name  string
	store func(t *testing.T) *store.Store
	keys  []string
}{
	{name: "caseload"},
	{name: "caseload typing a filter", keys: []string{"/", "a", "n"}},
	{name: "caseload with a filter kept", keys: []string{"/", "a", "n", "n", "enter"}},
	{name: "caseload first start", store: func(t *testing.T) *store.Store { return emptyStore(t) }},
	{name: "caseload offering a draft", store: draftStore},
	{name: "agenda", keys: []string{"g"}},
	{name: "agenda with hearings, conditions and violations", store: complianceStore, keys: []string{"g"}},
	{name: "response form", store: complianceStore, keys: []string{"g", "G", "enter"}},
	{name: "caseload narrowed to clients not in compliance", store: complianceStore, keys: []string{"!"}},
	{name: "incentive form", store: complianceStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "i"}},
	{name: "court event form", store: complianceStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "o"}},
	{name: "job form", store: complianceStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "w"}},
	{name: "audit log", keys: []string{"L"}},
	{name: "directory", keys: []string{"R"}},
	{name: "directory typing a search", keys: []string{"R", "/"}},
	{name: "resource detail", keys: []string{"R", "enter"}},
	{name: "client timeline", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter"}},
	{name: "client plan", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "tab"}},
	{name: "client goal history", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "H"}},
	{name: "client stage history", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab"}},
	{name: "client profile", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "tab", "tab", "tab"}},
	{name: "client referrals", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "shift+tab", "shift+tab", "shift+tab"}},
	{name: "client conditions", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "shift+tab", "shift+tab"}},
	{name: "client log", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "shift+tab"}},
	{name: "client log choosing a kind", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "shift+tab", "/"}},
	{name: "progress form", store: conditionStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "shift+tab", "shift+tab", "j", "j", "enter"}},
	{name: "resource picker", keys: []string{"/", "a", "n", "n", "enter", "enter", "r"}},
	{name: "screening choice", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "S"}},
	{name: "consents", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "V"}},
	{name: "consent revoke question", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "V", "enter"}},
	{name: "check-in form on a date", keys: []string{"/", "a", "n", "n", "enter", "c"}},
	{name: "check-in form on a choice", keys: []string{"/", "a", "n", "n", "enter", "c", "tab"}},
	{name: "check-in form discard question", keys: []string{"/", "a", "n", "n", "enter", "c", "tab", "right", "esc"}},
	{name: "stage note form on a note", keys: []string{"/", "a", "n", "n", "enter", "enter", "n", "tab", "tab", "tab"}},
	{name: "screening form", store: planStore, keys: []string{"/", "a", "n", "n", "enter", "enter", "S", "enter"}},
	{name: "export", keys: []string{"x"}},
	{name: "export typing the path", keys: []string{"x", "p"}},
}

// TestEveryKeyHandledIsShown walks every screen in every mode. The bindings
// a screen answers to must all be in its help, no two of them may share a
// key, and every key the app binds anywhere (and the named keys a screen
// might read without a binding) is pressed: one the screen reacts to must be
// one of its bindings, or text typed into the editor that has the cursor.
func TestEveryKeyHandledIsShown(t *testing.T) {
	k := newKeyMap()
	probes := probeKeys(t, k)
	appWide := map[string]bool{}
	for _, b := range []key.Binding{k.ForceQuit, k.Paste, k.Lock} {
		for _, s := range b.Keys() {
			appWide[s] = true
		}
	}
	for _, sc := range keyScenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			newStore := func(t *testing.T) *store.Store { return fixtureStore(t) }
			if sc.store != nil {
				newStore = sc.store
			}
			st := newStore(t)
			fresh := func() *harness {
				h := start(t, st, 80, 24)
				h.keys(sc.keys...)
				return h
			}
			h := fresh()
			top := h.app.top()
			what := reflect.TypeOf(top).String()
			live := top.live(h.app)

			shown := map[string]bool{}
			_, groups := top.groups(h.app.keys)
			for _, g := range append(groups, top.short(h.app.keys)) {
				for _, b := range g {
					for _, s := range b.Keys() {
						shown[s] = true
					}
				}
			}
			byKey := map[string]string{}
			for _, b := range live {
				for _, s := range b.Keys() {
					if !shown[s] {
						t.Errorf("%s answers to %q (%s) but its help does not show it", what, s, b.Help().Desc)
					}
					if other, ok := byKey[s]; ok && other != b.Help().Desc {
						t.Errorf("%s has two bindings on %q: %q and %q", what, s, other, b.Help().Desc)
					}
					byKey[s] = b.Help().Desc
				}
			}

			for _, kp := range probes {
				name := kp.String()
				if appWide[name] || typing(h.app) && typed(kp) {
					continue
				}
				before := h.screen()
				_, cmd := h.app.Update(kp)
				if cmd == nil && h.screen() == before {
					continue
				}
				if _, ok := byKey[name]; !ok {
					t.Errorf("%s reacts to %q, which is none of its bindings", what, name)
				}
				h = fresh()
			}
		})
	}
}

// draftStore is the fixture with a check-in left as a draft, so that the
// caseload offers it back.
func draftStore(t *testing.T) *store.Store {
	st := fixtureStore(t)
	err := st.SaveDraft(context.Background(), store.Draft{Key: "client:", Form: "client",
		Data: map[string]string{"_title": "New client", "name": "Eve Draft"}})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// typing reports whether an editor has the cursor: the filter, a search, a
// form's text field or note, a date or path in the export dialog.
func typing(a *App) bool {
	switch l := a.top().(type) {
	case *caseload:
		return l.filtering
	case *directory:
		return l.searching
	case *resourcePicker:
		return true
	case *exportDialog:
		return l.typing()
	case *recordForm:
		return l.TakesText()
	}
	return false
}

// typed reports the keys an editor takes as text or as moving in the text.
func typed(kp tea.KeyPressMsg) bool {
	if kp.Text != "" {
		return true
	}
	switch kp.String() {
	case "backspace", "delete", "left", "right", "home", "end", "enter", "up", "down",
		"ctrl+a", "ctrl+e", "ctrl+b", "ctrl+f", "ctrl+k", "ctrl+u", "ctrl+w", "ctrl+h", "ctrl+d", "ctrl+n", "ctrl+p":
		return true
	}
	return false
}

// probeKeys are every key the app binds, and the named keys a screen might
// read without a binding.
func probeKeys(t *testing.T, k keyMap) []tea.KeyPressMsg {
	names := map[string]bool{}
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		if v.Type() == reflect.TypeOf(key.Binding{}) {
			// The screens' key sets are unexported; the test reads them in place.
			b := reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Interface().(key.Binding)
			for _, s := range b.Keys() {
				names[s] = true
			}
			return
		}
		if v.Kind() == reflect.Struct {
			for i := 0; i < v.NumField(); i++ {
				collect(v.Field(i))
			}
		}
	}
	collect(reflect.ValueOf(&k).Elem())
	for _, s := range strings.Fields("left right up down enter esc tab shift+tab backspace delete insert home end pgup pgdown " +
		"f1 f2 space ctrl+a ctrl+e ctrl+n ctrl+p ctrl+r ctrl+x ctrl+o alt+x z Z 0 ! - = [ ] ; '") {
		names[s] = true
	}
	named := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgdown": {Code: tea.KeyPgDown},
		"pgup": {Code: tea.KeyPgUp}, "space": {Code: tea.KeySpace, Text: " "}, "f1": {Code: tea.KeyF1},
		"f2": {Code: tea.KeyF2}, "backspace": {Code: tea.KeyBackspace}, "delete": {Code: tea.KeyDelete},
		"insert": {Code: tea.KeyInsert}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
	}
	var out []tea.KeyPressMsg
	for name := range names {
		var kp tea.KeyPressMsg
		switch {
		case named[name] != (tea.Key{}):
			kp = tea.KeyPressMsg(named[name])
		case strings.HasPrefix(name, "ctrl+") && len(name) == 6:
			kp = tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
		case strings.HasPrefix(name, "alt+") && len(name) == 5:
			kp = tea.KeyPressMsg{Code: rune(name[4]), Mod: tea.ModAlt}
		case len([]rune(name)) == 1:
			kp = tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
		default:
			t.Fatalf("no way to press %q", name)
		}
		if kp.String() != name {
			t.Fatalf("the key built for %q reads as %q", name, kp.String())
		}
		out = append(out, kp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}
