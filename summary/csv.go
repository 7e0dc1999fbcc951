package summary

import (
	"bytes"
	"encoding/csv"
	"strings"

	"caseload/model"
)

// csvHeader names the columns of the CSV format: one row per check-in.
var csvHeader = []string{
	"client_name", "case_number", "at", "type", "outcome", "location", "test_result", "substances",
	"stage", "flags", "note", "next_appointment",
}

// csvSheet writes one row per check-in (RFC 4180: CRLF line ends, UTF-8),
// under a header row. A summary that must carry the Part 2 notice, or says
// it is redacted, starts with one row holding that statement, padded to the
// width of the others so that every row has the same number of fields; a
// summary for a recipient has one more, saying who for and what each
// client's consent lets go. A cell of a column the consent does not cover
// is empty.
type csvSheet struct{}

func (csvSheet) frame(s model.Summary, notice, none bool) (head, between, end []byte, err error) {
	var buf bytes.Buffer
	w := newCSVWriter(&buf)
	statement := ""
	switch {
	case notice:
		statement = model.Part2NoticeTitle + ". " + model.Part2Notice
	case s.Redacted:
		statement = "Redacted: " + model.RedactionStatement
	}
	for _, st := range []string{statement, sharedStatement(s)} {
		if st == "" {
			continue
		}
		row := make([]string, len(csvHeader))
		row[0] = neutralise(clean(st))
		if err := w.Write(row); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := w.Write(csvHeader); err != nil {
		return nil, nil, nil, err
	}
	w.Flush()
	return buf.Bytes(), nil, nil, w.Error()
}

func (csvSheet) client(b *bytes.Buffer, _ model.Summary, c model.ClientActivity) error {
	w := newCSVWriter(b)
	for _, k := range c.CheckIns {
		row := []string{
			c.Name, c.CaseNumber, rfc3339(k.At), string(k.Type), string(k.Outcome), k.Location,
			string(k.Test), strings.Join(k.Substances, "; "), string(k.Stage), joinFlags(k.Flags), k.Note,
			"",
		}
		if !k.NextAppointment.IsZero() {
			row[len(row)-1] = rfc3339(k.NextAppointment)
		}
		for i := range row {
			row[i] = neutralise(clean(row[i]))
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

func newCSVWriter(b *bytes.Buffer) *csv.Writer {
	w := csv.NewWriter(b)
	w.UseCRLF = true
	return w
}

func joinFlags(flags []model.RiskFlag) string {
	parts := make([]string, len(flags))
	for i, f := range flags {
		parts[i] = string(f)
	}
	return strings.Join(parts, "; ")
}

// neutralise keeps a spreadsheet from reading a cell as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return (or with one of the
// first four after blanks, which some spreadsheets skip) gets a leading
// apostrophe, which spreadsheets show as text and do not evaluate.
func neutralise(cell string) string {
	if cell == "" {
		return cell
	}
	trimmed := strings.TrimLeft(cell, " \t\r\n")
	if cell[0] == '\t' || cell[0] == '\r' || trimmed != "" && strings.ContainsRune("=+-@", rune(trimmed[0])) {
		return "'" + cell
	}
	return cell
}
