package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"caseload/model"
)

func export(from, to int, client string) model.Export {
	return model.Export{From: at(from, 0), To: at(to, 0), ClientID: client, Format: "md", Records: 3,
		Destination: "/home/officer/summary.md", SHA256: strings.Repeat("ab", 32)}
}

func TestLastExportIsTheLatestOfTheWholeCaseload(t *testing.T) {
	ctx := context.Background()
	st := openSummaryStore(t)
	if _, err := st.LastExport(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty log: err = %v, want ErrNotFound", err)
	}
	ana := addClient(t, st, "Ana", "A-1")
	first := export(1, 2, "")
	first.At = at(2, 9)
	if _, err := st.RecordExport(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := export(2, 3, "")
	second.At = at(3, 9)
	second, err := st.RecordExport(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	oneClient := export(3, 4, ana.ID)
	oneClient.At = at(4, 9)
	if _, err := st.RecordExport(ctx, oneClient); err != nil {
		t.Fatal(err)
	}
	last, err := st.LastExport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last.ID != second.ID || !last.At.Equal(at(3, 9)) || !last.To.Equal(at(3, 0)) {
		t.Errorf("last export = %+v, want the second (a one-client export does not count)", last)
	}
	all, err := st.Exports(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].ClientID != ana.ID || all[2].ID == second.ID {
		t.Errorf("export log = %+v, want all three newest first", all)
	}
	if all[0].Records != 3 || all[0].SHA256 != strings.Repeat("ab", 32) || all[0].Format != "md" {
		t.Errorf("export read back as %+v", all[0])
	}
}

func TestRecordExportRefusesABadRecord(t *testing.T) {
	st := openSummaryStore(t)
	bad := export(3, 2, "")
	if _, err := st.RecordExport(context.Background(), bad); model.FieldErrors(err).For("range") == "" {
		t.Errorf("a range ending before it starts: err = %v", err)
	}
	bad = export(2, 3, "")
	bad.SHA256 = "abc"
	if _, err := st.RecordExport(context.Background(), bad); model.FieldErrors(err).For("sha256") == "" {
		t.Errorf("a short digest: err = %v", err)
	}
}
