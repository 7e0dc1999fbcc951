package demo

import (
	"fmt"
	"time"

	"caseload/model"
	"caseload/store"
)

// goalIdeas are goals in a client's own words, with the small steps that go
// with them, by domain.
var goalIdeas = map[model.GoalDomain][]struct {
	words string
	steps []string
}{
	model.DomainSubstanceUse: {
		{"Stay clean so I can keep my job", []string{"Go to intake at the clinic", "Attend group twice a week", "Get a sponsor"}},
		{"Cut down drinking to weekends, then stop", []string{"Keep a drinking diary", "Tell my brother the plan", "No bars after work"}},
	},
	model.DomainMentalHealth: {
		{"Feel less angry all the time", []string{"See the counsellor", "Try the breathing thing when I get heated"}},
		{"Sleep through the night again", []string{"Ask the doctor about sleep", "No phone after 11"}},
	},
	model.DomainEmployment: {
		{"A steady job so I can see my kids", []string{"Sign up at the job centre", "Two applications a week", "Buy work boots"}},
		{"Get my forklift licence", []string{"Find a course", "Sign up", "Pass the test"}},
	},
	model.DomainEducation: {
		{"Finish my GED this year", []string{"Enrol at the adult school", "Do the math practice test", "Sit the exam"}},
	},
	model.DomainHousing: {
		{"My own place, not my cousin's couch", []string{"Apply for the housing list", "Save first month's rent", "Get a reference letter"}},
	},
	model.DomainFamily: {
		{"Be there for my daughter", []string{"Call her every Sunday", "Go to the custody mediation"}},
		{"Stop fighting with my mom", []string{"Walk away when it gets loud", "Family session at the clinic"}},
	},
	model.DomainFinances: {
		{"Pay off my fines", []string{"Set up the payment plan", "Pay $50 each payday"}},
	},
	model.DomainThinking: {
		{"Think before I act", []string{"Finish the thinking-for-a-change group", "Name one risky choice I avoided each week"}},
	},
	model.DomainOther: {
		{"Get my driver's licence back", []string{"Get the DMV letter", "Pay the reinstatement fee"}},
	},
}

var (
	triggerPeople     = []string{"Old friends from the block", "My ex", "Cousin who still uses", "Guys from work on payday"}
	triggerPlaces     = []string{"The liquor store on 5th", "Bars downtown", "My old neighbourhood", "Parties at the lake"}
	triggerFeelings   = []string{"Bored on weekends", "Lonely at night", "Angry after court", "Stressed about money"}
	triggerSituations = []string{"Getting paid in cash", "Arguments at home", "Being alone with nothing to do", "Sports on TV with beer"}
	warningSigns      = []string{"Skipping meetings", "Not answering my sponsor", "Lying about small things", "Not sleeping", "Hanging out with old crew"}
	copingStrategies  = []string{"Call my sponsor", "Go to a meeting", "Walk the dog", "Go to the gym", "Play it forward: think of the morning after", "Pray", "Text my sister"}
	supportNames      = []string{"Maria (sponsor)", "Rev. Dana Hill", "My sister Keisha", "Coach Ortiz", "Uncle Ray", "Peer mentor Sam"}
	consentPurposes   = []string{"Coordinate treatment with the provider", "Confirm attendance for the court", "Plan housing together", "Support the job placement"}
	consentPeople     = []string{"Dr. Ada Okafor", "Attorney Lee Novak", "Grandmother Rosa Flores"}
)

// plansFor gives a client, now and then, supervision-plan goals, a
// relapse-prevention plan, consents and screenings. The first clients walk
// through every goal status and every kind of consent, so even a small demo
// shows them all.
// k is the client's position in the demo.
func (g *generator) plansFor(w *store.Writer, c model.Client, start time.Time, k int) error {
	if k < 12 || g.rng.IntN(10) < 6 {
		if err := g.goals(w, c, start, k); err != nil {
			return err
		}
	}
	if k < 12 || g.rng.IntN(10) < 4 {
		if err := g.relapsePlan(w, c, start); err != nil {
			return err
		}
	}
	if k < 12 || g.rng.IntN(10) < 5 {
		if err := g.consent(w, c, start, k); err != nil {
			return err
		}
	}
	n := g.rng.IntN(3)
	if k < 12 && n == 0 {
		n = 1
	}
	for ; n > 0; n-- {
		if err := g.screening(w, c, start, k); err != nil {
			return err
		}
	}
	return nil
}

// between returns a time in [from, to), at least a few hours after from.
func (g *generator) between(from, to time.Time) time.Time {
	span := to.Sub(from)
	if span < 2*time.Hour {
		return from.Add(span / 2)
	}
	return from.Add(time.Hour + time.Duration(g.rng.Int64N(int64(span-time.Hour))))
}

