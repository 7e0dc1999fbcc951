package store_test

import (
	"context"
	"testing"
)

// In a supervisor's file the agenda narrows to one officer: every item is
// of their clients, and the two officers' headings add up to the whole.
func TestTheAgendaOfOneOfficer(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, demoFile(t, 40))
	if _, err := s.DB().ExecContext(ctx, `UPDATE clients SET owner = CASE WHEN rowid % 2 = 0 THEN 'alice' ELSE 'bob' END`); err != nil {
		t.Fatal(err)
	}
	all, err := s.AgendaOf(ctx, testNow, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	rows, err := s.DB().QueryContext(ctx, "SELECT id, owner FROM clients")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, o string
		rows.Scan(&id, &o)
		owner[id] = o
	}
	rows.Close()
	items := 0
	sum := map[string]int{}
	for _, who := range []string{"alice", "bob"} {
		ag, err := s.AgendaOf(ctx, testNow, 0, who)
		if err != nil {
			t.Fatal(err)
		}
		cut, err := s.AgendaOf(ctx, testNow, 2, who)
		if err != nil {
			t.Fatal(err)
		}
		for i, sec := range ag.Sections {
			for _, it := range sec.Items {
				if owner[it.ClientID] != who {
					t.Errorf("%s's %s holds a client of %q", who, sec.Kind, owner[it.ClientID])
				}
			}
			sum[string(sec.Kind)] += sec.Total
			items += len(sec.Items)
			if c := cut.Sections[i]; len(c.Items) > 2 || c.Total != sec.Total {
				t.Errorf("%s's %s cut to 2: %d items, total %d; want at most 2 and %d", who, sec.Kind, len(c.Items), c.Total, sec.Total)
			}
		}
	}
	for _, sec := range all.Sections {
		if sum[string(sec.Kind)] != sec.Total {
			t.Errorf("%s: the officers' totals add to %d, the whole agenda has %d", sec.Kind, sum[string(sec.Kind)], sec.Total)
		}
	}
	if items == 0 {
		t.Fatal("the demo's agenda is empty: nothing was narrowed")
	}
}
