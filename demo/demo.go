// Package demo fills a caseload file with realistic, fictional people and two
// years of their records, the same for the same seed and day: for trying the
// app, for screenshots and for benchmarks at scale.
package demo

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"caseload/model"
	"caseload/store"
)

// Options say how big a caseload to make.
type Options struct {
	Clients   int       // how many clients (default 120)
	Resources int       // how many community resources (default 60)
	Seed      uint64    // the same seed and Now give the same caseload
	Now       time.Time // "today" for the demo; records run up to it
}

// Report says what was made.
type Report struct {
	Clients, CheckIns, StageNotes, Resources, Referrals int
}

// ErrNotEmpty is returned when the file already holds records: the demo never
// mixes fictional people into an officer's real caseload.
var ErrNotEmpty = errors.New("the database already holds records; the demo fills only an empty one (use --db to name a new file)")

// Fill writes the demo caseload into an empty store in one transaction.
func Fill(ctx context.Context, s *store.Store, opt Options) (Report, error) {
	if opt.Clients <= 0 {
		opt.Clients = 120
	}
	if opt.Resources <= 0 {
		opt.Resources = 60
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return Report{}, err
	}
	if !empty {
		return Report{}, ErrNotEmpty
	}
	g := &generator{rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed)), now: opt.Now, idBase: opt.Now.AddDate(-2, 0, 0)}
	var rep Report
	err = s.FillNew(ctx, func(w *store.Writer) error {
		if err := w.MarkDemo("Demo Officer"); err != nil {
			return err
		}
		for _, r := range buildResources(g.rng, opt.Resources) {
			r.ID = g.id()
			r.CreatedAt = opt.Now.AddDate(-2, 0, 0)
			saved, err := w.CreateResource(r)
			if err != nil {
				return fmt.Errorf("demo resource: %w", err)
			}
			g.resources = append(g.resources, saved)
		}
		rep.Resources = len(g.resources)
		for i := 0; i < opt.Clients; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := g.client(w, i, &rep); err != nil {
				return fmt.Errorf("demo client %d: %w", i+1, err)
			}
		}
		return nil
	})
	return rep, err
}

type generator struct {
	rng       *rand.Rand
	now       time.Time
	resources []model.Resource
	referrals int // how many made so far, to walk every status early
	idBase    time.Time
	issued    int
	// The client being written: how they do on their conditions, and
	// their violations so far with the response to each.
	track  track
	priors []model.PriorResponse
}

