package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// caseloadLoadedMsg brings one window of caseload rows.
type caseloadLoadedMsg struct {
	gen, offset, limit int
	rows               []model.CaseloadRow
	err                error
}

// caseloadCountedMsg brings the number of clients on the current tab.
type caseloadCountedMsg struct {
	gen, n int
	err    error
}

// filterMatchedMsg brings the rows matching what was typed in the filter,
// best match first: those of the first screen when the filter was typed
// anew, with more to read the rows of the other best matches after them.
type filterMatchedMsg struct {
	gen     int
	rows    []model.CaseloadRow
	more    tea.Cmd // nil when rows are all the best matches'
	matches int
	err     error
}

// filterMoreMsg brings the rows of the best matches below the first screen.
type filterMoreMsg struct {
	gen  int
	rows []model.CaseloadRow
	err  error
}

// caseload is the list of clients. It holds only a window of rows around
// the screen and loads the next one as the officer scrolls, so 10,000
// clients cost what 60 do.
type caseload struct {
	st  *store.Store
	tab model.CaseloadTab
	// notCompliant keeps only the clients with a condition not in
	// compliance, on whichever tab.
	notCompliant bool
	// officers are the officers whose clients the file holds (more than
	// one in a supervisor's file); owner narrows the list to one of them.
	officers    []store.OfficerCount
	owner       string
	sort        model.CaseloadSort
	filter      textinput.Model
	filtering   bool // typing in the filter
	index       *clientIndex
	rows        []model.CaseloadRow // the window, starting at row `from`
	from        int
	endKnown    bool // the window reaches the end of the list
	total       int
	counted     bool
	listCursor  // over every row of the tab, loaded or not; height is the table rows on screen
	width       int
	gen         int  // bumps when tab, sort or filter change; older answers are dropped
	pending     int  // offset of the page being loaded; -1 for none
	finding     bool // a filter was typed and its rows are not in yet
	indexFailed bool // the names the filter matches could not be read
	loaded      bool
	matches     int
	// supervisorFile: the file is a supervisor's, which adds no client and
	// logs no check-in; its help line does not offer them.
	supervisorFile bool
}

func newCaseload(st *store.Store) *caseload {
	in := form.NewInput("/ ")
	in.Placeholder = "name or case number"
	return &caseload{st: st, tab: model.TabAll, sort: model.SortDue, filter: in, pending: -1, width: 80,
		listCursor: listCursor{height: 19, turnPages: true}}
}

func (c *caseload) filterActive() bool { return strings.TrimSpace(c.filter.Value()) != "" }

// searching says the filter's rows are on their way and none are in hand:
// until they come, "no clients" would not be true.
func (c *caseload) searching() bool { return c.filterActive() && c.finding && len(c.rows) == 0 }

// empty reports a file with no clients at all: the first start.
func (c *caseload) empty() bool {
	return c.loaded && !c.filterActive() && !c.notCompliant && c.owner == "" && c.tab == model.TabAll && len(c.rows) == 0 && c.from == 0
}

func (c *caseload) query(now time.Time, offset, limit int) model.CaseloadQuery {
	return model.CaseloadQuery{Tab: c.tab, Sort: c.sort, Limit: limit, Offset: offset, Now: now, NotCompliant: c.notCompliant,
		Owner: c.owner}
}

// loadWindow loads five screens of rows centred on the screen, so that j
// and page down find their rows already there; ensure asks for the next
// window while a screen's worth is still in hand.
func (c *caseload) loadWindow(now time.Time) tea.Cmd {
	w, ok := c.nextWindow(now)
	if !ok {
		return nil
	}
	st := c.st
	return func() tea.Msg { return w.read(st) }
}

// window is one read of caseload rows, decided in Update and run in a
// command.
type window struct {
	gen, offset, limit int
	query              model.CaseloadQuery
}

