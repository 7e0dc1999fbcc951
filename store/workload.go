package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"caseload/model"
)

// MaxWorkloadWeeks bounds how many weeks one workload read covers.
const MaxWorkloadWeeks = 52

// Workload reads the officer's figures for the given number of weeks ending
// with the week that holds now (in now's zone), the caseload's shape, the
// recent signals and the load against the caseload standards in settings.
// Every part is an index range or a read of the spells kept in step with the
// records: nothing reads every check-in.
func (s *Store) Workload(ctx context.Context, now time.Time, weeks int) (model.Workload, error) {
	if weeks < 1 || weeks > MaxWorkloadWeeks {
		return model.Workload{}, fmt.Errorf("workload: weeks must be between 1 and %d, not %d", MaxWorkloadWeeks, weeks)
	}
	standards, err := readStandards(ctx, s.db)
	if err != nil {
		return model.Workload{}, err
	}
	wl := model.Workload{Now: now, Standards: standards, Weeks: model.NewWeekFigures(model.LastWeeks(now, weeks))}
	r := workloadReader{ctx: ctx, q: s.db, now: now, figs: wl.Weeks}
	for _, step := range []func() error{r.contacts, r.due, r.overdue, r.referrals} {
		if err := step(); err != nil {
			return model.Workload{}, fmt.Errorf("read workload: %w", explain(err))
		}
	}
	if wl.Shape, err = r.shape(); err != nil {
		return model.Workload{}, fmt.Errorf("read workload: %w", explain(err))
	}
	if err := r.stages(wl.Shape); err != nil {
		return model.Workload{}, fmt.Errorf("read workload: %w", explain(err))
	}
	if wl.Signals, err = r.signals(); err != nil {
		return model.Workload{}, fmt.Errorf("read workload: %w", explain(err))
	}
	wl.Load = model.LoadOf(wl.Shape.ByLevel, standards)
	return wl, nil
}

// workloadReader runs the reads of one workload in turn.
type workloadReader struct {
	ctx  context.Context
	q    querier
	now  time.Time
	figs []model.WeekFigures
}

func (r workloadReader) first() time.Time { return r.figs[0].Week.Start }
func (r workloadReader) last() time.Time  { return r.figs[len(r.figs)-1].Week.End }

// contacts counts each week's check-ins by type, outcome and test. Whole
// UTC days come from the day counters; the hours between a week's local
// midnight and the nearest UTC midnight are read from the index and moved to
// the week they belong to; amended check-ins (few) are taken away.
func (r workloadReader) contacts() error {
	bounds := make([]time.Time, 0, len(r.figs)+1) // each week's start, then the last week's end
	for _, f := range r.figs {
		bounds = append(bounds, f.Week.Start)
	}
	bounds = append(bounds, r.last())
	days := make([]time.Time, len(bounds)) // the UTC midnight nearest each bound
	for i, b := range bounds {
		days[i] = b.UTC().Add(12 * time.Hour).Truncate(24 * time.Hour)
	}
	// dayWeek is the week a UTC day is counted in by the day counters.
	dayWeek := func(t time.Time) int {
		for i := 0; i < len(r.figs); i++ {
			if !t.Before(days[i]) && t.Before(days[i+1]) {
				return i
			}
		}
		return -1
	}
	rows, err := r.q.QueryContext(r.ctx, `SELECT day || 'T00:00:00.000Z', type, outcome, test_result, n FROM checkin_days
		WHERE day >= ? AND day < ?`, days[0].Format(time.DateOnly), days[len(days)-1].Format(time.DateOnly))
	if err != nil {
		return err
	}
	counted, err := scanTallies(rows)
	if err != nil {
		return err
	}
	var tallies []model.ContactTally
	for _, t := range counted {
		if i := dayWeek(t.At); i >= 0 {
			t.At = r.figs[i].Week.Start
			tallies = append(tallies, t)
		}
	}
	for i, b := range bounds {
		lo, hi := b, days[i]
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		if lo.Equal(hi) {
			continue
		}
		rows, err := r.q.QueryContext(r.ctx, `SELECT at, type, outcome, test_result, 1 FROM checkins INDEXED BY checkins_week_figures
			WHERE at >= ? AND at < ?`, fmtTime(lo), fmtTime(hi))
		if err != nil {
			return err
		}
		edge, err := scanTallies(rows)
		if err != nil {
			return err
		}
		for _, t := range edge {
			tallies = append(tallies, t) // in the week it belongs to
			if w := dayWeek(t.At); w >= 0 {
				tallies = append(tallies, model.ContactTally{At: r.figs[w].Week.Start, Type: t.Type, Outcome: t.Outcome, Test: t.Test, N: -1})
			}
		}
	}
	rows, err = r.q.QueryContext(r.ctx, `SELECT k.at, k.type, k.outcome, k.test_result, -1
		FROM amendments am CROSS JOIN checkins k ON k.id = am.target_id
		WHERE am.target_kind = 'checkin' AND k.at >= ? AND k.at < ?`, fmtTime(r.first()), fmtTime(r.last()))
	if err != nil {
		return err
	}
	amended, err := scanTallies(rows)
	if err != nil {
		return err
	}
	model.AddContacts(r.figs, append(tallies, amended...))
	return nil
}

