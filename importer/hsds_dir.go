package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"caseload/model"
)

// hsdsTables are the tables of an HSDS 3.0 directory that make a resource,
// with the columns each must have to be of any use. Only services must be
// there; the others add detail when present.
var hsdsTables = map[string][]string{
	"services":            {"id", "name"},
	"organizations":       {"id", "name"},
	"programs":            {"id", "name"},
	"service_at_location": {"service_id", "location_id"},
	"locations":           {"id"},
	"addresses":           {"location_id"},
	"phones":              {"number"},
	"languages":           {"name"},
	"schedules":           nil,
	"attributes":          {"link_id", "taxonomy_term_id"},
	"taxonomy_terms":      {"id", "name"},
}

// ReadHSDSDir reads an Open Referral HSDS 3.0 directory: one CSV file per
// table, described by datapackage.json. Each service becomes a resource,
// joined by id with its organization, program, locations and their
// addresses, phones, schedules, languages and taxonomy terms.
func ReadHSDSDir(dir string) (model.ResourceImport, error) {
	var c collector
	files := tableFiles(dir, &c)
	tables := map[string]*table{}
	for _, name := range slices.Sorted(maps.Keys(hsdsTables)) {
		required, path := hsdsTables[name], files[name]
		data, err := readFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			if name == "services" {
				return model.ResourceImport{}, fmt.Errorf("%s: not an HSDS directory: it has no %s", dir, filepath.Base(path))
			}
			continue
		}
		if err != nil {
			return model.ResourceImport{}, err
		}
		t, err := readTable(path, data, required, &c)
		if err != nil {
			return model.ResourceImport{}, err
		}
		tables[name] = t
	}
	j := newJoiner(tables)
	out := model.ResourceImport{Source: dir + " (HSDS directory)"}
	services := tables["services"]
	for _, row := range services.rows {
		place := model.SourcePlace{File: services.file, Line: row.line}
		s := j.service(services, row, place, &c)
		if r, ok := s.resource(nil, place, &c); ok {
			out.Resources = append(out.Resources, model.ImportedResource{Resource: r, Place: place})
		}
	}
	out.Skipped, out.Warnings = c.skipped, c.warnings
	return out, nil
}

