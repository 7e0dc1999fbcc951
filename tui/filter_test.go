package tui

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"caseload/model"
	"caseload/store"
)

// newClientIndex packs the entries into one index, as the app packs them
// from the store.
func newClientIndex(entries []store.ClientIndexEntry) *clientIndex {
	var b clientIndexBuilder
	for _, e := range entries {
		b.add(e)
	}
	return b.index()
}

// TestFilterMatchesAsFuzzyOverEveryClient pins the filter's answer to what
// fuzzy matching over every client's text gives, in the same order: the byte
// scan that picks the candidates may only spare fuzzy the clients it would
// reject, whatever the case, the accents or the letters that fold into ASCII
// ones (the Kelvin sign is a k, the long s an s).
func TestFilterMatchesAsFuzzyOverEveryClient(t *testing.T) {
	names := []string{"Ann Lee", "Joanna Ruiz", "Annette Kowalski", "ANNA BELL", "Nathan Ng", "Zoë Ångström",
		"Dani \u212Aelly", "Ro\u017Fa Parks", "Ana Núñez", "Bob", "Sean O'Neill", "Anne-Marie Dubois", "Mary Ann",
		"Jo\tAnn", "Ánna Pérez", "Seán Nann", "", "Xi", "Lin Ann Ann"}
	var entries []store.ClientIndexEntry
	for i, n := range names {
		for copyNo := range 3 { // equal scores: the order of the clients decides
			entries = append(entries, store.ClientIndexEntry{ID: fmt.Sprintf("id-%02d-%d", i, copyNo), Name: n,
				PreferredName: []string{"", "Annie", "Ké"}[copyNo], CaseNumber: fmt.Sprintf("CR-%02d-%d", i, copyNo)})
		}
	}
	x := newClientIndex(entries)
	var texts []string
	for _, e := range entries {
		texts = append(texts, e.Name+" "+e.PreferredName+" "+e.CaseNumber)
	}
	for _, pattern := range []string{"a", "ann", "ANN", "aN", "kelly", "rosa", "ROSA", "zoe", "zoë", "ångs", "é", "cr-0",
		"cr 1", "o'n", "annie", "\u212A", "xyz", "n n", "a-m", "ké"} {
		want := fuzzy.Find(pattern, texts)
		wantIDs := make([]string, 0, len(want))
		for _, m := range want {
			wantIDs = append(wantIDs, entries[m.Index].ID)
		}
		for _, limit := range []int{len(entries), 5, 1, 0} {
			ids, n := x.match(x.begin(), pattern, limit)
			if n != len(want) || !slices.Equal(ids, wantIDs[:min(limit, len(wantIDs))]) {
				t.Errorf("match(%q, %d) = %d matches %v, want %d matches %v", pattern, limit, n, ids, len(want), wantIDs[:min(limit, len(wantIDs))])
			}
		}
	}
}

// TestFilterMatchOvertakenReturnsNothing: a match that a newer one has
// overtaken stops, rather than taking a core from the one whose answer the
// officer will see.
func TestFilterMatchOvertakenReturnsNothing(t *testing.T) {
	entries := make([]store.ClientIndexEntry, 3*matchChunk)
	for i := range entries {
		entries[i] = store.ClientIndexEntry{ID: fmt.Sprint(i), Name: "Ann Lee", CaseNumber: fmt.Sprint("CR-", i)}
	}
	x := newClientIndex(entries)
	if _, n := x.match(x.begin(), "ann", 10); n != len(entries) {
		t.Fatalf("match alone found %d, want %d", n, len(entries))
	}
	x.testHookChunkScored = func() { x.latest.Add(1) } // a newer match begins while this one scores
	if ids, n := x.match(x.begin(), "ann", 10); ids != nil || n != 0 {
		t.Errorf("an overtaken match returned %d ids, %d matches; want none", len(ids), n)
	}
}