func scanTallies(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) ([]model.ContactTally, error) {
	defer rows.Close()
	var out []model.ContactTally
	var d decoder
	for rows.Next() {
		var at string
		var t model.ContactTally
		if err := rows.Scan(&at, &t.Type, &t.Outcome, &t.Test, &t.N); err != nil {
			return nil, err
		}
		t.At = d.time(at)
		out = append(out, t)
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, rows.Err()
}

// due counts the contacts that fell due in each week
// (model.DueSpell.FellDueIn), from the due_days counters.
func (r workloadReader) due() error {
	bounds := make([]time.Time, 0, len(r.figs)+1)
	for _, f := range r.figs {
		bounds = append(bounds, f.Week.Start)
	}
	counts, err := dayCounted{r: r, bounds: append(bounds, r.last())}.count(
		`SELECT day, n FROM due_days WHERE kind = 'fell_due' AND day >= ? AND day < ?`,
		`SELECT due_at FROM due_spells INDEXED BY due_spells_fell_due
			WHERE due_at >= ? AND due_at <= ? AND from_at <= due_at AND until_at > due_day_at`)
	if err != nil {
		return err
	}
	for i, n := range counts {
		r.figs[i].Due = n
	}
	return nil
}

// slotsJSON lists, for json_each, the stretches between the moments the
// weeks are read at: stretch i (1-based) runs after week i-1's end up to and
// including week i's (now, for the week under way).
func (r workloadReader) slotsJSON() string {
	slots := make([][2]string, 0, len(r.figs))
	for i := 1; i < len(r.figs); i++ {
		slots = append(slots, [2]string{fmtTime(r.figs[i-1].Week.ReadAt(r.now)), fmtTime(r.figs[i].Week.ReadAt(r.now))})
	}
	b, _ := json.Marshal(slots) // strings only: cannot fail
	return string(b)
}

const slotsCTE = `WITH slots AS (SELECT key + 1 AS i, value ->> 0 AS lo, value ->> 1 AS hi FROM json_each(?))`

// countBySlot runs a query over the slots that returns (slot, key, count)
// rows, into counts[slot][key].
func (r workloadReader) countBySlot(query string) ([]map[string]int, error) {
	counts := make([]map[string]int, len(r.figs))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	rows, err := r.q.QueryContext(r.ctx, slotsCTE+query, r.slotsJSON())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var i, n int
		var key string
		if err := rows.Scan(&i, &key, &n); err != nil {
			return nil, err
		}
		counts[i][key] += n
	}
	return counts, rows.Err()
}

