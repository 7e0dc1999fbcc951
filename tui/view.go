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
	now := a.now()
	var lines []string
	switch {
	case a.showHelp:
		lines = a.helpView()
	case a.form != nil:
		lines = a.form.view(a.styles, now)
	case a.export != nil:
		lines = a.export.view(a.styles, w, h-1)
	case a.screen == screenAudit && a.audit != nil:
		lines = a.audit.view(a.styles, now, h-1, a.noticeLine())
	case a.picker != nil:
		lines = a.picker.view(a.styles, w, h-1)
	case a.overlay != nil:
		lines = a.overlay.view(a.styles, now, w, h-1)
	case a.screen == screenResources && a.directory != nil:
		lines = a.directory.view(a.styles, now, w, h-1, a.noticeLine())
	case a.screen == screenAgenda && a.agenda != nil:
		lines = a.agenda.view(a.styles, now, w, h-1, a.noticeLine())
	case a.screen == screenClient && a.client != nil:
		lines = a.client.view(a.styles, now, w, h-1, a.noticeLine())
	default:
		lines = a.caseload.view(a.styles, now, w, h-1, a.noticeLine())
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
	case len(a.drafts) > 0 && a.screen == screenCaseload:
		return draftOffer(a.drafts[0], a.styles)
	case a.notice != "":
		return a.styles.ok.Render(a.notice)
	}
	return ""
}
