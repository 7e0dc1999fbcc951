package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/summary"
	"caseload/text"
	"caseload/tui/form"
)

// exportPreviewMsg brings the summary of the dialog's current choices,
// already rendered in the chosen format: the bytes shown are the bytes that
// will be written.
type exportPreviewMsg struct {
	// dialog and gen name the request: an answer for a dialog since
	// closed, or for an earlier choice in this one, is dropped.
	dialog *exportDialog
	gen    int
	doc    *summary.Document
	// recipients have an active consent from a client in the range.
	recipients []store.ShareRecipient
	err        error
}

// exportWrittenMsg says a summary reached its destination (a file or the
// clipboard) and was recorded in the export log, or why not.
type exportWrittenMsg struct {
	dialog  *exportDialog     // the dialog that sent it
	doc     *summary.Document // what was sent
	typed   string            // the path as typed when w was pressed
	dest    string
	records int
	clients int
	exists  bool // the file was there and replacing it was not asked for
	written bool // the content left, even if recording it failed
	err     error
	// placed is what failed after the file was in place whole: a
	// warning, the export being written and recorded.
	placed *summary.PlacedError
}

// exportRange is a range the dialog offers.
type exportRange int

const (
	rangeSinceLast exportRange = iota
	rangeToday
	rangeWeek
	rangeCustom
)

var exportRanges = []string{"since the last export", "today", "this week", "custom"}

// What has the keyboard in the dialog: its keys, or one of its inputs.
const (
	exportFocusKeys = iota
	exportFocusFrom
	exportFocusTo
	exportFocusPath
)

// exportDialog makes a session summary of the caseload or of one client,
// shows it, and writes it to a file or the clipboard.
type exportDialog struct {
	st                 *store.Store
	clientID           string // "" for the caseload
	clientName, caseNo string
	rng                exportRange
	shownRng           exportRange // the range of the preview; esc in a date goes back to it
	from, to, path     textinput.Model
	pathBefore         string // the path as it was when editing began; esc puts it back
	pathEdited         bool   // the officer chose the path; a format change leaves it alone
	home               string
	format             summary.Format
	redact             bool
	recipient          *store.ShareRecipient  // nil for the officer's own record
	recipients         []store.ShareRecipient // who a client in the range consented to share with
	focus              int
	gen                int // bumps with every new preview; older answers are dropped
	loading            bool
	doc                *summary.Document // nil until a preview is in
	preview            viewport.Model
	problem            string // what went wrong, in words
	confirmReplace     bool
	busy               bool   // a write is on its way
	done               string // what was written where, in words
	closed             bool
}

// newExportDialog opens the dialog for the caseload (c nil) or one client,
// with the default range, Markdown and no redaction, and starts the preview.
func newExportDialog(st *store.Store, c *model.Client, dir string, now time.Time, w, h int) (*exportDialog, tea.Cmd) {
	d := &exportDialog{st: st, format: summary.Markdown, from: form.NewInput("From "), to: form.NewInput("To "),
		path: form.NewInput(""), preview: viewport.New()}
	d.preview.SoftWrap = true
	d.from.Placeholder = "first day: 2026-11-01, mon, -7d"
	d.to.Placeholder = "last day; empty is up to now"
	if c != nil {
		d.clientID, d.clientName, d.caseNo = c.ID, c.Name, c.CaseNumber
	}
	// The folder set in settings, else the home directory, which comes from
	// the environment, not the disk; an unknown home leaves a bare name,
	// which is made absolute when written.
	d.home = dir
	if d.home == "" {
		d.home, _ = os.UserHomeDir()
	}
	d.path.SetValue(filepath.Join(d.home, summary.DefaultFileName(now, d.format)))
	d.setSize(w, h)
	return d, d.load(now)
}

// Lines of the dialog around the preview: title, range, dates or span,
// format, redaction, recipient, file, the preview's rule; the status and a
// rule below.
const exportChrome = 10

func (d *exportDialog) setSize(w, h int) {
	d.preview.SetWidth(w)
	d.preview.SetHeight(max(3, h-1-exportChrome))
	d.from.SetWidth(max(10, w/2-12))
	d.to.SetWidth(max(10, w/2-12))
	d.path.SetWidth(max(10, w-12))
}

// typing reports whether an input has the keyboard, so that letters are
// text rather than commands.
func (d *exportDialog) typing() bool { return d.focus != exportFocusKeys }

