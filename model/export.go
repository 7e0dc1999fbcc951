package model

import (
	"encoding/hex"
	"time"
)

// Export records one summary that left the laptop, so that the officer can
// see what went where and the next summary can start where this one ended.
type Export struct {
	ID          string
	At          time.Time // when it was written
	From, To    time.Time // the range it covered
	ClientID    string    // the one client it covered; "" for the caseload
	Format      string
	Redacted    bool
	Records     int
	Destination string // a file path, "stdout" or "clipboard"
	SHA256      string // of the exact bytes written, in hex
	Recipient   string // who a consent-limited summary was made for; "" for the officer's own
}

// Validate checks the export record.
func (e Export) Validate() error {
	var p problems
	if e.From.IsZero() || e.To.IsZero() || !e.From.Before(e.To) {
		p.add("range", "the range must start before it ends")
	}
	checkText(&p, "format", e.Format, true, 16)
	checkText(&p, "destination", e.Destination, true, 4096)
	checkText(&p, "recipient", e.Recipient, false, 500)
	if b, err := hex.DecodeString(e.SHA256); err != nil || len(b) != 32 {
		p.add("sha256", "not a SHA-256 digest in hex")
	}
	if e.Records < 0 {
		p.add("records", "cannot be negative")
	}
	return p.err()
}
