package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// timelineTab lists every record of the client, newest first, a page at a
// time, with the last tests and contacts as strips above.
type timelineTab struct{}

func (timelineTab) name() string { return "Timeline" }

func (timelineTab) key(v *clientView, a *App, kp tea.KeyPressMsg, _ time.Time) (tea.Cmd, bool) {
	if v.navigate(kp, a.keys.listKeys, len(v.timeline), v.height) {
		return v.moreTimeline(a.st), true
	}
	return nil, false
}

func (timelineTab) head(v *clientView, s styles) string { return courseStripLine(s, v.course) }

func (timelineTab) short(_ *clientView, k keyMap) []key.Binding { return k.clientShort() }

func (timelineTab) live(_ *clientView, k keyMap) []key.Binding { return k.listKeys.all() }
