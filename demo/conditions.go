package demo

import (
	"fmt"
	"strings"
	"time"

	"caseload/model"
	"caseload/store"
)

// conditionTexts are the court's orders the demo draws from, in the words
// officers see on a judgment; %s parts are filled per client so that the
// amounts and hours vary. A client never gets the same one twice.
var conditionTexts = []func(g *generator) string{
	func(*generator) string { return "Report as directed" },
	func(*generator) string { return "No new offenses" },
	func(*generator) string { return "Random drug and alcohol testing" },
	func(*generator) string { return "Complete substance-use assessment and follow recommendations" },
	func(*generator) string { return "Maintain employment or job search" },
	func(g *generator) string { return "No contact with " + pick(g.rng, victims) },
	func(*generator) string { return "Curfew 10pm-6am" },
	func(g *generator) string {
		return fmt.Sprintf("Complete %d hours community service within %d months", pick(g.rng, []int{24, 40, 60, 100}), pick(g.rng, []int{6, 9, 12}))
	},
	func(g *generator) string {
		return fmt.Sprintf("Complete %d sessions of anger management", pick(g.rng, []int{12, 16, 26}))
	},
	func(g *generator) string {
		total := 300 + 50*g.rng.IntN(45)
		return fmt.Sprintf("Pay restitution of %s at %s a month", dollars(total), dollars(pick(g.rng, []int{25, 50, 75, 100, 150})))
	},
	func(g *generator) string {
		total := 200 + 25*g.rng.IntN(20)
		return fmt.Sprintf("Pay court fines and fees of %s at %s a month", dollars(total), dollars(pick(g.rng, []int{25, 40, 50})))
	},
	func(*generator) string { return "No firearms" },
	func(*generator) string { return "Stay out of bars and liquor stores" },
	func(*generator) string { return "Attend three recovery meetings a week" },
	func(*generator) string { return "Complete mental-health evaluation and follow treatment" },
	func(*generator) string { return "Electronic monitoring for the first 90 days" },
	func(*generator) string { return "Do not leave the state without permission" },
	func(*generator) string { return "Enroll in GED classes" },
}

var victims = []string{"the victim, J. R.", "the victim's family", "Ms. Delgado", "the co-defendant", "the complainant"}

func dollars(n int) string { return model.Money(int64(n) * 100) }

// conditionText picks two to four distinct orders for a client.
func (g *generator) conditionText() string {
	n := 2 + g.rng.IntN(3)
	order := g.rng.Perm(len(conditionTexts))[:n]
	parts := make([]string, n)
	for i, k := range order {
		parts[i] = conditionTexts[k](g)
	}
	return strings.Join(parts, "\n")
}

// track says how a client is doing on their conditions: most keep up, some
// fall behind, a few struggle (and collect violations).
type track int

const (
	onTrack track = iota
	behind
	struggling
)

// progressFor writes each condition's progress from the order to the end of
// the client's history: hours a few at a time, monthly payments, weekly
// sessions, and the status changes an officer would record.
func (g *generator) progressFor(w *store.Writer, c model.Client, end time.Time) error {
	conds, err := w.ClientConditions(c.ID)
	if err != nil {
		return err
	}
	for _, cd := range conds {
		start := cd.OrderedOn.In(time.Local).Add(10 * time.Hour)
		var err error
		switch cd.Kind.Measure() {
		case model.MeasureMinutes:
			err = g.hours(w, cd, start, end)
		case model.MeasureCents:
			err = g.payments(w, cd, start, end)
		case model.MeasureSessions:
			err = g.sessions(w, cd, start, end)
		default:
			err = g.kept(w, cd, start, end)
		}
		if err != nil {
			return fmt.Errorf("progress on %q: %w", cd.Wording, err)
		}
	}
	return nil
}

var serviceSites = []string{"Eastside food bank", "Parks department", "Habitat ReStore", "Senior center", "Animal shelter", "Church pantry"}

func (g *generator) hours(w *store.Writer, cd model.Condition, start, end time.Time) error {
	span := cd.DueBy.In(time.Local).Sub(start)
	if cd.DueBy.IsZero() || cd.Target == 0 {
		span = 180 * 24 * time.Hour
	}
	pace := map[track]float64{onTrack: 0.85, behind: 1.6, struggling: 3}[g.track]
	var done int64
	var last time.Time
	for at := start.AddDate(0, 0, 7+g.rng.IntN(14)); at.Before(end) && (cd.Target == 0 || done < cd.Target); {
		n := int64(60 * (2 + g.rng.IntN(5)))
		if cd.Target > 0 {
			n = min(n, cd.Target-done)
		}
		if err := g.progress(w, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressHours, Amount: n, At: at,
			Where: pick(g.rng, serviceSites)}); err != nil {
			return err
		}
		done, last = done+n, at
		step := time.Duration(float64(span) * pace * float64(n) / float64(max(cd.Target, 2400)))
		at = model.StartOfDay(at.Add(step)).Add(time.Duration(9+g.rng.IntN(6)) * time.Hour)
	}
	switch {
	case cd.Target > 0 && done >= cd.Target:
		return g.status(w, cd, model.ConditionCompleted, settled(last, end), "All hours verified by the site supervisor")
	case !cd.DueBy.IsZero() && cd.DueBy.In(time.Local).Before(end):
		return g.status(w, cd, model.ConditionNotCompliant, cd.DueBy.In(time.Local).Add(34*time.Hour),
			fmt.Sprintf("Deadline passed with %s of %s hours done", model.Hours(done), model.Hours(cd.Target)))
	}
	return nil
}

