package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
)

// SummaryInParts reads what SummaryRecords reads, in one read snapshot, and
// hands it to each a part at a time: the records of at most size clients,
// with those clients, the parts in the order of the clients' ids. Each read
// of the range is sorted by client in SQL (SQLite's sorter keeps the rows in
// its own compact form) and the sorted reads are merged, so that the
// records of a month of a large caseload never stand in memory at once.
//
// A range with nothing in it comes as one part with no clients. One
// client's records (q.ClientID) are few, and come whole, in one part.
// A recipient's summary, which reads the goals too, is read whole
// (SummaryRecords).
func (s *Store) SummaryInParts(ctx context.Context, q SummaryQuery, size int, each func(model.SummaryRecords) error) error {
	if q.Goals {
		return errors.New("summary: the records of a summary for a recipient are read whole")
	}
	if q.ClientID != "" {
		rec, err := s.SummaryRecords(ctx, q)
		if err != nil {
			return err
		}
		return each(rec)
	}
	if !q.From.Before(q.To) {
		return fmt.Errorf("summary: the range must start before it ends")
	}
	err := s.readOne(ctx, func(conn *sql.Conn) error {
		if s.cacheKiB < partsCacheKiB {
			restore, err := s.withCache(ctx, conn, partsCacheKiB)
			if err != nil {
				return err
			}
			defer restore()
		}
		p := &partReader{ctx: ctx, conn: conn, q: q, size: max(size, 1), each: each}
		return p.run()
	})
	var handed handedError
	if errors.As(err, &handed) {
		return handed.err
	}
	if err != nil {
		return fmt.Errorf("summary: %w", explain(err))
	}
	return nil
}

// partsCacheKiB is the page cache the parts are read with, at least.
// Between two parts the prior totals and the responses read elsewhere in
// the file; with a short command's 256 KiB cache, each part's clients then
// read the upper pages of their table again: twice the pages, and 186 ms
// against 86 for the clients of a day of 100,000. A megabyte keeps them,
// and reads as fast as two (0.51-0.54 s against 0.53-0.59 for that day's
// export) in 1.5 MB less.
const partsCacheKiB = 1024

// handedError is an error of the caller's each, passed back as it was.
type handedError struct{ err error }

func (e handedError) Error() string { return e.err.Error() }

// partReader reads a summary's records a part at a time.
type partReader struct {
	ctx  context.Context
	conn *sql.Conn
	q    SummaryQuery
	size int
	each func(model.SummaryRecords) error

	streams []clientStream       // the reads of the range, sorted by client
	handed  bool                 // a part was handed over
	head    model.SummaryRecords // the settings and the range, in every part
	// The part being read: its clients, records, and where each referral,
	// condition and violation is in it.
	ids        []string
	rec        model.SummaryRecords
	referrals  map[string]int
	conditions map[string]int
	violations map[string]int
}

func (p *partReader) run() error {
	p.head = model.SummaryRecords{From: p.q.From, To: p.q.To}
	if err := loadSettingsForSummary(p.ctx, p.conn, &p.head); err != nil {
		return err
	}
	p.start()
	defer func() {
		for _, s := range p.streams {
			s.close()
		}
	}()
	if err := p.open(); err != nil {
		return err
	}
	for {
		id, ok := leastHead(p.streams)
		if !ok {
			break
		}
		p.ids = append(p.ids, id)
		for _, s := range p.streams {
			if err := s.take(id); err != nil {
				return err
			}
		}
		if len(p.ids) == p.size {
			if err := p.finish(); err != nil {
				return err
			}
		}
	}
	if len(p.ids) > 0 || !p.handed {
		return p.finish()
	}
	return nil
}

// start begins a part.
func (p *partReader) start() {
	p.ids, p.rec = nil, p.head
	p.referrals, p.conditions, p.violations = map[string]int{}, map[string]int{}, map[string]int{}
}

// finish reads what the part's records lead to (the conditions' totals
// before the range, the violations' responses, the clients), hands the
// part over, and starts the next.
func (p *partReader) finish() error {
	cr := &p.rec.Compliance
	if err := loadPriorTotals(p.ctx, p.conn, cr, p.conditions, fmtTime(p.q.From)); err != nil {
		return err
	}
	if err := loadResponses(p.ctx, p.conn, cr, p.violations, fmtTime(p.q.To)); err != nil {
		return err
	}
	if err := loadSummaryClients(p.ctx, p.conn, p.q, p.ids, &p.rec); err != nil {
		return err
	}
	if err := p.each(p.rec); err != nil {
		return handedError{err}
	}
	p.handed = true
	p.start()
	return nil
}