// TestFilterLastLetterWinsWhateverOrderTheMatchesRun: the matches of
// letters typed quickly run side by side; the last letter's is the one that
// answers even when it runs first, and the one before it, running after,
// stops.
func TestFilterLastLetterWinsWhateverOrderTheMatchesRun(t *testing.T) {
	entries := make([]store.ClientIndexEntry, 2*matchChunk)
	for i := range entries {
		entries[i] = store.ClientIndexEntry{ID: fmt.Sprint(i), Name: "Ann Lee", CaseNumber: fmt.Sprint("CR-", i)}
	}
	x := newClientIndex(entries)
	an, ann := x.begin(), x.begin() // typed in this order
	if ids, n := x.match(ann, "ann", 10); len(ids) != 10 || n != len(entries) {
		t.Errorf("the last letter's match, run first, gave %d ids of %d matches; want 10 of %d", len(ids), n, len(entries))
	}
	if ids, n := x.match(an, "an", 10); ids != nil || n != 0 {
		t.Errorf("the letter before, run after, gave %d ids of %d matches; want none", len(ids), n)
	}
	// It stops before scoring, in the scan for candidates.
	if which, current := x.candidates(an, "an", 0, x.Len()); current || which != nil {
		t.Errorf("the overtaken scan went on: %d candidates", len(which))
	}
}

// TestFilterOverManyChunksMatchesAsFuzzy: scored a chunk at a time, and in
// one part per core, the matches still come in fuzzy's order, equal scores
// in the clients' order across chunks and parts.
func TestFilterOverManyChunksMatchesAsFuzzy(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, cores := range []int{1, 2, 3} {
		runtime.GOMAXPROCS(cores)
		if got := matchParts(3*matchChunk + 17); got != cores {
			t.Fatalf("with %d cores the index is matched in %d parts", cores, got)
		}
		t.Run(fmt.Sprint(cores, " parts"), matchesAsFuzzyOverManyChunks)
	}
}

func matchesAsFuzzyOverManyChunks(t *testing.T) {
	names := []string{"Ann Lee", "Joanna Ruiz", "Annette Kowalski", "Dana Nash", "Bob Stone", "Hannah Annis"}
	var entries []store.ClientIndexEntry
	var texts []string
	for i := range 3*matchChunk + 17 {
		e := store.ClientIndexEntry{ID: fmt.Sprint("id-", i), Name: names[(i*7)%len(names)], CaseNumber: fmt.Sprint("CR-", i%13)}
		entries = append(entries, e)
		texts = append(texts, e.Name+" "+e.PreferredName+" "+e.CaseNumber)
	}
	x := newClientIndex(entries)
	for _, pattern := range []string{"ann", "a", "na 1", "zzz"} {
		want := fuzzy.Find(pattern, texts)
		for _, limit := range []int{200, len(entries)} {
			ids, n := x.match(x.begin(), pattern, limit)
			var wantIDs []string
			for _, m := range want[:min(limit, len(want))] {
				wantIDs = append(wantIDs, entries[m.Index].ID)
			}
			if n != len(want) || !slices.Equal(ids, wantIDs) {
				t.Errorf("match(%q, %d) = %d matches, first %v; want %d, first %v", pattern, limit, n, ids[:min(5, len(ids))], len(want), wantIDs[:min(5, len(wantIDs))])
			}
		}
	}
}

