package demo

import (
	"time"

	"caseload/model"
	"caseload/store"
)

var (
	courts = []string{"District Court", "County Court", "Superior Court"}
	judges = []string{"Hon. R. Alvarez", "Hon. M. Chen", "Hon. T. Okafor", "Hon. L. Brennan"}
)

// courtFor writes the sentencing that began supervision, a review every six
// months up to the end of the history (a violation hearing instead for a
// client with three violations or more), and for an active client the next
// review still to come, with a report due before it.
func (g *generator) courtFor(w *store.Writer, c model.Client, start, end time.Time) error {
	court, room, judge := pick(g.rng, courts), string(rune('1'+g.rng.IntN(6)))+string(rune('A'+g.rng.IntN(3))), pick(g.rng, judges)
	event := func(kind model.CourtEventKind, at time.Time, outcome model.CourtOutcome, note string) error {
		e := model.CourtEvent{ID: g.id(), ClientID: c.ID, Kind: kind, At: at, Court: court, Courtroom: room, Judge: judge,
			OfficerAttends: c.Level == model.LevelHigh || c.Level == model.LevelIntensive || kind == model.CourtViolationHearing,
			ReportDueOn:    model.DateOf(at.AddDate(0, 0, -5)), Outcome: outcome, OutcomeNote: note, CreatedAt: at.AddDate(0, 0, -30)}
		if kind == model.CourtSentencing {
			e.ReportDueOn = model.Date{}
		}
		_, err := w.AddCourtEvent(e)
		return err
	}
	if err := event(model.CourtSentencing, start.AddDate(0, 0, -7), model.CourtOutcomeOther, "Placed on supervision with the conditions as ordered"); err != nil {
		return err
	}
	if c.Status == model.StatusActive {
		end = g.now // an active client's hearings go on whatever their contacts
	}
	at := model.StartOfDay(start.AddDate(0, 6, 0)).Add(9 * time.Hour)
	for ; at.Before(end) && at.Before(g.now); at = at.AddDate(0, 6, 0) {
		kind, outcome, note := model.CourtReview, model.CourtContinued, "Progress reviewed; supervision continues"
		if len(g.priors) >= 3 {
			kind, outcome, note = model.CourtViolationHearing, model.CourtSanctionImposed, "Admitted the violations; ten days' jail suspended"
		}
		if err := event(kind, at, outcome, note); err != nil {
			return err
		}
	}
	if c.Status == model.StatusActive && model.DateOf(at).Before(c.SupervisionTo) {
		return event(model.CourtReview, at.Add(time.Duration(g.rng.IntN(4))*time.Hour), model.CourtPending, "")
	}
	return nil
}

var (
	employers = []string{"Acme Warehouse", "Riverside Diner", "Metro Transit", "Sunrise Landscaping", "Quick Lube", "Valley Builders",
		"Hillcrest Nursing Home", "Main Street Grocery"}
	positions = []string{"Picker", "Line cook", "Cleaner", "Crew member", "Technician", "Laborer", "Aide", "Stocker"}
)

// jobsFor gives most clients a job some weeks into supervision, verified
// soon after; some lose it and find another.
func (g *generator) jobsFor(w *store.Writer, c model.Client, start, end time.Time) error {
	if g.rng.IntN(100) >= map[track]int{onTrack: 75, behind: 55, struggling: 30}[g.track] {
		return nil
	}
	from := start.AddDate(0, 0, g.rng.IntN(120))
	for jobs := 0; jobs < 2 && from.Before(end); jobs++ {
		job := model.Employment{ID: g.id(), ClientID: c.ID, Employer: pick(g.rng, employers), Position: pick(g.rng, positions),
			StartOn: model.DateOf(from), HoursPerWeek: 20 + 4*g.rng.IntN(6), CreatedAt: from}
		if verified := from.AddDate(0, 0, 10+g.rng.IntN(20)); verified.Before(end) {
			job.VerifiedBy = []model.Verification{model.VerifiedPayStub, model.VerifiedEmployer, model.VerifiedSiteVisit}[weighted(g.rng, 60, 30, 10)]
			job.VerifiedOn = model.DateOf(verified)
		}
		if g.rng.IntN(4) == 0 {
			if stop := from.AddDate(0, 2+g.rng.IntN(8), 0); stop.Before(end) {
				job.EndOn = model.DateOf(stop)
			}
		}
		if _, err := w.AddEmployment(job); err != nil {
			return err
		}
		if job.EndOn.IsZero() {
			return nil
		}
		from = job.EndOn.In(time.Local).AddDate(0, 0, 14+g.rng.IntN(60))
	}
	return nil
}