// overdue counts, for each week, the clients overdue at its end
// (model.DueSpell.OverdueAt). Now, it is the standing spells due before
// today (and the few ended by a contact dated ahead); at each earlier
// week's end, it is the count at the next one, plus the overdue spells that
// ended in between, less those that became overdue in between.
func (r workloadReader) overdue() error {
	now := r.figs[len(r.figs)-1].Week.ReadAt(r.now)
	today := fmtTime(model.StartOfDay(now))
	var standing int
	err := r.q.QueryRowContext(r.ctx, `SELECT
		(SELECT count(*) FROM due_spells INDEXED BY due_spells_standing WHERE until_at = '`+openUntil+`' AND due_at < ?2 AND from_at <= ?1)
		+ (SELECT count(*) FROM due_spells INDEXED BY due_spells_by_until WHERE until_at > ?1 AND until_at <> '`+openUntil+`'
			AND from_at <= ?1 AND due_at < ?2)`, fmtTime(now), today).Scan(&standing)
	if err != nil {
		return err
	}
	// Between the weeks' ends (bound i+1 ends stretch i+1 of the loop below).
	ends := make([]time.Time, len(r.figs))
	for i, f := range r.figs {
		ends[i] = f.Week.ReadAt(r.now)
	}
	slots := dayCounted{r: r, bounds: ends, endsIn: true}
	ended, err := slots.count(`SELECT day, n FROM due_days WHERE kind = 'overdue_end' AND day >= ? AND day < ?`,
		`SELECT until_at FROM due_spells INDEXED BY due_spells_overdue_ends
			WHERE until_at >= ? AND until_at <= ? AND overdue_from_at < until_at`)
	if err != nil {
		return err
	}
	started, err := slots.count(`SELECT day, n FROM due_days WHERE kind = 'overdue_start' AND day >= ? AND day < ?`,
		`SELECT overdue_from_at FROM due_spells INDEXED BY due_spells_overdue_starts
			WHERE overdue_from_at >= ? AND overdue_from_at <= ? AND overdue_from_at < until_at`)
	if err != nil {
		return err
	}
	last := len(r.figs) - 1
	r.figs[last].Overdue = standing
	for i := last - 1; i >= 0; i-- {
		r.figs[i].Overdue = r.figs[i+1].Overdue + ended[i] - started[i]
	}
	return nil
}

