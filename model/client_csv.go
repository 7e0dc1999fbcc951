package model

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ClientLine is one client read from an import file, with the line it came
// from for the report.
type ClientLine struct {
	Line   int
	Client Client
}

// LineError says why a line of an import file was rejected.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// ClientImport is what a client CSV file holds: the clients read, the lines
// rejected, and the fields the file has columns for. A client updated from
// the file keeps the fields the file has no column for.
type ClientImport struct {
	Lines    []ClientLine
	Rejected []LineError
	Fields   []string
}

// clientColumns maps the header names a spreadsheet may use to client fields.
var clientColumns = map[string]string{
	"name": FieldName, "full name": FieldName, "client": FieldName, "client name": FieldName,
	"preferred name": FieldPreferredName, "preferred": FieldPreferredName, "nickname": FieldPreferredName,
	"case number": FieldCaseNumber, "case no": FieldCaseNumber, "case #": FieldCaseNumber, "case": FieldCaseNumber,
	"date of birth": FieldDateOfBirth, "dob": FieldDateOfBirth, "birth date": FieldDateOfBirth, "birthdate": FieldDateOfBirth,
	"phone": FieldPhone, "phone number": FieldPhone, "telephone": FieldPhone,
	"address":          FieldAddress,
	"supervision type": FieldSupervisionType, "type": FieldSupervisionType, "supervision": FieldSupervisionType,
	"level": FieldLevel, "supervision level": FieldLevel, "risk level": FieldLevel,
	"start": FieldSupervisionFrom, "start date": FieldSupervisionFrom, "supervision start": FieldSupervisionFrom,
	"end": FieldSupervisionTo, "end date": FieldSupervisionTo, "supervision end": FieldSupervisionTo,
	"conditions": FieldConditions,
	"status":     FieldStatus,
	"tags":       FieldTags,
}

// maxImportLines bounds a file: a caseload is a few hundred people, and a
// mistaken multi-gigabyte file must not fill memory.
const maxImportLines = 100000

// ReadClientsCSV reads a client import file with a header line. Columns are
// matched by name, in any order, ignoring case; name and case number are
// required. A line that cannot be read is rejected with its reason and the
// rest go on; an error is returned only when the file as a whole cannot be
// used (no header, an unknown or repeated column, broken CSV quoting).
func ReadClientsCSV(r io.Reader) (ClientImport, error) {
	var imp ClientImport
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return imp, errors.New("the file is empty: it needs a header line naming the columns")
	}
	if err != nil {
		return imp, fmt.Errorf("read the header: %w", err)
	}
	fields := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name := normaliseHeader(h)
		f, ok := clientColumns[name]
		if !ok {
			return imp, fmt.Errorf("unknown column %q: the columns are name, preferred name, case number, date of birth, phone, address, supervision type, level, start, end, conditions, status, tags", h)
		}
		if seen[f] {
			return imp, fmt.Errorf("column %q appears twice", h)
		}
		seen[f] = true
		fields[i] = f
		imp.Fields = append(imp.Fields, f)
	}
	if !seen[FieldName] || !seen[FieldCaseNumber] {
		return imp, errors.New("the header needs at least a name and a case number column")
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return imp, nil
		}
		if err != nil {
			return imp, fmt.Errorf("read the file: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if line > maxImportLines {
			return imp, fmt.Errorf("the file has more than %d lines", maxImportLines)
		}
		if len(rec) != len(fields) {
			imp.Rejected = append(imp.Rejected, LineError{line, fmt.Sprintf("has %d values, the header has %d columns", len(rec), len(fields))})
			continue
		}
		c, err := clientFromRecord(fields, rec)
		if err != nil {
			imp.Rejected = append(imp.Rejected, LineError{line, Reason(err)})
			continue
		}
		imp.Lines = append(imp.Lines, ClientLine{Line: line, Client: c})
	}
}