// span works out the range a choice covers. The custom dates are days, as
// on the command line: from the start of the first to the end of the last,
// never past now.
func span(ctx context.Context, st *store.Store, rng exportRange, fromText, toText string, now time.Time) (from, to time.Time, err error) {
	switch rng {
	case rangeToday:
		return model.StartOfDay(now), now, nil
	case rangeWeek:
		return startOfWeek(now), now, nil
	case rangeCustom:
		return customSpan(fromText, toText, now)
	}
	return summary.DefaultRange(ctx, st, now)
}

// customSpan reads the two date fields with the forms' date reader.
func customSpan(fromText, toText string, now time.Time) (from, to time.Time, err error) {
	if strings.TrimSpace(fromText) == "" {
		return from, to, errors.New("type the first day of the range in From")
	}
	f, err := model.ParseWhen(fromText, now)
	if err != nil {
		return from, to, fmt.Errorf("in From: %w", err)
	}
	from, to = model.StartOfDay(f), now
	if strings.TrimSpace(toText) != "" {
		t, err := model.ParseWhen(toText, now)
		if err != nil {
			return from, to, fmt.Errorf("in To: %w", err)
		}
		if to = model.StartOfDay(t).AddDate(0, 0, 1); to.After(now) {
			to = now
		}
	}
	if !from.Before(to) {
		return from, to, fmt.Errorf("the range would start %s, after its end %s",
			from.Format("2006-01-02 15:04"), to.Format("2006-01-02 15:04"))
	}
	return from, to, nil
}

