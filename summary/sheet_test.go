package summary

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// TestDocumentInPartsIsTheWholeSummary checks the summary made a few
// clients at a time (what the export command writes) against the summary
// made whole, byte for byte, in every format: a month of a demo caseload,
// redacted or not, the fixture's day (its notice, its corrected check-in),
// and a range with nothing in it.
func TestDocumentInPartsIsTheWholeSummary(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 20, 0, 0, 0, 0, zone)
	if _, err := demo.Fill(ctx, st, demo.Options{Clients: 40, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	cases := []struct {
		name     string
		st       *store.Store
		from, to time.Time
		redact   bool
		clients  int // at least
	}{
		{"a month", st, now.AddDate(0, -1, 0), now, false, 20},
		{"a month, redacted", st, now.AddDate(0, -1, 0), now, true, 20},
		{"the fixture's day", f.st, fixtureFrom, fixtureTo, false, 2},
		{"nothing in the range", st, now.AddDate(-5, 0, 0), now.AddDate(-5, 0, 1), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := Request{From: c.from, To: c.to, Redact: c.redact, Now: now}
			read := func() model.SummaryRecords {
				rec, err := c.st.SummaryRecords(ctx, Query(req))
				if err != nil {
					t.Fatal(err)
				}
				return rec
			}
			whole := model.BuildSummary(read(), options(req))
			if len(whole.Clients) < c.clients {
				t.Fatalf("the summary has %d clients, want at least %d", len(whole.Clients), c.clients)
			}
			for _, opt := range Formats() {
				want, err := Render(whole, opt.Value)
				if err != nil {
					t.Fatal(err)
				}
				for _, size := range []int{1, 3, 7, partSize} {
					d, err := inParts(read(), options(req), opt.Value, size)
					if err != nil {
						t.Fatal(err)
					}
					var out bytes.Buffer
					if _, err := d.WriteTo(&out); err != nil {
						t.Fatal(err)
					}
					if got := out.Bytes(); !bytes.Equal(got, want) {
						t.Fatalf("%s, %d clients a part: %s", opt.Value, size, firstDifference(string(want), string(got)))
					}
					if d.Len() != len(want) || d.Records() != whole.Records() || d.Clients() != len(whole.Clients) {
						t.Errorf("%s, %d clients a part: %d bytes, %d records, %d clients; want %d, %d, %d", opt.Value, size,
							d.Len(), d.Records(), d.Clients(), len(want), whole.Records(), len(whole.Clients))
					}
				}
			}
		})
	}
}