// stages counts the active clients in each stage at each week's end. Now,
// it is the clients' current stages (the shape), less the spells begun by a
// record dated ahead, plus the spells those ended; at each earlier week's
// end, it is the count at the next one, plus the spells that ended in
// between, less those that began in between.
func (r workloadReader) stages(shape model.CaseloadShape) error {
	now := fmtTime(r.figs[len(r.figs)-1].Week.ReadAt(r.now))
	current := map[string]int{}
	for st, n := range shape.ByStage {
		if st != "" {
			current[string(st)] = n
		}
	}
	rows, err := r.q.QueryContext(r.ctx, `SELECT stage, -1 FROM stage_spells INDEXED BY stage_spells_by_from
		WHERE from_at > ?1 AND until_at = '`+openUntil+`'
		UNION ALL SELECT stage, 1 FROM stage_spells INDEXED BY stage_spells_by_until
		WHERE until_at > ?1 AND until_at <> '`+openUntil+`' AND from_at <= ?1`, now)
	if err != nil {
		return err
	}
	for rows.Next() {
		var stage string
		var n int
		if err := rows.Scan(&stage, &n); err != nil {
			rows.Close()
			return err
		}
		current[stage] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ends, err := r.countBySlot(` SELECT slots.i, s.stage, count(*) FROM slots JOIN stage_spells s INDEXED BY stage_spells_by_until
		ON s.until_at > slots.lo AND s.until_at <= slots.hi GROUP BY slots.i, s.stage`)
	if err != nil {
		return err
	}
	starts, err := r.countBySlot(` SELECT slots.i, s.stage, count(*) FROM slots JOIN stage_spells s INDEXED BY stage_spells_by_from
		ON s.from_at > slots.lo AND s.from_at <= slots.hi GROUP BY slots.i, s.stage`)
	if err != nil {
		return err
	}
	active, err := r.activeAtEnds(shape.Active)
	if err != nil {
		return err
	}
	at := current
	for i := len(r.figs) - 1; i >= 0; i-- {
		if i < len(r.figs)-1 {
			next := map[string]int{}
			for _, o := range model.Stages() {
				k := string(o.Value)
				next[k] = at[k] + ends[i+1][k] - starts[i+1][k]
			}
			at = next
		}
		staged := 0
		for _, o := range model.Stages() {
			if n := at[string(o.Value)]; n > 0 {
				r.figs[i].Stages[o.Value] = n
				staged += n
			}
		}
		if active[i] > staged {
			r.figs[i].Stages[""] = active[i] - staged
		}
	}
	return nil
}

// activeAtEnds counts the active clients at each week's end: now, the
// active caseload; at each earlier week's end, the count at the next one
// less the clients who became active in between, plus those who stopped.
func (r workloadReader) activeAtEnds(now int) ([]int, error) {
	deltas, err := r.countBySlot(` SELECT slots.i, '', sum(c.delta) FROM slots JOIN client_status_changes c
		INDEXED BY client_status_deltas ON c.at > slots.lo AND c.at <= slots.hi AND c.delta <> 0 GROUP BY slots.i`)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(r.figs))
	out[len(out)-1] = now
	for i := len(out) - 2; i >= 0; i-- {
		out[i] = out[i+1] - deltas[i+1][""]
	}
	return out, nil
}

