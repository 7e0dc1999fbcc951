package tui

import (
	"context"

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
// It is never changed after it is built (a new one replaces it), so a
// command can match against it while the app goes on.
type clientIndex struct {
	ids  []string
	text []string // "name preferred case-number", what fuzzy matches
}

func (x *clientIndex) String(i int) string { return x.text[i] }
func (x *clientIndex) Len() int            { return len(x.text) }

func loadClientIndex(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		entries, err := st.ClientIndex(context.Background())
		if err != nil {
			return clientIndexLoadedMsg{err: err}
		}
		x := &clientIndex{ids: make([]string, len(entries)), text: make([]string, len(entries))}
		for i, e := range entries {
			x.ids[i] = e.ID
			x.text[i] = e.Name + " " + e.PreferredName + " " + e.CaseNumber
		}
		return clientIndexLoadedMsg{index: x}
	}
}

// match returns the ids of the best matches (at most limit), best first, and
// how many matched in all. Fuzzy, like fzf: "ann" finds Ann, Joanna and
// Annette; the closest come first.
func (x *clientIndex) match(pattern string, limit int) ([]string, int) {
	found := fuzzy.FindFrom(pattern, x)
	n := min(len(found), limit)
	ids := make([]string, n)
	for i := range n {
		ids[i] = x.ids[found[i].Index]
	}
	return ids, len(found)
}