func (g *generator) payments(w *store.Writer, cd model.Condition, start, end time.Time) error {
	each := cd.Instalment
	if each == 0 {
		each = 5000
	}
	first := cd.FirstInstalmentOn
	if first.IsZero() {
		first = model.AddMonths(cd.OrderedOn, 1)
	}
	var done int64
	var last, secondMiss time.Time
	missed := 0
	for i := 0; cd.Target == 0 || done < cd.Target; i++ {
		due := model.AddMonths(first, i).In(time.Local).Add(time.Duration(9+g.rng.IntN(8)) * time.Hour)
		at := due.AddDate(0, 0, g.rng.IntN(9)-6)
		if !at.Before(end) {
			break
		}
		// Someone behind starts missing months after a while; someone
		// struggling stops paying.
		skip := g.track == behind && i > 2 && g.rng.IntN(3) == 0 || g.track == struggling && i > 1
		if skip {
			if missed++; missed == 2 {
				secondMiss = due
			}
			continue
		}
		amount := each
		if cd.Target > 0 {
			amount = min(amount, cd.Target-done)
		}
		if err := g.progress(w, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressPayment, Amount: amount, At: at,
			Receipt: fmt.Sprintf("R-%05d", 10000+g.rng.IntN(90000))}); err != nil {
			return err
		}
		done, last = done+amount, at
	}
	switch {
	case cd.Target > 0 && done >= cd.Target:
		return g.status(w, cd, model.ConditionCompleted, settled(last, end), "Paid in full; clerk's receipt on file")
	case missed >= 2:
		// Found at the second miss, when the count was two.
		return g.status(w, cd, model.ConditionNotCompliant, settled(secondMiss, end), "2 instalments missed")
	}
	return nil
}

var sessionPlaces = map[model.ConditionKind][]string{
	model.ConditionProgramme:   {"Cognitive skills group, room B", "Anger management class"},
	model.ConditionSUTreatment: {"Outpatient group", "Individual counselling"},
	model.ConditionMHTreatment: {"Community mental-health clinic"},
	model.ConditionEducation:   {"Adult learning center"},
}

func (g *generator) sessions(w *store.Writer, cd model.Condition, start, end time.Time) error {
	missChance := map[track]int{onTrack: 5, behind: 20, struggling: 40}[g.track]
	var done int64
	limit := cd.Target
	if limit == 0 {
		limit = int64(10 + g.rng.IntN(16))
	}
	var last time.Time
	for at := start.AddDate(0, 0, 10+g.rng.IntN(20)); at.Before(end) && done < limit; at = at.AddDate(0, 0, 7) {
		kind := model.ProgressAttended
		if g.rng.IntN(100) < missChance {
			kind = model.ProgressMissed
		} else {
			done++
		}
		if err := g.progress(w, model.ProgressEntry{ConditionID: cd.ID, Kind: kind, At: at,
			Where: pick(g.rng, sessionPlaces[cd.Kind])}); err != nil {
			return err
		}
		last = at
	}
	if done >= limit {
		return g.status(w, cd, model.ConditionCompleted, settled(last, end), "Completion letter from the programme")
	}
	return nil
}

// kept records, for a condition that is kept or broken rather than counted,
// the officer's finding at the first review: in compliance for most.
func (g *generator) kept(w *store.Writer, cd model.Condition, start, end time.Time) error {
	at := start.AddDate(0, 0, 20+g.rng.IntN(30))
	if !at.Before(end) {
		return nil
	}
	if g.track == struggling && (cd.Kind == model.ConditionCurfew || cd.Kind == model.ConditionMonitoring || cd.Kind == model.ConditionEmployment) {
		return g.status(w, cd, model.ConditionNotCompliant, at, "Repeated lapses; see violations")
	}
	return g.status(w, cd, model.ConditionCompliant, at, "Reviewed at the office visit: being met")
}

func (g *generator) progress(w *store.Writer, e model.ProgressEntry) error {
	e.ID, e.CreatedAt = g.id(), e.At.Add(2*time.Hour)
	_, err := w.AddProgress(e)
	return err
}

// settled is when the officer records what the last entry, at last, settled
// (hours all done, a fine paid, a second instalment missed): at the review
// a few days later, before the end of the history. Recorded at the end
// itself, every such change of a long history fell on the demo's last
// moment, the start of the day it is made: a tenth of all conditions
// changed "today".
func settled(last, end time.Time) time.Time {
	if at := model.StartOfDay(last).AddDate(0, 0, 3).Add(11 * time.Hour); at.Before(end) {
		return at
	}
	if last.Before(end) {
		return last.Add(end.Sub(last) / 2) // after the entry, before the end
	}
	return end.Add(-time.Hour)
}

// status records a change of status before the end of the history.
func (g *generator) status(w *store.Writer, cd model.Condition, to model.ConditionStatus, at time.Time, reason string) error {
	if !at.Before(g.now) {
		at = g.now.Add(-time.Hour)
	}
	return g.progress(w, model.ProgressEntry{ConditionID: cd.ID, Kind: model.ProgressStatus, Status: to, At: at, Note: reason})
}
