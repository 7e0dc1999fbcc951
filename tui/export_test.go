package tui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/privtest"
	"caseload/model"
	"caseload/store"
	"caseload/summary"
)

// openAnnExport opens the export dialog from Ann's client screen.
func openAnnExport(h *harness) {
	h.keys("/", "a", "n", "n", "enter", "enter", "x")
}

// customRange chooses the custom range from the first of November.
func customRange(h *harness) {
	h.keys("4")
	h.typeText("2026-11-01\n")
}

func exports(t *testing.T, st *store.Store) []model.Export {
	t.Helper()
	list, err := st.Exports(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestExportOpensFromTheCaseloadWithTheDefaultRange(t *testing.T) {
	t.Setenv("HOME", "/home/officer")
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("x")
	d := h.app.exportDialog()
	if d == nil {
		t.Fatalf("x on the caseload did not open the export dialog:\n%s", h.screen())
	}
	if d.clientID != "" || d.rng != rangeSinceLast || d.format != summary.Markdown || d.redact {
		t.Fatalf("dialog opened with client %q range %d format %s redact %v; want the caseload, since the last export, md, no redaction",
			d.clientID, d.rng, d.format, d.redact)
	}
	// No export yet: "since the last export" is today so far.
	if !d.doc.Summary.From.Equal(model.StartOfDay(frozen)) || !d.doc.Summary.To.Equal(frozen) {
		t.Fatalf("range %s to %s, want the start of today to now", d.doc.Summary.From, d.doc.Summary.To)
	}
	if want := "/home/officer/caseload-summary-2026-11-23.md"; d.path.Value() != want {
		t.Fatalf("default path %q, want %q", d.path.Value(), want)
	}
	h.keys("esc")
	if h.app.exportDialog() != nil || screenOf(h.app) != screenCaseload {
		t.Fatal("esc should close the dialog and leave the caseload showing")
	}
}

func TestExportFromAClientCoversOnlyThatClient(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	openAnnExport(h)
	d := h.app.exportDialog()
	if d == nil || d.caseNo != "CR-1001" || d.clientID != h.app.client().client.ID {
		t.Fatalf("x on Ann's screen should open the dialog for CR-1001, got %+v", d)
	}
	customRange(h)
	if d.doc.Clients() != 1 || !strings.Contains(string(d.content()), "CR-1001") {
		t.Fatalf("a client's summary holds %d clients, want only CR-1001", d.doc.Clients())
	}
	h.mustSee("Export summary · Ann Example · CR-1001")
	h.keys("esc")
	if h.app.exportDialog() != nil || screenOf(h.app) != screenClient {
		t.Fatal("esc should go back to the client screen")
	}
}

func TestExportRangesAndCustomDates(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("x", "3")
	if d := h.app.exportDialog(); !d.doc.Summary.From.Equal(startOfWeek(frozen)) {
		t.Fatalf("this week starts %s, want %s", d.doc.Summary.From, startOfWeek(frozen))
	}
	h.keys("4")
	h.typeText("next tuesday-ish\n")
	h.mustSee("in From: cannot read")
	if !h.app.exportDialog().typing() {
		t.Fatal("a date that cannot be read should keep the field open")
	}
	h.keys("esc")
	if d := h.app.exportDialog(); d.rng != rangeWeek || d.typing() {
		t.Fatalf("esc in an unapplied date should go back to the range the preview shows (this week), got %d", d.rng)
	}
	h.keys("4")
	for range 20 {
		h.keys("backspace")
	}
	h.typeText("2026-11-01")
	h.keys("tab")
	h.typeText("2026-11-16\n")
	d := h.app.exportDialog()
	if want := at(11, 17, 0, 0); !d.doc.Summary.From.Equal(at(11, 1, 0, 0)) || !d.doc.Summary.To.Equal(want) {
		t.Fatalf("custom range %s to %s, want 1 Nov to the end of 16 Nov", d.doc.Summary.From, d.doc.Summary.To)
	}
	if d.doc.Records() == 0 {
		t.Fatal("the custom range should hold Ann's November records")
	}
}

func TestExportFormatAndRedactionChangeThePreview(t *testing.T) {
	t.Setenv("HOME", "/home/officer")
	h := start(t, fixtureStore(t), 120, 40)
	h.keys("x")
	customRange(h)
	d := h.app.exportDialog()
	if !strings.HasPrefix(string(d.content()), "# Session summary") {
		t.Fatalf("Markdown preview starts %.40q", d.content())
	}
	h.keys("f")
	if d.format != summary.PlainText || !strings.HasSuffix(d.path.Value(), ".txt") {
		t.Fatalf("f should choose plain text and rename the file; format %s path %s", d.format, d.path.Value())
	}
	h.keys("f", "f")
	// RFC 4180 ends rows with CRLF; no other format does.
	if d.format != summary.CSV || !strings.Contains(string(d.content()), "\r\n") {
		t.Fatalf("three presses of f should give CSV, got %s: %.60q", d.format, d.content())
	}
	h.keys("f")
	if d.format != summary.Markdown {
		t.Fatalf("f should come back round to Markdown, got %s", d.format)
	}
	if !strings.Contains(string(d.content()), "Redacted: no") {
		t.Fatal("an unredacted summary should say so in its header")
	}
	h.keys("r")
	if !d.redact || !d.doc.Summary.Redacted || !strings.Contains(string(d.content()), "Redacted: yes") {
		t.Fatalf("r should redact the summary and its header should say so:\n%.400s", d.content())
	}
	h.mustSee("[yes] all substance-use information is left out")
}

func TestExportWritesTheFileAndRecordsIt(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	h.keys("r", "w")
	path := filepath.Join(home, "caseload-summary-2026-11-23.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("w did not write the file: %v\n%s", err, h.screen())
	}
	d := h.app.exportDialog()
	if string(got) != string(d.content()) || !strings.Contains(string(got), "Redacted: yes") {
		t.Fatalf("the file holds something other than the redacted preview:\n%s", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("summary file mode %v, want 0600", fi.Mode().Perm())
	}
	h.mustSee(fmt.Sprintf("Wrote %s of", plural(d.doc.Records(), "record")))
	list := exports(t, st)
	if len(list) != 1 {
		t.Fatalf("%d exports recorded, want 1", len(list))
	}
	x := list[0]
	if x.Destination != path || x.Format != "md" || !x.Redacted || x.Records != d.doc.Records() || !x.From.Equal(at(11, 1, 0, 0)) {
		t.Fatalf("export record %+v does not match the file written", x)
	}
	if sum := sha256.Sum256(got); x.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("the export log keeps SHA-256 %s, the file's is %x", x.SHA256, sum)
	}
	h.keys("esc")
	h.mustSee("Wrote ")
}

// exportOverAFile opens the export dialog on the custom range, with
// yesterday's notes already in the file its path names.
func exportOverAFile(t *testing.T) (*store.Store, *harness, string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	path := filepath.Join(home, "caseload-summary-2026-11-23.md")
	if err := os.WriteFile(path, []byte("yesterday's notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	return st, h, path
}

func TestExportNeverReplacesAFileWithoutYes(t *testing.T) {
	st, h, path := exportOverAFile(t)
	h.keys("w")
	h.mustSee("The file already exists. y replaces it")
	h.keys("n")
	if got, _ := os.ReadFile(path); string(got) != "yesterday's notes" {
		t.Fatalf("the file was replaced without a yes: %.60q", got)
	}
	if n := len(exports(t, st)); n != 0 {
		t.Fatalf("%d exports recorded for a file that was not written", n)
	}
	h.keys("w", "y")
	if got, _ := os.ReadFile(path); string(got) != string(h.app.exportDialog().content()) {
		t.Fatalf("y should replace the file with the summary, it holds %.60q", got)
	}
	if n := len(exports(t, st)); n != 1 {
		t.Fatalf("%d exports recorded after replacing, want 1", n)
	}
}

func TestExportToAnEditedPathThatCannotBeWrittenSaysWhy(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := fixtureStore(t)
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	h.keys("p")
	for range 300 {
		h.keys("backspace")
	}
	missing := filepath.Join(home, "no-such-folder", "out.md")
	h.typeText(missing + "\n")
	h.keys("f") // an edited path keeps its name when the format changes
	if h.app.exportDialog().path.Value() != missing {
		t.Fatalf("the edited path became %q", h.app.exportDialog().path.Value())
	}
	h.keys("w")
	h.mustSee("does not exist")
	if n := len(exports(t, st)); n != 0 {
		t.Fatalf("a failed write was recorded %d times", n)
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Fatalf("a failed write left files behind: %v", entries)
	}
}

func TestExportCopiesToTheClipboardAndRecordsIt(t *testing.T) {
	st := fixtureStore(t)
	h := start(t, st, 120, 40)
	h.keys("x")
	customRange(h)
	h.keys("c")
	h.mustSee("to the clipboard (OSC 52). Not every terminal honours it")
	list := exports(t, st)
	if len(list) != 1 || list[0].Destination != "clipboard" {
		t.Fatalf("exports after copying: %+v, want one to the clipboard", list)
	}
	if sum := sha256.Sum256(h.app.exportDialog().content()); list[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("the export log keeps SHA-256 %s for the clipboard, the summary's is %x", list[0].SHA256, sum)
	}
}

func TestExportHelpComesFromTheDialogKeys(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("x", "?")
	h.mustSee("Keys · Export summary")
	h.mustSee("edit path")
	h.mustSee("clipboard")
	h.keys("esc")
	if h.app.showHelp || h.app.exportDialog() == nil {
		t.Fatal("esc should close the help and leave the dialog open")
	}
}

// TestExportScreens pins the dialog at 80x24 and 120x40.
func TestExportScreens(t *testing.T) {
	screens := []struct {
		name string
		open func(*harness)
	}{
		{"export_caseload", func(h *harness) { h.keys("x") }},
		{"export_custom_range", func(h *harness) { h.keys("x"); customRange(h) }},
		{"export_client_redacted_text", func(h *harness) { openAnnExport(h); customRange(h); h.keys("r", "f") }},
		{"export_typing_dates", func(h *harness) { h.keys("x", "4"); h.typeText("2026-11-0") }},
	}
	for _, sc := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				t.Setenv("HOME", "/home/officer")
				h := start(t, fixtureStore(t), size[0], size[1])
				sc.open(h)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

func TestExportWriteProblemsAreInWords(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("write /m/s.md: %w", syscall.ENOSPC), "the disk is full"},
		{fmt.Errorf("write /m/s.md: %w", os.ErrPermission), "this account may not write there"},
		{fmt.Errorf("write /m/s.md: %w", syscall.ENOENT), "its folder does not exist"},
		{syscall.EISDIR, "that is a folder; add a file name"},
	} {
		got := writeProblem("/m/s.md", tc.err)
		if !strings.Contains(got, tc.want) || !strings.Contains(got, "Nothing was written") {
			t.Errorf("writeProblem(%v) = %q, want it to say %q and that nothing was written", tc.err, got, tc.want)
		}
	}
}

func TestExportPathReadsTildeAsHome(t *testing.T) {
	got, err := absPath(" ~/out/s.md ", "/home/officer")
	if err != nil || got != "/home/officer/out/s.md" {
		t.Fatalf("absPath(~/out/s.md) = %q, %v; want /home/officer/out/s.md", got, err)
	}
}

func TestExportToAFolderIsRefusedNotReplaced(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := fixtureStore(t)
	h := start(t, st, 120, 40)
	h.keys("x")
	customRange(h)
	h.keys("p")
	for range 300 {
		h.keys("backspace")
	}
	h.typeText(home + "\n")
	h.keys("w")
	h.mustSee("that is a folder")
	if fi, err := os.Stat(home); err != nil || !fi.IsDir() {
		t.Fatalf("the folder was touched: %v", err)
	}
	if n := len(exports(t, st)); n != 0 {
		t.Fatalf("a refused write was recorded %d times", n)
	}
}

func TestExportPreviewScrolls(t *testing.T) {
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("x")
	customRange(h)
	d := h.app.exportDialog()
	h.keys("pgdown")
	if d.preview.YOffset() == 0 {
		t.Fatal("page down should scroll the preview")
	}
	h.keys("home")
	h.keys("j")
	if d.preview.YOffset() != 1 {
		t.Fatalf("home then j should leave the preview one line down, at %d", d.preview.YOffset())
	}
}

func TestExportDefaultsToTheFolderSetInSettings(t *testing.T) {
	t.Setenv("HOME", "/home/officer")
	st := fixtureStore(t)
	set, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	set.ExportDir = "/media/usb/reports"
	if err := st.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	h := start(t, st, 80, 24)
	h.keys("x")
	if want := "/media/usb/reports/caseload-summary-2026-11-23.md"; h.app.exportDialog().path.Value() != want {
		t.Fatalf("default path %q, want %q (the folder set in settings)", h.app.exportDialog().path.Value(), want)
	}
}

// content is the previewed document in one piece; nil before a preview.
func (d *exportDialog) content() []byte {
	if d.doc == nil {
		return nil
	}
	return d.doc.Bytes()
}

// TestExportAsksToReplaceOnlyAboutTheSummaryShown: the answer that the file
// exists can come back after the officer changed the range; y must then not
// replace the file with a summary the question was not about, nor with none.
func TestExportAsksToReplaceOnlyAboutTheSummaryShown(t *testing.T) {
	st, h, path := exportOverAFile(t)
	d := h.app.exportDialog()
	unchanged := func(when string) {
		t.Helper()
		if got, _ := os.ReadFile(path); string(got) != "yesterday's notes" {
			t.Fatalf("%s: the file was replaced: %.60q", when, got)
		}
		if n := len(exports(t, st)); n != 0 {
			t.Fatalf("%s: %d exports recorded for a file not written", when, n)
		}
	}

	// A new range shown before the answer came.
	_, write := h.app.Update(keyPress("w"))
	h.keys("2")
	h.run(write)
	if d.confirmReplace {
		t.Fatal("the dialog asks to replace the file with a summary other than the one w was pressed on")
	}
	h.mustSee("Nothing was written: the file already exists")
	h.keys("y")
	unchanged("y after the range changed")

	// A new range still loading when the answer came.
	_, write = h.app.Update(keyPress("w"))
	_, load := h.app.Update(keyPress("3"))
	h.run(write)
	if d.confirmReplace {
		t.Fatal("the dialog asks to replace the file while the next summary is loading")
	}
	h.run(load)
	h.keys("y")
	unchanged("y after a range that was loading")

	// A new range whose summary could not be made: there is nothing to write.
	_, write = h.app.Update(keyPress("w"))
	_, load = h.app.Update(keyPress("1"))
	h.send(exportPreviewMsg{dialog: d, gen: d.gen, err: fmt.Errorf("the disk reported an error")})
	h.run(write)
	h.keys("y")
	unchanged("y with no summary")
	if d.confirmReplace || d.doc != nil {
		t.Fatalf("confirm %v with document %v after a failed preview", d.confirmReplace, d.doc)
	}
	_ = load

	// The path edited before the answer came: the question would name a
	// file other than the one the path shows.
	h.keys("2")
	_, write = h.app.Update(keyPress("w"))
	h.keys("p", "backspace", "backspace")
	h.typeText("txt\n")
	h.run(write)
	if d.confirmReplace {
		t.Fatal("the dialog asks to replace a file the path no longer names")
	}
	unchanged("after the path changed")

	// Asked about the summary shown, y replaces the file with it.
	h.keys("p", "backspace", "backspace", "backspace")
	h.typeText("md\n")
	h.keys("w")
	h.mustSee("The file already exists. y replaces it")
	h.keys("y")
	if got, _ := os.ReadFile(path); string(got) != string(d.content()) {
		t.Fatalf("y should replace the file with the summary shown, it holds %.60q", got)
	}
}

// TestExportDropsAPreviewMeantForAClosedDialog: a summary still loading when
// its dialog closed must not land in the next dialog, whose title and file
// would then say one thing and its content another.
func TestExportDropsAPreviewMeantForAClosedDialog(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	h := start(t, fixtureStore(t), 80, 24)
	h.keys("/", "a", "n", "n", "enter", "enter")
	_, annsPreview := h.app.Update(keyPress("x"))
	h.keys("esc", "esc")
	h.keys("x")
	d := h.app.exportDialog()
	if d == nil || d.clientID != "" || d.doc == nil {
		t.Fatalf("x on the caseload did not open its export:\n%s", h.screen())
	}
	whole := d.doc
	h.run(annsPreview)
	if d.doc != whole || d.doc.Summary.ClientID != "" {
		t.Fatalf("the caseload's dialog took the summary of the dialog closed before it (client %q)", d.doc.Summary.ClientID)
	}
}

// TestExportIntoAFolderThatCannotBeSyncedIsLoggedAsWritten: in a folder
// this account may write into but not read, the summary is put in place
// whole and only the folder's sync fails. The dialog says it was written
// and logged, with the warning, and the export log holds it: the file is
// there, and "Nothing was written" would be untrue.
func TestExportIntoAFolderThatCannotBeSyncedIsLoggedAsWritten(t *testing.T) {
	root := t.TempDir()
	db := filepath.Join(root, "caseload.db")
	data, err := os.ReadFile(fixtureFile(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "drop-box")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", out)
	privtest.Drop(t, root)
	if err := os.Chmod(out, 0o300); err != nil { // write and search, no read
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(out, 0o700) })
	st := openStore(t, db)
	t.Cleanup(func() { st.Close() })
	h := start(t, st, 80, 24)
	h.keys("x")
	customRange(h)
	h.keys("w")
	h.mustSee("Written and logged; the folder's sync failed, so a power cut may undo it")
	path := filepath.Join(out, "caseload-summary-2026-11-23.md")
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(h.app.exportDialog().content()) {
		t.Fatalf("the file holds %.60q (%v), want the preview", got, err)
	}
	list := exports(t, st)
	if len(list) != 1 || list[0].Destination != path {
		t.Fatalf("export log %+v, want the one file written", list)
	}
	if sum := sha256.Sum256(got); list[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("the export log keeps SHA-256 %s, the file's is %x", list[0].SHA256, sum)
	}
}

// When the file is in place with a warning and the export log then fails,
// both are said; and what an error says is cleaned before it is drawn.
func TestExportTroubleSaysEveryFailure(t *testing.T) {
	placed := &summary.PlacedError{Path: "/m/s.md", Step: "its temporary copy /m/.s.md.1.tmp could not be removed", Err: syscall.EIO}
	msg := exportWrittenMsg{dest: "/m/s.md", written: true, placed: placed,
		err: fmt.Errorf("the export log could not record it: %w", errors.New("disk I/O error\x1b]0;owned\x07"))}
	got := msg.trouble()
	for _, want := range []string{"Sent to /m/s.md, but the export log could not record it", "its temporary copy /m/.s.md.1.tmp could not be removed"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q does not say %q", got, want)
		}
	}
	if strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("%q carries an escape sequence to the terminal", got)
	}
	msg.err = nil
	if got := msg.trouble(); !strings.HasPrefix(got, "Written and logged; its temporary copy") {
		t.Errorf("a placed write alone says %q", got)
	}
}
