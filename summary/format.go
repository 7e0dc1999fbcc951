// Package summary writes the session summary in the formats it leaves the
// laptop in (Markdown, plain text, JSON, CSV), writes files safely and keeps
// the export log. Rendering files is not a rule of the domain, so it lives
// here rather than in model; model builds the summary and says when the Part 2
// notice is due.
package summary

import (
	"fmt"
	"strings"

	"caseload/model"
)

// Format is a file format of the summary.
type Format string

// The formats.
const (
	Markdown  Format = "md"
	PlainText Format = "txt"
	JSON      Format = "json"
	CSV       Format = "csv"
)

// Formats lists the formats in the order the dialog offers them, with a label
// and one line of help each.
func Formats() []model.Option[Format] {
	return []model.Option[Format]{
		{Value: Markdown, Label: "Markdown", Help: "Reads well as plain text and pastes into anything."},
		{Value: PlainText, Label: "Plain text", Help: "Wrapped at 80 columns, no markup."},
		{Value: JSON, Label: "JSON", Help: "For other systems: stable field names, a versioned schema."},
		{Value: CSV, Label: "CSV", Help: "One row per check-in, safe to open in a spreadsheet."},
	}
}

// ParseFormat reads a format name as typed after --format.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	switch f {
	case "markdown":
		return Markdown, nil
	case "text":
		return PlainText, nil
	case Markdown, PlainText, JSON, CSV:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want md, txt, json or csv)", s)
}

// Extension is the file name extension of the format, without the dot.
func (f Format) Extension() string { return string(f) }

// Render writes the summary in the format.
func Render(s model.Summary, f Format) ([]byte, error) {
	d, err := whole(s, f)
	if err != nil {
		return nil, err
	}
	return d.Bytes(), nil
}