// TestFilterShowsTheFirstScreenBeforeTheRest: the rows of the matches on the
// first screen are read, and shown, on their own, so the officer sees them
// without waiting for the other best matches; those follow in a second read,
// and the list then holds every best match, best first, as one read gave.
// A refresh after a save, whose cursor may be anywhere, reads all at once.
func TestFilterShowsTheFirstScreenBeforeTheRest(t *testing.T) {
	st := emptyStore(t)
	annLees(t, st, 60, func(int) bool { return false })
	h := start(t, st, 80, 24)
	first, height := typeAnn(t, h), h.app.caseload.height
	if len(first.rows) != height || first.more == nil || first.matches != 60 {
		t.Fatalf("the first answer has %d rows of %d matches (more to read: %v); want the %d on screen, more to read",
			len(first.rows), first.matches, first.more != nil, height)
	}
	_, cmd := h.app.Update(first)
	h.mustSee(fmt.Sprintf("%d shown of 60 matches", height))
	more := holdBack[filterMoreMsg](h, cmd)
	if len(more) != 1 || len(more[0].rows) != 60-height {
		t.Fatalf("the second read brought %d answers, want one of %d rows", len(more), 60-height)
	}
	h.send(more[0])
	h.mustSee("60 shown of 60 matches")

	ids, _ := h.app.caseload.index.match(h.app.caseload.index.begin(), "ann", maxMatches)
	var shown []string
	for _, r := range h.app.caseload.rows {
		shown = append(shown, r.ClientID)
	}
	if !slices.Equal(shown, ids) {
		t.Errorf("the list after both reads is not the best matches in order:\n got %v\nwant %v", shown, ids)
	}

	h.keys("down", "down")
	refreshed := holdBack[filterMatchedMsg](h, h.app.caseload.refresh(frozen))
	if len(refreshed) != 1 {
		t.Fatalf("a refresh gave %d answers, want one", len(refreshed))
	}
	if r := refreshed[0]; len(r.rows) != 60 || r.more != nil {
		t.Fatalf("a refresh read %d rows (more to read: %v); want all 60 at once", len(r.rows), r.more != nil)
	}
}

// annLees makes n clients named "Ann Lee NN", every one matching "ann"
// equally well; those for which closed says so are closed, and so on no
// tab but All.
func annLees(t *testing.T, st *store.Store, n int, closed func(i int) bool) {
	t.Helper()
	for i := range n {
		status := model.StatusActive
		if closed(i) {
			status = model.StatusClosed
		}
		if _, err := st.CreateClient(context.Background(), model.Client{Name: fmt.Sprintf("Ann Lee %02d", i),
			CaseNumber: fmt.Sprintf("CR-26-%05d", i), Level: model.LevelModerate, Status: status,
			SupervisionType: model.SupervisionProbation, SupervisionFrom: model.Date{Year: 2026, Month: 1, Day: 5},
			SupervisionTo: model.Date{Year: 2027, Month: 7, Day: 4}}); err != nil {
			t.Fatal(err)
		}
	}
}

// typeAnn opens the filter, types "ann" and returns the answer to the last
// letter, held back from the app.
func typeAnn(t *testing.T, h *harness) filterMatchedMsg {
	t.Helper()
	h.keys("/", "a", "n")
	_, cmd := h.app.Update(keyPress("n"))
	matched := holdBack[filterMatchedMsg](h, cmd)
	if len(matched) != 1 {
		t.Fatalf("typing a letter gave %d filter answers, want 1", len(matched))
	}
	return matched[0]
}

