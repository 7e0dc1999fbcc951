package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"caseload/model"
)

// errShape explains what an HSDS JSON file must look like.
const errShape = "not HSDS JSON: expected one service, a list or page of services, or an organization with its services"

// ReadHSDSJSON reads Open Referral HSDS 3.0 JSON as its API serves it: one
// service, a list of services, a page of services ({"contents": [...]}) or an
// organization with its services. The shape is told from the fields; any
// other JSON is an error that says what was found.
func ReadHSDSJSON(file string, data []byte) (model.ResourceImport, error) {
	text, converted := decodeText(data)
	var c collector
	if converted {
		c.warn(file, 0, "not UTF-8: read as Latin-1 (Windows-1252)")
	}
	src := []byte(text)
	top, err := scanTop(src)
	if err != nil {
		// scanTop's errors start with their line.
		return model.ResourceImport{}, fmt.Errorf("%s:%w", file, err)
	}
	out := model.ResourceImport{Source: file + " (HSDS JSON)"}
	var items []jsonItem
	var org *hsdsOrganization
	switch {
	case top.fields == nil: // a list of services
		items = top.array
		if len(items) > 0 && !anyService(items) {
			return out, fmt.Errorf("%s:%d: %s (found a list whose items are not services)", file, items[0].line, errShape)
		}
		out.Source = file + " (HSDS JSON: list of services)"
	case top.lists["contents"] != nil:
		items = top.lists["contents"]
		out.Source = file + " (HSDS JSON: page of services)"
	case isService(top.fields):
		items = []jsonItem{{raw: top.raw, line: top.line}}
		out.Source = file + " (HSDS JSON: service)"
	case top.lists["services"] != nil && hasText(top.fields, "name"):
		items = top.lists["services"]
		org = &hsdsOrganization{}
		if err := json.Unmarshal(top.raw, org); err != nil {
			return out, fmt.Errorf("%s:%d: organization: %w", file, top.line, err)
		}
		out.Source = file + " (HSDS JSON: organization)"
		if len(items) == 0 {
			c.skip(file, top.line, "organization %q lists no services: nothing to refer to", cleanLine(string(org.Name)))
		}
	default:
		return out, fmt.Errorf("%s:%d: %s (found an object with %s)", file, top.line, errShape, describeKeys(top.fields))
	}
	for i, it := range items {
		place := model.SourcePlace{File: file, Line: it.line}
		var fields map[string]json.RawMessage
		if json.Unmarshal(it.raw, &fields) != nil || !isService(fields) {
			c.skip(file, it.line, "item %d is not an HSDS service (a service has an id, a name and a status)", i+1)
			continue
		}
		var s hsdsService
		if err := json.Unmarshal(it.raw, &s); err != nil {
			c.skip(file, it.line, "service %d: %v", i+1, jsonReason(err))
			continue
		}
		if r, ok := s.resource(org, place, &c); ok {
			out.Resources = append(out.Resources, model.ImportedResource{Resource: r, Place: place})
		}
	}
	out.Skipped, out.Warnings = c.skipped, c.warnings
	return out, nil
}

// jsonItem is one JSON value and the line it starts on.
type jsonItem struct {
	raw  json.RawMessage
	line int
}

// topLevel is a JSON document opened one level: a list's items, or an
// object's fields and, for its lists, their items with their lines.
type topLevel struct {
	raw    json.RawMessage
	line   int
	array  []jsonItem
	fields map[string]json.RawMessage
	lists  map[string][]jsonItem
}

// scanTop reads the document's first level while keeping track of where each
// item starts, so that a skipped service can be reported by line. Its errors
// start with the line they are about.
func scanTop(src []byte) (topLevel, error) {
	var top topLevel
	dec := json.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&top.raw); err != nil {
		return top, syntaxError(src, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return top, fmt.Errorf("%d: not valid JSON: more follows the first value", lineAt(src, skipSeparators(src, int(dec.InputOffset()))))
	}
	start := bytes.Index(src, top.raw[:1])
	top.line = lineAt(src, start)
	switch top.raw[0] {
	case '[':
		items, err := splitList(src, start)
		top.array = items
		return top, err
	case '{':
	default:
		return top, fmt.Errorf("%d: %s (found a single value)", top.line, errShape)
	}
	if err := json.Unmarshal(top.raw, &top.fields); err != nil {
		return top, syntaxError(src, err)
	}
	top.lists = map[string][]jsonItem{}
	dec = json.NewDecoder(bytes.NewReader(src[start:]))
	if _, err := dec.Token(); err != nil { // {
		return top, syntaxError(src, err)
	}
	for dec.More() {
		keyTok, err := dec.Token()
		if err != nil {
			return top, syntaxError(src, err)
		}
		key, _ := keyTok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return top, syntaxError(src, err)
		}
		if (key == "contents" || key == "services") && len(v) > 0 && v[0] == '[' {
			end := start + int(dec.InputOffset())
			items, err := splitList(src, end-len(v))
			if err != nil {
				return top, err
			}
			if items == nil {
				items = []jsonItem{}
			}
			top.lists[key] = items
		}
	}
	return top, nil
}

// splitList splits the JSON list that starts at src[at] into its items.
func splitList(src []byte, at int) ([]jsonItem, error) {
	dec := json.NewDecoder(bytes.NewReader(src[at:]))
	if _, err := dec.Token(); err != nil { // [
		return nil, syntaxError(src, err)
	}
	var items []jsonItem
	for dec.More() {
		off := at + int(dec.InputOffset())
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, syntaxError(src, err)
		}
		items = append(items, jsonItem{raw: v, line: lineAt(src, skipSeparators(src, off))})
	}
	return items, nil
}

// skipSeparators moves past the white space and punctuation between a
// decoder's position and the next value.
func skipSeparators(src []byte, off int) int {
	for off < len(src) && strings.IndexByte(" \t\r\n,:[", src[off]) >= 0 {
		off++
	}
	return off
}

// lineAt returns the 1-based line of a byte offset.
func lineAt(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	return bytes.Count(src[:off], []byte("\n")) + 1
}

func syntaxError(src []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%d: not valid JSON: %v", lineAt(src, int(se.Offset)), se)
	}
	return fmt.Errorf("%d: not valid JSON: %w", lineAt(src, len(src)), err)
}

// jsonReason words a decoding error by the field it is about.
func jsonReason(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("field %s: expected %s, found %s", te.Field, te.Type.Kind(), te.Value)
	}
	return err.Error()
}

// isService reports whether an object looks like an HSDS service: an id and a
// name, and one of the fields only a service has (status is required by the
// standard; the others are there in practice).
func isService(f map[string]json.RawMessage) bool {
	if !hasText(f, "name") || f["id"] == nil {
		return false
	}
	for _, k := range []string{"status", "service_at_locations", "organization", "eligibility_description", "program"} {
		if f[k] != nil {
			return true
		}
	}
	return false
}

func anyService(items []jsonItem) bool {
	for _, it := range items {
		var f map[string]json.RawMessage
		if json.Unmarshal(it.raw, &f) == nil && isService(f) {
			return true
		}
	}
	return false
}

func hasText(f map[string]json.RawMessage, key string) bool {
	v := f[key]
	return len(v) > 0 && v[0] == '"'
}

// describeKeys names what an object of the wrong shape holds.
func describeKeys(f map[string]json.RawMessage) string {
	if len(f) == 0 {
		return "no fields"
	}
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 8 {
		keys = append(keys[:8], "…")
	}
	return "fields " + strings.Join(keys, ", ")
}
