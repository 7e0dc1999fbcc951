package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
)

// The part of Open Referral HSDS 3.0 a resource is made from. The JSON form
// nests these; the CSV form has one table each, joined by id (hsds_dir.go).
type (
	hsdsService struct {
		ID                     text                    `json:"id"`
		Name                   text                    `json:"name"`
		AlternateName          text                    `json:"alternate_name"`
		Description            text                    `json:"description"`
		URL                    text                    `json:"url"`
		Email                  text                    `json:"email"`
		Status                 text                    `json:"status"`
		InterpretationServices text                    `json:"interpretation_services"`
		ApplicationProcess     text                    `json:"application_process"`
		FeesDescription        text                    `json:"fees_description"`
		EligibilityDescription text                    `json:"eligibility_description"`
		MinimumAge             text                    `json:"minimum_age"`
		MaximumAge             text                    `json:"maximum_age"`
		Alert                  text                    `json:"alert"`
		Phones                 []hsdsPhone             `json:"phones"`
		Schedules              []hsdsSchedule          `json:"schedules"`
		Languages              []hsdsLanguage          `json:"languages"`
		ServiceAtLocations     []hsdsServiceAtLocation `json:"service_at_locations"`
		Organization           *hsdsOrganization       `json:"organization"`
		Program                *hsdsProgram            `json:"program"`
		Attributes             []hsdsAttribute         `json:"attributes"`
	}
	hsdsOrganization struct {
		ID          text           `json:"id"`
		Name        text           `json:"name"`
		Description text           `json:"description"`
		Email       text           `json:"email"`
		Website     text           `json:"website"`
		Phones      []hsdsPhone    `json:"phones"`
		Locations   []hsdsLocation `json:"locations"`
	}
	hsdsProgram struct {
		Name text `json:"name"`
	}
	hsdsServiceAtLocation struct {
		Phones    []hsdsPhone    `json:"phones"`
		Schedules []hsdsSchedule `json:"schedules"`
		Location  *hsdsLocation  `json:"location"`
	}
	hsdsLocation struct {
		ID           text           `json:"id"`
		LocationType text           `json:"location_type"`
		Name         text           `json:"name"`
		Addresses    []hsdsAddress  `json:"addresses"`
		Phones       []hsdsPhone    `json:"phones"`
		Schedules    []hsdsSchedule `json:"schedules"`
		Languages    []hsdsLanguage `json:"languages"`
	}
	hsdsAddress struct {
		Address1      text `json:"address_1"`
		Address2      text `json:"address_2"`
		City          text `json:"city"`
		StateProvince text `json:"state_province"`
		PostalCode    text `json:"postal_code"`
		Country       text `json:"country"`
		AddressType   text `json:"address_type"`
	}
	hsdsPhone struct {
		Number    text           `json:"number"`
		Extension text           `json:"extension"`
		Languages []hsdsLanguage `json:"languages"`
	}
	hsdsLanguage struct {
		Name text `json:"name"`
		Code text `json:"code"`
	}
	hsdsSchedule struct {
		Description text `json:"description"`
		ByDay       text `json:"byday"`
		OpensAt     text `json:"opens_at"`
		ClosesAt    text `json:"closes_at"`
	}
	hsdsAttribute struct {
		TaxonomyTerm *hsdsTerm `json:"taxonomy_term"`
	}
	hsdsTerm struct {
		Code text `json:"code"`
		Name text `json:"name"`
	}
)

// text is an HSDS value meant as text that may arrive as a number or a
// boolean ("extension": 100, "minimum_age": 12) or null.
type text string

// UnmarshalJSON accepts a string, a number, a boolean or null.
func (t *text) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0:
		return errors.New("empty value")
	case string(b) == "null":
		*t = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case b[0] == '{' || b[0] == '[':
		return fmt.Errorf("expected text, found %s", map[byte]string{'{': "an object", '[': "a list"}[b[0]])
	default:
		*t = text(b)
	}
	return nil
}

// resource turns one HSDS service into a resource. org is the organization
// the service belongs to when it is not nested in the service itself (an
// organization document lists its services without repeating itself).
func (s hsdsService) resource(org *hsdsOrganization, place model.SourcePlace, c *collector) (model.Resource, bool) {
	if s.Organization != nil {
		org = s.Organization
	}
	name := cleanLine(string(s.Name))
	if name == "" {
		name = cleanLine(string(s.AlternateName))
	}
	if name == "" {
		c.skip(place.File, place.Line, "service %s has no name", orUnknown(cleanLine(string(s.ID))))
		return model.Resource{}, false
	}
	// A service the directory marks as closed for good is nobody to refer
	// to; one closed for now is kept, with its status in the notes.
	status := strings.ToLower(cleanLine(string(s.Status)))
	if status == "inactive" || status == "defunct" {
		c.skip(place.File, place.Line, "service %q is %s", name, status)
		return model.Resource{}, false
	}
	locations := s.locations(org)
	var terms []string
	for _, a := range s.Attributes {
		if a.TaxonomyTerm != nil {
			terms = appendUnique(terms, cleanLine(string(a.TaxonomyTerm.Name)))
		}
	}
	program := ""
	if s.Program != nil {
		program = cleanLine(string(s.Program.Name))
	}
	r := model.Resource{
		HSDSID:      cleanLine(string(s.ID)),
		Name:        name,
		Category:    Categorize(strings.Join(terms, "; "), name, program, string(s.Description)),
		Tags:        terms,
		Description: clean(string(s.Description)),
		Email:       cleanLine(string(s.Email)),
		Website:     cleanLine(string(s.URL)),
		Eligibility: eligibility(s),
		Notes:       s.notes(),
	}
	if org != nil {
		if on := cleanLine(string(org.Name)); on != "" && !strings.EqualFold(on, name) {
			r.Description = strings.TrimSpace(r.Description + "\n\nProvided by " + strings.TrimRight(on, ".") + ".")
		}
		if r.Email == "" {
			r.Email = cleanLine(string(org.Email))
		}
		if r.Website == "" {
			r.Website = cleanLine(string(org.Website))
		}
	}
	r.Phone = firstPhone(s, locations, org)
	r.Address = firstAddress(locations)
	r.Hours = hours(s, locations)
	r.Languages = languages(s, locations)
	return dropBadEmail(r, place, c), true
}

