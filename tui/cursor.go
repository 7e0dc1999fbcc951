package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// listKeys move the cursor of a list. A list that takes fewer of them (a
// short list over the client screen, a list under a search being typed)
// is given a listKeys with only those: a binding left empty matches no key.
type listKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// all are the list keys in help order, without the empty ones.
func (k listKeys) all() []key.Binding {
	var out []key.Binding
	for _, b := range []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom} {
		if len(b.Keys()) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// listCursor is where the officer is in a list: the item under the cursor
// and, for a list drawn a screen at a time, the first item on screen. Every
// list of the app moves and clamps through it.
type listCursor struct {
	cursor int // the item under the cursor
	top    int // the first item on screen
	height int // items on screen; 0 where the view keeps the cursor in sight itself
	// turnPages makes page up and down turn the screen a page with the
	// cursor keeping its place on it, as the caseload does, rather than
	// move the cursor a page.
	turnPages bool
}

// clamp puts the cursor on one of n items, and the screen around it.
func (l *listCursor) clamp(n int) {
	l.cursor = max(0, min(l.cursor, n-1))
	if l.height <= 0 {
		return
	}
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+l.height {
		l.top = l.cursor - l.height + 1
	}
	l.top = max(0, min(l.top, n-l.height))
}

// navigate moves the cursor over n items for the keys of k, page items a
// page, and reports whether the key was one of them.
func (l *listCursor) navigate(kp tea.KeyPressMsg, k listKeys, n, page int) bool {
	switch {
	case key.Matches(kp, k.Up):
		l.cursor--
	case key.Matches(kp, k.Down):
		l.cursor++
	case key.Matches(kp, k.PageUp):
		l.turn(-page)
	case key.Matches(kp, k.PageDown):
		l.turn(page)
	case key.Matches(kp, k.Top):
		l.cursor = 0
	case key.Matches(kp, k.Bottom):
		l.cursor = n - 1
	default:
		return false
	}
	l.clamp(n)
	return true
}

func (l *listCursor) turn(d int) {
	if l.turnPages {
		l.top += d
	}
	l.cursor += d
}

// cycle is the item d places from at in ring, round either end: the next
// or previous tab or category. An item not in the ring counts as the first.
func cycle[T comparable](ring []T, at T, d int) T {
	i := 0
	for j, x := range ring {
		if x == at {
			i = j
		}
	}
	n := len(ring)
	return ring[((i+d)%n+n)%n]
}