// nextWindow marks the window around the screen as being read, or says it
// already is.
func (c *caseload) nextWindow(now time.Time) (window, bool) {
	offset := max(0, c.top-2*c.height)
	if c.pending == offset {
		return window{}, false
	}
	c.pending = offset
	return window{gen: c.gen, offset: offset, limit: 5 * c.height, query: c.query(now, offset, 5*c.height)}, true
}

func (w window) read(st *store.Store) caseloadLoadedMsg {
	rows, err := st.CaseloadPage(context.Background(), w.query)
	return caseloadLoadedMsg{gen: w.gen, offset: w.offset, limit: w.limit, rows: rows, err: err}
}

// count runs after the first frame: counting a big caseload reads the whole
// due index.
func (c *caseload) count(now time.Time) tea.Cmd {
	gen, q, st := c.gen, c.query(now, 0, 0), c.st
	return func() tea.Msg {
		n, err := st.CaseloadCount(context.Background(), q)
		return caseloadCountedMsg{gen: gen, n: n, err: err}
	}
}

// reset starts the list again after the tab, sort or filter changed.
func (c *caseload) reset(now time.Time) tea.Cmd {
	c.gen++
	c.cursor, c.top, c.from, c.rows, c.counted, c.endKnown, c.pending = 0, 0, 0, nil, false, false, -1
	if c.filterActive() {
		return c.runFilter(now, c.height)
	}
	return tea.Batch(c.loadWindow(now), c.count(now))
}

// refresh reads the list again after a save, keeping the rows on screen and
// the cursor where they are until the new ones arrive.
func (c *caseload) refresh(now time.Time) tea.Cmd {
	c.gen++
	c.pending = -1
	if c.filterActive() {
		// All at once: the cursor may be anywhere among the matches.
		return c.runFilter(now, maxMatches)
	}
	return tea.Batch(c.loadWindow(now), c.count(now))
}

// runFilter matches the filter against the client index and reads the rows
// of the best matches; both run off the update loop. The first `first` rows
// come first, on their own: at 100,000 clients reading all 200 took 5-8 ms
// of the time from the last letter typed to the screen of matches, a
// screen's worth about 1 ms.
func (c *caseload) runFilter(now time.Time, first int) tea.Cmd {
	c.finding = true
	if c.index == nil {
		if c.indexFailed {
			c.indexFailed = false
			return loadClientIndex(c.st) // once more; the filter runs when it lands
		}
		return nil // the index is on its way; the filter runs when it lands
	}
	gen, pattern, idx, st := c.gen, strings.TrimSpace(c.filter.Value()), c.index, c.st
	q := c.query(now, 0, 0)
	turn := idx.begin()
	return func() tea.Msg {
		ids, matches := idx.match(turn, pattern, maxMatches)
		if len(ids) == 0 {
			return filterMatchedMsg{gen: gen}
		}
		rows, rest, err := readScreen(st, q, ids, max(first, 1))
		msg := filterMatchedMsg{gen: gen, rows: rows, matches: matches, err: err}
		if err == nil && len(rest) > 0 {
			msg.more = func() tea.Msg {
				rows, err := readMatches(st, q, rest)
				return filterMoreMsg{gen: gen, rows: rows, err: err}
			}
		}
		return msg
	}
}

// readScreen reads the rows of the best matches until it has at least a
// screen's worth or has read them all, and returns the ids it has not read.
// On a tab that narrows the list (Due, one officer) some matches are not on
// it, so one read of a screen's ids can bring fewer rows than the screen,
// even none: the first answer would say "No clients here" for a moment.
// Each read takes twice the ids of the one before, so a tab that holds few
// of the matches costs a handful of reads, not one per screen of ids.
func readScreen(st *store.Store, q model.CaseloadQuery, ids []string, screen int) ([]model.CaseloadRow, []string, error) {
	var rows []model.CaseloadRow
	for n := screen; len(rows) < screen && len(ids) > 0; n *= 2 {
		cut := min(n, len(ids))
		read, err := readMatches(st, q, ids[:cut])
		if err != nil {
			return nil, nil, err
		}
		rows, ids = append(rows, read...), ids[cut:]
	}
	return rows, ids, nil
}

