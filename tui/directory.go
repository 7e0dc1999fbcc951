package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/tui/form"
)

// directoryLoadedMsg brings one page of the resource directory and how many
// resources match in all.
type directoryLoadedMsg struct {
	gen   int
	rows  []model.Resource
	total int
	err   error
}

// resourceOpenedMsg brings a resource and the clients referred there.
type resourceOpenedMsg struct {
	resource  model.Resource
	referrals []model.ResourceReferral
	err       error
}

// resourceSavedMsg reports a resource added or edited (or why not).
type resourceSavedMsg struct {
	saved
	resourceID string
}

// directoryPage is how many resources one read brings: more than anyone
// scrolls through; the search narrows the rest.
const directoryPage = 500

// directory is the community-resource directory: a category filter, a
// search over name, description, categories, tags and address, and the
// detail of one resource.
type directory struct {
	category   model.ResourceCategory // "" for every category
	search     textinput.Model
	searching  bool // typing in the search
	rows       []model.Resource
	total      int
	loaded     bool
	listCursor     // over the rows; height is the rows on screen
	gen        int // bumps with every new query; older answers are dropped
	detail     *resourceDetail
}

// resourceDetail is one resource and who was referred there.
type resourceDetail struct {
	resource  model.Resource
	referrals []model.ResourceReferral
}

// categoryChoices are the filter's values in order, every category first.
func categoryChoices() []model.ResourceCategory {
	out := []model.ResourceCategory{""}
	for _, o := range model.ResourceCategories() {
		out = append(out, o.Value)
	}
	return out
}

func newDirectory(h int) *directory {
	in := form.NewInput("/ ")
	in.Placeholder = "name, category, address, description"
	d := &directory{search: in}
	d.setSize(0, h)
	return d
}

// load reads the first page for the current category and search.
func (d *directory) load(st *store.Store) tea.Cmd {
	d.gen++
	gen := d.gen
	q := model.ResourceQuery{Text: strings.TrimSpace(d.search.Value()), Category: d.category, Limit: directoryPage}
	return func() tea.Msg {
		ctx := context.Background()
		rows, err := st.SearchResources(ctx, q)
		if err != nil {
			return directoryLoadedMsg{gen: gen, err: err}
		}
		n, err := st.CountResources(ctx, q)
		return directoryLoadedMsg{gen: gen, rows: rows, total: n, err: err}
	}
}

func (d *directory) loadedPage(msg directoryLoadedMsg) {
	if msg.gen != d.gen {
		return
	}
	d.rows, d.total, d.loaded = msg.rows, msg.total, true
	d.clamp(len(d.rows))
}

func (d *directory) selected() (model.Resource, bool) {
	if d.cursor < len(d.rows) {
		return d.rows[d.cursor], true
	}
	return model.Resource{}, false
}

func openResource(st *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		r, err := st.Resource(ctx, id)
		if err != nil {
			return resourceOpenedMsg{err: err}
		}
		refs, err := st.ResourceReferrals(ctx, id)
		return resourceOpenedMsg{resource: r, referrals: refs, err: err}
	}
}

// openDirectory shows the directory, read afresh.
func (a *App) openDirectory() tea.Cmd {
	d := newDirectory(a.height)
	a.push(d)
	a.notice = ""
	return d.load(a.st)
}

// typeIntoSearch gives the search a key or a paste, and searches again when
// its text changed.
func (d *directory) typeIntoSearch(msg tea.Msg, st *store.Store) tea.Cmd {
	cmd, changed := typeInto(&d.search, msg)
	if !changed {
		return cmd
	}
	d.cursor, d.top = 0, 0
	return tea.Batch(cmd, d.load(st))
}