func (g *generator) goals(w *store.Writer, c model.Client, start time.Time, k int) error {
	statuses := model.GoalStatuses()
	domains := model.GoalDomains()
	for n := 1 + g.rng.IntN(2); n > 0; n-- {
		domain := domains[g.rng.IntN(len(domains))].Value
		idea := pick(g.rng, goalIdeas[domain])
		set := g.between(start, g.now.AddDate(0, 0, -7))
		target := model.DateOf(set).AddDays(60 + g.rng.IntN(120))
		goal := model.Goal{ID: g.id(), ClientID: c.ID, Domain: domain, Words: idea.words, Status: model.GoalOpen,
			TargetDate: target, At: set}
		for i, text := range idea.steps {
			due := model.DateOf(set).AddDays(14 * (i + 1))
			if target.Before(due) {
				due = target
			}
			goal.Steps = append(goal.Steps, model.Step{Text: text, Due: due})
		}
		saved, err := w.CreateGoal(goal)
		if err != nil {
			return err
		}
		final := statuses[g.rng.IntN(len(statuses))].Value
		if k < len(statuses) && n == 1 {
			final = statuses[k].Value
		}
		// A later version ticks the first step done; another, if the goal
		// is closed, records how it ended.
		span := g.now.Sub(set)
		ticked, _ := saved.WithStep(0, true)
		ticked.At, ticked.Note = set.Add(span/2), ""
		if saved, err = w.SaveGoal(ticked); err != nil {
			return err
		}
		if final == model.GoalOpen {
			continue
		}
		saved.Status, saved.At = final, set.Add(span*9/10)
		saved.Note = map[model.GoalStatus]string{model.GoalAchieved: "Done: client proud of this one.",
			model.GoalChanged: "Client chose a different goal for now.", model.GoalDropped: "No longer a priority for the client."}[final]
		if _, err := w.SaveGoal(saved); err != nil {
			return err
		}
	}
	return nil
}

func some(g *generator, list []string, most int) []string {
	var out []string
	seen := map[string]bool{}
	for n := 1 + g.rng.IntN(most); n > 0; n-- {
		s := pick(g.rng, list)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (g *generator) relapsePlan(w *store.Writer, c model.Client, start time.Time) error {
	first := g.between(start, g.now.AddDate(0, 0, -2))
	p := model.RelapsePlan{ClientID: c.ID, People: some(g, triggerPeople, 2), Places: some(g, triggerPlaces, 2),
		Feelings: some(g, triggerFeelings, 2), Situations: some(g, triggerSituations, 2),
		WarningSigns: some(g, warningSigns, 3), Coping: some(g, copingStrategies, 3)}
	for _, name := range some(g, supportNames, 2) {
		p.Supports = append(p.Supports, model.SupportPerson{Name: name, Phone: fmt.Sprintf("(555) %03d-%04d", 200+g.rng.IntN(700), g.rng.IntN(10000))})
	}
	// Versions are spread evenly between the first and today, so each is
	// later than the one before.
	versions := 1 + g.rng.IntN(3)
	for v := 0; v < versions; v++ {
		at := first.Add(g.now.Sub(first) * time.Duration(v) / 4)
		p.ID, p.At = g.id(), at
		if _, err := w.SaveRelapsePlan(p); err != nil {
			return err
		}
		p.Coping = append(append([]string(nil), p.Coping...), pick(g.rng, copingStrategies)+" (added)")
		p.Note = "Reviewed with the client after a hard week."
	}
	return nil
}

// consent makes one consent that is active, expired or revoked today.
func (g *generator) consent(w *store.Writer, c model.Client, start time.Time, k int) error {
	today := model.DateOf(g.now)
	signed := model.DateOf(g.between(start, g.now.AddDate(0, 0, -4)))
	kinds := model.ShareKinds()
	cn := model.Consent{ClientID: c.ID, Purpose: pick(g.rng, consentPurposes), SignedOn: signed,
		ExpiresOn: signed.AddDays(365), CreatedAt: signed.In(time.Local).Add(10 * time.Hour)}
	cn.ID = g.id()
	for i, o := range kinds {
		if g.rng.IntN(2) == 0 || i == 0 {
			cn.Kinds = append(cn.Kinds, o.Value)
		}
	}
	if g.rng.IntN(5) == 0 {
		cn.Recipient.Person = pick(g.rng, consentPeople)
	} else {
		cn.Recipient.ResourceID = pick(g.rng, g.resources).ID
	}
	kind := g.rng.IntN(5)
	if k < 3 {
		kind = k
	}
	switch kind {
	case 1: // expired: a short consent that ran out before today
		cn.ExpiresOn = signed.AddDays(1 + g.rng.IntN(signed.DaysUntil(today)-1))
	case 2: // revoked by the client
		cn.RevokedOn = signed.AddDays(1 + g.rng.IntN(signed.DaysUntil(today)))
	}
	_, err := w.CreateConsent(cn)
	return err
}

func (g *generator) screening(w *store.Writer, c model.Client, start time.Time, k int) error {
	list := model.Instruments()
	inst := list[g.rng.IntN(len(list))].Value
	if k < len(list) {
		inst = list[k].Value
	}
	form, _ := model.FormOf(inst)
	at := g.between(start, g.now)
	sc := model.Screening{ID: g.id(), ClientID: c.ID, Instrument: inst, At: at, CreatedAt: at.Add(10 * time.Minute)}
	for i, q := range form.Questions {
		points := q.Choices[g.rng.IntN(len(q.Choices))].Points
		if inst == model.InstrumentPHQ9 && i == 8 && g.rng.IntN(4) > 0 {
			points = 0 // most answer "not at all" to item 9
		}
		sc.Answers = append(sc.Answers, points)
	}
	if sc.Result().AskAboutSafetyNow {
		sc.Note = "Asked about safety; client has a plan to call the crisis line and agreed to see the counsellor this week."
	}
	_, err := w.AddScreening(sc)
	return err
}
