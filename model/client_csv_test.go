package model

import (
	"strings"
	"testing"
)

func TestParseCommonDateReadsUSAndISOForms(t *testing.T) {
	want := Date{2006, 1, 2}
	for _, in := range []string{"2006-01-02", "1/2/2006", "01/02/2006", " 1/02/2006 ", "2006/1/2"} {
		got, err := ParseCommonDate(in)
		if err != nil || got != want {
			t.Errorf("ParseCommonDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1/2/06", "13/2/2006", "2/30/2006", "2006-13-01", "yesterday", "2006-01-02T10:00"} {
		if _, err := ParseCommonDate(in); err == nil {
			t.Errorf("ParseCommonDate(%q) should fail", in)
		}
	}
	if d, err := ParseCommonDate(""); err != nil || !d.IsZero() {
		t.Errorf("an empty date should be the zero date, got %v, %v", d, err)
	}
}

func TestReadClientsCSVMatchesColumnsLoosely(t *testing.T) {
	in := "\ufeffFull Name,Case_No,DOB,Supervision Type,Supervision-Level,STATUS,Tags,Start Date,Preferred\n" +
		"Jane Doe,A-1,01/31/1990,Probation,High,In custody,\"dv, sud\",2025-06-01,Janie\n"
	imp, err := ReadClientsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Rejected) != 0 || len(imp.Lines) != 1 {
		t.Fatalf("want one client read, got %+v", imp)
	}
	c := imp.Lines[0].Client
	if imp.Lines[0].Line != 2 || c.Name != "Jane Doe" || c.CaseNumber != "A-1" || c.DateOfBirth != (Date{1990, 1, 31}) ||
		c.SupervisionType != SupervisionProbation || c.Level != LevelHigh || c.Status != StatusInCustody ||
		strings.Join(c.Tags, "|") != "dv|sud" || c.SupervisionFrom != (Date{2025, 6, 1}) || c.PreferredName != "Janie" {
		t.Fatalf("read wrongly: %+v", imp.Lines[0])
	}
}

func TestReadClientsCSVRejectsBadLinesWithTheirNumbers(t *testing.T) {
	in := "name,case number,date of birth,supervision type,level,status\n" +
		"Ann Ames,B-1,1/1/1980,parole,low,\n" +
		"Bob Bell,B-2,31/12/1980,parole,low,active\n" +
		"Cy Cole,B-3,,parol,lo,gone\n" +
		"\n" +
		"Di Dunn,B-4,,parole\n"
	imp, err := ReadClientsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Lines) != 1 || imp.Lines[0].Client.Status != StatusActive {
		t.Fatalf("want Ann read, active by default; got %+v", imp.Lines)
	}
	want := []struct {
		line  int
		words string
	}{{3, "date of birth: \"31/12/1980\" is not a date"}, {4, "supervision type: \"parol\""}, {4, "level: \"lo\""},
		{4, "status: \"gone\""}, {6, "has 4 values, the header has 6 columns"}}
	reasons := map[int]string{}
	for _, r := range imp.Rejected {
		reasons[r.Line] = r.Reason
	}
	for _, w := range want {
		if !strings.Contains(reasons[w.line], w.words) {
			t.Errorf("line %d: want a reason holding %q, got %q", w.line, w.words, reasons[w.line])
		}
	}
}

func TestReadClientsCSVRefusesAFileItCannotUse(t *testing.T) {
	cases := map[string]string{
		"":                               "empty",
		"name,case number,phoen\n":       `unknown column "phoen"`,
		"name,phone\n":                   "needs at least a name and a case number",
		"name,case number,name\n":        "appears twice",
		"name,case number\n\"Ann,B-1\nx": "read the file",
	}
	for in, words := range cases {
		if _, err := ReadClientsCSV(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("ReadClientsCSV(%q): want an error holding %q, got %v", in, words, err)
		}
	}
}

func TestMergeTakesOnlyTheFileColumns(t *testing.T) {
	old := Client{Name: "Ann", CaseNumber: "B-1", Phone: "555-0100", Level: LevelLow, Status: StatusActive}
	in := Client{Name: "Ann Ames", CaseNumber: "B-1", Level: LevelHigh}
	got := old.Merge(in, []string{FieldName, FieldCaseNumber, FieldLevel})
	if got.Name != "Ann Ames" || got.Level != LevelHigh || got.Phone != "555-0100" || got.Status != StatusActive {
		t.Fatalf("merge went wrong: %+v", got)
	}
}
