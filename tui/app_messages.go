package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui/form"
)

// handle takes the messages that are not keys: answers from the store.
func (a *App) handle(msg tea.Msg) tea.Cmd {
	now := a.now()
	switch msg := msg.(type) {
	case caseloadLoadedMsg:
		var cmd tea.Cmd
		if msg.err != nil {
			a.notice = "Could not read the caseload: " + msg.err.Error()
		} else {
			cmd = a.caseload.windowLoaded(msg, now)
		}
		// The slow work starts after the first page even when it failed:
		// the file check is then the more needed, and the filter waits on
		// the names it reads.
		if !a.started {
			a.started = true
			return tea.Batch(cmd, tea.Tick(firstFrameWait, func(time.Time) tea.Msg { return firstFrameDrawnMsg{} }))
		}
		return cmd
	case firstFrameDrawnMsg:
		return a.afterFirstFrame()
	case caseloadCountedMsg:
		if msg.err == nil && msg.gen == a.caseload.gen {
			a.caseload.total, a.caseload.counted = msg.n, true
			a.caseload.clampRows()
			return a.caseload.ensure(now)
		}
	case clientIndexLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not read the client list: " + msg.err.Error()
			// Nothing is on its way; the next key in the filter tries again.
			a.caseload.finding, a.caseload.indexFailed = false, true
			return nil
		}
		a.caseload.index = msg.index
		if a.caseload.filterActive() {
			return a.caseload.reset(now)
		}
	case clipboardReadMsg:
		return a.clipboardRead(msg)
	case filterMatchedMsg:
		if msg.err != nil {
			a.notice = "Could not filter: " + msg.err.Error()
		}
		return a.caseload.filterLoaded(msg)
	case filterMoreMsg:
		if msg.err != nil {
			a.notice = "Could not filter: " + msg.err.Error()
		}
		a.caseload.filterMoreLoaded(msg)
	case clientLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not open the client: " + msg.err.Error()
			return nil
		}
		old := a.client()
		v := newClientView(msg, old, a.height)
		v.supervisorFile = a.sync.supervisor
		if old != nil {
			a.replace(old, v)
		} else {
			a.push(v)
		}
		return v.loadTabs(a.st, now)
	case timelineLoadedMsg:
		if v := a.client(); v != nil && msg.err == nil {
			v.moreLoaded(msg)
		}
	case formReadyMsg:
		if msg.err != nil {
			a.notice = "Could not open the form: " + msg.err.Error()
			return nil
		}
		return a.openForm(msg.form, msg.draft)
	case checkinSavedMsg:
		return a.saved(msg.saved)
	case stageNoteSavedMsg:
		return a.saved(msg.saved)
	case supervisorNoteSavedMsg:
		return a.saved(msg.saved)
	case amendmentSavedMsg:
		return a.saved(msg.saved)
	case responseSavedMsg:
		return a.saved(msg.saved)
	case incentiveSavedMsg:
		return a.saved(msg.saved)
	case employmentSavedMsg:
		return a.saved(msg.saved)
	case courtSavedMsg:
		cmd := a.saved(msg.saved)
		if v := a.client(); v != nil && msg.err == nil && msg.modified {
			// The court changed the conditions: the officer changes them here.
			v.tab = conditionsTab{}
		}
		return cmd
	case noticeMsg:
		a.notice = msg.text
	case syncSetMsg, syncStepMsg, syncDoneMsg:
		return a.syncAnswer(msg)
	case officersLoadedMsg:
		return a.caseload.officersLoaded(msg, now)
	case clientSavedMsg:
		return tea.Batch(a.saved(msg.saved), loadClientIndex(a.st))
	case agendaLoadedMsg, referralsLoadedMsg, resourcesFoundMsg, referralSavedMsg:
		return a.handleReferralWork(msg)
	case planLoadedMsg, stepTickedMsg, goalHistoryLoadedMsg, goalSavedMsg, relapsePlanSavedMsg:
		return a.handlePlanWork(msg)
	case directoryLoadedMsg, resourceOpenedMsg, resourceSavedMsg:
		return a.handleDirectoryWork(msg)
	case screeningSavedMsg, consentSavedMsg, consentRevokedMsg:
		return a.handleScreeningConsentWork(msg)
	case form.PauseMsg:
		if f := a.form(); f != nil && f.Form == msg.Form && f.Version() == msg.Version {
			return a.saveDraft(f)
		}
	case draftsFoundMsg:
		a.drafts = msg.drafts
	case settingsReadMsg:
		a.intervals, a.exportDir = msg.intervals, msg.exportDir
	case checkDueMsg:
		st, now := a.st, a.now()
		return func() tea.Msg { return checkAndBackUp(st, now) }
	case backupTakenMsg:
		if msg.err != nil {
			a.problem = "Today's backup failed: " + msg.err.Error() + ". Run `caseload backup` to try again."
		}
	case fileCheckedMsg:
		switch {
		case msg.err != nil:
			a.problem = "The file check failed: " + msg.err.Error() + ". Make a backup and run `caseload check`."
		case len(msg.problems) > 0:
			// The day's backup was not taken (checkAndBackUp): a copy of a
			// damaged file would only push a good one out of the fourteen.
			a.problem = fmt.Sprintf("The file is damaged (%d problem(s)): run `caseload check`. Today's backup was not taken, to keep the good ones. First: %s",
				len(msg.problems), msg.problems[0])
		}
	case demoLoadedMsg:
		if msg.err != nil {
			a.notice = "Could not load the demo: " + msg.err.Error()
			return nil
		}
		a.notice = "Demo caseload loaded: fictional people, for trying things out."
		return tea.Batch(a.caseload.reset(now), loadClientIndex(a.st))
	case idleTickMsg, lockSettingsReadMsg, unlockCheckedMsg:
		return a.handleLock(msg)
	case exportPreviewMsg, exportWrittenMsg:
		return a.exportAnswer(msg)
	case draftSavedMsg, draftDeletedMsg:
		// A draft that could not be written is not worth interrupting the
		// officer for; the form is still open and a save reports its own error.
	default:
		for i := len(a.layers) - 1; i >= 0; i-- {
			if an, ok := a.layers[i].(answerer); ok {
				if cmd, ok := an.answer(a, msg); ok {
					return cmd
				}
			}
		}
		return a.passOn(msg)
	}
	return nil
}

// passOn gives cursor blinks and the like to whoever has the cursor.
func (a *App) passOn(msg tea.Msg) tea.Cmd {
	if a.lock != nil {
		var cmd tea.Cmd
		a.lock.input, cmd = a.lock.input.Update(msg)
		return cmd
	}
	if p, ok := a.top().(passer); ok {
		return p.passOn(msg)
	}
	return nil
}

// saved closes the form after a save, or shows why the save failed with
// everything typed still there.
func (a *App) saved(s saved) tea.Cmd {
	f := a.form()
	if f == nil {
		return nil
	}
	if s.err != nil {
		f.Saving = false
		f.showErrors(s.err)
		return nil
	}
	a.pop(f)
	a.notice = s.what + "."
	cmds := []tea.Cmd{a.deleteDraft(s.draftKey), a.caseload.refresh(a.now())}
	switch v := a.top().(type) {
	case *clientView:
		cmds = append(cmds, loadClient(a.st, v.client.ID))
	case *agendaView:
		// A response answered from the agenda leaves it.
		cmds = append(cmds, a.loadAgenda(a.now()))
	}
	return tea.Batch(cmds...)
}
