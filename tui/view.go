package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// View draws the active screen, always exactly the window's size.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	return v
}

func (a *App) render() string {
	w, h := a.width, a.height
	if w < minWidth || h < minHeight {
		return fitLines([]string{
			"The window is too small.",
			"",
			fmt.Sprintf("It is %dx%d; caseload needs at least %dx%d.", w, h, minWidth, minHeight),
			"Make the window bigger or the font smaller.",
			"",
			"ctrl+c quits",
		}, w, h)
	}
	if a.lock != nil {
		return fitLines(a.lockView(), w, h)
	}
	var lines []string
	if a.newFile != "" {
		lines = a.newFileView()
	} else if a.showHelp {
		lines = a.helpView()
		lines = lines[min(a.helpTop, len(lines)):]
	} else {
		lines = a.top().view(frame{s: a.styles, now: a.now(), w: w, h: h - 1, notice: a.noticeLine(), sync: a.syncStatus()})
	}
	if len(lines) > h-1 {
		lines = lines[:h-1]
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	return fitLines(append(lines, a.shortHelp()), w, h)
}

// noticeLine is the one line of news: a problem with the file first, then a
// draft to restore, then the last thing that happened.
func (a *App) noticeLine() string {
	switch {
	case a.problem != "":
		return a.styles.errText.Render("⚠ " + a.problem)
	case len(a.drafts) > 0 && a.top() == layer(a.caseload):
		return draftOffer(a.drafts[0], a.styles)
	case a.notice != "":
		return a.styles.ok.Render(a.notice)
	}
	return ""
}