// TestFilterOnANarrowTabShowsAFullFirstScreen: on the Due tab half of the
// matches are closed clients, not due; the first answer still fills the
// screen (it reads on until it has), rather than showing half a screen or
// "No clients here" until the rest comes. After the second read the list is
// the best matches that are on the tab, in order.
func TestFilterOnANarrowTabShowsAFullFirstScreen(t *testing.T) {
	st := emptyStore(t)
	annLees(t, st, 60, func(i int) bool { return i%2 == 0 })
	h := start(t, st, 80, 24)
	h.keys("tab", "tab", "tab")
	if h.app.caseload.tab != model.TabDue || h.app.caseload.total != 30 {
		t.Fatalf("three tabs should show the 30 active clients on Due; tab %s with %d", h.app.caseload.tab, h.app.caseload.total)
	}
	first, height := typeAnn(t, h), h.app.caseload.height
	if len(first.rows) < height || first.more == nil {
		t.Fatalf("the first answer on Due has %d rows (more to read: %v); want at least the %d on screen, more to read",
			len(first.rows), first.more != nil, height)
	}
	_, cmd := h.app.Update(first)
	more := holdBack[filterMoreMsg](h, cmd)
	if len(more) != 1 {
		t.Fatalf("the second read brought %d answers, want one", len(more))
	}
	h.send(more[0])
	h.mustSee("30 shown of 60 matches")

	ids, _ := h.app.caseload.index.match(h.app.caseload.index.begin(), "ann", maxMatches)
	active := map[string]bool{}
	var want, shown []string
	for _, r := range h.app.caseload.rows {
		if r.Status != model.StatusActive {
			t.Errorf("%s is %s, yet on the Due tab", r.Name, r.Status)
		}
		active[r.ClientID] = true
		shown = append(shown, r.ClientID)
	}
	for _, id := range ids {
		if active[id] {
			want = append(want, id)
		}
	}
	if len(want) != 30 || !slices.Equal(shown, want) {
		t.Errorf("the list on Due is not its best matches in order (%d of them):\n got %v\nwant %v", len(want), shown, want)
	}
}

// TestFilterDropsTheRestOfAnOlderFilter: the second read of a filter the
// officer has typed past arrives late; its rows are not those of the filter
// on screen and are dropped.
func TestFilterDropsTheRestOfAnOlderFilter(t *testing.T) {
	st := emptyStore(t)
	annLees(t, st, 60, func(int) bool { return false })
	h := start(t, st, 80, 24)
	first := typeAnn(t, h)
	_, cmd := h.app.Update(first)
	stale := holdBack[filterMoreMsg](h, cmd)
	if len(stale) != 1 {
		t.Fatalf("the second read brought %d answers, want one", len(stale))
	}
	h.keys(" ", "0", "7") // "ann 07": Ann Lee 07, 17, 27 ... 57
	h.mustSee("6 shown of 6 matches")
	before := slices.Clone(h.app.caseload.rows)
	h.send(stale[0])
	if rows := h.app.caseload.rows; !slices.Equal(rows, before) {
		t.Fatalf("the older filter's rows were taken in: %d rows on screen for \"ann 07\", want its 6", len(rows))
	}
	h.mustSee("6 shown of 6 matches")
}

// TestFilterKeepsTheFirstScreenWhenTheRestCannotBeRead: the second read
// fails (the file closed under it); the officer keeps the screen of matches
// already shown and is told the rest could not be read.
func TestFilterKeepsTheFirstScreenWhenTheRestCannotBeRead(t *testing.T) {
	st := emptyStore(t)
	annLees(t, st, 60, func(int) bool { return false })
	h := start(t, st, 80, 24)
	first, height := typeAnn(t, h), h.app.caseload.height
	_, cmd := h.app.Update(first)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	more := holdBack[filterMoreMsg](h, cmd)
	if len(more) != 1 || more[0].err == nil {
		t.Fatalf("the second read on a closed file brought %d answers (%v), want one error", len(more), more)
	}
	h.send(more[0])
	h.mustSee("Could not filter")
	h.mustSee(fmt.Sprintf("%d shown of 60 matches", height))
	if len(h.app.caseload.rows) != height {
		t.Fatalf("after the failed read %d rows are shown, want the first screen's %d", len(h.app.caseload.rows), height)
	}
}

// holdBack runs cmd and what it leads to as the harness does, except that
// the messages of type M are kept back and returned instead of sent.
func holdBack[M tea.Msg](h *harness, cmd tea.Cmd) []M {
	var held []M
	var walk func(tea.Cmd)
	walk = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case M:
			held = append(held, msg)
		case tea.BatchMsg:
			for _, c := range msg {
				walk(c)
			}
		case nil:
		default:
			if cmds, ok := sequenced(msg); ok {
				for _, c := range cmds {
					walk(c)
				}
				return
			}
			_, next := h.app.Update(msg)
			walk(next)
		}
	}
	walk(cmd)
	return held
}