// startOfWeek is midnight on the Monday of now's week: "this week" is the
// working week, as the officer's timesheet counts it.
func startOfWeek(now time.Time) time.Time {
	back := (int(now.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return model.StartOfDay(now).AddDate(0, 0, -back)
}

// load reads and renders the summary of the current choices off the update
// loop. The custom dates are read first, so a typing mistake is reported at
// once and the last good preview stays.
func (d *exportDialog) load(now time.Time) tea.Cmd {
	if d.rng == rangeCustom {
		if _, _, err := customSpan(d.from.Value(), d.to.Value(), now); err != nil {
			d.problem = err.Error()
			return nil
		}
	}
	d.gen++
	d.shownRng = d.rng
	d.loading, d.problem, d.done, d.confirmReplace = true, "", "", false
	// The command reads copies: the officer may go on choosing meanwhile.
	gen, st, format, rng, fromText, toText := d.gen, d.st, d.format, d.rng, d.from.Value(), d.to.Value()
	req := summary.Request{ClientID: d.clientID, CaseNumber: d.caseNo, Redact: d.redact, Now: now}
	forWhom := d.recipient
	return func() tea.Msg {
		ctx := context.Background()
		var err error
		if req.From, req.To, err = span(ctx, st, rng, fromText, toText, now); err != nil {
			return exportPreviewMsg{dialog: d, gen: gen, err: err}
		}
		doc, recipients, err := loadFor(ctx, st, req, forWhom, format)
		return exportPreviewMsg{dialog: d, gen: gen, doc: doc, recipients: recipients, err: err}
	}
}

func (d *exportDialog) previewLoaded(msg exportPreviewMsg) {
	if msg.dialog != d || msg.gen != d.gen {
		return
	}
	d.loading = false
	d.recipients = msg.recipients
	if msg.err != nil {
		d.problem = "Could not make the summary: " + msg.err.Error()
		if errors.Is(msg.err, summary.ErrNoConsent) {
			d.problem = noConsentProblem
		}
		d.doc = nil
		d.preview.SetContent("")
		return
	}
	d.doc = msg.doc
	// CSV ends its rows with CRLF; the preview shows lines, not carriage
	// returns. The document itself is written as made.
	// Written straight into a string: a document of a large caseload's day
	// is megabytes, and each copy of it stands until the next collection.
	var whole strings.Builder
	whole.Grow(msg.doc.Len())
	msg.doc.WriteTo(&whole) // a strings.Builder takes every write
	shown := strings.ReplaceAll(whole.String(), "\r\n", "\n")
	d.preview.SetContent(text.CleanLines(shown))
	d.preview.GotoTop()
}

// update handles a key in the dialog; the app has already taken ctrl+c and
// help.
func (d *exportDialog) update(kp tea.KeyPressMsg, k keyMap, now time.Time) tea.Cmd {
	if d.typing() {
		return d.typeKey(kp, k, now)
	}
	if d.confirmReplace {
		switch {
		case key.Matches(kp, k.ExportReplace):
			if d.ready() {
				return d.write(true)
			}
			d.confirmReplace = false
		case key.Matches(kp, k.ExportKeep):
			d.confirmReplace = false
			d.problem = "Kept the existing file. p changes the path."
		}
		return nil
	}
	switch {
	case key.Matches(kp, k.ExportClose):
		d.closed = true
	case key.Matches(kp, k.ExportRange):
		d.rng = exportRange(kp.String()[0] - '1')
		if d.rng == rangeCustom {
			d.focus = exportFocusFrom
			return d.from.Focus()
		}
		return d.load(now)
	case key.Matches(kp, k.ExportFormat):
		opts := summary.Formats()
		d.format = opts[(tabIndex(opts, d.format)+1)%len(opts)].Value
		if !d.pathEdited {
			d.path.SetValue(filepath.Join(d.home, summary.DefaultFileName(now, d.format)))
		}
		return d.load(now)
	case key.Matches(kp, k.ExportRedact):
		d.redact = !d.redact
		return d.load(now)
	case key.Matches(kp, k.ExportTo):
		return d.nextRecipient(now)
	case key.Matches(kp, k.ExportPath):
		d.focus, d.pathBefore = exportFocusPath, d.path.Value()
		d.path.CursorEnd()
		return d.path.Focus()
	case key.Matches(kp, k.ExportWrite):
		if d.ready() {
			return d.write(false)
		}
	case key.Matches(kp, k.ExportCopy):
		if d.ready() {
			return d.copy()
		}
	case key.Matches(kp, k.Up):
		d.preview.ScrollUp(1)
	case key.Matches(kp, k.Down):
		d.preview.ScrollDown(1)
	case key.Matches(kp, k.PageUp):
		d.preview.PageUp()
	case key.Matches(kp, k.PageDown):
		d.preview.PageDown()
	case key.Matches(kp, k.Top):
		d.preview.GotoTop()
	case key.Matches(kp, k.Bottom):
		d.preview.GotoBottom()
	}
	return nil
}

// ready says whether there is a summary to send, and if not, why.
func (d *exportDialog) ready() bool {
	switch {
	case d.busy:
		return false
	case d.doc == nil && d.problem == noConsentProblem:
		return false
	case d.loading || d.doc == nil:
		d.problem = "The summary is not ready yet: wait for the preview."
		return false
	}
	return true
}

// typeKey handles a key while a date or the path is being typed.
func (d *exportDialog) typeKey(kp tea.KeyPressMsg, k keyMap, now time.Time) tea.Cmd {
	in := d.input()
	switch {
	case key.Matches(kp, k.Cancel):
		if d.focus == exportFocusPath {
			d.path.SetValue(d.pathBefore)
		} else {
			// Dates left unapplied: the choice goes back to what the
			// preview shows, so the two never disagree.
			d.rng, d.problem = d.shownRng, ""
		}
		in.Blur()
		d.focus = exportFocusKeys
		return nil
	case key.Matches(kp, k.NextField), key.Matches(kp, k.PrevField):
		if d.focus == exportFocusPath {
			return nil
		}
		in.Blur()
		d.focus = exportFocusFrom + exportFocusTo - d.focus
		return d.input().Focus()
	case key.Matches(kp, k.ExportApply):
		if d.focus == exportFocusPath {
			if strings.TrimSpace(d.path.Value()) == "" {
				d.problem = "Type a file path, or esc to keep " + text.Clean(d.pathBefore) + "."
				return nil
			}
			d.pathEdited = d.pathEdited || d.path.Value() != d.pathBefore
			d.problem = ""
			in.Blur()
			d.focus = exportFocusKeys
			return nil
		}
		cmd := d.load(now)
		if d.problem == "" {
			in.Blur()
			d.focus = exportFocusKeys
		}
		return cmd
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(kp)
	return cmd
}

// paste puts pasted text into the date or path being typed; with none
// being typed it is ignored, never read as the dialog's keys.
func (d *exportDialog) paste(_ *App, msg tea.PasteMsg) tea.Cmd {
	if d.focus == exportFocusKeys {
		return nil
	}
	in := d.input()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	return cmd
}

func (d *exportDialog) input() *textinput.Model {
	switch d.focus {
	case exportFocusFrom:
		return &d.from
	case exportFocusTo:
		return &d.to
	}
	return &d.path
}

// openExport opens the export dialog over the current screen: for the
// caseload (c nil) or for one client.
func (a *App) openExport(c *model.Client) tea.Cmd {
	d, cmd := newExportDialog(a.st, c, a.exportDir, a.now(), a.width, a.height)
	a.push(d)
	return cmd
}

// key routes a key to the dialog; ? opens the help unless a date or the
// path is being typed.
func (d *exportDialog) key(a *App, kp tea.KeyPressMsg, now time.Time) tea.Cmd {
	if !d.typing() && !d.confirmReplace && key.Matches(kp, a.keys.Help) {
		return a.openHelp()
	}
	cmd := d.update(kp, a.keys, now)
	if d.closed {
		a.pop(d)
		a.notice = d.done
	}
	return cmd
}

func (d *exportDialog) short(k keyMap) []key.Binding {
	switch {
	case d.confirmReplace:
		return []key.Binding{k.ExportReplace, k.ExportKeep}
	case d.typing():
		return k.exportTypingShort()
	}
	return k.exportShort()
}

func (d *exportDialog) groups(k keyMap) (string, [][]key.Binding) {
	return "Keys · Export summary", k.exportGroups()
}

// exportAnswer takes the dialog's answers. A write that finishes after the
// dialog closed still says what it did.
func (a *App) exportAnswer(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if d := a.exportDialog(); d != nil {
			d.previewLoaded(msg)
		}
	case exportWrittenMsg:
		if d := a.exportDialog(); d != nil && d == msg.dialog {
			d.written(msg)
			return nil
		}
		switch {
		case msg.exists:
			a.notice = "The summary was not written: " + text.Clean(msg.dest) + " already exists."
		default:
			if a.notice = msg.trouble(); a.notice == "" {
				a.notice = msg.doneText()
			}
		}
	}
	return nil
}

// exportKeys are the keys of the export dialog, and the x that opens it.
type exportKeys struct {
	Export, ExportRange, ExportFormat, ExportRedact  key.Binding
	ExportPath, ExportApply, ExportWrite, ExportCopy key.Binding
	ExportReplace, ExportKeep, ExportClose           key.Binding
	ExportTo                                         key.Binding
}

func newExportKeys() exportKeys {
	return exportKeys{
		Export:        bind([]string{"x"}, "x", "export summary"),
		ExportRange:   bind([]string{"1", "2", "3", "4"}, "1-4", "range"),
		ExportFormat:  bind([]string{"f"}, "f", "format"),
		ExportRedact:  bind([]string{"r"}, "r", "redact"),
		ExportPath:    bind([]string{"p"}, "p", "edit path"),
		ExportApply:   bind([]string{"enter"}, "enter", "apply"),
		ExportWrite:   bind([]string{"w"}, "w", "write file"),
		ExportCopy:    bind([]string{"c"}, "c", "clipboard"),
		ExportReplace: bind([]string{"y"}, "y", "yes, replace the file"),
		ExportKeep:    bind([]string{"n", "esc"}, "n/esc", "no, keep it"),
		ExportClose:   bind([]string{"esc"}, "esc", "back"),
		ExportTo:      bind([]string{"t"}, "t", "recipient"),
	}
}

// exportGroups are the export dialog's keys.
func (k keyMap) exportGroups() [][]key.Binding {
	return [][]key.Binding{
		{k.ExportRange, k.NextField, k.PrevField, k.ExportApply, k.ExportFormat, k.ExportRedact, k.ExportTo},
		{k.ExportPath, k.ExportWrite, k.ExportCopy, k.ExportReplace, k.ExportKeep},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Help, k.ExportClose, k.ForceQuit},
	}
}

func (k keyMap) exportShort() []key.Binding {
	// The path key is left to the dialog's own hint line: with it the help
	// would not fit 80 columns.
	return []key.Binding{k.ExportRange, k.ExportFormat, k.ExportRedact, k.ExportWrite, k.ExportCopy, k.Help, k.ExportClose}
}

// exportTypingShort is the help while a date or the path is being typed.
func (k keyMap) exportTypingShort() []key.Binding {
	return []key.Binding{k.ExportApply, k.NextField, k.Cancel}
}

func (d *exportDialog) live(a *App) []key.Binding {
	k := a.keys
	switch {
	case d.typing():
		return []key.Binding{k.Cancel, k.NextField, k.PrevField, k.ExportApply}
	case d.confirmReplace:
		return []key.Binding{k.ExportReplace, k.ExportKeep}
	}
	return append(k.listKeys.all(), k.Help, k.ExportClose, k.ExportRange, k.ExportFormat, k.ExportRedact, k.ExportTo,
		k.ExportPath, k.ExportWrite, k.ExportCopy)
}
