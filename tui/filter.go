package tui

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"caseload/store"
)

// clientIndexLoadedMsg brings the names and case numbers the filter matches.
type clientIndexLoadedMsg struct {
	index *clientIndex
	err   error
}

// clientIndex is every client's names and case number, read once, so that
// filtering as the officer types needs no query per key to find matches.
// Its text is never changed after it is built (a new index replaces it), so
// a command can match against it while the app goes on.
//
// It is compact because it lives as long as the app: at 100,000 clients,
// two strings per client would be 200,000 allocations the collector walks.
// All the text is one string and all the ids another, cut by offsets.
type clientIndex struct {
	text     string   // "name preferred case-number" of every client, one after another
	textEnds []uint32 // where each client's text ends in text
	ids      string
	idEnds   []uint32
	wide     []bool // the client's text has a byte outside ASCII
	// latest numbers the newest match begun: an older one still running
	// stops, since its answer would be dropped anyway.
	latest atomic.Uint64

	// testHookChunkScored runs after each chunk of candidates is scored.
	testHookChunkScored func()
}

func (x *clientIndex) String(i int) string { return x.text[x.start(x.textEnds, i):x.textEnds[i]] }
func (x *clientIndex) Len() int            { return len(x.textEnds) }

func (x *clientIndex) start(ends []uint32, i int) uint32 {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

func (x *clientIndex) id(i int) string { return x.ids[x.start(x.idEnds, i):x.idEnds[i]] }

// clientIndexBuilder packs entries into an index as they are read.
type clientIndexBuilder struct {
	text, ids        strings.Builder
	textEnds, idEnds []uint32
	wide             []bool
}

func (b *clientIndexBuilder) add(e store.ClientIndexEntry) {
	s := e.Name + " " + e.PreferredName + " " + e.CaseNumber
	b.text.WriteString(s)
	b.ids.WriteString(e.ID)
	b.textEnds = append(b.textEnds, uint32(b.text.Len()))
	b.idEnds = append(b.idEnds, uint32(b.ids.Len()))
	b.wide = append(b.wide, strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0)
}

func (b *clientIndexBuilder) index() *clientIndex {
	return &clientIndex{text: b.text.String(), textEnds: b.textEnds, ids: b.ids.String(), idEnds: b.idEnds, wide: b.wide}
}

func loadClientIndex(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		var b clientIndexBuilder
		if err := st.ClientIndex(context.Background(), b.add); err != nil {
			return clientIndexLoadedMsg{err: err}
		}
		return clientIndexLoadedMsg{index: b.index()}
	}
}

// candidates lists the clients lo to hi-1 whose text holds the pattern's
// letters in order, ignoring ASCII case: the only ones fuzzy matching can
// accept, found with a scan of bytes rather than fuzzy's scoring of every
// client. A client with text outside ASCII is always a candidate (Unicode
// case folding can match an ASCII letter there), and so is everyone when the
// pattern itself is not ASCII; fuzzy then decides.
// It stops, returning false, once a newer match than mine has begun: at
// 100,000 clients the letters typed before the last each scanned every
// client, taking the cores the last one needed.
func (x *clientIndex) candidates(mine uint64, pattern string, lo, hi int) ([]int32, bool) {
	var out []int32
	for i := lo; i < hi; i++ {
		if (i-lo)%matchChunk == 0 && x.latest.Load() != mine {
			return nil, false
		}
		if x.wide[i] || subsequenceFold(pattern, x.String(i)) {
			out = append(out, int32(i))
		}
	}
	return out, true
}