// normaliseHeader makes "Case_Number", " case-number " and "CASE NUMBER" one
// name.
func normaliseHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff") // Excel starts a UTF-8 CSV with a byte-order mark
	h = strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(strings.ToLower(h))
	return strings.Join(strings.Fields(h), " ")
}

// clientFromRecord builds a client from one line; a value that cannot be
// read (a date, a choice) is reported by field. Whole-record rules (a date of
// birth in the past) are the store's Validate call.
func clientFromRecord(fields, rec []string) (Client, error) {
	c := Client{Status: StatusActive}
	var p problems
	for i, f := range fields {
		v := strings.TrimSpace(rec[i])
		var err error
		switch f {
		case FieldName:
			c.Name = v
		case FieldPreferredName:
			c.PreferredName = v
		case FieldCaseNumber:
			c.CaseNumber = v
		case FieldDateOfBirth:
			c.DateOfBirth, err = ParseCommonDate(v)
		case FieldPhone:
			c.Phone = v
		case FieldAddress:
			c.Address = v
		case FieldSupervisionType:
			c.SupervisionType, err = choose(supervisionTypes, v, "supervision type")
		case FieldLevel:
			c.Level, err = choose(levels, v, "level")
		case FieldSupervisionFrom:
			c.SupervisionFrom, err = ParseCommonDate(v)
		case FieldSupervisionTo:
			c.SupervisionTo, err = ParseCommonDate(v)
		case FieldConditions:
			c.Conditions = v
		case FieldStatus:
			if v != "" {
				c.Status, err = choose(clientStatuses, v, "status")
			}
		case FieldTags:
			c.Tags = ParseTags(v)
		}
		if err != nil {
			p.add(f, err.Error())
		}
	}
	return c, p.err()
}

// Reason words an error for an import report: a validation error as
// "date of birth: must be in the past; level: required".
func Reason(err error) string {
	v := FieldErrors(err)
	if v == nil {
		return err.Error()
	}
	parts := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		parts[i] = strings.ReplaceAll(f.Field, "_", " ") + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}

// choose finds an option by its stored value or its label, ignoring case,
// spaces, hyphens and underscores: "In custody", "in_custody" and
// "IN-CUSTODY" are one status.
func choose[T ~string](opts []Option[T], v, what string) (T, error) {
	key := squash(v)
	for _, o := range opts {
		if key == squash(string(o.Value)) || key == squash(o.Label) {
			return o.Value, nil
		}
	}
	names := make([]string, len(opts))
	for i, o := range opts {
		names[i] = strings.ToLower(o.Label)
	}
	if v == "" {
		return "", fmt.Errorf("required (%s)", strings.Join(names, ", "))
	}
	return "", fmt.Errorf("%q is not a %s (%s)", v, what, strings.Join(names, ", "))
}

func squash(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "", "/", "").Replace(strings.ToLower(s))
}

// Merge returns c with the named fields taken from o: an import updates only
// the fields its file has columns for.
func (c Client) Merge(o Client, fields []string) Client {
	for _, f := range fields {
		switch f {
		case FieldName:
			c.Name = o.Name
		case FieldPreferredName:
			c.PreferredName = o.PreferredName
		case FieldCaseNumber:
			c.CaseNumber = o.CaseNumber
		case FieldDateOfBirth:
			c.DateOfBirth = o.DateOfBirth
		case FieldPhone:
			c.Phone = o.Phone
		case FieldAddress:
			c.Address = o.Address
		case FieldSupervisionType:
			c.SupervisionType = o.SupervisionType
		case FieldLevel:
			c.Level = o.Level
		case FieldSupervisionFrom:
			c.SupervisionFrom = o.SupervisionFrom
		case FieldSupervisionTo:
			c.SupervisionTo = o.SupervisionTo
		case FieldConditions:
			c.Conditions = o.Conditions
		case FieldStatus:
			c.Status = o.Status
		case FieldTags:
			c.Tags = o.Tags
		}
	}
	return c
}
