package store_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"caseload/importer"
	"caseload/model"
)

// hsdsSamples lists the Open Referral samples in the repository's testdata
// (the CSV directory and every JSON file). They are the test data: a missing
// folder fails the test rather than skipping it.
func hsdsSamples(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join("..", "testdata", "hsds")
	jsons, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if _, serr := os.Stat(filepath.Join(dir, "csv", "services.csv")); serr != nil || err != nil || len(jsons) == 0 {
		t.Fatalf("the HSDS samples must be at %s: %v", dir, serr)
	}
	return append([]string{filepath.Join(dir, "csv")}, jsons...)
}

// servicesInSample counts a sample's services straight from the file.
func servicesInSample(t *testing.T, path string) int {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		f, err := os.Open(filepath.Join(path, "services.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return len(recs) - 1
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"contents", "services"} {
		if raw, ok := doc[key]; ok {
			var list []json.RawMessage
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatal(err)
			}
			return len(list)
		}
	}
	return 1
}

func importPath(t *testing.T, ctx context.Context, s interface {
	ImportResources(context.Context, model.ResourceImport, bool) (model.ResourceImportReport, error)
}, path string, dryRun bool) model.ResourceImportReport {
	t.Helper()
	in, err := importer.Read(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	rep, err := s.ImportResources(ctx, in, dryRun)
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return rep
}

func TestImportTwiceAddsNothingTheSecondTime(t *testing.T) {
	ctx := context.Background()
	for _, path := range hsdsSamples(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, db := openFrozen(t, time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local))
			want := servicesInSample(t, path)
			first := importPath(t, ctx, s, path, false)
			if first.Added != want || first.Updated != 0 || len(first.Skipped) != 0 {
				t.Fatalf("first import: %+v; want %d added, as the file holds", first, want)
			}
			if n := rowCount(t, db, "resources"); n != want {
				t.Fatalf("%d resources saved; want %d", n, want)
			}
			second := importPath(t, ctx, s, path, false)
			if second.Added != 0 || second.Updated != 0 || second.Unchanged != want {
				t.Errorf("second import: %+v; want 0 added, 0 updated, %d unchanged", second, want)
			}
			if n := rowCount(t, db, "resources"); n != want {
				t.Errorf("%d resources after the second import; want still %d", n, want)
			}
		})
	}
}

func TestImportOfEverySampleIntoOneFileKeepsOneRecordPerService(t *testing.T) {
	ctx := context.Background()
	s, db := openFrozen(t, time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local))
	added := 0
	for _, path := range hsdsSamples(t) {
		added += importPath(t, ctx, s, path, false).Added
	}
	// Every sample describes the same service of the HSDS example data set.
	if added != 1 || rowCount(t, db, "resources") != 1 {
		t.Fatalf("added %d, saved %d; want the one service once", added, rowCount(t, db, "resources"))
	}
	got, err := s.SearchResources(ctx, model.ResourceQuery{Text: "counselling"})
	if err != nil || len(got) != 1 {
		t.Fatalf("search = %v, %v", got, err)
	}
	r := got[0]
	// The CSV directory has the address and phone; the JSON adds the term.
	if r.Address == "" || r.Phone == "" || strings.Join(r.Tags, ",") != "name" || r.Category != model.CategoryMentalHealth {
		t.Errorf("merged resource %+v", r)
	}
}

func TestImportDryRunReportsButWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, db := openFrozen(t, time.Now())
	before := rowCounts(t, db)
	rep := importPath(t, ctx, s, hsdsSamples(t)[0], true)
	if !rep.DryRun || rep.Added != 1 {
		t.Errorf("dry run report %+v; want 1 added, marked as a dry run", rep)
	}
	if got := rowCounts(t, db); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("a dry run wrote rows: %v → %v", before, got)
	}
}

