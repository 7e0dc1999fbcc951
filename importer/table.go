package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"caseload/model"
)

// table is one CSV file read whole: its header (lower-cased) and the rows
// that had exactly one field per header column, each with its line number.
type table struct {
	file   string
	index  map[string]int
	header []string
	rows   []tableRow
}

type tableRow struct {
	line   int
	fields []string
}

// get returns the raw value of column col in row r, or "" when the table has
// no such column.
func (t *table) get(r tableRow, col string) string {
	i, ok := t.index[col]
	if !ok {
		return ""
	}
	return r.fields[i]
}

// has reports whether the table has a column.
func (t *table) has(col string) bool {
	_, ok := t.index[col]
	return ok
}

// collector gathers what a reader skipped and warned about.
type collector struct {
	skipped, warnings []model.ImportProblem
}

func (c *collector) skip(file string, line int, format string, args ...any) {
	c.skipped = append(c.skipped, model.ImportProblem{Place: model.SourcePlace{File: file, Line: line}, Reason: fmt.Sprintf(format, args...)})
}

func (c *collector) warn(file string, line int, format string, args ...any) {
	c.warnings = append(c.warnings, model.ImportProblem{Place: model.SourcePlace{File: file, Line: line}, Reason: fmt.Sprintf(format, args...)})
}

// readTable parses a CSV file. Header names are matched without regard to
// case or surrounding spaces; columns not asked for are ignored. A missing
// required column is an error naming it, since no row could be read; a row
// that cannot be read (ragged, a broken quote, nothing in it) is skipped and
// reported with its line.
func readTable(file string, data []byte, required []string, c *collector) (*table, error) {
	text, converted := decodeText(data)
	if converted {
		c.warn(file, 0, "not UTF-8: read as Latin-1 (Windows-1252)")
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: the file is empty: expected a header row", file)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: header row: %w", file, err)
	}
	t := &table{file: file, index: map[string]int{}}
	for i, h := range header {
		h = strings.ToLower(cleanLine(h))
		t.header = append(t.header, h)
		if _, dup := t.index[h]; dup && h != "" {
			c.warn(file, 1, "column %q appears twice: the first one is used", h)
			continue
		}
		t.index[h] = i
	}
	var missing []string
	for _, col := range required {
		if !t.has(col) {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		word := "column"
		if len(missing) > 1 {
			word = "columns"
		}
		return nil, fmt.Errorf("%s:1: missing required %s %s (the header has: %s)", file, word,
			quoteList(missing), strings.Join(nonEmpty(t.header), ", "))
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.skip(file, pe.StartLine, "cannot read the row: %v", pe.Err)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		switch {
		case len(rec) != len(header):
			c.skip(file, line, "ragged row: %d fields where the header has %d", len(rec), len(header))
		case blank(rec):
			c.skip(file, line, "empty row")
		default:
			t.rows = append(t.rows, tableRow{line: line, fields: rec})
		}
	}
	return t, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func quoteList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = fmt.Sprintf("%q", c)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
