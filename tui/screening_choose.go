package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/text"
)

// instrumentChooser is the first step of S: which screening to give.
type instrumentChooser struct {
	client model.Client
	listCursor
}

func (c *instrumentChooser) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	list := model.Instruments()
	switch {
	case key.Matches(kp, a.keys.Help):
		return a.openHelp()
	case key.Matches(kp, a.keys.OverlayClose):
		a.pop(c)
	case c.navigate(kp, a.keys.overlayListKeys(), len(list), 0):
	case key.Matches(kp, a.keys.Pick):
		if i, _ := strconv.Atoi(kp.String()); i <= len(list) {
			c.cursor = i - 1
			return c.open(a, now)
		}
	case key.Matches(kp, a.keys.OverlayPick):
		return c.open(a, now)
	}
	return nil
}

func (c *instrumentChooser) open(a *App, now time.Time) tea.Cmd {
	a.pop(c)
	return a.openForm(newScreeningForm(c.client, model.Instruments()[c.cursor].Value, now), nil)
}

func (c *instrumentChooser) view(f frame) []string {
	s, w := f.s, f.w
	lines := []string{s.title.Render("Screening · " + text.Clean(c.client.DisplayName()) + " · " + text.Clean(c.client.CaseNumber)), "",
		"Which screening? Each is given with its published questions and answers.", ""}
	for i, o := range model.Instruments() {
		mark, name := "  ", text.Pad(o.Label, 16)
		if i == c.cursor {
			mark, name = s.selected.Render("▸")+" ", s.bold.Render(name)
		}
		lines = append(lines, mark+strconv.Itoa(i+1)+" "+name+" "+s.dim.Render(text.Truncate(o.Help, max(10, w-22))))
	}
	lines = append(lines, "")
	for _, l := range text.Wrap("Score bands describe a total, as published; they are not a diagnosis and never label the person.", w) {
		lines = append(lines, s.dim.Render(strings.TrimRight(l, " ")))
	}
	return lines
}

func (c *instrumentChooser) short(k keyMap) []key.Binding {
	return []key.Binding{k.Pick, k.OverlayPick, k.Up, k.Down, k.OverlayClose, k.Help}
}

func (c *instrumentChooser) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Screening", [][]key.Binding{{k.Up, k.Down, k.Pick, k.OverlayPick}, {k.OverlayClose, k.Lock, k.ForceQuit}}
}

func (c *instrumentChooser) live(a *App) []key.Binding {
	k := a.keys
	return append(k.overlayListKeys().all(), k.Help, k.OverlayClose, k.Pick, k.OverlayPick)
}