// id makes the next UUIDv7 from the seeded generator, so two runs with the
// same seed produce the same ids. The ids run in the order the records are
// written, one millisecond apart, as ids made at each save would: every
// insert then lands at the end of the id indexes, which keeps a 10,000-client
// demo fast to build.
func (g *generator) id() string {
	g.issued++
	t := g.idBase.Add(time.Duration(g.issued) * time.Millisecond)
	var u uuid.UUID
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(t.UnixMilli()))
	copy(u[0:6], ms[2:8])
	binary.BigEndian.PutUint64(u[8:16], g.rng.Uint64())
	binary.BigEndian.PutUint16(u[6:8], uint16(g.rng.Uint32()))
	u[6] = (u[6] & 0x0f) | 0x70 // version 7
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return u.String()
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// weighted picks an index by weights.
func weighted(rng *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func (g *generator) client(w *store.Writer, i int, rep *Report) error {
	rng := g.rng
	given, family := pick(rng, givenNames), pick(rng, surnames)
	c := model.Client{
		Name:            given + " " + family,
		CaseNumber:      fmt.Sprintf("CR-%02d-%05d", 20+i%7, 10000+i),
		Phone:           fmt.Sprintf("(555) %03d-%04d", 200+rng.IntN(700), rng.IntN(10000)),
		Address:         fmt.Sprintf("%d %s", 100+rng.IntN(9000), pick(rng, streets)),
		SupervisionType: []model.SupervisionType{model.SupervisionProbation, model.SupervisionParole, model.SupervisionPretrial, model.SupervisionDiversion}[weighted(rng, 60, 20, 10, 10)],
		Level:           []model.Level{model.LevelLow, model.LevelModerate, model.LevelHigh, model.LevelIntensive}[weighted(rng, 30, 35, 22, 13)],
		Status:          []model.ClientStatus{model.StatusActive, model.StatusClosed, model.StatusAbsconded, model.StatusInCustody}[weighted(rng, 88, 5, 3, 4)],
	}
	if nick, ok := nicknames[given]; ok && rng.IntN(2) == 0 {
		c.PreferredName = nick
	}
	c.DateOfBirth = model.DateOf(g.now.AddDate(-18-rng.IntN(47), -rng.IntN(12), -rng.IntN(28)))
	start := g.now.AddDate(0, 0, -14-rng.IntN(716))
	c.SupervisionFrom = model.DateOf(start)
	c.SupervisionTo = c.SupervisionFrom.AddDays(365 * (1 + rng.IntN(3)))
	g.track = []track{onTrack, behind, struggling}[weighted(rng, 72, 20, 8)]
	g.priors = nil
	c.Conditions = g.conditionText()
	if rng.IntN(4) == 0 {
		c.Tags = []string{pick(rng, []string{"veteran", "dv", "sex-offense", "youthful", "mental-health", "spanish"})}
	}
	c.ID = g.id()
	c.CreatedAt = start
	saved, err := w.CreateClient(c)
	if err != nil {
		return err
	}
	rep.Clients++
	return g.history(w, saved, start, rep)
}

// history writes the client's contacts from the start of supervision to now:
// one per interval with jitter, a stage that wanders (recurrence included),
// tests, flags and, for some, a gap that leaves them overdue today.
func (g *generator) history(w *store.Writer, c model.Client, start time.Time, rep *Report) error {
	rng := g.rng
	interval := model.DefaultIntervals().Days(c.Level)
	end := g.now
	switch {
	case c.Status != model.StatusActive:
		end = start.Add(time.Duration(float64(g.now.Sub(start)) * (0.4 + rng.Float64()*0.5)))
	case rng.IntN(6) == 0:
		// Overdue by one to three weeks: the last completed contact is
		// written at the end. Longer than that, a client is an absconder,
		// which the demo shows as a status and a violation.
		end = g.now.AddDate(0, 0, -interval-1-rng.IntN(21))
	}
	stage := []model.Stage{model.StagePrecontemplation, model.StageContemplation, model.StagePreparation}[rng.IntN(3)]
	lastType := model.ContactOffice
	for at := start.Add(time.Duration(9+rng.IntN(8)) * time.Hour); at.Before(end); {
		k := g.checkIn(c, at, &stage, lastType)
		if _, err := w.AddCheckIn(k); err != nil {
			return err
		}
		if err := g.afterCheckIn(w, c, k); err != nil {
			return err
		}
		rep.CheckIns++
		if k.Stage != "" {
			rep.StageNotes++
		}
		lastType = k.Type
		days := interval + rng.IntN(interval/3+3) - interval/6
		if k.Outcome != model.OutcomeCompleted {
			days = 1 + rng.IntN(4) // a missed contact is followed up soon
		}
		at = model.StartOfDay(at.AddDate(0, 0, days)).Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute)
		if !k.NextAppointment.IsZero() {
			// The client comes back on the day the appointment was made
			// for: an appointment left pending behind a later contact
			// would keep the client due on its day.
			at = k.NextAppointment.Add(time.Duration(rng.IntN(30)) * time.Minute)
		}
		if rng.IntN(12) == 0 && at.Before(end) {
			if err := g.standAloneStage(w, c, at.Add(-26*time.Hour), &stage, rep); err != nil {
				return err
			}
		}
	}
	if end.Before(g.now) && c.Status == model.StatusActive {
		if err := g.lastContact(w, c, end, rep); err != nil {
			return err
		}
	}
	if err := g.referralsFor(w, c, start, rep); err != nil {
		return err
	}
	if err := g.plansFor(w, c, start, rep.Clients-1); err != nil {
		return err
	}
	return g.compliance(w, c, start, end)
}

// lastContact is the completed office visit an overdue client was last seen
// at, with the appointment they did not keep.
func (g *generator) lastContact(w *store.Writer, c model.Client, end time.Time, rep *Report) error {
	at := model.StartOfDay(end).Add(10 * time.Hour)
	next := model.StartOfDay(at.AddDate(0, 0, model.DefaultIntervals().Days(c.Level))).Add(10 * time.Hour)
	_, err := w.AddCheckIn(model.CheckIn{ID: g.id(), ClientID: c.ID, At: at, CreatedAt: at.Add(20 * time.Minute), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Location: "District office", Test: model.TestNotTested, Note: pick(g.rng, completedNotes),
		NextAppointment: next})
	rep.CheckIns++
	return err
}

