package summary

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"caseload/model"
	"caseload/store"
)

// Request says which summary to make; the CLI and the export dialog both fill
// one in.
type Request struct {
	From, To   time.Time // From inclusive, To exclusive
	ClientID   string    // one client, or "" for the caseload
	CaseNumber string    // the client's case number, for the header
	Redact     bool
	Now        time.Time // when the summary is produced
	// For makes the summary for a recipient: only what the clients' active
	// consents allow. Nil for the officer's own record.
	For *store.ShareRecipient
}

// Load reads the records of the range and builds the summary: what the
// dialog previews and what every format is written from.
func Load(ctx context.Context, st *store.Store, req Request) (model.Summary, error) {
	q := Query(req)
	// A person is one client's contact: only that client's records are read.
	if req.For != nil && req.For.ClientID != "" && q.ClientID == "" {
		q.ClientID = req.For.ClientID
	}
	rec, err := st.SummaryRecords(ctx, q)
	if err != nil {
		return model.Summary{}, err
	}
	return Build(ctx, st, rec, req)
}

// Make reads the records of the range and writes the summary in the format:
// what the export command writes. A range that holds few records is read
// and built whole: one pass over the file. A larger one is read and built a
// part at a time (Store.SummaryInParts), each part's sections written as it
// comes, so that a month of a large caseload takes the memory of its
// document, not of its records and the summary as well. A summary for a recipient is built whole, as its
// header depends on every client's consent.
func Make(ctx context.Context, st *store.Store, req Request, f Format) (*Document, error) {
	return makeDocument(ctx, st, req, f, wholeRecords)
}

// wholeRecords is the most records read whole: a few megabytes in memory.
// A day of a 10,000-client caseload holds 1,090; read in parts, it took a
// sort of each read, a merge, and about a fifth longer.
const wholeRecords = 4000

func makeDocument(ctx context.Context, st *store.Store, req Request, f Format, wholeUpTo int) (*Document, error) {
	// One client's records are few.
	atOnce := req.For != nil || req.ClientID != ""
	if !atOnce {
		n, err := st.CountSummaryRecords(ctx, Query(req))
		if err != nil {
			return nil, err
		}
		atOnce = n <= wholeUpTo
	}
	if atOnce {
		s, err := Load(ctx, st, req)
		if err != nil {
			return nil, err
		}
		return whole(s, f)
	}
	read := func(each func(model.SummaryRecords) error) error {
		return st.SummaryInParts(ctx, Query(req), partSize, each)
	}
	return inParts(read, options(req), f)
}

// Query is the read a request needs; plan goals only for a recipient.
func Query(req Request) store.SummaryQuery {
	return store.SummaryQuery{From: req.From, To: req.To, ClientID: req.ClientID, Goals: req.For != nil}
}

// Build makes the summary of a request from records already read for it
// (Query, with Goals for a recipient), so that the dialog makes the
// officer's record and a recipient's from one read of the file.
func Build(ctx context.Context, st *store.Store, rec model.SummaryRecords, req Request) (model.Summary, error) {
	opt := options(req)
	if req.For != nil {
		var err error
		if opt.Share, err = shareScope(ctx, st, *req.For, req.Now); err != nil {
			return model.Summary{}, err
		}
	}
	s := model.BuildSummary(rec, opt)
	if req.For != nil && len(s.Clients) == 0 {
		return s, noConsent(*req.For, req.CaseNumber, opt.Share.Day)
	}
	return s, nil
}

// options are how the summary of a request is made, but for a recipient's
// consents (shareScope).
func options(req Request) model.SummaryOptions {
	return model.SummaryOptions{ProducedAt: req.Now, ClientID: req.ClientID, CaseNumber: req.CaseNumber, Redact: req.Redact}
}

// RecordDocument adds a document that was written to the export log, with
// the SHA-256 of the exact bytes that left (the document's, or its
// encryption's), so that a copy found later can be matched to its entry.
// Call it only once the bytes are safely at their destination (a file path,
// "stdout" or "clipboard").
func RecordDocument(ctx context.Context, st *store.Store, d *Document, sha256 []byte, destination string) (model.Export, error) {
	if d == nil {
		return model.Export{}, errNoDocument
	}
	s := d.Summary
	return st.RecordExport(ctx, model.Export{
		At: s.ProducedAt, From: s.From, To: s.To, ClientID: s.ClientID, Format: string(d.Format), Redacted: s.Redacted,
		Records: d.records, Destination: destination, SHA256: hex.EncodeToString(sha256),
		Recipient: s.SharedWith,
	})
}

// DefaultRange is the range a summary covers unless the officer says
// otherwise: since the last summary of the caseload was produced, or since
// the start of today when there was none; up to now.
func DefaultRange(ctx context.Context, st *store.Store, now time.Time) (from, to time.Time, err error) {
	last, err := st.LastExport(ctx)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return model.StartOfDay(now), now, nil
	case err != nil:
		return time.Time{}, time.Time{}, err
	case !last.At.Before(now):
		// The clock went back since then: fall back to today.
		return model.StartOfDay(now), now, nil
	}
	return last.At.In(now.Location()), now, nil
}

// DefaultFileName names a summary file after the day it was produced:
// caseload-summary-2026-11-23.md.
func DefaultFileName(now time.Time, f Format) string {
	return fmt.Sprintf("caseload-summary-%s.%s", model.DateOf(now), f.Extension())
}
