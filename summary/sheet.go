package summary

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"caseload/model"
)

// sheet writes a summary in one format: each client's section, as each part
// of the summary is made, then the head and the end around the sections,
// once the whole is known. The head depends on every client: any one of
// them can make the Part 2 notice due.
type sheet interface {
	// client writes one client's section of the summary s.
	client(b *bytes.Buffer, s model.Summary, c model.ClientActivity) error
	// frame makes the head and the end of the whole, whose totals s holds,
	// and what goes between two sections; notice says the Part 2 notice is
	// due, none that no client was seen.
	frame(s model.Summary, notice, none bool) (head, between, end []byte, err error)
}

func sheetFor(f Format) (sheet, error) {
	switch f {
	case Markdown, "":
		return blockSheet{escapeMarkdown, writeMarkdown}, nil
	case PlainText:
		return blockSheet{clean, writeText}, nil
	case JSON:
		return jsonSheet{}, nil
	case CSV:
		return csvSheet{}, nil
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// Document is a summary written in a format: the head, the clients'
// sections and the end, kept in the pieces they were written in rather than
// copied into one.
type Document struct {
	// Summary is the summary's header and totals, without its clients:
	// their sections hold what is shown of them.
	Summary   model.Summary
	Format    Format
	records   int
	clientIDs []string
	notice    bool
	head      []byte
	sections  [][]byte
	between   []byte
	end       []byte
}

// Records is the number of records the summary reports (model.Summary's
// Records), kept in the export log.
func (d *Document) Records() int { return d.records }

// Clients is the number of clients the summary has a section for.
func (d *Document) Clients() int { return len(d.sections) }

// ClientIDs are the ids of the clients the summary has a section for, in
// no particular order.
func (d *Document) ClientIDs() []string { return d.clientIDs }

// HoldsSubstanceUse says whether the document carries the Part 2 notice:
// a client's records in it touch substance use (model.Summary's).
func (d *Document) HoldsSubstanceUse() bool { return d.notice }

// Len is the size of the document in bytes.
func (d *Document) Len() int {
	n := len(d.head) + len(d.end) + max(len(d.sections)-1, 0)*len(d.between)
	for _, b := range d.sections {
		n += len(b)
	}
	return n
}

// WriteTo writes the document to w.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	var n int64
	write := func(b []byte) error {
		m, err := w.Write(b)
		n += int64(m)
		return err
	}
	if err := write(d.head); err != nil {
		return n, err
	}
	for i, b := range d.sections {
		if i > 0 && len(d.between) > 0 {
			if err := write(d.between); err != nil {
				return n, err
			}
		}
		if err := write(b); err != nil {
			return n, err
		}
	}
	err := write(d.end)
	return n, err
}

// Bytes is the document in one piece.
func (d *Document) Bytes() []byte {
	var b bytes.Buffer
	b.Grow(d.Len())
	d.WriteTo(&b) // a bytes.Buffer takes every write
	return b.Bytes()
}

// Write writes a summary built whole (Build) in a format.
func Write(s model.Summary, f Format) (*Document, error) { return whole(s, f) }

// whole writes a summary built whole.
func whole(s model.Summary, f Format) (*Document, error) {
	sh, err := sheetFor(f)
	if err != nil {
		return nil, err
	}
	d := &Document{Summary: s, Format: f, records: s.Records(), notice: s.HoldsSubstanceUse()}
	d.Summary.Clients = nil
	if d.sections, err = sections(sh, s); err != nil {
		return nil, formatError(f, err)
	}
	if d.head, d.between, d.end, err = sh.frame(s, d.notice, len(s.Clients) == 0); err != nil {
		return nil, formatError(f, err)
	}
	d.clientIDs = make([]string, len(s.Clients))
	for i, c := range s.Clients {
		d.clientIDs[i] = c.ClientID
	}
	return d, nil
}

// sections writes the sections of s's clients, in one buffer of their size.
func sections(sh sheet, s model.Summary) ([][]byte, error) {
	var b bytes.Buffer
	ends := make([]int, len(s.Clients))
	for i, c := range s.Clients {
		if err := sh.client(&b, s, c); err != nil {
			return nil, err
		}
		ends[i] = b.Len()
	}
	all := bytes.Clone(b.Bytes())
	out := make([][]byte, len(ends))
	start := 0
	for i, end := range ends {
		out[i] = all[start:end:end]
		start = end
	}
	return out, nil
}

// partSize is how many clients' records are read and made into sections at
// a time: few enough that a part's records are small beside the document,
// many enough that each part's reads and writes are a good size.
const partSize = 256

// inParts makes the officer's own summary a part at a time, as the store
// reads it (Store.SummaryInParts): only the document stands whole in memory,
// never the records or the summary. The parts come in the order of the
// clients' ids; the sections are put in the summary's order at the end.
func inParts(read func(each func(model.SummaryRecords) error) error, opt model.SummaryOptions, f Format) (*Document, error) {
	sh, err := sheetFor(f)
	if err != nil {
		return nil, err
	}
	d := &Document{Format: f}
	// Each section with its place in the summary.
	type placed struct {
		order   model.SectionOrder
		section []byte
	}
	var ordered []placed
	first := true
	err = read(func(rec model.SummaryRecords) error {
		part := model.BuildSummary(rec, opt)
		if first {
			d.Summary, first = part, false
			d.Summary.Clients, d.Summary.Totals = nil, model.SummaryTotals{}
		}
		secs, err := sections(sh, part)
		if err != nil {
			return formatError(f, err)
		}
		for i, c := range part.Clients {
			ordered = append(ordered, placed{model.SectionOrderOf(c), secs[i]})
			d.clientIDs = append(d.clientIDs, c.ClientID)
		}
		d.Summary.Totals = d.Summary.Totals.Plus(part.Totals)
		d.records += part.Records()
		d.notice = d.notice || part.HoldsSubstanceUse()
		return nil
	})
	if err != nil {
		return nil, err
	}
	if first {
		return nil, fmt.Errorf("summary: the records were not read")
	}
	slices.SortFunc(ordered, func(a, b placed) int { return a.order.Compare(b.order) })
	d.sections = make([][]byte, len(ordered))
	for i, p := range ordered {
		d.sections[i] = p.section
	}
	if d.head, d.between, d.end, err = sh.frame(d.Summary, d.notice, len(d.sections) == 0); err != nil {
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
