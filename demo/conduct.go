package demo

import (
	"fmt"
	"time"

	"caseload/model"
	"caseload/store"
)

var violationNotes = map[model.ViolationKind][]string{
	model.ViolationTest:          {"Positive screen at the office; client disputes the result", "Refused to give a sample", "Sample cold and dilute"},
	model.ViolationMissedContact: {"Missed the scheduled office visit; no call", "Not home at the agreed time"},
	model.ViolationNewArrest:     {"Arrested on a new charge; police report requested"},
	model.ViolationCurfew:        {"Monitor shows him out past curfew", "Out after curfew per the home check"},
	model.ViolationPayment:       {"Two instalments missed on the payment plan"},
	model.ViolationAbsconding:    {"Left the address; phone disconnected; whereabouts unknown"},
}

var responseNotes = []string{"Discussed at the office; signed the response form", "Explained what comes next if it happens again",
	"Agreed a plan to prevent a repeat", ""}

// afterCheckIn records, some of the time, the violation a check-in led to,
// with a response suggested by the matrix (the officer mostly takes it), or
// an incentive for a good contact.
func (g *generator) afterCheckIn(w *store.Writer, c model.Client, k model.CheckIn) error {
	v, ok := model.ViolationFromCheckIn(k)
	record := ok && map[model.ViolationKind]int{model.ViolationTest: 55, model.ViolationMissedContact: 25, model.ViolationNewArrest: 100}[v.Kind] > g.rng.IntN(100)
	if record {
		v.Description = pick(g.rng, violationNotes[v.Kind])
		if err := g.violation(w, c, v); err != nil {
			return err
		}
		if v.Kind == model.ViolationNewArrest {
			_, err := w.AddArrest(model.Arrest{ID: g.id(), ClientID: c.ID, At: k.At.Add(-48 * time.Hour), Agency: pick(g.rng, agencies),
				Charges: pick(g.rng, charges), CreatedAt: k.At})
			return err
		}
		return nil
	}
	if k.Outcome == model.OutcomeCompleted && k.Test != model.TestPositive && g.rng.IntN(100) < map[track]int{onTrack: 12, behind: 7, struggling: 4}[g.track] {
		return g.incentive(w, c, "praise", k.At.Add(30*time.Minute), pick(g.rng, praise))
	}
	return nil
}

var (
	agencies = []string{"City Police Department", "County Sheriff's Office", "State Patrol"}
	charges  = []string{"Driving while suspended", "Trespass", "Possession of drug paraphernalia", "Shoplifting", "Disorderly conduct"}
	praise   = []string{"Kept every appointment this month", "Negative tests three months running", "Started a new job",
		"Finished the workbook chapter", "Paid ahead on restitution"}
)

// violation records a violation and, unless it is recent, the response the
// matrix suggests from the client's history, so that a client who keeps
// offending climbs the ladder.
func (g *generator) violation(w *store.Writer, c model.Client, v model.Violation) error {
	if v.At.After(g.now) {
		v.At = g.now.Add(-26 * time.Hour)
	}
	v.ID, v.ClientID, v.CreatedAt = g.id(), c.ID, v.At.Add(time.Hour)
	set := model.DefaultResponseSettings()
	sug := set.Suggest(v, c.Level, g.priors)
	var resp *model.Response
	recent := g.now.Sub(v.At) < 10*24*time.Hour
	if !recent || g.rng.IntN(10) < 6 {
		step := sug.Step
		// Now and then the officer chooses one step lower than suggested.
		if i := stepIndex(set.Sanctions, step.Key); i > 0 && g.rng.IntN(8) == 0 {
			step = set.Sanctions[i-1]
		}
		at := v.At.Add(time.Duration(1+g.rng.IntN(40)) * time.Hour)
		if at.After(g.now) {
			at = g.now.Add(-time.Minute)
		}
		resp = &model.Response{ID: g.id(), StepKey: step.Key, Suggested: sug.Step.Key, At: at, Note: pick(g.rng, responseNotes), CreatedAt: at}
	}
	if _, err := w.RecordViolation(v, resp); err != nil {
		return fmt.Errorf("violation: %w", err)
	}
	p := model.PriorResponse{At: v.At}
	if resp != nil {
		p.StepKey = resp.StepKey
	}
	g.priors = append(g.priors, p)
	return nil
}

func stepIndex(l model.Ladder, key string) int {
	for i, s := range l {
		if s.Key == key {
			return i
		}
	}
	return -1
}

func (g *generator) incentive(w *store.Writer, c model.Client, step string, at time.Time, reason string) error {
	if at.After(g.now) {
		return nil
	}
	_, err := w.AddIncentive(model.Incentive{ID: g.id(), ClientID: c.ID, StepKey: step, At: at, Reason: reason, CreatedAt: at})
	return err
}

// endOfSupervision records why a client who is not active stopped
// reporting: an absconder's violation and warrant request, a custody after
// a new arrest.
func (g *generator) endOfSupervision(w *store.Writer, c model.Client, end time.Time) error {
	switch c.Status {
	case model.StatusAbsconded:
		return g.violation(w, c, model.Violation{Kind: model.ViolationAbsconding, Seriousness: model.SeriousnessHigh,
			At: end.AddDate(0, 0, model.DefaultIntervals().Days(c.Level)+3), Description: violationNotes[model.ViolationAbsconding][0]})
	case model.StatusInCustody:
		at := end.AddDate(0, 0, 3+g.rng.IntN(20))
		if !at.Before(g.now) {
			at = g.now.AddDate(0, 0, -1)
		}
		if _, err := w.AddArrest(model.Arrest{ID: g.id(), ClientID: c.ID, At: at, Agency: pick(g.rng, agencies),
			Charges: pick(g.rng, charges), CreatedAt: at}); err != nil {
			return err
		}
		if _, err := w.AddCustody(model.Custody{ID: g.id(), ClientID: c.ID, In: at.Add(2 * time.Hour), Facility: "County jail",
			Reason: "Held on the new charge", CreatedAt: at}); err != nil {
			return err
		}
		return g.violation(w, c, model.Violation{Kind: model.ViolationNewArrest, Seriousness: model.SeriousnessHigh, At: at,
			Description: violationNotes[model.ViolationNewArrest][0]})
	}
	return nil
}
