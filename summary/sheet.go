package summary

import (
	"bytes"
	"fmt"
	"io"

	"caseload/model"
)

// sheet writes a summary in one format: the sections of the clients, as
// each part of the summary is made, then the head and the end around them,
// once the whole is known. The head depends on every client: any one of them
// can make the Part 2 notice due.
type sheet interface {
	// clients writes the sections of a part's clients, after those of the
	// parts before.
	clients(b *bytes.Buffer, part model.Summary) error
	// frame makes the head and the end of the whole, whose totals s holds;
	// notice says the Part 2 notice is due, none that no client was seen.
	frame(s model.Summary, notice, none bool) (head, end []byte, err error)
}

func sheetFor(f Format) (sheet, error) {
	switch f {
	case Markdown, "":
		return blockSheet{escapeMarkdown, writeMarkdown}, nil
	case PlainText:
		return blockSheet{clean, writeText}, nil
	case JSON:
		return &jsonSheet{}, nil
	case CSV:
		return csvSheet{}, nil
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// Document is a summary written in a format: the head, the clients'
// sections and the end, kept in the parts they were written in rather than
// copied into one.
type Document struct {
	// Summary is the summary's header and totals; its clients only when it
	// was built whole (one for a recipient).
	Summary model.Summary
	Format  Format
	records int
	clients int
	head    []byte
	body    [][]byte
	end     []byte
}

// Records is the number of records the summary reports (model.Summary's
// Records), kept in the export log.
func (d *Document) Records() int { return d.records }

// Clients is the number of clients the summary has a section for.
func (d *Document) Clients() int { return d.clients }

// Len is the size of the document in bytes.
func (d *Document) Len() int {
	n := len(d.head) + len(d.end)
	for _, b := range d.body {
		n += len(b)
	}
	return n
}

// WriteTo writes the document to w.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range append(append([][]byte{d.head}, d.body...), d.end) {
		m, err := w.Write(b)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Bytes is the document in one piece.
func (d *Document) Bytes() []byte {
	out := make([]byte, 0, d.Len())
	out = append(out, d.head...)
	for _, b := range d.body {
		out = append(out, b...)
	}
	return append(out, d.end...)
}

// whole writes a summary built whole.
func whole(s model.Summary, f Format) (*Document, error) {
	sh, err := sheetFor(f)
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	if err := sh.clients(&body, s); err != nil {
		return nil, formatError(f, err)
	}
	d := &Document{Summary: s, Format: f, records: s.Records(), clients: len(s.Clients), body: [][]byte{body.Bytes()}}
	if d.head, d.end, err = sh.frame(s, s.HoldsSubstanceUse(), len(s.Clients) == 0); err != nil {
		return nil, formatError(f, err)
	}
	return d, nil
}

// partSize is how many clients' sections are made at a time: few enough
// that a part's records and sections are small beside the document, many
// enough that each part's bytes are a good size to write.
const partSize = 256

// inParts builds and writes the officer's own summary a part at a time
// (model.BuildSummaryInParts): only the records and the document stand
// whole in memory, never the summary beside them.
func inParts(rec model.SummaryRecords, opt model.SummaryOptions, f Format, size int) (*Document, error) {
	sh, err := sheetFor(f)
	if err != nil {
		return nil, err
	}
	d := &Document{Format: f}
	notice := false
	d.Summary, err = model.BuildSummaryInParts(rec, opt, size, func(part model.Summary) error {
		var b bytes.Buffer
		if err := sh.clients(&b, part); err != nil {
			return formatError(f, err)
		}
		d.body = append(d.body, b.Bytes())
		d.records += part.Records()
		notice = notice || part.HoldsSubstanceUse()
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.clients = d.Summary.Totals.Clients
	if d.head, d.end, err = sh.frame(d.Summary, notice, d.clients == 0); err != nil {
		return nil, formatError(f, err)
	}
	return d, nil
}

func formatError(f Format, err error) error {
	names := map[Format]string{Markdown: "Markdown", PlainText: "plain-text", JSON: "JSON", CSV: "CSV"}
	if n, ok := names[f]; ok {
		return fmt.Errorf("write %s summary: %w", n, err)
	}
	return err
}
