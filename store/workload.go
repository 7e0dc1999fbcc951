package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
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
	if err := r.stages(wl.Shape.Active); err != nil {
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

// weeksJSON lists the weeks' bounds as UTC text for json_each: start, end.
func (r workloadReader) weeksJSON() string {
	bounds := make([][2]string, len(r.figs))
	for i, f := range r.figs {
		bounds[i] = [2]string{fmtTime(f.Week.Start), fmtTime(f.Week.End)}
	}
	b, _ := json.Marshal(bounds) // strings only: cannot fail
	return string(b)
}

const weeksCTE = `WITH weeks AS (SELECT key AS i, value ->> 0 AS s, value ->> 1 AS e FROM json_each(?))`

func (r workloadReader) first() time.Time { return r.figs[0].Week.Start }
func (r workloadReader) last() time.Time  { return r.figs[len(r.figs)-1].Week.End }

// contacts counts each week's check-ins by type, outcome and test from the
// covering index, then takes away those an amendment corrected (few).
func (r workloadReader) contacts() error {
	rows, err := r.q.QueryContext(r.ctx, weeksCTE+`
		SELECT weeks.s, k.type, k.outcome, k.test_result, count(*)
		FROM weeks JOIN checkins k INDEXED BY checkins_week_figures ON k.at >= weeks.s AND k.at < weeks.e
		GROUP BY weeks.i, k.type, k.outcome, k.test_result`, r.weeksJSON())
	if err != nil {
		return err
	}
	tallies, err := scanTallies(rows, true)
	if err != nil {
		return err
	}
	rows, err = r.q.QueryContext(r.ctx, `SELECT k.at, k.type, k.outcome, k.test_result, -1
		FROM amendments am JOIN checkins k ON k.id = am.target_id
		WHERE am.target_kind = 'checkin' AND k.at >= ? AND k.at < ?`, fmtTime(r.first()), fmtTime(r.last()))
	if err != nil {
		return err
	}
	amended, err := scanTallies(rows, false)
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
}, grouped bool) ([]model.ContactTally, error) {
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

// due counts the contacts that fell due in each week: spells whose due date
// is in the week and still stood on the due day (model.DueSpell.FellDueIn).
func (r workloadReader) due() error {
	rows, err := r.q.QueryContext(r.ctx, weeksCTE+`
		SELECT weeks.i, count(*) FROM weeks JOIN due_spells d ON d.due_at >= weeks.s AND d.due_at < weeks.e
		WHERE d.from_at <= d.due_at AND d.until_at > d.due_day_at GROUP BY weeks.i`, r.weeksJSON())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i, n int
		if err := rows.Scan(&i, &n); err != nil {
			return err
		}
		r.figs[i].Due = n
	}
	return rows.Err()
}

// overdue counts, for each week, the spells standing at its end whose due day
// had passed (model.DueSpell.OverdueAt), in one pass over the spells that
// stood at any of the weeks' ends.
func (r workloadReader) overdue() error {
	sums := make([]string, len(r.figs))
	args := make([]any, 0, 2*len(r.figs)+1)
	for i, f := range r.figs {
		at := f.Week.ReadAt(r.now)
		sums[i] = fmt.Sprintf("coalesce(sum(from_at <= ?%d AND until_at > ?%d AND due_at < ?%d), 0)", 2*i+1, 2*i+1, 2*i+2)
		args = append(args, fmtTime(at), fmtTime(model.StartOfDay(at)))
	}
	args = append(args, fmtTime(r.figs[0].Week.ReadAt(r.now)))
	row := r.q.QueryRowContext(r.ctx, "SELECT "+strings.Join(sums, ", ")+
		fmt.Sprintf(" FROM due_spells INDEXED BY due_spells_by_until WHERE until_at > ?%d", len(args)), args...)
	counts := make([]any, len(r.figs))
	for i := range r.figs {
		counts[i] = &r.figs[i].Overdue
	}
	return row.Scan(counts...)
}

// stages counts the active clients in each stage at each week's end.
func (r workloadReader) stages(active int) error {
	sums := make([]string, len(r.figs))
	args := make([]any, 0, len(r.figs)+1)
	for i, f := range r.figs {
		sums[i] = fmt.Sprintf("coalesce(sum(from_at <= ?%d AND until_at > ?%d), 0)", i+1, i+1)
		args = append(args, fmtTime(f.Week.ReadAt(r.now)))
	}
	args = append(args, fmtTime(r.figs[0].Week.ReadAt(r.now)))
	rows, err := r.q.QueryContext(r.ctx, "SELECT stage, "+strings.Join(sums, ", ")+
		fmt.Sprintf(" FROM stage_spells INDEXED BY stage_spells_by_until WHERE until_at > ?%d GROUP BY stage", len(args)), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	staged := make([]int, len(r.figs))
	for rows.Next() {
		var stage model.Stage
		counts := make([]int, len(r.figs))
		dest := []any{&stage}
		for i := range counts {
			dest = append(dest, &counts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for i, n := range counts {
			if n > 0 {
				r.figs[i].Stages[stage] = n
				staged[i] += n
			}
		}
	}
	for i := range r.figs {
		if active > staged[i] {
			r.figs[i].Stages[""] = active - staged[i]
		}
	}
	return rows.Err()
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
	var made []model.ReferralTally
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
	rows, err = r.q.QueryContext(r.ctx, `SELECT e.at, e.from_status, e.to_status FROM referral_events e
		WHERE e.at >= ? AND e.at < ? AND `+notAmended("e"), fmtTime(r.first()), fmtTime(r.last()))
	if err != nil {
		return err
	}
	defer rows.Close()
	var closed []model.ReferralTally
	for rows.Next() {
		var at string
		var from, to model.ReferralStatus
		if err := rows.Scan(&at, &from, &to); err != nil {
			return err
		}
		if model.ClosesReferral(from, to) {
			closed = append(closed, model.ReferralTally{At: d.time(at), N: 1})
		}
	}
	if d.err != nil {
		return d.err
	}
	model.AddReferrals(r.figs, made, closed)
	return rows.Err()
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

// signals counts the clients with a risk flag or a test showing use in the
// last 30 days, and this month's PHQ-9 safety prompts.
func (r workloadReader) signals() (model.RecentSignals, error) {
	var use []string
	for _, o := range model.TestResults() {
		if o.Value.UseIndicated() {
			use = append(use, "'"+string(o.Value)+"'")
		}
	}
	var sig model.RecentSignals
	err := r.q.QueryRowContext(r.ctx, `SELECT
		count(DISTINCT CASE WHEN json_array_length(k.flags) > 0 THEN k.client_id END),
		count(DISTINCT CASE WHEN k.test_result IN (`+strings.Join(use, ",")+`) THEN k.client_id END)
		FROM checkins k INDEXED BY checkins_week_figures WHERE k.at >= ? AND k.at <= ? AND `+notAmended("k"),
		fmtTime(model.RecentSince(r.now)), fmtTime(r.now)).Scan(&sig.RiskFlagged, &sig.UseIndicated)
	if err != nil {
		return sig, err
	}
	rows, err := r.q.QueryContext(r.ctx, `SELECT at, answers FROM screenings INDEXED BY screenings_by_time
		WHERE instrument = ? AND at >= ? AND at <= ?`, model.InstrumentPHQ9, fmtTime(model.MonthStart(r.now)), fmtTime(r.now))
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
	sig.SafetyPrompts = model.SignalsOf(r.now, nil, screenings).SafetyPrompts
	return sig, rows.Err()
}
