package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"caseload/model"
)

// SummaryQuery asks for the records of a session summary.
type SummaryQuery struct {
	From, To time.Time // From inclusive, To exclusive
	ClientID string    // one client, or "" for every client seen in the range
	// Goals also loads the clients' plan goals as of the end of the range,
	// for a summary for a recipient.
	Goals bool
}

// countedStageNote keeps the stage notes that still count: not amended, nor
// carried by an amended check-in.
var countedStageNote = notAmended("n") + ` AND (n.checkin_id IS NULL OR NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = n.checkin_id))`

// SummaryRecords loads what a summary of the range needs, in one read
// snapshot: the settings, then five queries however long the range: the
// check-ins, stage notes, referral changes and screenings in the range (by
// the time indexes, or by the client's when one is asked for), and the
// clients they belong to with their standing at the end of the range (and
// their plan goals when asked for). Amended records are left out; their
// corrections are in.
//
// A whole caseload's records over more than a week are read over two
// connections at once, both in the same snapshot (see readTogether): each
// reads half the check-ins, then half the clients. One client's records,
// or a week's, are few, and read by one.
func (s *Store) SummaryRecords(ctx context.Context, q SummaryQuery) (model.SummaryRecords, error) {
	rec := model.SummaryRecords{From: q.From, To: q.To}
	if !q.From.Before(q.To) {
		return rec, fmt.Errorf("summary: the range must start before it ends")
	}
	var err error
	if q.ClientID != "" || q.To.Sub(q.From) <= splitAfter {
		err = s.readOne(ctx, func(conn *sql.Conn) error { return loadSummary(ctx, conn, q, &rec) })
	} else {
		err = s.readSplit(ctx, q, &rec)
	}
	if err != nil {
		return rec, fmt.Errorf("summary: %w", explain(err))
	}
	return rec, nil
}

// splitAfter is the longest range read over one connection. A week's
// records are few enough that a second connection, and the third that
// holds the lock while the two take their snapshot, cost more to start and
// to tear down than the second core saves: a day's export at 10,000
// clients read 3,900 pages in 45 ms over one connection and in 72 ms over
// two, while a month's (60,000 pages) was 10-20% quicker over two.
const splitAfter = 7 * 24 * time.Hour

