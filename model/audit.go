package model

import "time"

// AuditEntry is one line of the audit log: something written or exported,
// when, and which record, never its content.
type AuditEntry struct {
	Seq      int64
	At       time.Time
	Entity   string // client, checkin, stage_note, resource, referral, referral_event, amendment, settings, export
	EntityID string
	Action   string // create, update, delete, set, export
	Export   ExportTrace
}

// ExportTrace says where an export went; empty for other entries.
type ExportTrace struct {
	Format      string
	Destination string
	Records     int
	Redacted    bool
	Recipient   string // who a consent-limited summary was for; "" for the officer's own
}

// AuditQuery asks for a page of the audit log.
type AuditQuery struct {
	Since    time.Time // entries at or after; zero for all
	AfterSeq int64     // entries after this one, for the next page
	Limit    int       // 0 for all
}

var auditEntities = map[string]string{
	"client": "client", "checkin": "check-in", "stage_note": "stage note", "resource": "resource",
	"referral": "referral", "referral_event": "referral change", "amendment": "amendment",
	"settings": "setting", "export": "export",
}

// EntityLabel is the officer's word for the kind of record.
func (e AuditEntry) EntityLabel() string {
	if l, ok := auditEntities[e.Entity]; ok {
		return l
	}
	return e.Entity
}
