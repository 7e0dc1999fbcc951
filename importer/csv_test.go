package importer

import (
	"strings"
	"testing"

	"caseload/model"
)

func TestReadCSVMissingRequiredColumnIsAnErrorNamingIt(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"no category", "Name,Phone\nHarbor,555\n", []string{"dir.csv:1", `missing required column "category"`}},
		{"neither", "title,phone\nHarbor,555\n", []string{"dir.csv:1", `columns "name" and "category"`}},
		{"empty file", "", []string{"dir.csv", "empty"}},
		{"only a BOM", "\ufeff", []string{"dir.csv", "empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV("dir.csv", []byte(tt.data))
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

func TestReadCSVSkipsRaggedRowsWithTheirLine(t *testing.T) {
	data := "name,category,phone\n" +
		"Harbor Recovery,substance use,555-0100\n" +
		"Too,few\n" +
		"Way,too,many,fields\n" +
		"\"Broken \"quote\",housing,1\n" +
		",,\n" +
		",housing,555\n" +
		"Open Door,mental health,555-0101\n"
	got, err := ReadCSV("dir.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if names := resourceNames(got); strings.Join(names, "|") != "Harbor Recovery|Open Door" {
		t.Errorf("read %q; want the two good rows", names)
	}
	want := []string{
		"dir.csv:3: ragged row: 2 fields where the header has 3",
		"dir.csv:4: ragged row: 4 fields where the header has 3",
		"dir.csv:5: cannot read the row",
		"dir.csv:6: empty row",
		"dir.csv:7: no name",
	}
	if len(got.Skipped) != len(want) {
		t.Fatalf("skipped %v; want %d rows", got.Skipped, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(got.Skipped[i].String(), w) {
			t.Errorf("skipped[%d] = %q; want it to start %q", i, got.Skipped[i], w)
		}
	}
	if got.Resources[1].Place.Line != 8 {
		t.Errorf("Open Door is on line %d; want 8", got.Resources[1].Place.Line)
	}
}

func TestReadCSVReadsBOMLatin1QuotedCommasAndEmptyColumns(t *testing.T) {
	latin1 := []byte("\xef\xbb\xbfNAME , Category,Address,Hours,Eligibility,Notes,Email,Extra\r\n" +
		"Caf\xe9 Recovery,Peer support,\"12 Main St, Apt 3\",,\"Adults, 18+\",\x93quoted\x94 \x1b[31mred,,ignored\r\n")
	got, err := ReadCSV("dir.csv", latin1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Resources) != 1 {
		t.Fatalf("got %d resources (skipped %v); want 1", len(got.Resources), got.Skipped)
	}
	r := got.Resources[0].Resource
	checks := map[string][2]string{
		"name":        {r.Name, "Café Recovery"},
		"category":    {string(r.Category), string(model.CategoryPeerSupport)},
		"address":     {r.Address, "12 Main St, Apt 3"},
		"hours":       {r.Hours, ""},
		"eligibility": {r.Eligibility, "Adults, 18+"},
		"notes":       {r.Notes, "“quoted” [31mred"},
	}
	for field, gw := range checks {
		if gw[0] != gw[1] {
			t.Errorf("%s = %q; want %q", field, gw[0], gw[1])
		}
	}
	if len(r.Tags) != 0 {
		t.Errorf("tags = %q; a category written as its own name is not a tag", r.Tags)
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].Reason, "Latin-1") {
		t.Errorf("warnings = %v; want one saying the file was read as Latin-1", got.Warnings)
	}
}

func TestReadCSVKeepsCategoryWordsAsTagsAndDropsBadEmail(t *testing.T) {
	data := "name,category,email,tags\nWorkSource,Job training,not-an-email,reentry; Resume help\n"
	got, err := ReadCSV("dir.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	r := got.Resources[0].Resource
	if r.Category != model.CategoryEmployment {
		t.Errorf("category = %s; want employment from %q", r.Category, "Job training")
	}
	if strings.Join(r.Tags, "|") != "Job training|reentry|Resume help" {
		t.Errorf("tags = %q", r.Tags)
	}
	if r.Email != "" || len(got.Warnings) != 1 || got.Warnings[0].Place.Line != 2 {
		t.Errorf("email %q, warnings %v; want the bad address left out with a warning on line 2", r.Email, got.Warnings)
	}
}

func resourceNames(in model.ResourceImport) []string {
	var out []string
	for _, r := range in.Resources {
		out = append(out, r.Resource.Name)
	}
	return out
}