// readOne runs read in one deferred transaction on one connection: one
// snapshot of the file that takes no write lock.
func (s *Store) readOne(ctx context.Context, read func(*sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer s.putBack(conn) // ends the transaction, or discards the connection
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	return read(conn)
}

// readSplit loads a whole caseload's summary records over two connections
// that see the same snapshot, or over one when two cannot be had together.
func (s *Store) readSplit(ctx context.Context, q SummaryQuery, rec *model.SummaryRecords) error {
	pair, err := s.readTogether(ctx)
	if err != nil {
		return err
	}
	defer pair.end()
	if len(pair.conns) == 1 {
		return loadSummary(ctx, pair.conns[0], q, rec)
	}
	return loadSummaryInTwo(ctx, pair.conns[0], pair.conns[1], q, rec)
}

// rangeWhere is the condition and arguments that pick a table's records in
// the range, for the table and its alias, and one client's when one is
// asked for; also adds conditions on the rowid (a half of them), if any.
//
// The index gives the rowids first; the rows are then read in rowid order
// (inRowOrder).
func rangeWhere(q SummaryQuery, table, alias string, also ...string) (string, []any) {
	where := fmt.Sprintf("%[1]s.at >= ? AND %[1]s.at < ?", alias)
	args := []any{fmtTime(q.From), fmtTime(q.To)}
	if q.ClientID != "" {
		where = alias + ".client_id = ? AND " + where
		args = append([]any{q.ClientID}, args...)
	}
	for _, a := range also {
		if a != "" {
			where += " AND " + a
		}
	}
	return inRowOrder(table, alias, where), args
}

// inRowOrder picks the rows of a table that where picks, to be read in the
// order they lie in the file: the index's range gives the rowids, SQLite
// sorts them, and each page of the table is then read once, with the pages
// above it still in the small cache a short command keeps. Read in the
// index's order, the rows of a range are scattered over the table and its
// upper pages are read again and again: a day's check-ins of 100,000
// clients read 8,192 pages so, and 4,593 in rowid order.
func inRowOrder(table, alias, where string) string {
	return fmt.Sprintf("%[2]s.rowid IN (SELECT %[2]s.rowid FROM %[1]s %[2]s WHERE %[3]s)", table, alias, where)
}

// Each record query is a range on (at) or on (client_id, at). Read whole,
// none is sorted: BuildSummary puts everything in its order, and a sort in
// SQL would copy every row once more. Read in parts (SummaryInParts), each
// is sorted by client, to be merged.

func loadSettingsForSummary(ctx context.Context, conn *sql.Conn, rec *model.SummaryRecords) error {
	var err error
	if rec.Officer, err = readSetting(ctx, conn, keyOfficerName); err != nil {
		return err
	}
	rec.Intervals, err = readIntervals(ctx, conn)
	return err
}

// loadCheckIns reads the check-ins in the range; half, when half is "" or
// one of the halves of the rowids (so that two connections can share them).
func loadCheckIns(ctx context.Context, conn *sql.Conn, q SummaryQuery, half string, rec *model.SummaryRecords, seen map[string]bool) error {
	where, args := rangeWhere(q, "checkins", "k", half)
	err := eachRowArgs(ctx, conn, "SELECT "+checkinColumns+" FROM checkins k WHERE "+where+" AND "+notAmended("k"), args,
		func(row scanner) error {
			k, err := scanCheckIn(row)
			rec.CheckIns, seen[k.ClientID] = append(rec.CheckIns, k), true
			return err
		})
	if err != nil {
		return fmt.Errorf("read check-ins: %w", err)
	}
	return nil
}

// The halves of a table's rowids; the time index carries the rowid, so a
// half is picked before any row is read. The low bit, not % 2: a negative
// odd rowid has remainder -1.
const evenRows, oddRows = "(k.rowid & 1) = 0", "(k.rowid & 1) = 1"

func loadStageNotes(ctx context.Context, conn *sql.Conn, q SummaryQuery, rec *model.SummaryRecords, seen map[string]bool) error {
	where, args := rangeWhere(q, "stage_notes", "n")
	err := eachRowArgs(ctx, conn, "SELECT "+stageNoteColumns+" FROM stage_notes n WHERE "+where+" AND "+countedStageNote, args,
		func(row scanner) error {
			n, err := scanStageNote(row)
			rec.StageNotes, seen[n.ClientID] = append(rec.StageNotes, n), true
			return err
		})
	if err != nil {
		return fmt.Errorf("read stage notes: %w", err)
	}
	return nil
}

// loadActivity reads the referral changes and the screenings in the range.
func loadActivity(ctx context.Context, conn *sql.Conn, q SummaryQuery, rec *model.SummaryRecords, seen map[string]bool) error {
	where, args := rangeWhere(q, "referral_events", "e")
	if err := loadReferralActivity(ctx, conn, where, args, rec, seen); err != nil {
		return err
	}
	where, args = rangeWhere(q, "screenings", "sc")
	if err := loadScreenings(ctx, conn, where, args, rec, seen); err != nil {
		return err
	}
	return loadCompliance(ctx, conn, q, rec, seen)
}

func loadSummary(ctx context.Context, conn *sql.Conn, q SummaryQuery, rec *model.SummaryRecords) error {
	if err := loadSettingsForSummary(ctx, conn, rec); err != nil {
		return err
	}
	seen := map[string]bool{}
	if q.ClientID != "" {
		seen[q.ClientID] = true
	}
	if err := loadCheckIns(ctx, conn, q, "", rec, seen); err != nil {
		return err
	}
	if err := loadStageNotes(ctx, conn, q, rec, seen); err != nil {
		return err
	}
	if err := loadActivity(ctx, conn, q, rec, seen); err != nil {
		return err
	}
	if err := loadSummaryClients(ctx, conn, q, keys(seen), rec); err != nil || !q.Goals {
		return err
	}
	return loadGoals(ctx, conn, q, rec)
}

// loadSummaryInTwo is loadSummary over two connections in one snapshot:
// the first reads the settings, half the check-ins and the stage notes
// while the second reads the other half and the referral changes and
// screenings; then each reads half the clients.
func loadSummaryInTwo(ctx context.Context, first, second *sql.Conn, q SummaryQuery, rec *model.SummaryRecords) error {
	var other model.SummaryRecords
	seen, otherSeen := map[string]bool{}, map[string]bool{}
	err := both(func() error {
		if err := loadSettingsForSummary(ctx, first, rec); err != nil {
			return err
		}
		if err := loadCheckIns(ctx, first, q, evenRows, rec, seen); err != nil {
			return err
		}
		return loadStageNotes(ctx, first, q, rec, seen)
	}, func() error {
		if err := loadCheckIns(ctx, second, q, oddRows, &other, otherSeen); err != nil {
			return err
		}
		return loadActivity(ctx, second, q, &other, otherSeen)
	})
	if err != nil {
		return err
	}
	// Joined into a list of their exact size: appended, the halves would
	// stand beside a list grown to up to twice their size.
	rec.CheckIns, other.CheckIns = slices.Concat(rec.CheckIns, other.CheckIns), nil
	rec.Referrals, rec.Screenings, rec.Compliance = other.Referrals, other.Screenings, other.Compliance
	for id := range otherSeen {
		seen[id] = true
	}
	ids := keys(seen)
	half := len(ids) / 2
	err = both(func() error {
		return loadSummaryClients(ctx, first, q, ids[:half], rec)
	}, func() error {
		return loadSummaryClients(ctx, second, q, ids[half:], &other)
	})
	if err != nil {
		return err
	}
	rec.Clients, other.Clients = slices.Concat(rec.Clients, other.Clients), nil
	if !q.Goals {
		return nil
	}
	return loadGoals(ctx, first, q, rec)
}

// both runs a and b at once and returns the first error. A panic in b,
// which runs on a goroutine of its own, comes back as an error rather than
// ending the program with the terminal left raw.
func both(a, b func() error) error {
	errs := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errs <- fmt.Errorf("reading in two: %v", r)
			}
		}()
		errs <- b()
	}()
	errA := a()
	if errB := <-errs; errA == nil {
		return errB
	}
	return errA
}