// locations are where the service is given: its own, else its
// organization's.
func (s hsdsService) locations(org *hsdsOrganization) []hsdsLocation {
	var out []hsdsLocation
	for _, sal := range s.ServiceAtLocations {
		if sal.Location != nil {
			out = append(out, *sal.Location)
		}
	}
	if len(out) == 0 && org != nil {
		out = org.Locations
	}
	return out
}

func (s hsdsService) notes() string {
	var lines []string
	if st := cleanLine(string(s.Status)); st != "" && !strings.EqualFold(st, "active") {
		lines = append(lines, "Status: "+st)
	}
	add := func(label string, v text) {
		if t := clean(string(v)); t != "" {
			lines = append(lines, label+": "+t)
		}
	}
	add("How to apply", s.ApplicationProcess)
	add("Fees", s.FeesDescription)
	add("Interpretation", s.InterpretationServices)
	add("Alert", s.Alert)
	return strings.Join(lines, "\n")
}

func eligibility(s hsdsService) string {
	e := clean(string(s.EligibilityDescription))
	lo, hi := cleanLine(string(s.MinimumAge)), cleanLine(string(s.MaximumAge))
	var ages string
	switch {
	case lo != "" && hi != "":
		ages = "Ages " + lo + " to " + hi + "."
	case lo != "":
		ages = "Ages " + lo + " and over."
	case hi != "":
		ages = "Up to age " + hi + "."
	}
	if e != "" && ages != "" && !strings.HasSuffix(e, ".") {
		e += "."
	}
	return strings.TrimSpace(e + " " + ages)
}

func firstPhone(s hsdsService, locations []hsdsLocation, org *hsdsOrganization) string {
	lists := [][]hsdsPhone{s.Phones}
	for _, sal := range s.ServiceAtLocations {
		lists = append(lists, sal.Phones)
	}
	for _, l := range locations {
		lists = append(lists, l.Phones)
	}
	if org != nil {
		lists = append(lists, org.Phones)
	}
	for _, list := range lists {
		for _, p := range list {
			// Some directories wrap numbers in quotes to keep a leading +
			// from being read as a formula.
			n := strings.Trim(cleanLine(string(p.Number)), `"' `)
			if n == "" {
				continue
			}
			if ext := cleanLine(string(p.Extension)); ext != "" {
				n += " ext. " + ext
			}
			return n
		}
	}
	return ""
}

// firstAddress writes the first location's address on one line, a physical
// one before a postal one.
func firstAddress(locations []hsdsLocation) string {
	var best *hsdsAddress
	for i := range locations {
		for j := range locations[i].Addresses {
			a := &locations[i].Addresses[j]
			if best == nil || (strings.EqualFold(string(a.AddressType), "physical") && !strings.EqualFold(string(best.AddressType), "physical")) {
				best = a
			}
		}
	}
	if best == nil {
		return ""
	}
	var parts []string
	for _, p := range []text{best.Address1, best.Address2, best.City} {
		if v := cleanLine(string(p)); v != "" {
			parts = append(parts, v)
		}
	}
	if v := strings.TrimSpace(cleanLine(string(best.StateProvince)) + " " + cleanLine(string(best.PostalCode))); v != "" {
		parts = append(parts, v)
	}
	if v := cleanLine(string(best.Country)); v != "" {
		parts = append(parts, v)
	}
	return strings.Join(parts, ", ")
}

func hours(s hsdsService, locations []hsdsLocation) string {
	lists := [][]hsdsSchedule{s.Schedules}
	for _, sal := range s.ServiceAtLocations {
		lists = append(lists, sal.Schedules)
	}
	for _, l := range locations {
		lists = append(lists, l.Schedules)
	}
	for _, list := range lists {
		var out []string
		for _, sc := range list {
			h := cleanLine(string(sc.Description))
			if h == "" {
				h = strings.TrimSpace(cleanLine(string(sc.ByDay)) + " " + span(cleanLine(string(sc.OpensAt)), cleanLine(string(sc.ClosesAt))))
			}
			out = appendUnique(out, h)
		}
		if len(out) > 0 {
			return strings.Join(out, "; ")
		}
	}
	return ""
}

func span(from, to string) string {
	from, to = strings.TrimSuffix(from, ":00"), strings.TrimSuffix(to, ":00")
	if from == "" || to == "" {
		return from + to
	}
	return from + "–" + to
}

func languages(s hsdsService, locations []hsdsLocation) string {
	var names []string
	add := func(list []hsdsLanguage) {
		for _, l := range list {
			n := cleanLine(string(l.Name))
			if n == "" {
				n = cleanLine(string(l.Code))
			}
			names = appendUnique(names, n)
		}
	}
	add(s.Languages)
	for _, p := range s.Phones {
		add(p.Languages)
	}
	for _, l := range locations {
		add(l.Languages)
	}
	return strings.Join(names, ", ")
}

func orUnknown(id string) string {
	if id == "" {
		return "(no id)"
	}
	return id
}
