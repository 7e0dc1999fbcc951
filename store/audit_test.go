package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"caseload/model"
)

func TestAuditLogListsEveryWriteAndExportInPages(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, filepath.Join(t.TempDir(), "caseload.db"))
	start := time.Now().Add(-time.Second)
	var ids []string
	for _, cn := range []string{"F-1", "F-2", "F-3"} {
		c, err := s.CreateClient(ctx, newClient(cn))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO exports (id, at, range_from, range_to, format, redacted, records, destination, sha256)
		VALUES ('x1', '2026-03-10T14:30:00.000Z', '', '', 'markdown', 1, 4, '/media/usb/summary.md', 'abc')`); err != nil {
		t.Fatal(err)
	}
	var all []model.AuditEntry
	q := model.AuditQuery{Since: start, Limit: 2}
	for {
		page, err := s.AuditLog(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < q.Limit {
			break
		}
		q.AfterSeq = page[len(page)-1].Seq
	}
	var clients []string
	var export *model.AuditEntry
	for i, e := range all {
		switch {
		case e.Entity == "client" && e.Action == "create":
			clients = append(clients, e.EntityID)
		case e.Entity == "export":
			export = &all[i]
		}
	}
	if len(clients) != 3 || clients[0] != ids[0] || clients[2] != ids[2] {
		t.Fatalf("want the three clients' creation in order, got %v", clients)
	}
	if export == nil || export.Action != "export" || export.Export.Destination != "/media/usb/summary.md" || !export.Export.Redacted {
		t.Fatalf("want the export with its destination, got %+v", export)
	}
	later, err := s.AuditLog(ctx, model.AuditQuery{Since: time.Now().Add(time.Hour)})
	if err != nil || len(later) != 0 {
		t.Fatalf("want nothing after an hour from now, got %d, %v", len(later), err)
	}
}