// compliance writes the conditions' progress, the court events, jobs and
// what ended the supervision of a client who is not active.
func (g *generator) compliance(w *store.Writer, c model.Client, start, end time.Time) error {
	if err := g.progressFor(w, c, end); err != nil {
		return err
	}
	if err := g.courtFor(w, c, start, end); err != nil {
		return err
	}
	if err := g.jobsFor(w, c, start, end); err != nil {
		return err
	}
	return g.endOfSupervision(w, c, end)
}

func (g *generator) checkIn(c model.Client, at time.Time, stage *model.Stage, lastType model.ContactType) model.CheckIn {
	rng := g.rng
	types := []model.ContactType{model.ContactOffice, model.ContactHome, model.ContactField, model.ContactPhone, model.ContactVideo, model.ContactCollateral}
	typ := types[weighted(rng, 40, 20, 12, 14, 6, 8)]
	if rng.IntN(3) == 0 {
		typ = lastType
	}
	outcome := []model.Outcome{model.OutcomeCompleted, model.OutcomeAttempted, model.OutcomeNoShow, model.OutcomeRescheduled}[weighted(rng, 80, 8, 8, 4)]
	if outcome == model.OutcomeAttempted && typ == model.ContactOffice {
		outcome = model.OutcomeNoShow
	}
	if outcome == model.OutcomeNoShow && typ == model.ContactHome {
		outcome = model.OutcomeAttempted
	}
	k := model.CheckIn{
		ID: g.id(), ClientID: c.ID, At: at, CreatedAt: at.Add(time.Duration(5+rng.IntN(120)) * time.Minute),
		Type: typ, Outcome: outcome, Location: pick(rng, locations[string(typ)]), Test: model.TestNotTested,
	}
	if outcome != model.OutcomeCompleted {
		k.Note = pick(rng, otherNotes[string(outcome)])
		return k
	}
	k.Note = pick(rng, completedNotes)
	inPerson := typ == model.ContactOffice || typ == model.ContactHome || typ == model.ContactField
	if inPerson && rng.IntN(5) < 2 {
		k.Test = []model.TestResult{model.TestNegative, model.TestPositive, model.TestRefused, model.TestDilute, model.TestAdmitted}[weighted(rng, 75, 10, 4, 4, 7)]
		if k.Test.NamesSubstances() {
			k.Substances = []string{pick(rng, substances)}
			if rng.IntN(4) == 0 {
				k.Substances = append(k.Substances, pick(rng, substances))
			}
			k.Sensitive = true
		}
	}
	if typ != model.ContactCollateral && rng.IntN(10) < 3 {
		*stage = g.nextStage(*stage, k.Test)
		k.Stage = *stage
	}
	if rng.IntN(10) == 0 {
		k.Flags = []model.RiskFlag{pick(rng, model.RiskFlags()).Value}
	}
	if rng.IntN(2) == 0 {
		days := model.DefaultIntervals().Days(c.Level)
		k.NextAppointment = model.StartOfDay(at.AddDate(0, 0, days)).Add(time.Duration(9+rng.IntN(7)) * time.Hour)
	}
	return k
}

// nextStage wanders along the stages: mostly forward, sometimes back, and a
// positive test after action is often a recurrence.
func (g *generator) nextStage(s model.Stage, test model.TestResult) model.Stage {
	order := []model.Stage{model.StagePrecontemplation, model.StageContemplation, model.StagePreparation, model.StageAction, model.StageMaintenance}
	if (test == model.TestPositive || test == model.TestAdmitted) && (s == model.StageAction || s == model.StageMaintenance) && g.rng.IntN(3) > 0 {
		return model.StageRecurrence
	}
	if s == model.StageRecurrence {
		return order[1+g.rng.IntN(3)]
	}
	i := 0
	for j, o := range order {
		if o == s {
			i = j
		}
	}
	switch weighted(g.rng, 45, 40, 15) {
	case 0:
		if i < len(order)-1 {
			i++
		}
	case 2:
		if i > 0 {
			i--
		}
	}
	return order[i]
}

func (g *generator) standAloneStage(w *store.Writer, c model.Client, at time.Time, stage *model.Stage, rep *Report) error {
	*stage = g.nextStage(*stage, model.TestNotTested)
	n := model.StageNote{ID: g.id(), ClientID: c.ID, At: at, Stage: *stage, Note: pick(g.rng, stageNotes[string(*stage)]), CreatedAt: at}
	if _, err := w.AddStageNote(n); err != nil {
		return err
	}
	rep.StageNotes++
	return nil
}
