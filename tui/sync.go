package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
)

// SyncReport is what a sync with the agency's server did.
type SyncReport struct {
	Pushed, Pulled, Rejected, Conflicts int
}

// SyncFunc syncs the file with the agency's server, telling progress each
// step as it starts ("sending", "receiving"). The command line gives the app
// one that logs in with the kept address and password; it never asks at the
// terminal, which the app holds.
type SyncFunc func(ctx context.Context, st *store.Store, progress func(step string)) (SyncReport, error)

// syncTimeout bounds a sync from the app: a server that hangs leaves the
// work on the laptop for next time rather than a sync that never ends.
const syncTimeout = 2 * time.Minute

// syncState is the app's side of syncing: whether it is set up, running,
// and when it last completed.
type syncState struct {
	run     SyncFunc
	setUp   bool
	when    store.SyncWhen
	last    time.Time
	running bool
	step    string
	// supervisor: the file is a supervisor's, read only apart from
	// transfers and the resource directory.
	supervisor bool
	quitAfter  bool
	startedYet bool // the sync on start has been started (once a run)
	// known: the settings above have been read from the file. Until then
	// a Y or a q waits for them (asked, or quitWhenKnown), rather than
	// answer "not set up" or quit without the sync on quit.
	known         bool
	asked         bool
	quitWhenKnown bool
}

// Messages of a sync running in the background.
type (
	syncSetMsg struct {
		setUp      bool
		when       store.SyncWhen
		last       time.Time
		supervisor bool
	}
	syncStepMsg struct {
		step string
		next <-chan tea.Msg
	}
	syncDoneMsg struct {
		report SyncReport
		err    error
	}
)

// readSyncSet reads whether sync is set up and when the app syncs by itself.
func readSyncSet(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		url, err := st.ServerURL(ctx)
		if err != nil {
			return syncSetMsg{}
		}
		when, _ := st.SyncWhen(ctx)
		last, _ := st.LastSynced(ctx)
		supervisor, _ := st.SupervisorFile(ctx)
		return syncSetMsg{setUp: url != "", when: when, last: last, supervisor: supervisor}
	}
}

// startSync runs a sync in the background; its steps and its end come back
// as messages, so typing goes on meanwhile.
func (a *App) startSync() tea.Cmd {
	s := &a.sync
	switch {
	case s.running:
		return nil
	case s.run != nil && !s.known:
		s.asked = true
		return nil
	case s.run == nil || !s.setUp:
		a.notice = "Sync is not set up on this laptop: caseload sync --setup URL, once, at the terminal."
		return nil
	}
	s.running, s.step = true, "connecting"
	ch := make(chan tea.Msg, 4)
	run, st := s.run, a.st
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		r, err := run(ctx, st, func(step string) { ch <- syncStepMsg{step: step, next: ch} })
		ch <- syncDoneMsg{report: r, err: err}
	}()
	return listen(ch)
}

// listen waits for the next message of a running sync.
func listen(ch <-chan tea.Msg) tea.Cmd { return func() tea.Msg { return <-ch } }

// syncAnswer takes a sync's messages.
func (a *App) syncAnswer(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case syncSetMsg:
		a.sync.setUp, a.sync.when, a.sync.last = msg.setUp, msg.when, msg.last
		a.sync.supervisor = msg.supervisor
		a.sync.known = true
		a.caseload.supervisorFile = msg.supervisor
		// n writes the supervisor's note in a supervisor's file.
		if msg.supervisor {
			a.keys.StageNote.SetHelp("n", "supervisor note")
		} else {
			a.keys.StageNote.SetHelp("n", "stage note")
		}
		if a.sync.quitWhenKnown {
			a.sync.quitWhenKnown = false
			return a.quit()
		}
		if a.sync.asked {
			a.sync.asked = false
			return a.startSync()
		}
		if msg.setUp && msg.when.OnStart && !a.sync.startedYet {
			a.sync.startedYet = true
			return a.startSync()
		}
	case syncStepMsg:
		a.sync.step = msg.step
		return listen(msg.next)
	case syncDoneMsg:
		a.sync.running, a.sync.step = false, ""
		if msg.err != nil {
			// Quietly: the work stays on the laptop for the next sync.
			a.notice = "Not synced, your work stays on this laptop: " + firstLine(msg.err.Error())
		} else {
			a.sync.last = a.now()
			a.notice = syncNotice(msg.report)
		}
		if a.sync.quitAfter {
			return tea.Quit
		}
		// Records may have come in: read the list, and the names the
		// filter matches, again (and whose file it is, which the first
		// sync learns).
		a.sync.startedYet = true
		return tea.Batch(a.caseload.refresh(a.now()), loadClientIndex(a.st), loadOfficers(a.st), readSyncSet(a.st))
	}
	return nil
}

func syncNotice(r SyncReport) string {
	s := "Synced with the agency: " + strconv.Itoa(r.Pushed) + " sent, " + strconv.Itoa(r.Pulled) + " received"
	if r.Rejected > 0 {
		s += "; " + strconv.Itoa(r.Rejected) + " filed for your supervisor to review"
	}
	if r.Conflicts > 0 {
		s += "; " + strconv.Itoa(r.Conflicts) + " changed on another laptop too (both kept)"
	}
	return s + "."
}

// quit leaves the app, after a sync when the officer asked for one on quit.
// ctrl+c still quits at once.
func (a *App) quit() tea.Cmd {
	s := &a.sync
	if s.run != nil && !s.known {
		s.quitWhenKnown = true
		return nil
	}
	if !s.setUp || !s.when.OnQuit || s.run == nil {
		return tea.Quit
	}
	s.quitAfter = true
	a.notice = "Syncing before quitting… (ctrl+c quits now; your work stays on this laptop)"
	if s.running {
		return nil // it quits when the running sync ends
	}
	return a.startSync()
}

// syncStatus is the caseload's word on syncing, for its last line: running
// and at which step, or when the last sync completed.
func (a *App) syncStatus() string {
	s := a.sync
	switch {
	case !s.setUp:
		return ""
	case s.running:
		return "syncing: " + s.step + "…"
	case s.last.IsZero():
		return "not synced yet (Y syncs)"
	}
	now := a.now()
	when := s.last.Format("15:04")
	if y, m, d := s.last.Date(); y != now.Year() || m != now.Month() || d != now.Day() {
		when = s.last.Format("2 Jan 15:04")
	}
	if s.supervisor {
		return "read only · synced " + strings.TrimSpace(when)
	}
	return "synced " + strings.TrimSpace(when)
}