// referrals counts referrals made by their date and the status changes that
// closed one, by the model's rule.
func (r workloadReader) referrals() error {
	rows, err := r.q.QueryContext(r.ctx, `SELECT referred_on, count(*) FROM referrals
		WHERE referred_on >= ? AND referred_on < ? GROUP BY referred_on`,
		model.DateOf(r.first()).String(), model.DateOf(r.last()).String())
	if err != nil {
		return err
	}
	var made, closed []model.ReferralTally
	var d decoder
	for rows.Next() {
		var on string
		var t model.ReferralTally
		if err := rows.Scan(&on, &t.N); err != nil {
			rows.Close()
			return err
		}
		t.On = d.date(on)
		made = append(made, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// The changes that close a referral, from their partial index, less the
	// amended ones (few; the CROSS JOIN starts from the amendments).
	for _, q := range []struct {
		query string
		n     int
	}{
		{`SELECT e.at, e.from_status, e.to_status FROM referral_events e INDEXED BY referral_events_closing
			WHERE ` + closingChange + ` AND e.at >= ? AND e.at < ?`, 1},
		{`SELECT e.at, e.from_status, e.to_status FROM amendments am CROSS JOIN referral_events e ON e.id = am.target_id
			WHERE am.target_kind = 'referral_event' AND e.at >= ? AND e.at < ?`, -1},
	} {
		rows, err := r.q.QueryContext(r.ctx, q.query, fmtTime(r.first()), fmtTime(r.last()))
		if err != nil {
			return err
		}
		for rows.Next() {
			var at string
			var from, to model.ReferralStatus
			if err := rows.Scan(&at, &from, &to); err != nil {
				rows.Close()
				return err
			}
			if model.ClosesReferral(from, to) {
				closed = append(closed, model.ReferralTally{At: d.time(at), N: q.n})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if d.err != nil {
		return d.err
	}
	model.AddReferrals(r.figs, made, closed)
	return nil
}

// shape counts the active caseload by level, type and stage from the index.
func (r workloadReader) shape() (model.CaseloadShape, error) {
	rows, err := r.q.QueryContext(r.ctx, `SELECT level, supervision_type, current_stage, count(*)
		FROM clients INDEXED BY clients_shape WHERE status = 'active' GROUP BY level, supervision_type, current_stage`)
	if err != nil {
		return model.CaseloadShape{}, err
	}
	defer rows.Close()
	var tallies []model.ShapeTally
	for rows.Next() {
		var t model.ShapeTally
		if err := rows.Scan(&t.Level, &t.Type, &t.Stage, &t.N); err != nil {
			return model.CaseloadShape{}, err
		}
		tallies = append(tallies, t)
	}
	return model.ShapeOf(tallies), rows.Err()
}

// useIndicated lists, for SQL, the test results that show use
// (model.TestResult.UseIndicated); the checkins_signals index is written for
// the same list, which a test holds to the model.
const useIndicated = "'positive', 'admitted'"

// closingChange is a status change out of the open states
// (model.ClosesReferral), as the referral_events_closing index is written.
const closingChange = "e.from_status IN (" + openStatuses + ") AND e.to_status NOT IN (" + openStatuses + ")"

// recentSignalsRead counts the clients with a risk flag and those with a
// test showing use since ?1, from the checkins_signals index alone. The
// amended check-ins are one list, of rowids: the index carries the rowid,
// not the id, and by id every row of the range was looked up in the table
// (at 100,000 clients, 15,000 reads all over the file for 30 days).
const recentSignalsRead = `SELECT
	count(DISTINCT CASE WHEN k.flags <> '[]' THEN k.client_id END),
	count(DISTINCT CASE WHEN k.test_result IN (` + useIndicated + `) THEN k.client_id END)
	FROM checkins k INDEXED BY checkins_signals
	WHERE (k.flags <> '[]' OR k.test_result IN ('positive', 'admitted')) AND k.at >= ?1
	AND k.rowid NOT IN (SELECT ak.rowid FROM amendments a JOIN checkins ak ON ak.id = a.target_id
		WHERE a.target_kind = 'checkin')`

// screeningsOfMonthRead reads the screenings with instrument ?1 from ?2 to
// ?3. The time index carries the instrument (migration 0020), so only the
// screenings asked for are looked up in the table.
const screeningsOfMonthRead = `SELECT at, answers FROM screenings INDEXED BY screenings_by_time
	WHERE instrument = ?1 AND at >= ?2 AND at <= ?3`

// signals counts the clients with a risk flag, a test showing use or a
// violation in the last 30 days, and this month's PHQ-9 safety prompts.
func (r workloadReader) signals() (model.RecentSignals, error) {
	var sig model.RecentSignals
	err := r.q.QueryRowContext(r.ctx, recentSignalsRead, fmtTime(model.RecentSince(r.now))).Scan(&sig.RiskFlagged, &sig.UseIndicated)
	if err != nil {
		return sig, err
	}
	rows, err := r.q.QueryContext(r.ctx, screeningsOfMonthRead, model.InstrumentPHQ9, fmtTime(model.MonthStart(r.now)), fmtTime(r.now))
	if err != nil {
		return sig, err
	}
	defer rows.Close()
	var screenings []model.Screening
	var d decoder
	for rows.Next() {
		var at, answers string
		if err := rows.Scan(&at, &answers); err != nil {
			return sig, err
		}
		screenings = append(screenings, model.Screening{Instrument: model.InstrumentPHQ9, At: d.time(at), Answers: decodeList[int](&d, answers)})
	}
	if d.err != nil {
		return sig, d.err
	}
	sig.SafetyPrompts = model.SignalsOf(r.now, nil, nil, screenings).SafetyPrompts
	err = r.q.QueryRowContext(r.ctx, `SELECT count(DISTINCT client_id) FROM violations INDEXED BY violations_by_time WHERE at >= ?`,
		fmtTime(model.RecentSince(r.now))).Scan(&sig.Violations)
	if err != nil {
		return sig, err
	}
	return sig, rows.Err()
}
