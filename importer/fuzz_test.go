package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"caseload/model"
)

// checkImport asserts what must hold for any input a reader accepts: the
// same input reads the same way twice, every resource has a clean name and a
// known category and comes from the file on a real line, and every problem
// names the file.
func checkImport(t *testing.T, file string, read func() (model.ResourceImport, error)) {
	got, err := read()
	again, err2 := read()
	if (err == nil) != (err2 == nil) || !reflect.DeepEqual(got, again) {
		t.Fatalf("two reads of the same input differ: %v / %v", err, err2)
	}
	if err != nil {
		if !strings.HasPrefix(err.Error(), file) {
			t.Fatalf("error %q does not start with the file name", err)
		}
		if len(got.Resources) != 0 {
			t.Fatalf("an error with %d resources", len(got.Resources))
		}
		return
	}
	for _, r := range got.Resources {
		res := r.Resource
		if strings.TrimSpace(res.Name) == "" || res.Name != strings.TrimSpace(res.Name) {
			t.Errorf("%s: name %q is empty or untrimmed", r.Place, res.Name)
		}
		if !res.Category.Valid() {
			t.Errorf("%s: category %q", r.Place, res.Category)
		}
		for _, s := range []string{res.Name, res.Phone, res.Email, res.Address, res.Hours, res.Languages, res.Description, res.Notes} {
			if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0 {
				t.Errorf("%s: control character kept in %q", r.Place, s)
			}
		}
		if r.Place.File != file || r.Place.Line < 1 {
			t.Errorf("resource from %v; want a line of %s", r.Place, file)
		}
	}
	for _, p := range append(got.Skipped, got.Warnings...) {
		if p.Place.File != file || p.Reason == "" {
			t.Errorf("problem %v does not name %s and a reason", p, file)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("name,category,phone\nHarbor,substance use,555\n"))
	f.Add([]byte("\xef\xbb\xbfName,Category\r\nCaf\xe9,Housing\r\n"))
	f.Add([]byte("name,category\n\"a,b\",\"x\"\"y\"\nragged\n\"open"))
	f.Add([]byte("name,category,name\n,,\n\x1b[2J,legal,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkImport(t, "f.csv", func() (model.ResourceImport, error) { return ReadCSV("f.csv", data) })
	})
}

func FuzzReadHSDSJSON(f *testing.F) {
	for _, name := range []string{"service_full.json", "service_list.json", "organization_full.json"} {
		data, err := os.ReadFile(filepath.Join(sharedSamples(f), name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`[{"id": 1, "name": "x", "status": null, "phones": [{"number": 5, "extension": true}]}]`))
	f.Add([]byte(`{"contents": [{"id": "a", "name": "b", "status": "c", "attributes": [{"taxonomy_term": {"name": []}}]}]}`))
	f.Add([]byte(`{"id": "o", "name": "org", "services": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkImport(t, "f.json", func() (model.ResourceImport, error) { return ReadHSDSJSON("f.json", data) })
	})
}
