package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
)

func TestReadHSDSJSONOfAnotherShapeIsAnErrorNamingThePlace(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"a client record", `{"id": "1", "name": "Jo", "case_number": "A1"}`, []string{"x.json:1", "not HSDS JSON", "case_number"}},
		{"an empty object", `{}`, []string{"x.json:1", "no fields"}},
		{"a number", `42`, []string{"x.json:1", "single value"}},
		{"a list of locations", "[\n {\"id\": \"l1\", \"name\": \"Civic\", \"location_type\": \"physical\"}\n]", []string{"x.json:2", "not services"}},
		{"broken JSON", "{\n\"id\": \"1\",\n\"name\": }", []string{"x.json:3", "not valid JSON"}},
		{"two documents", "{\"id\": \"1\", \"name\": \"a\", \"status\": \"active\"}\n{}", []string{"x.json:2", "more follows"}},
		{"nothing", "  ", []string{"x.json", "not valid JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadHSDSJSON("x.json", []byte(tt.data))
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestReadHSDSJSONSkipsBadServicesOfAListByLine(t *testing.T) {
	data := "[\n" +
		"  {\"id\": \"s1\", \"name\": \"Harbor Detox\", \"status\": \"active\"},\n" +
		"  {\"id\": \"s2\", \"name\": \"Bad phones\", \"status\": \"active\", \"phones\": \"555\"},\n" +
		"  {\"just\": \"junk\"},\n" +
		"  {\"id\": \"s4\", \"name\": \"  \", \"alternate_name\": \"\", \"status\": \"active\"},\n" +
		"  {\"id\": \"s5\", \"name\": \"Old Clinic\", \"status\": \"defunct\"},\n" +
		"  {\"id\": \"s6\", \"name\": \"Winter Shelter\", \"status\": \"temporarily closed\"}\n" +
		"]"
	got, err := ReadHSDSJSON("list.json", []byte("\ufeff"+data))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Resources) != 2 || got.Resources[0].Resource.Category != model.CategoryResidential ||
		got.Resources[1].Resource.Notes != "Status: temporarily closed" {
		t.Fatalf("resources %+v; want Harbor Detox as residential, and the shelter closed for now", got.Resources)
	}
	want := []string{"list.json:3: service 2: field phones", "list.json:4: item 3 is not an HSDS service",
		"list.json:5: service s4 has no name", `list.json:6: service "Old Clinic" is defunct`}
	if len(got.Skipped) != len(want) {
		t.Fatalf("skipped %v; want %d", got.Skipped, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(got.Skipped[i].String(), w) {
			t.Errorf("skipped[%d] = %q; want it to start %q", i, got.Skipped[i], w)
		}
	}
}

func TestReadHSDSJSONOrganizationLendsItsDetailsToItsServices(t *testing.T) {
	data := `{"id": "o1", "name": "Legal Aid Society", "email": "help@legalaid.example", "website": "https://legalaid.example",
	  "phones": [{"number": "555-0199"}],
	  "locations": [{"id": "l1", "addresses": [{"address_1": "9 Court St", "city": "Springfield", "address_type": "physical"}]}],
	  "services": [{"id": "s1", "name": "Record clearing clinic", "status": "active",
	     "attributes": [{"taxonomy_term": {"name": "Expungement"}}]}]}`
	got, err := ReadHSDSJSON("org.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	r := got.Resources[0].Resource
	if r.Phone != "555-0199" || r.Email != "help@legalaid.example" || r.Address != "9 Court St, Springfield" ||
		r.Category != model.CategoryLegal || strings.Join(r.Tags, ",") != "Expungement" ||
		!strings.Contains(r.Description, "Provided by Legal Aid Society.") {
		t.Errorf("resource %+v does not carry the organization's details", r)
	}
}

func TestReadHSDSDirJoinsTheTablesByID(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"datapackage.json":        `{"resources": [{"name": "services", "path": "svc.csv"}, {"name": "phones", "path": "../outside.csv"}]}`,
		"svc.csv":                 "id,organization_id,name,description,status\ns1,o1,Night shelter,\"Beds, meals\",active\ns2,o9,Food bank,,active\n",
		"organizations.csv":       "id,name\no1,City Mission\n",
		"service_at_location.csv": "id,service_id,location_id\nsal1,s1,l1\n",
		"locations.csv":           "id,name\nl1,Mission Hall\n",
		"addresses.csv":           "id,location_id,address_1,city,state_province,postal_code\na1,l1,1 Main St,Springfield,IL,62701\n",
		"phones.csv":              "id,location_id,number\np1,l1,555-0142\n",
		"languages.csv":           "id,service_id,name\nla1,s1,Spanish\nla2,s1,English\n",
		"attributes.csv":          "id,link_id,taxonomy_term_id\nat1,s2,t1\n",
		"taxonomy_terms.csv":      "id,name\nt1,Emergency Food\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ReadHSDSDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Resources) != 2 {
		t.Fatalf("got %d resources (skipped %v)", len(got.Resources), got.Skipped)
	}
	s1, s2 := got.Resources[0].Resource, got.Resources[1].Resource
	if s1.Category != model.CategoryHousing || s1.Address != "1 Main St, Springfield, IL 62701" || s1.Phone != "555-0142" ||
		s1.Languages != "Spanish, English" || !strings.Contains(s1.Description, "City Mission") {
		t.Errorf("s1 = %+v", s1)
	}
	if strings.Join(s2.Tags, ",") != "Emergency Food" || got.Resources[1].Place != (model.SourcePlace{File: filepath.Join(dir, "svc.csv"), Line: 3}) {
		t.Errorf("s2 = %+v at %v", s2, got.Resources[1].Place)
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].Reason, "organization o9") {
		t.Errorf("warnings = %v; want one about the missing organization o9", got.Warnings)
	}
}

func TestReadHSDSDirWithoutServicesIsAnError(t *testing.T) {
	_, err := ReadHSDSDir(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "not an HSDS directory") || !strings.Contains(err.Error(), "services.csv") {
		t.Fatalf("err = %v; want one naming the missing services.csv", err)
	}
}

func TestReadOfAFileThatCannotBeReadIsAnError(t *testing.T) {
	_, err := Read(filepath.Join(t.TempDir(), "missing.csv"))
	if err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Fatalf("err = %v; want one naming the file", err)
	}
}

func TestReadHSDSJSONConvertsLatin1(t *testing.T) {
	data := []byte("{\"id\": \"s1\", \"name\": \"Caf\xe9 Counseling\", \"status\": \"active\"}")
	got, err := ReadHSDSJSON("latin1.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Resources) != 1 || got.Resources[0].Resource.Name != "Café Counseling" {
		t.Fatalf("resources %+v; want the name converted to Café", got.Resources)
	}
	if len(got.Warnings) != 1 || got.Warnings[0].Place.File != "latin1.json" {
		t.Errorf("warnings %v; want one saying the file was converted", got.Warnings)
	}
}