// readMatches reads the rows of the clients ids on the query's tab, in the
// order of ids: best match first.
func readMatches(st *store.Store, q model.CaseloadQuery, ids []string) ([]model.CaseloadRow, error) {
	q.IDs = ids
	rows, err := st.CaseloadPage(context.Background(), q)
	return orderLike(rows, ids), err
}

// maxMatches bounds a filter's rows: nobody scrolls past 200 fuzzy matches.
const maxMatches = 200

// orderLike puts rows in the order of ids: best match first.
func orderLike(rows []model.CaseloadRow, ids []string) []model.CaseloadRow {
	byID := make(map[string]model.CaseloadRow, len(rows))
	for _, r := range rows {
		byID[r.ClientID] = r
	}
	out := make([]model.CaseloadRow, 0, len(rows))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out
}

// loaded takes in a window of rows and says whether more must be read.
func (c *caseload) windowLoaded(msg caseloadLoadedMsg, now time.Time) tea.Cmd {
	if msg.gen != c.gen || c.filterActive() {
		return nil
	}
	if c.pending == msg.offset {
		c.pending = -1
	}
	c.rows, c.from, c.endKnown, c.loaded = msg.rows, msg.offset, len(msg.rows) < msg.limit, true
	if c.endKnown && !c.counted {
		c.total, c.counted = msg.offset+len(msg.rows), true
	}
	c.clampRows()
	return c.ensure(now)
}

// filterLoaded shows the rows of the best matches, and returns the command
// that reads the rest of them.
func (c *caseload) filterLoaded(msg filterMatchedMsg) tea.Cmd {
	if msg.gen != c.gen {
		return nil
	}
	c.finding = false
	c.rows, c.from, c.endKnown, c.loaded = msg.rows, 0, true, true
	c.total, c.counted, c.matches = len(msg.rows), true, msg.matches
	c.clampRows()
	return msg.more
}

// filterMoreLoaded adds the rows of the matches below the first screen.
func (c *caseload) filterMoreLoaded(msg filterMoreMsg) {
	if msg.gen != c.gen {
		return
	}
	c.rows = append(c.rows, msg.rows...)
	c.total = len(c.rows)
}

// last is the highest row the cursor may reach with what is known.
func (c *caseload) last() int {
	if c.counted {
		return c.total - 1
	}
	return c.from + len(c.rows) - 1
}

// clampRows keeps the cursor on a row that is known to exist.
func (c *caseload) clampRows() { c.clamp(c.last() + 1) }

// ensure loads the window when the screen has scrolled out of it.
func (c *caseload) ensure(now time.Time) tea.Cmd {
	if c.filterActive() || !c.loaded {
		return nil
	}
	lo, hi := c.top, c.top+c.height
	if c.counted {
		hi = min(hi, c.total)
	}
	covered := lo >= c.from && (hi <= c.from+len(c.rows) || c.endKnown)
	nearStart := c.from > 0 && lo-c.from < c.height
	nearEnd := !c.endKnown && c.from+len(c.rows)-hi < c.height
	if covered && !nearStart && !nearEnd {
		return nil
	}
	return c.loadWindow(now)
}

// selected is the row under the cursor, if it is loaded.
func (c *caseload) selected() (model.CaseloadRow, bool) {
	i := c.cursor - c.from
	if i < 0 || i >= len(c.rows) {
		return model.CaseloadRow{}, false
	}
	return c.rows[i], true
}

// typeIntoFilter gives the filter a key or a paste, and finds again when its
// text changed.
func (c *caseload) typeIntoFilter(msg tea.Msg, now time.Time) tea.Cmd {
	cmd, changed := typeInto(&c.filter, msg)
	if !changed {
		return cmd
	}
	return tea.Batch(cmd, c.reset(now))
}