func TestImportUpdatesChangesAndKeepsWhatTheFileLeavesOut(t *testing.T) {
	ctx := context.Background()
	s, db := openFrozen(t, time.Now())
	dir := t.TempDir()
	file := filepath.Join(dir, "dir.csv")
	write := func(body string) {
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("name,category,address,phone\nHarbor Recovery,Substance use,1 Main St,555-0100\nOpen Door,Mental health,2 Elm St,\n")
	if rep := importPath(t, ctx, s, file, false); rep.Added != 2 {
		t.Fatalf("first import %+v", rep)
	}
	got, err := s.SearchResources(ctx, model.ResourceQuery{Text: "open door"})
	if err != nil || len(got) != 1 {
		t.Fatalf("search = %v, %v", got, err)
	}
	mine := got[0]
	mine.Notes, mine.Category = "Ask for Sam at intake.", model.CategoryPeerSupport
	if _, err := s.UpdateResource(ctx, mine); err != nil {
		t.Fatal(err)
	}
	// Open Door in another case is the same resource: its new phone updates
	// it, while the notes the officer added and the category the file cannot
	// name stay. Harbor is as it was.
	write("NAME,CATEGORY,ADDRESS,PHONE\nHarbor Recovery,Substance use,1 Main St,555-0100\nOPEN DOOR,somewhere,2 elm st,555-0199\n")
	rep := importPath(t, ctx, s, file, false)
	if rep.Added != 0 || rep.Updated != 1 || rep.Unchanged != 1 {
		t.Fatalf("re-import %+v; want 1 updated, 1 unchanged", rep)
	}
	after, err := s.Resource(ctx, mine.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Phone != "555-0199" || after.Notes != mine.Notes || after.Category != model.CategoryPeerSupport {
		t.Errorf("after re-import %+v", after)
	}
	if n := rowCount(t, db, "resources"); n != 2 {
		t.Errorf("%d resources; want 2", n)
	}
}

func TestImportSkipsRepeatsAndInvalidRowsWithTheirPlace(t *testing.T) {
	ctx := context.Background()
	s, _ := openFrozen(t, time.Now())
	in := model.ResourceImport{Source: "test", Resources: []model.ImportedResource{
		{Resource: model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse, HSDSID: "h1"}, Place: model.SourcePlace{File: "a.json", Line: 2}},
		{Resource: model.Resource{Name: "Harbor again", Category: model.CategorySubstanceUse, HSDSID: "h1"}, Place: model.SourcePlace{File: "a.json", Line: 9}},
		{Resource: model.Resource{Name: strings.Repeat("x", 400), Category: model.CategoryOther}, Place: model.SourcePlace{File: "a.json", Line: 12}},
	}, Skipped: []model.ImportProblem{{Place: model.SourcePlace{File: "a.json", Line: 20}, Reason: "read error"}}}
	rep, err := s.ImportResources(ctx, in, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Skipped {
		got = append(got, p.String())
	}
	want := "a.json:20: read error|a.json:9: the same resource as a.json:2|a.json:12: not saved: name: too long (at most 300 characters)"
	if rep.Added != 1 || strings.Join(got, "|") != want {
		t.Errorf("report %+v\n skipped %q\n want    %q", rep, strings.Join(got, "|"), want)
	}
}

func TestImportOfBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"missing-column.csv": "name,phone\nHarbor,555\n",
		"other-shape.json":   `{"id": "c1", "name": "Jo Client", "case_number": "A-1"}`,
		"broken.json":        `[{"id": "s1", "name": "x", "status": "active"`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"missing-column.csv", "other-shape.json", "broken.json", "does-not-exist.csv"} {
		t.Run(name, func(t *testing.T) {
			_, db := openFrozen(t, time.Now())
			before := rowCounts(t, db)
			_, err := importer.Read(filepath.Join(dir, name))
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("err = %v; want one naming %s", err, name)
			}
			if got := rowCounts(t, db); fmt.Sprint(got) != fmt.Sprint(before) {
				t.Errorf("rows changed: %v → %v", before, got)
			}
		})
	}
}

// stopAfter is a context that reports itself cancelled from its nth Err call
// on, to stop an import half-way. database/sql calls Err from its own
// goroutines too, hence the atomic count.
type stopAfter struct {
	context.Context
	calls atomic.Int32
	n     int32
}

func (c *stopAfter) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}

func TestImportStoppedHalfWayWritesNothing(t *testing.T) {
	var in model.ResourceImport
	for i := range 5 {
		in.Resources = append(in.Resources, model.ImportedResource{
			Resource: model.Resource{Name: fmt.Sprintf("Program %d", i), Category: model.CategoryOther},
			Place:    model.SourcePlace{File: "dir.csv", Line: i + 2}})
	}
	// Stop at every point in turn: before the first resource, between any
	// two, and never.
	stopped := 0
	for n := 1; n <= 8; n++ {
		s, db := openFrozen(t, time.Now())
		before := rowCounts(t, db)
		ctx := &stopAfter{Context: context.Background(), n: int32(n)}
		rep, err := s.ImportResources(ctx, in, false)
		if err == nil {
			if rep.Added != 5 || rowCount(t, db, "resources") != 5 {
				t.Errorf("stop at check %d: finished with %+v", n, rep)
			}
			continue
		}
		stopped++
		if got := rowCounts(t, db); fmt.Sprint(got) != fmt.Sprint(before) {
			t.Errorf("stop at check %d: rows left behind: %v → %v", n, before, got)
		}
	}
	if stopped < 5 {
		t.Errorf("only %d of 8 runs were stopped; the test no longer stops imports half-way", stopped)
	}
}
