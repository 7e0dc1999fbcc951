package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// clientLoadedMsg brings a client, the first page of the timeline and the
// stage history.
type clientLoadedMsg struct {
	client   model.Client
	summary  model.ClientSummary
	timeline []model.TimelineEntry
	history  []model.StageNote
	course   model.ClientCourse
	consents []clientConsent
	// openOn is the tab to show first, when the client is opened for it
	// (from the agenda); nil for the timeline. focus is the record on it
	// to put the cursor on, when there is one.
	openOn clientTab
	focus  string
	err    error
}

// timelineLoadedMsg brings the next page of a client's timeline.
type timelineLoadedMsg struct {
	clientID string
	offset   int
	entries  []model.TimelineEntry
	err      error
}

// timelinePage is how many records one read brings; more come as the
// cursor nears the end.
const timelinePage = 40

// timelineDetail is the lines under the timeline for the selected record's
// note; clientChrome is the header, notice, tabs and rule around the list.
const timelineDetail, clientChrome = 4, 9

// timelineRows is how many records fit on a screen h lines high.
func timelineRows(h int) int { return max(3, h-1-clientChrome-timelineDetail) }

// clientView is one client: a header and tabs (client_tabs.go).
type clientView struct {
	client     model.Client
	summary    model.ClientSummary
	timeline   []model.TimelineEntry
	history    []model.StageNote
	course     model.ClientCourse // the stages, tests and contacts the charts draw
	consents   []clientConsent
	more       bool // the timeline may have more pages
	loading    bool
	tab        clientTab
	listCursor // over the timeline; height is its rows on screen
	refs       *referralList
	conds      *conditionList
	focus      string // the record the tab's cursor goes to once it is read
	log        *clientLog
	plan       *planView
	// stageSince is when the client came to their current stage, read
	// once from the history rather than on every frame.
	stageSince time.Time
	// supervisorFile: the file is a supervisor's, where n writes the
	// supervisor's note rather than a stage note.
	supervisorFile bool
}

func loadClient(st *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		c, sum, err := st.Client(ctx, id)
		if err != nil {
			return clientLoadedMsg{err: err}
		}
		tl, err := st.Timeline(ctx, id, timelinePage, 0)
		if err != nil {
			return clientLoadedMsg{err: err}
		}
		hist, err := st.StageHistory(ctx, id)
		if err != nil {
			return clientLoadedMsg{err: err}
		}
		course, err := st.ClientCourse(ctx, id)
		if err != nil {
			return clientLoadedMsg{err: err}
		}
		cons, err := readConsents(ctx, st, id)
		return clientLoadedMsg{client: c, summary: sum, timeline: tl, history: hist, course: course, consents: cons, err: err}
	}
}

// loadClientOn opens a client on one of its tabs, the cursor on the
// record focus ("" for the first).
func loadClientOn(st *store.Store, id string, tab clientTab, focus string) tea.Cmd {
	load := loadClient(st, id)
	return func() tea.Msg {
		msg := load().(clientLoadedMsg)
		msg.openOn, msg.focus = tab, focus
		return msg
	}
}

func newClientView(msg clientLoadedMsg, old *clientView, h int) *clientView {
	v := &clientView{client: msg.client, summary: msg.summary, timeline: msg.timeline, history: msg.history,
		course: msg.course, consents: msg.consents, more: len(msg.timeline) == timelinePage, listCursor: listCursor{height: timelineRows(h)},
		stageSince: msg.summary.StageAt, tab: timelineTab{}}
	// Noting the same stage again (as a check-in does) moves StageAt but
	// not when the client came to the stage.
	if at := model.StageSince(msg.history); !at.IsZero() && !at.After(v.stageSince) {
		v.stageSince = at
	}
	if old != nil && old.client.ID == msg.client.ID {
		v.tab, v.refs, v.plan, v.conds, v.log = old.tab, old.refs, old.plan, old.conds, old.log
		v.cursor, v.top = old.cursor, min(old.top, old.cursor)
		v.clamp(len(v.timeline))
	}
	if msg.openOn != nil {
		v.tab, v.focus = msg.openOn, msg.focus
	}
	return v
}

func (v *clientView) moreLoaded(msg timelineLoadedMsg) {
	if msg.clientID != v.client.ID || msg.offset != len(v.timeline) {
		return
	}
	v.loading = false
	v.timeline = append(v.timeline, msg.entries...)
	v.more = len(msg.entries) == timelinePage
}

// selected is the timeline record under the cursor.
func (v *clientView) selected() (model.TimelineEntry, bool) {
	if v.tab != (timelineTab{}) || v.cursor >= len(v.timeline) {
		return model.TimelineEntry{}, false
	}
	return v.timeline[v.cursor], true
}

// moreTimeline reads the next page of the timeline when the cursor nears
// the end of what is loaded.
func (v *clientView) moreTimeline(st *store.Store) tea.Cmd {
	if !v.more || v.loading || v.cursor < len(v.timeline)-v.height {
		return nil
	}
	v.loading = true
	id, offset := v.client.ID, len(v.timeline)
	return func() tea.Msg {
		tl, err := st.Timeline(context.Background(), id, timelinePage, offset)
		return timelineLoadedMsg{clientID: id, offset: offset, entries: tl, err: err}
	}
}

// amendForm opens the form that corrects the selected record, or says why
// it cannot be corrected.
func (v *clientView) amendForm(now time.Time, d checkinDefaults) (*recordForm, string) {
	e, ok := v.selected()
	switch {
	case !ok:
		return nil, "Choose a record on the timeline to amend."
	case e.AmendedBy != "":
		return nil, "This record was already amended; amend the correction instead."
	case e.CheckIn != nil:
		return newCheckInForm(d, e.CheckIn, now), ""
	case e.StageNote != nil:
		return newStageNoteForm(v.client, v.summary.Stage, e.StageNote, now), ""
	case e.Event != nil:
		return newEventNoteForm(v.client, *e.Event, text.Clean(e.ResourceName)), ""
	case e.Screening != nil, e.Goal != nil:
		return nil, "A screening or a goal change is not amended: record a new one."
	}
	return nil, "An amendment is not amended; amend the record it corrected."
}
