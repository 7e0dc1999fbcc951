package tui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"caseload/model"
	"caseload/text"
	"caseload/tui/form"
)

// resourcesFoundMsg brings the resource directory for the picker.
type resourcesFoundMsg struct {
	resources []model.Resource
	err       error
}

// resourcePicker chooses the resource of a new referral: the whole
// directory, narrowed by fuzzy matching as the officer types, so "harb rec"
// finds Harbor Recovery Center without knowing its category.
type resourcePicker struct {
	input      textinput.Model
	resources  []model.Resource
	text       []string // "name category", what fuzzy matches
	shown      []int    // indexes into resources, best match first
	loaded     bool
	listCursor // the first row is the person, where offered; the view keeps it in sight
	title      string
	// choose opens the form that follows the choice: a referral to the
	// resource, or a consent to share with it. With offerPerson the first row
	// is "a person not in the directory": res is nil then and person is
	// what was typed.
	choose      func(res *model.Resource, person string, now time.Time) *recordForm
	offerPerson bool
}

func (p *resourcePicker) String(i int) string { return p.text[i] }
func (p *resourcePicker) Len() int            { return len(p.text) }

// openPicker starts a referral: read the directory, then choose from it.
func (a *App) openPicker(c model.Client) tea.Cmd {
	return a.startPicker(&resourcePicker{title: "Refer " + text.Clean(c.DisplayName()) + " to…",
		choose: func(res *model.Resource, _ string, now time.Time) *recordForm { return newReferralForm(c, *res, now) }})
}

// startPicker reads the directory, then lets the officer choose from it.
func (a *App) startPicker(p *resourcePicker) tea.Cmd {
	in := form.NewInput("/ ")
	in.Placeholder = "resource name or category"
	in.SetWidth(40) // room for the placeholder, which is cut to the width
	in.Focus()
	p.input = in
	a.push(p)
	st := a.st
	return func() tea.Msg {
		res, err := st.SearchResources(context.Background(), model.ResourceQuery{})
		return resourcesFoundMsg{resources: res, err: err}
	}
}

func (p *resourcePicker) setResources(res []model.Resource) {
	p.resources, p.loaded = res, true
	p.text = make([]string, len(res))
	for i, r := range res {
		p.text[i] = r.Name + " " + r.Category.Label()
	}
	p.match()
}

// match narrows the list to what was typed; nothing typed shows all, by
// name.
func (p *resourcePicker) match() {
	if p.offerPerson {
		// The best match is chosen first; the person row waits above it.
		defer func() { p.cursor = min(1, len(p.shown)) }()
	}
	p.cursor, p.shown = 0, p.shown[:0]
	pattern := strings.TrimSpace(p.input.Value())
	if pattern == "" {
		for i := range p.resources {
			p.shown = append(p.shown, i)
		}
		return
	}
	for _, m := range fuzzy.FindFrom(pattern, p) {
		p.shown = append(p.shown, m.Index)
	}
	// fuzzy's score rewards word starts anywhere, so "har" ranks "Housing
	// Authority" over "Harbor"; a name holding what was typed as it was
	// typed comes first, the fuzzy order kept within each group.
	lower := strings.ToLower(pattern)
	slices.SortStableFunc(p.shown, func(a, b int) int {
		return cmpBool(strings.Contains(strings.ToLower(p.resources[b].Name), lower),
			strings.Contains(strings.ToLower(p.resources[a].Name), lower))
	})
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// personRows is 1 when the first row offers a person, else 0.
func (p *resourcePicker) personRows() int {
	if p.offerPerson {
		return 1
	}
	return 0
}

func (p *resourcePicker) selected() (model.Resource, bool) {
	if i := p.cursor - p.personRows(); i >= 0 && i < len(p.shown) {
		return p.resources[p.shown[i]], true
	}
	return model.Resource{}, false
}

func (p *resourcePicker) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	switch {
	case key.Matches(kp, a.keys.Cancel):
		a.pop(p)
		return nil
	case key.Matches(kp, a.keys.Open) && p.offerPerson && p.cursor == 0:
		a.pop(p)
		return a.openForm(p.choose(nil, strings.TrimSpace(p.input.Value()), now), nil)
	case key.Matches(kp, a.keys.Open):
		res, ok := p.selected()
		if !ok {
			return nil
		}
		a.pop(p)
		return a.openForm(p.choose(&res, "", now), nil)
	case p.navigate(kp, a.keys.Arrows, len(p.shown)+p.personRows(), 0):
		return nil
	}
	return p.typeInto(kp)
}

// typeInto gives the search a key or a paste, and matches again when its
// text changed.
func (p *resourcePicker) typeInto(msg tea.Msg) tea.Cmd {
	cmd, changed := typeInto(&p.input, msg)
	if changed {
		p.match()
	}
	return cmd
}

// paste goes into the search.
func (p *resourcePicker) paste(_ *App, msg tea.PasteMsg) tea.Cmd { return p.typeInto(msg) }

// view draws the picker in h lines of w cells.
func (p *resourcePicker) view(f frame) []string {
	s, w, h := f.s, f.w, f.h
	lines := []string{
		s.title.Render(p.title) + "  " + s.dim.Render(strconv.Itoa(len(p.shown))+" of "+strconv.Itoa(len(p.resources))+" resources"),
		p.input.View(),
		"",
	}
	if p.offerPerson {
		mark, person := "  ", "✎ A person not in the directory"
		if typed := strings.TrimSpace(p.input.Value()); typed != "" {
			person += ": " + text.Clean(typed)
		}
		if p.cursor == 0 {
			mark, person = s.selected.Render("▸")+" ", s.bold.Render(person)
		}
		lines = append(lines, mark+person)
	}
	switch {
	case !p.loaded:
		return append(lines, s.dim.Render("Reading the resource directory…"))
	case len(p.resources) == 0:
		return append(lines, s.dim.Render("The directory is empty. Import one with `caseload import resources PATH`."))
	case len(p.shown) == 0:
		return append(lines, s.dim.Render("No resource matches. Backspace to widen the search."))
	}
	rows := h - len(lines)
	cursor := p.cursor - p.personRows()
	top := max(0, cursor-rows+1)
	nameW := max(20, w-2-28)
	for i := top; i < len(p.shown) && i < top+rows; i++ {
		r := p.resources[p.shown[i]]
		mark, name := "  ", text.Clean(r.Name)
		if i == cursor {
			mark, name = s.selected.Render("▸")+" ", s.bold.Render(name)
		}
		lines = append(lines, mark+text.Pad(name, nameW-1)+" "+s.dim.Render(r.Category.Label()))
	}
	return lines
}

// short is the picker's one-line help.
func (p *resourcePicker) short(k keyMap) []key.Binding {
	return []key.Binding{k.Open, k.Cancel, k.Arrows.Up, k.Arrows.Down}
}

// groups are the picker's keys; everything else typed is the search.
func (p *resourcePicker) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · " + p.title, [][]key.Binding{{k.Open, k.Cancel, k.Arrows.Up, k.Arrows.Down}, {k.Lock, k.ForceQuit}}
}

// live are the keys the picker answers to; everything else is typed into
// the search.
func (p *resourcePicker) live(a *App) []key.Binding {
	k := a.keys
	return []key.Binding{k.Cancel, k.Open, k.Arrows.Up, k.Arrows.Down}
}
