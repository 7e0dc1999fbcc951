package tui

import tea "charm.land/bubbletea/v2"

// paste puts pasted text where typing would go, as if it had been typed
// there: the open form's field, the filter, a search, a date or the path in
// the export dialog, the lock's passphrase. Anywhere else it is ignored:
// pasted text is never read as keys, where a "c" would open a check-in.
func (a *App) paste(msg tea.PasteMsg) tea.Cmd {
	a.lastKey = a.now()
	switch {
	case a.lock != nil:
		var cmd tea.Cmd
		a.lock.input, cmd = a.lock.input.Update(msg)
		return cmd
	case a.showHelp:
		return nil
	case a.form != nil:
		return a.form.paste(msg, a.draftDelay)
	case a.export != nil:
		return a.export.paste(msg)
	case a.picker != nil:
		return a.picker.typeInto(msg)
	case a.overlay != nil:
		return nil
	case a.screen == screenResources && a.directory != nil && a.directory.searching:
		return a.directory.typeIntoSearch(msg, a.st)
	case a.screen == screenCaseload && a.caseload.filtering:
		return a.caseload.typeIntoFilter(msg, a.now())
	}
	return nil
}
