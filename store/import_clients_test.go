package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
)

const importHeader = "name,case number,date of birth,phone,supervision type,level,status\n"

func readCSV(t *testing.T, body string) model.ClientImport {
	t.Helper()
	imp, err := model.ReadClientsCSV(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func TestImportTwiceAddsNothing(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	imp := readCSV(t, importHeader+"Ann Ames,C-1,1/2/1980,555-0100,probation,low,active\nBob Bell,C-2,,,parole,high,\n")
	first, err := s.ImportClients(ctx, imp, false)
	if err != nil || !first.Written || len(first.Added) != 2 {
		t.Fatalf("want 2 added, got %+v, %v", first, err)
	}
	second, err := s.ImportClients(ctx, imp, false)
	if err != nil || len(second.Added) != 0 || len(second.Updated) != 0 || len(second.Unchanged) != 2 {
		t.Fatalf("want both unchanged the second time, got %+v, %v", second, err)
	}
	if n, _ := s.ClientCount(ctx); n != 2 {
		t.Fatalf("want 2 clients, got %d", n)
	}
}

func TestImportUpdatesBySameCaseNumberAndKeepsOtherFields(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	c := newClient("c-9")
	c.Address = "1 Main St"
	saved, err := s.CreateClient(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.ImportClients(ctx, readCSV(t, importHeader+"Cy Cole,C-9,,555-0199,probation,intensive,active\n"), false)
	if err != nil || len(rep.Updated) != 1 {
		t.Fatalf("want one update by case number (any case), got %+v, %v", rep, err)
	}
	got, sum, err := s.Client(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Cy Cole" || got.Phone != "555-0199" || got.Level != model.LevelIntensive || got.Address != "1 Main St" {
		t.Fatalf("want the file's fields updated and the address kept, got %+v", got)
	}
	if !sum.HasDue {
		t.Fatal("the summary of an updated active client should have a due date")
	}
}

func TestImportWithARejectedLineWritesNothing(t *testing.T) {
	ctx := context.Background()
	cases := map[string]struct{ body, words string }{
		"a date of birth in the future": {importHeader + "Ann Ames,D-1,,,probation,low,\nBob Bell,D-2,1/1/2999,,probation,low,\n", "must be in the past"},
		"a case number twice":           {importHeader + "Ann Ames,D-1,,,probation,low,\nBob Bell,d-1,,,probation,low,\n", "also on line 2"},
		"a line the reader refused":     {importHeader + "Ann Ames,D-1,,,probation,low,\nBob Bell,D-2,,,probation,extreme,\n", `"extreme" is not a level`},
		"a missing name":                {importHeader + "Ann Ames,D-1,,,probation,low,\n,D-2,,,probation,low,\n", "name: required"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
			rep, err := s.ImportClients(ctx, readCSV(t, c.body), false)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Written || len(rep.Rejected) != 1 || rep.Rejected[0].Line != 3 || !strings.Contains(rep.Rejected[0].Reason, c.words) {
				t.Fatalf("want line 3 rejected for %q and nothing written, got %+v", c.words, rep)
			}
			if n, _ := s.ClientCount(ctx); n != 0 {
				t.Fatalf("want nothing written, found %d clients", n)
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	rep, err := s.ImportClients(ctx, readCSV(t, importHeader+"Ann Ames,E-1,,,probation,low,\n"), true)
	if err != nil || rep.Written || len(rep.Added) != 1 {
		t.Fatalf("want one would-be addition, got %+v, %v", rep, err)
	}
	if n, _ := s.ClientCount(ctx); n != 0 {
		t.Fatalf("a dry run wrote %d clients", n)
	}
}