// update handles the keys of the list (not those the app handles first).
func (c *caseload) update(kp tea.KeyPressMsg, k keyMap, now time.Time) tea.Cmd {
	if c.filtering {
		if ok, cleared := stopTyping(&c.filter, &c.filtering, kp, k); ok {
			if cleared {
				return c.reset(now)
			}
			return nil
		}
		if c.navigate(kp, k.Arrows, c.last()+1, c.height) {
			return c.ensure(now)
		}
		return c.typeIntoFilter(kp, now)
	}
	switch {
	case c.navigate(kp, k.listKeys, c.last()+1, c.height):
		return c.ensure(now)
	case key.Matches(kp, k.Filter):
		c.filtering = true
		return c.filter.Focus()
	case key.Matches(kp, k.ClearFilter) && c.filterActive():
		c.filter.SetValue("")
		return c.reset(now)
	case key.Matches(kp, k.NextTab), key.Matches(kp, k.PrevTab):
		tabs := model.CaseloadTabs()
		d := 1
		if key.Matches(kp, k.PrevTab) {
			d = len(tabs) - 1
		}
		c.tab = tabs[(tabIndex(tabs, c.tab)+d)%len(tabs)].Value
		return c.reset(now)
	case key.Matches(kp, k.NotCompliant):
		c.notCompliant = !c.notCompliant
		return c.reset(now)
	case key.Matches(kp, k.NextOfficer) && len(c.officers) > 1:
		c.owner = c.nextOfficer()
		return c.reset(now)
	case key.Matches(kp, k.Sort) && !c.filterActive():
		sorts := model.CaseloadSorts()
		c.sort = sorts[(tabIndex(sorts, c.sort)+1)%len(sorts)].Value
		return c.reset(now)
	}
	return nil
}

func tabIndex[T ~string](opts []model.Option[T], v T) int {
	for i, o := range opts {
		if o.Value == v {
			return i
		}
	}
	return 0
}

// position says where the cursor is, in words, and whether the list is
// narrowed to the clients not in compliance.
func (c *caseload) position() string {
	p := c.where()
	if c.notCompliant && c.loaded {
		p += " · only clients not in compliance (! for all)"
	}
	if c.owner != "" && c.loaded {
		p += " · officer " + text.Clean(c.owner) + " (o for the next)"
	}
	return p
}

// nextOfficer is the officer after the one shown, then everyone again.
func (c *caseload) nextOfficer() string {
	for i, o := range c.officers {
		if o.Owner == c.owner {
			if i+1 < len(c.officers) {
				return c.officers[i+1].Owner
			}
			return ""
		}
	}
	return c.officers[0].Owner
}

// officersLoadedMsg brings the officers whose clients the file holds.
type officersLoadedMsg struct {
	officers []store.OfficerCount
	err      error
}

func loadOfficers(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		o, err := st.Officers(context.Background())
		return officersLoadedMsg{officers: o, err: err}
	}
}

// officersLoaded takes the officers in; an officer no longer in the file
// (their clients transferred away) stops narrowing the list.
func (c *caseload) officersLoaded(msg officersLoadedMsg, now time.Time) tea.Cmd {
	if msg.err != nil {
		return nil
	}
	c.officers = msg.officers
	for _, o := range c.officers {
		if o.Owner == c.owner {
			return nil
		}
	}
	if c.owner == "" {
		return nil
	}
	c.owner = ""
	return c.reset(now)
}

func (c *caseload) where() string {
	switch {
	case !c.loaded:
		return "Loading…"
	case c.searching():
		return "Finding…"
	case c.filterActive():
		return strconv.Itoa(c.total) + " shown of " + strconv.Itoa(c.matches) + " matches, best first"
	case c.counted && c.total == 0:
		return "No clients on this tab"
	case c.counted:
		return strconv.Itoa(c.cursor+1) + " of " + strconv.Itoa(c.total)
	}
	return strconv.Itoa(c.cursor+1) + " of …"
}