// keys lists a set's ids in order. The clients are then looked up in the
// order of their index, each of its pages read once, and (ids made in time
// order, rows added in time order) nearly in the order of their rows: 8,556
// clients of 100,000 read 31,443 pages looked up in a map's order, and
// 7,650 in the ids' order.
func keys[V any](set map[string]V) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// loadReferralActivity reads the referral changes in the range with the
// referral's reason and the resource's name, grouped by referral.
func loadReferralActivity(ctx context.Context, conn *sql.Conn, where string, args []any, rec *model.SummaryRecords, seen map[string]bool) error {
	index := map[string]int{}
	err := eachRowArgs(ctx, conn, referralActivityRead+where+" AND "+notAmended("e"), args, func(row scanner) error {
		r, err := scanReferralRow(row)
		if err != nil {
			return err
		}
		r.addTo(rec, index)
		seen[r.event.ClientID] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("read referral changes: %w", err)
	}
	return nil
}

// referralActivityRead reads referral changes, each with its referral's
// reason and the resource's name and category; the condition follows.
const referralActivityRead = "SELECT " + eventColumns + `, r.reason, res.name, res.category, r.sensitive FROM referral_events e
	JOIN referrals r ON r.id = e.referral_id JOIN resources res ON res.id = r.resource_id
	WHERE `

// referralRow is a row of referralActivityRead.
type referralRow struct {
	event     model.ReferralEvent
	reason    string
	resource  string
	category  model.ResourceCategory
	sensitive bool
}

func scanReferralRow(row scanner) (referralRow, error) {
	var r referralRow
	var err error
	// Nested, the extras land in the order reason, resource name,
	// category, sensitive.
	r.event, err = scanEvent(rowWithExtras{row, []any{&r.reason, &r.resource, &r.category, &r.sensitive}})
	return r, err
}

// addTo adds the change to its referral's in rec, index telling where each
// referral read so far is.
func (r referralRow) addTo(rec *model.SummaryRecords, index map[string]int) {
	ev := r.event
	i, ok := index[ev.ReferralID]
	if !ok {
		i = len(rec.Referrals)
		index[ev.ReferralID] = i
		rec.Referrals = append(rec.Referrals, model.ReferralActivity{
			Referral:     model.Referral{ID: ev.ReferralID, ClientID: ev.ClientID, Reason: r.reason, Sensitive: r.sensitive},
			ResourceName: r.resource, Category: r.category,
		})
	}
	rec.Referrals[i].Events = append(rec.Referrals[i].Events, ev)
}

// summaryClientQuery reads each client with, as of the end of the range, the
// last completed contact and the latest appointment set (for the due rule),
// and the last stage before the range began. When the client's records all
// precede the end (or the start) of the range, as they do in a summary up to
// now, the summary columns kept on the client row already hold the answer and
// the subquery is not run: CASE evaluates only the branch it takes.
var summaryClientQuery = `SELECT c.id, c.name, c.preferred_name, c.case_number, c.level, c.status,
  c.supervision_from, c.created_at,
  CASE WHEN c.last_contact_at < ?1 THEN c.last_completed_at ELSE
    coalesce((SELECT k.at FROM checkins k WHERE k.client_id = c.id AND k.at < ?1 AND k.outcome = 'completed'
              AND ` + notAmended("k") + ` ORDER BY k.at DESC, k.id DESC LIMIT 1), '') END,
  CASE WHEN c.last_contact_at < ?1 THEN c.next_appointment_at ELSE
    coalesce((SELECT k.next_appointment_at FROM checkins k WHERE k.client_id = c.id AND k.at < ?1
              AND k.next_appointment_at <> '' AND ` + notAmended("k") + ` ORDER BY k.at DESC, k.id DESC LIMIT 1), '') END,
  CASE WHEN c.current_stage_at < ?2 THEN c.current_stage_at || '|' || c.current_stage ELSE
    coalesce((SELECT n.at || '|' || n.stage FROM stage_notes n WHERE n.client_id = c.id AND n.at < ?2
              AND ` + countedStageNote + ` ORDER BY n.at DESC, n.id DESC LIMIT 1), '') END
FROM json_each(?3) j JOIN clients c ON c.id = j.value`

func loadSummaryClients(ctx context.Context, conn *sql.Conn, q SummaryQuery, ids []string, rec *model.SummaryRecords) error {
	rows, err := conn.QueryContext(ctx, summaryClientQuery, fmtTime(q.To), fmtTime(q.From), jsonList(ids))
	if err != nil {
		return fmt.Errorf("read clients: %w", err)
	}
	defer rows.Close()
	rec.Clients = make([]model.SummaryClient, 0, len(ids))
	for rows.Next() {
		// Only what the summary shows and the due rule needs: the address,
		// conditions and tags of 10,000 clients stay on disk.
		var c model.ClientHeading
		var level model.Level
		var status model.ClientStatus
		var from, created, completed, appt, before string
		if err := rows.Scan(&c.ID, &c.Name, &c.PreferredName, &c.CaseNumber, &level, &status, &from, &created,
			&completed, &appt, &before); err != nil {
			return fmt.Errorf("read clients: %w", err)
		}
		var d decoder
		sc := model.SummaryClient{Client: c, Due: model.DueInput{
			Status: status, Level: level, SupervisionFrom: d.date(from), Created: d.time(created),
			LastCompleted: d.time(completed), NextAppointment: d.time(appt),
		}}
		if stageAt, stage, ok := strings.Cut(before, "|"); ok && stage != "" {
			sc.StageBefore = []model.StageNote{{ClientID: c.ID, At: d.time(stageAt), Stage: model.Stage(stage)}}
		}
		if d.err != nil {
			return fmt.Errorf("read client %s: %w", c.ID, d.err)
		}
		rec.Clients = append(rec.Clients, sc)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read clients: %w", err)
	}
	if q.ClientID != "" && len(rec.Clients) == 0 {
		return fmt.Errorf("client %s: %w", q.ClientID, ErrNotFound)
	}
	return nil
}

// eachRowArgs runs a query and calls fn for every row.
func eachRowArgs(ctx context.Context, q querier, query string, args []any, fn func(scanner) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