// directoryKey handles the directory's keys: the search while typing, the
// detail when one is open, the list otherwise.
func (d *directory) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	k := a.keys
	if d.searching {
		if ok, cleared := stopTyping(&d.search, &d.searching, kp, k); ok {
			if cleared {
				d.cursor, d.top = 0, 0
				return d.load(a.st)
			}
			return nil
		}
		if d.navigate(kp, k.Arrows, len(d.rows), d.height) {
			return nil
		}
		return d.typeIntoSearch(kp, a.st)
	}
	if d.detail != nil {
		switch {
		case key.Matches(kp, k.Back):
			d.detail, a.notice = nil, ""
		case key.Matches(kp, k.EditResource):
			r := d.detail.resource
			return a.openForm(newResourceForm(&r, now), nil)
		case key.Matches(kp, k.Help):
			return a.openHelp()
		}
		return nil
	}
	switch {
	case key.Matches(kp, k.Back):
		a.pop(d)
		a.notice = ""
		return nil
	case key.Matches(kp, k.Help):
		return a.openHelp()
	case key.Matches(kp, k.Filter):
		d.searching = true
		return d.search.Focus()
	case key.Matches(kp, k.NextTab), key.Matches(kp, k.PrevTab):
		step := 1
		if key.Matches(kp, k.PrevTab) {
			step = -1
		}
		d.category = cycle(categoryChoices(), d.category, step)
		d.cursor, d.top = 0, 0
		return d.load(a.st)
	case key.Matches(kp, k.AddResource):
		return a.openForm(newResourceForm(nil, now), nil)
	case key.Matches(kp, k.Open):
		if r, ok := d.selected(); ok {
			return openResource(a.st, r.ID)
		}
	default:
		d.navigate(kp, k.listKeys, len(d.rows), d.height)
	}
	return nil
}

// setSize fits the list to a window h lines high: the resources on screen
// are the window less the title, search, header, position and help lines.
func (d *directory) setSize(_, h int) { d.height = max(1, h-5) }

// paste goes into the search while it is typed in.
func (d *directory) paste(a *App, msg tea.PasteMsg) tea.Cmd {
	if !d.searching {
		return nil
	}
	return d.typeIntoSearch(msg, a.st)
}

// handleDirectoryWork takes the answers about the directory.
func (a *App) handleDirectoryWork(msg tea.Msg) tea.Cmd {
	d := a.directory()
	switch msg := msg.(type) {
	case directoryLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the resource directory: " + msg.err.Error()
			return nil
		}
		if d != nil {
			d.loadedPage(msg)
		}
	case resourceOpenedMsg:
		if msg.err != nil {
			a.notice = "Could not open the resource: " + msg.err.Error()
			return nil
		}
		if d != nil {
			d.detail = &resourceDetail{resource: msg.resource, referrals: msg.referrals}
		}
	case resourceSavedMsg:
		cmd := a.saved(msg.saved)
		if msg.err != nil || d == nil {
			return cmd
		}
		cmds := []tea.Cmd{cmd, d.load(a.st)}
		if d.detail != nil {
			cmds = append(cmds, openResource(a.st, msg.resourceID))
		}
		return tea.Batch(cmds...)
	}
	return nil
}

// groups are the directory's keys, for the full help.
func (d *directory) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Resources", [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.AcceptFilter, k.ClearFilter, k.NextTab, k.PrevTab},
		{k.Open, k.AddResource, k.EditResource, k.Back, k.Help, k.ForceQuit},
	}
}

func (d *directory) short(k keyMap) []key.Binding {
	switch {
	case d.searching:
		return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Arrows.Up, k.Arrows.Down}
	case d.detail != nil:
		return []key.Binding{k.EditResource, k.Help, k.Back}
	}
	return []key.Binding{k.Filter, k.NextTab, k.Open, k.AddResource, k.Help, k.Back}
}

// directoryKeys are the keys of the resource directory alone.
type directoryKeys struct {
	AddResource, EditResource key.Binding
}

func newDirectoryKeys() directoryKeys {
	return directoryKeys{
		AddResource:  bind([]string{"a"}, "a", "add"),
		EditResource: bind([]string{"e"}, "e", "edit"),
	}
}

func (d *directory) live(a *App) []key.Binding {
	k := a.keys
	switch {
	case d.searching:
		return []key.Binding{k.AcceptFilter, k.ClearFilter, k.Arrows.Up, k.Arrows.Down}
	case d.detail != nil:
		return []key.Binding{k.Back, k.EditResource, k.Help}
	}
	return append(k.listKeys.all(), k.Back, k.Help, k.Filter, k.NextTab, k.PrevTab, k.AddResource, k.Open)
}