// open starts each read of the range (loadSummary's), sorted by client.
func (p *partReader) open() error {
	q := p.q
	byClient := func(alias string) string { return inClientOrder(alias+".client_id", alias) }
	where, args := rangeWhere(q, "checkins", "k")
	err := openStream(p, "check-ins", "SELECT "+checkinColumns+" FROM checkins k WHERE "+where+" AND "+notAmended("k")+byClient("k"),
		args, scanCheckIn, func(k *model.CheckIn) string { return k.ClientID },
		func(k model.CheckIn) error { p.rec.CheckIns = append(p.rec.CheckIns, k); return nil })
	if err != nil {
		return err
	}
	where, args = rangeWhere(q, "stage_notes", "n")
	err = openStream(p, "stage notes", "SELECT "+stageNoteColumns+" FROM stage_notes n WHERE "+where+" AND "+countedStageNote+byClient("n"),
		args, scanStageNote, func(n *model.StageNote) string { return n.ClientID },
		func(n model.StageNote) error { p.rec.StageNotes = append(p.rec.StageNotes, n); return nil })
	if err != nil {
		return err
	}
	where, args = rangeWhere(q, "referral_events", "e")
	err = openStream(p, "referral changes", referralActivityRead+where+" AND "+notAmended("e")+byClient("e"),
		args, scanReferralRow, func(r *referralRow) string { return r.event.ClientID },
		func(r referralRow) error { r.addTo(&p.rec, p.referrals); return nil })
	if err != nil {
		return err
	}
	where, args = rangeWhere(q, "screenings", "sc")
	err = openStream(p, "screenings", "SELECT "+screeningColumns+" FROM screenings sc WHERE "+where+byClient("sc"),
		args, scanScreening, func(s *model.Screening) string { return s.ClientID },
		func(s model.Screening) error { p.rec.Screenings = append(p.rec.Screenings, s); return nil })
	if err != nil {
		return err
	}
	return p.openCompliance()
}

// openCompliance starts the reads of the conditions of supervision
// (loadCompliance's), sorted by client.
func (p *partReader) openCompliance() error {
	reads := complianceReads(false)
	args := []any{fmtTime(p.q.From), fmtTime(p.q.To)}
	cr := func() *model.ComplianceRecords { return &p.rec.Compliance }
	err := openStream(p, "conditions", reads.conditions+inClientOrder("cd.client_id", "cd"), args, scanCondition,
		func(c *model.Condition) string { return c.ClientID },
		func(c model.Condition) error { addCondition(cr(), p.conditions, c); return nil })
	if err != nil {
		return err
	}
	// Every entry in the range is on a condition read with it (that is how
	// the conditions are found): the entries go with their condition's
	// client, as the conditions do.
	err = openStream(p, "condition progress", "SELECT "+progressColumns+`, cd.client_id FROM condition_progress p
		JOIN conditions cd ON cd.id = p.condition_id WHERE `+inRowOrder("condition_progress", "p", "p.at >= ?1 AND p.at < ?2")+
		inClientOrder("cd.client_id", "p"), args, scanProgressOfCondition,
		func(e *progressOfCondition) string { return e.client },
		func(e progressOfCondition) error { return addEntry(cr(), p.conditions, e.entry) })
	if err != nil {
		return err
	}
	err = openStream(p, "court events", reads.courtEvents+inClientOrder("ce.client_id", "ce"), args, scanCourtEvent,
		func(e *model.CourtEvent) string { return e.ClientID },
		func(e model.CourtEvent) error { cr().CourtEvents = append(cr().CourtEvents, e); return nil })
	if err != nil {
		return err
	}
	err = openStream(p, "violations", reads.violations+inClientOrder("v.client_id", "v"), args, scanViolationActivity,
		func(v *model.ViolationActivity) string { return v.Violation.ClientID },
		func(v model.ViolationActivity) error { addViolation(cr(), p.violations, v); return nil })
	if err != nil {
		return err
	}
	err = openStream(p, "incentives", reads.incentives+inClientOrder("i.client_id", "i"), args, scanSummaryIncentive,
		func(x *model.SummaryIncentive) string { return x.Incentive.ClientID },
		func(x model.SummaryIncentive) error { cr().Incentives = append(cr().Incentives, x); return nil })
	if err != nil {
		return err
	}
	// Jobs carry dates, not times: a day counts when it falls in the range.
	dates := []any{model.DateOf(p.q.From).String(), model.DateOf(p.q.To.Add(-1)).String()}
	return openStream(p, "jobs", reads.employment+inClientOrder("em.client_id", "em"), dates, scanEmployment,
		func(x *model.Employment) string { return x.ClientID },
		func(x model.Employment) error { cr().Employment = append(cr().Employment, x); return nil })
}

// inClientOrder sorts a read by client, and a client's rows in the order
// of the file, the order in which the whole read gives them.
func inClientOrder(client, alias string) string {
	return " ORDER BY " + client + ", " + alias + ".rowid"
}

// progressOfCondition is a progress entry with its condition's client.
type progressOfCondition struct {
	entry  model.ProgressEntry
	client string
}

func scanProgressOfCondition(row scanner) (progressOfCondition, error) {
	var e progressOfCondition
	var err error
	e.entry, err = scanProgress(rowWithExtras{row, []any{&e.client}})
	return e, err
}

// openStream starts one read of the part reader's.
func openStream[T any](p *partReader, what, query string, args []any,
	scan func(scanner) (T, error), client func(*T) string, add func(T) error) error {
	c, err := openCursor(p.ctx, p.conn, query, args, scan, client, add)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	p.streams = append(p.streams, c)
	return nil
}

// CountSummaryRecords counts about the records a summary of the range
// reads, to choose how to read them: check-ins, stage notes, referral
// changes, screenings, conditions ordered, condition progress, hearings,
// violations, responses and incentives in the range, each counted on its
// time index. Amended records are counted with their corrections; jobs,
// which carry dates and are few, are not.
func (s *Store) CountSummaryRecords(ctx context.Context, q SummaryQuery) (int, error) {
	var parts []string
	for _, table := range []string{"checkins", "stage_notes", "referral_events", "screenings", "conditions", "condition_progress",
		"court_events", "violations", "responses", "incentives"} {
		parts = append(parts, "(SELECT count(*) FROM "+table+" WHERE at >= ?1 AND at < ?2)")
	}
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT "+strings.Join(parts, " + "), fmtTime(q.From), fmtTime(q.To)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count the summary's records: %w", explain(err))
	}
	return n, nil
}