// tableFiles finds each table's file: the path datapackage.json gives, else
// the standard name (services.csv). A data package that cannot be read is
// reported, not fatal: the standard names still find the tables.
func tableFiles(dir string, c *collector) map[string]string {
	files := map[string]string{}
	for name := range hsdsTables {
		files[name] = filepath.Join(dir, name+".csv")
	}
	pkgPath := filepath.Join(dir, "datapackage.json")
	data, err := readFile(pkgPath)
	if errors.Is(err, fs.ErrNotExist) {
		c.warn(pkgPath, 0, "missing: tables read by their standard file names")
		return files
	}
	if err != nil {
		c.warn(pkgPath, 0, "cannot be read: tables read by their standard file names")
		return files
	}
	text, _ := decodeText(data)
	var pkg struct {
		Resources []struct {
			Name string `json:"name"`
			Path string `json:"path"`
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(text), &pkg); err != nil {
		c.warn(pkgPath, 0, "not a JSON data package: tables read by their standard file names")
		return files
	}
	for _, r := range pkg.Resources {
		// A path that leaves the directory is ignored: an import reads the
		// directory it was given, nothing else.
		if _, known := hsdsTables[r.Name]; known && r.Path != "" && filepath.IsLocal(r.Path) {
			files[r.Name] = filepath.Join(dir, filepath.FromSlash(r.Path))
		}
	}
	return files
}

// joiner looks rows up across the tables by id.
type joiner struct {
	t   map[string]*table
	idx map[string]map[string][]tableRow // table.column → value → rows
}

func newJoiner(tables map[string]*table) *joiner {
	return &joiner{t: tables, idx: map[string]map[string][]tableRow{}}
}

// rows returns the rows of a table whose column holds value.
func (j *joiner) rows(table, col, value string) []tableRow {
	t := j.t[table]
	if t == nil || value == "" || !t.has(col) {
		return nil
	}
	key := table + "." + col
	m, ok := j.idx[key]
	if !ok {
		m = map[string][]tableRow{}
		for _, r := range t.rows {
			v := cleanLine(t.get(r, col))
			m[v] = append(m[v], r)
		}
		j.idx[key] = m
	}
	return m[value]
}

// val reads a column of a row as text.
func (j *joiner) val(table string, r tableRow, col string) text {
	return text(j.t[table].get(r, col))
}

func (j *joiner) service(t *table, row tableRow, place model.SourcePlace, c *collector) hsdsService {
	v := func(col string) text { return text(t.get(row, col)) }
	id := cleanLine(string(v("id")))
	s := hsdsService{
		ID: v("id"), Name: v("name"), AlternateName: v("alternate_name"), Description: v("description"),
		URL: v("url"), Email: v("email"), Status: v("status"), InterpretationServices: v("interpretation_services"),
		ApplicationProcess: v("application_process"), FeesDescription: v("fees_description"),
		EligibilityDescription: v("eligibility_description"), MinimumAge: v("minimum_age"),
		MaximumAge: v("maximum_age"), Alert: v("alert"),
		Phones:    j.phones("service_id", id),
		Schedules: j.schedules("service_id", id),
		Languages: j.languages("service_id", id),
	}
	if orgID := cleanLine(string(v("organization_id"))); orgID != "" {
		if rows := j.rows("organizations", "id", orgID); len(rows) > 0 {
			s.Organization = j.organization(rows[0], orgID)
		} else if j.t["organizations"] != nil {
			c.warn(place.File, place.Line, "organization %s is not in organizations.csv", orgID)
		}
	}
	if rows := j.rows("programs", "id", cleanLine(string(v("program_id")))); len(rows) > 0 {
		s.Program = &hsdsProgram{Name: j.val("programs", rows[0], "name")}
	}
	for _, sal := range j.rows("service_at_location", "service_id", id) {
		salID := cleanLine(string(j.val("service_at_location", sal, "id")))
		locID := cleanLine(string(j.val("service_at_location", sal, "location_id")))
		at := hsdsServiceAtLocation{Phones: j.phones("service_at_location_id", salID), Schedules: j.schedules("service_at_location_id", salID)}
		if rows := j.rows("locations", "id", locID); len(rows) > 0 {
			at.Location = j.location(rows[0], locID)
		} else if j.t["locations"] != nil {
			c.warn(place.File, place.Line, "location %s is not in locations.csv", locID)
		}
		s.ServiceAtLocations = append(s.ServiceAtLocations, at)
	}
	for _, a := range j.rows("attributes", "link_id", id) {
		termID := cleanLine(string(j.val("attributes", a, "taxonomy_term_id")))
		if rows := j.rows("taxonomy_terms", "id", termID); len(rows) > 0 {
			s.Attributes = append(s.Attributes, hsdsAttribute{TaxonomyTerm: &hsdsTerm{
				Code: j.val("taxonomy_terms", rows[0], "code"), Name: j.val("taxonomy_terms", rows[0], "name")}})
		}
	}
	return s
}

func (j *joiner) organization(row tableRow, id string) *hsdsOrganization {
	o := &hsdsOrganization{ID: text(id), Name: j.val("organizations", row, "name"),
		Description: j.val("organizations", row, "description"), Email: j.val("organizations", row, "email"),
		Website: j.val("organizations", row, "website"), Phones: j.phones("organization_id", id)}
	for _, l := range j.rows("locations", "organization_id", id) {
		o.Locations = append(o.Locations, *j.location(l, cleanLine(string(j.val("locations", l, "id")))))
	}
	return o
}

func (j *joiner) location(row tableRow, id string) *hsdsLocation {
	l := &hsdsLocation{ID: text(id), LocationType: j.val("locations", row, "location_type"),
		Name: j.val("locations", row, "name"), Phones: j.phones("location_id", id),
		Schedules: j.schedules("location_id", id), Languages: j.languages("location_id", id)}
	for _, a := range j.rows("addresses", "location_id", id) {
		v := func(col string) text { return j.val("addresses", a, col) }
		l.Addresses = append(l.Addresses, hsdsAddress{Address1: v("address_1"), Address2: v("address_2"), City: v("city"),
			StateProvince: v("state_province"), PostalCode: v("postal_code"), Country: v("country"), AddressType: v("address_type")})
	}
	return l
}

func (j *joiner) phones(col, id string) []hsdsPhone {
	var out []hsdsPhone
	for _, r := range j.rows("phones", col, id) {
		out = append(out, hsdsPhone{Number: j.val("phones", r, "number"), Extension: j.val("phones", r, "extension"),
			Languages: j.languages("phone_id", cleanLine(string(j.val("phones", r, "id"))))})
	}
	return out
}

func (j *joiner) schedules(col, id string) []hsdsSchedule {
	var out []hsdsSchedule
	for _, r := range j.rows("schedules", col, id) {
		v := func(c string) text { return j.val("schedules", r, c) }
		out = append(out, hsdsSchedule{Description: v("description"), ByDay: v("byday"), OpensAt: v("opens_at"), ClosesAt: v("closes_at")})
	}
	return out
}

func (j *joiner) languages(col, id string) []hsdsLanguage {
	var out []hsdsLanguage
	for _, r := range j.rows("languages", col, id) {
		out = append(out, hsdsLanguage{Name: j.val("languages", r, "name"), Code: j.val("languages", r, "code")})
	}
	return out
}

// maxFileSize bounds what an import reads into memory: a directory of
// community resources is a few megabytes at most.
const maxFileSize = 64 << 20

// readFile reads a whole file, refusing one too big to be a directory.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read %s: not a regular file", path)
	}
	if info.Size() > maxFileSize {
		return nil, fmt.Errorf("read %s: too big for a resource directory (%d MB; at most %d MB)", path, info.Size()>>20, maxFileSize>>20)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}
