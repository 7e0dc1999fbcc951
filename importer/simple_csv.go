package importer

import (
	"strings"

	"caseload/model"
)

// simpleRequired are the columns a simple CSV must have: without a category
// column, a list of people with a name column would pass for a directory.
var simpleRequired = []string{"name", "category"}

// ReadCSV reads a simple directory CSV: a header row, then one resource per
// row. Columns (any case, any order): name and category (required), phone,
// email, address, hours, eligibility, notes, and optionally description,
// website, languages and tags (separated by ; or |). Other columns are
// ignored. The category may be a category's name or any words the mapping of
// categories.go knows ("Job training"); words that are not a category's own
// name are kept as a tag.
func ReadCSV(file string, data []byte) (model.ResourceImport, error) {
	var c collector
	t, err := readTable(file, data, simpleRequired, &c)
	if err != nil {
		return model.ResourceImport{}, err
	}
	out := model.ResourceImport{Source: file + " (CSV)"}
	for _, row := range t.rows {
		get := func(col string) string { return t.get(row, col) }
		name := cleanLine(get("name"))
		if name == "" {
			c.skip(file, row.line, "no name")
			continue
		}
		categoryText := cleanLine(get("category"))
		var tags []string
		if _, exact := exactCategory(categoryText); !exact && categoryText != "" {
			tags = append(tags, categoryText)
		}
		tags = appendUnique(tags, splitTags(get("tags"))...)
		r := model.Resource{
			Name:        name,
			Category:    Categorize(categoryText, strings.Join(tags, "; "), name, get("description")),
			Tags:        tags,
			Description: clean(get("description")),
			Phone:       cleanLine(get("phone")),
			Email:       cleanLine(get("email")),
			Website:     cleanLine(get("website")),
			Address:     cleanLine(get("address")),
			Hours:       cleanLine(get("hours")),
			Eligibility: clean(get("eligibility")),
			Languages:   cleanLine(get("languages")),
			Notes:       clean(get("notes")),
		}
		place := model.SourcePlace{File: file, Line: row.line}
		out.Resources = append(out.Resources, model.ImportedResource{Resource: dropBadEmail(r, place, &c), Place: place})
	}
	out.Skipped, out.Warnings = c.skipped, c.warnings
	return out, nil
}

// splitTags reads a tags cell: tags separated by ; or |, never by commas,
// which appear inside taxonomy terms.
func splitTags(cell string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '|' }) {
		out = appendUnique(out, cleanLine(t))
	}
	return out
}

// appendUnique appends the non-empty values not already in list (compared
// without regard to case).
func appendUnique(list []string, values ...string) []string {
	for _, v := range values {
		if v == "" {
			continue
		}
		dup := false
		for _, have := range list {
			if strings.EqualFold(have, v) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// dropBadEmail leaves out an email address the model would refuse, with a
// warning, rather than lose the whole resource over it.
func dropBadEmail(r model.Resource, place model.SourcePlace, c *collector) model.Resource {
	if r.Email == "" {
		return r
	}
	if msg := model.FieldErrors(r.Validate()).For(model.FieldEmail); msg != "" {
		c.warn(place.File, place.Line, "email %q left out: %s", r.Email, msg)
		r.Email = ""
	}
	return r
}