// subsequenceFold reports whether the ASCII pattern's bytes occur in order in
// s, ignoring ASCII case; a pattern outside ASCII always passes.
func subsequenceFold(pattern, s string) bool {
	j := 0
	for i := 0; i < len(pattern); i++ {
		p := lowerASCII(pattern[i])
		if p >= utf8.RuneSelf {
			return true
		}
		for j < len(s) && lowerASCII(s[j]) != p {
			j++
		}
		if j == len(s) {
			return false
		}
		j++
	}
	return true
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// candidateSource shows fuzzy the candidates only.
type candidateSource struct {
	x     *clientIndex
	which []int32
}

func (c candidateSource) String(i int) string { return c.x.String(int(c.which[i])) }
func (c candidateSource) Len() int            { return len(c.which) }

// matchChunk is how many candidates are scored between two looks at whether
// a newer match has begun.
const matchChunk = 4096

// begin numbers a match about to run. It is called on the update loop, as
// the key is handled, so the matches are numbered in the order the letters
// were typed: numbered in their commands instead, "an" could begin after
// "ann" (the commands run side by side, in no set order), and the officer's
// last letter would be overtaken by the one before it, showing no matches.
func (x *clientIndex) begin() uint64 { return x.latest.Add(1) }

// match returns the ids of the best matches (at most limit), best first, and
// how many matched in all. Fuzzy, like fzf: "ann" finds Ann, Joanna and
// Annette; the closest come first. The answer is fuzzy's over every client,
// in fuzzy's order; the byte scan only spares it the clients it would
// reject. A match overtaken by a newer one (mine is its number from begin;
// the next letter typed) stops and returns nothing: its answer would be
// dropped.
//
// A large index is split into one part per core, each scanned and scored on
// its own goroutine: at 100,000 clients "ann" took 7 ms on one core, and the
// officer waits for it with every letter.
func (x *clientIndex) match(mine uint64, pattern string, limit int) ([]string, int) {
	n, parts := x.Len(), matchParts(x.Len())
	tops := make([]topMatches, parts)
	current := make([]bool, parts)
	var wg sync.WaitGroup
	for p := range parts {
		tops[p].limit = limit
		wg.Go(func() { current[p] = x.matchPart(mine, pattern, p*n/parts, (p+1)*n/parts, &tops[p]) })
	}
	wg.Wait()
	if slices.Contains(current, false) {
		return nil, 0
	}
	best := mergeTop(tops, limit)
	ids := make([]string, len(best.kept))
	for i, m := range best.kept {
		ids[i] = x.id(m.index)
	}
	return ids, best.seen
}

// matchParts is how many parts an index of n clients is matched in: one per
// core, each of at least a chunk, since a goroutine costs more than a few
// thousand names take to scan.
func matchParts(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/matchChunk))
}

// matchPart scans and scores the clients lo to hi-1 into best, and reports
// false once a newer match has begun.
func (x *clientIndex) matchPart(mine uint64, pattern string, lo, hi int, best *topMatches) bool {
	which, current := x.candidates(mine, pattern, lo, hi)
	if !current {
		return false
	}
	for from := 0; from < len(which); from += matchChunk {
		if x.latest.Load() != mine {
			return false
		}
		chunk := which[from:min(from+matchChunk, len(which))]
		for _, m := range fuzzy.FindFromNoSort(pattern, candidateSource{x, chunk}) {
			best.add(int(chunk[m.Index]), m.Score)
		}
		if x.testHookChunkScored != nil {
			x.testHookChunkScored()
		}
	}
	return x.latest.Load() == mine
}

// mergeTop joins the best matches of the parts, which cover the index in
// its order, into the best limit of them all in fuzzy's order: a stable sort
// by score keeps equal scores in the clients' order, part after part.
func mergeTop(tops []topMatches, limit int) topMatches {
	if len(tops) == 1 {
		return tops[0]
	}
	var all topMatches
	for _, t := range tops {
		all.kept = append(all.kept, t.kept...)
		all.seen += t.seen
	}
	slices.SortStableFunc(all.kept, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	all.kept = all.kept[:min(len(all.kept), max(limit, 0))]
	return all
}

// topMatches keeps the best limit matches of those offered, in fuzzy's
// order: higher score first, and among equal scores the client first in
// the index (fuzzy sorts stably). Matches come in the index's order, so a
// newcomer goes after every kept match of its score or better. At 100,000
// clients "an" matches 30,000: keeping them all and sorting them took most
// of a keystroke's time, to show 200.
type topMatches struct {
	limit int
	kept  []scored
	seen  int
}

type scored struct{ index, score int }

func (t *topMatches) add(index, score int) {
	t.seen++
	if t.limit <= 0 || len(t.kept) == t.limit && score <= t.kept[len(t.kept)-1].score {
		return
	}
	at := sort.Search(len(t.kept), func(i int) bool { return t.kept[i].score < score })
	if len(t.kept) < t.limit {
		t.kept = append(t.kept, scored{})
	}
	copy(t.kept[at+1:], t.kept[at:])
	t.kept[at] = scored{index, score}
}
