package importer

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// sharedSamples is the folder of Open Referral samples in the repository's
// testdata. A missing folder fails the tests rather than skipping them.
func sharedSamples(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "hsds")
	if _, err := os.Stat(filepath.Join(dir, "csv", "services.csv")); err != nil {
		t.Fatalf("the HSDS samples must be at %s: %v", dir, err)
	}
	return dir
}

// servicesIn counts the services a sample holds, read independently of the
// importer: data rows of services.csv, or the services of a JSON document.
func servicesIn(t *testing.T, path string) int {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		f, err := os.Open(filepath.Join(path, "services.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return len(recs) - 1
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, key := range []string{"contents", "services"} {
		if raw, ok := doc[key]; ok {
			var list []json.RawMessage
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatalf("%s: %s: %v", path, key, err)
			}
			return len(list)
		}
	}
	return 1
}

// samplePaths lists every sample: the CSV directory and each JSON file.
func samplePaths(t *testing.T) []string {
	dir := sharedSamples(t)
	paths := []string{filepath.Join(dir, "csv")}
	jsons, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(jsons) == 0 {
		t.Fatalf("no JSON samples in %s: %v", dir, err)
	}
	return append(paths, jsons...)
}

func TestReadsEverySharedSampleWithTheFilesCounts(t *testing.T) {
	for _, path := range samplePaths(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got, err := Read(path)
			if err != nil {
				t.Fatalf("Read(%s): %v", path, err)
			}
			if want := servicesIn(t, path); len(got.Resources) != want {
				t.Fatalf("Read(%s) gave %d resources; the file holds %d services (skipped: %v)", path, len(got.Resources), want, got.Skipped)
			}
			if len(got.Skipped) != 0 {
				t.Errorf("skipped %v; want none", got.Skipped)
			}
			for _, r := range got.Resources {
				res := r.Resource
				if res.HSDSID == "" || res.Name == "" || !res.Category.Valid() {
					t.Errorf("%s: want an HSDS id, a name and a category, got %+v", r.Place, res)
				}
				if err := res.Validate(); err != nil {
					t.Errorf("%s: %v", r.Place, err)
				}
				if r.Place.File == "" || r.Place.Line < 1 {
					t.Errorf("resource without a place: %+v", r.Place)
				}
			}
		})
	}
}

func TestSampleServiceMapsOntoTheResourceFields(t *testing.T) {
	dir := sharedSamples(t)
	got, err := Read(filepath.Join(dir, "service_full.json"))
	if err != nil {
		t.Fatal(err)
	}
	r := got.Resources[0].Resource
	want := map[string][2]string{
		"hsds id":   {r.HSDSID, "ac148810-d857-441c-9679-408f346de14b"},
		"name":      {r.Name, "Community Counselling"},
		"category":  {string(r.Category), "mental_health"},
		"phone":     {r.Phone, "+44 1234 234567 ext. 100"},
		"email":     {r.Email, "email@example.com"},
		"address":   {r.Address, "1-30 Main Street, MyVillage, MyCity, MyState ABC 1234, US"},
		"languages": {r.Languages, "Urdu"},
		"hours":     {r.Hours, "The service is available from 10 am to 6pm weekdays. The service is not available on public holidays."},
	}
	for field, gw := range want {
		if gw[0] != gw[1] {
			t.Errorf("%s = %q; want %q", field, gw[0], gw[1])
		}
	}
	if len(r.Tags) != 1 || r.Tags[0] != "name" {
		t.Errorf("tags = %q; want the sample's one taxonomy term %q", r.Tags, "name")
	}
}
