package tui

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
	"caseload/summary"
	"caseload/text"
)

// write puts the previewed document in the file and records the export once
// it is safely there; nothing else is written and nothing is recorded if
// the write fails.
func (d *exportDialog) write(overwrite bool) tea.Cmd {
	d.busy, d.confirmReplace, d.problem, d.done = true, false, "", ""
	st, doc, home := d.st, d.doc, d.home
	path := d.path.Value()
	sent := exportWrittenMsg{dialog: d, doc: doc, typed: path}
	return func() tea.Msg {
		dest, err := absPath(path, home)
		if err != nil {
			return sent.failed(path, err)
		}
		// A folder exists too, but replacing it is never what was meant.
		if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
			return sent.failed(dest, syscall.EISDIR)
		}
		digest, err := summary.WriteFile(dest, doc, overwrite)
		var placed *summary.PlacedError
		if err != nil && !errors.As(err, &placed) {
			return sent.failed(dest, err)
		}
		// In place, whatever failed after: recorded as written, with
		// what failed as a warning, so that the log and the officer both
		// know the summary is there.
		msg := sent.recorded(st, digest, dest)
		msg.placed = placed
		return msg
	}
}

// failed is the answer to a write that put nothing at dest.
func (msg exportWrittenMsg) failed(dest string, err error) exportWrittenMsg {
	msg.dest, msg.err, msg.exists = dest, err, errors.Is(err, summary.ErrExists)
	return msg
}

// copy sends the summary to the terminal's clipboard with OSC 52, then
// records it. The terminal does not say whether it honoured the request, so
// the export is recorded as sent: the log errs on the side of what may have
// left the laptop.
func (d *exportDialog) copy() tea.Cmd {
	d.busy, d.problem, d.done = true, "", ""
	st, doc := d.st, d.doc
	content := doc.Bytes()
	digest := sha256.Sum256(content)
	sent := exportWrittenMsg{dialog: d, doc: doc}
	return tea.Sequence(tea.SetClipboard(string(content)), func() tea.Msg {
		return sent.recorded(st, digest[:], "clipboard")
	})
}

// recorded records in the export log that the document went to dest, with
// the SHA-256 of the bytes that went.
func (msg exportWrittenMsg) recorded(st *store.Store, sha256 []byte, dest string) exportWrittenMsg {
	doc := msg.doc
	msg.dest, msg.records, msg.clients, msg.written = dest, doc.Records(), doc.Clients(), true
	if _, err := summary.RecordDocument(context.Background(), st, doc, sha256, dest); err != nil {
		msg.err = fmt.Errorf("the export log could not record it: %w", err)
	}
	return msg
}

// absPath reads the path as typed: ~ is the home directory, a relative path
// is taken from the working directory, as on the command line.
func absPath(path, home string) (string, error) {
	path = strings.TrimSpace(path)
	if home != "" && (path == "~" || strings.HasPrefix(path, "~/")) {
		path = filepath.Join(home, path[1:])
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, fmt.Errorf("cannot read the path: %w", err)
	}
	return abs, nil
}

func (d *exportDialog) written(msg exportWrittenMsg) {
	d.busy = false
	switch {
	case msg.exists && (d.loading || d.doc != msg.doc || d.path.Value() != msg.typed):
		// The choices changed while the write was on its way: the
		// question would be about a document or a path no longer shown.
		// Short enough that the key to press fits 80 columns.
		d.problem = "Nothing was written: the file already exists; w again asks about this one. " + text.Clean(msg.dest)
	case msg.exists:
		d.confirmReplace = true
	default:
		if d.problem = msg.trouble(); d.problem == "" {
			d.done = msg.doneText()
		}
	}
}

// trouble says what went wrong with a write or a copy, other than a file
// already there, or "" when nothing did. What is said first matters: a
// long path is cut at the edge of the screen.
func (msg exportWrittenMsg) trouble() string {
	switch {
	case msg.err != nil && msg.written:
		s := "Sent to " + text.Clean(msg.dest) + ", but " + text.Clean(msg.err.Error())
		if msg.placed != nil {
			s += "; and " + text.Clean(msg.placed.Step)
		}
		return s
	case msg.placed != nil:
		return "Written and logged; " + text.Clean(msg.placed.Step) + " (" + text.Clean(msg.placed.Err.Error()) + "). " + text.Clean(msg.dest)
	case msg.err != nil:
		return writeProblem(msg.dest, msg.err)
	}
	return ""
}

// doneText says where the summary went and how much of it.
func (msg exportWrittenMsg) doneText() string {
	what := plural(msg.records, "record") + " of " + plural(msg.clients, "client")
	if msg.dest == "clipboard" {
		return "Copied " + what + " to the clipboard (OSC 52). Not every terminal honours it: " +
			"if nothing pastes, press w to write a file."
	}
	return "Wrote " + what + " to " + text.Clean(msg.dest) + "."
}

// writeProblem says in words why a file could not be written; the file is
// not there, not even in part.
func writeProblem(dest string, err error) string {
	why := err.Error()
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = "the disk is full"
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		why = "this account may not write there"
	case errors.Is(err, os.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		why = "its folder does not exist"
	case errors.Is(err, syscall.EISDIR):
		why = "that is a folder; add a file name"
	}
	// The reason first: a long path is cut at the edge of the screen.
	return "Could not write the file: " + text.Clean(why) + ". Nothing was written; p changes the path, c copies instead. " + text.Clean(dest)
}

// plural writes "1 record", "2 records".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
