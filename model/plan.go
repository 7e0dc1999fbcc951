package model

import (
	"strconv"
	"strings"
	"time"
)

// GoalDomain is the part of the client's life a supervision-plan goal is
// about.
type GoalDomain string

// Goal domains.
const (
	DomainSubstanceUse GoalDomain = "substance_use"
	DomainMentalHealth GoalDomain = "mental_health"
	DomainEmployment   GoalDomain = "employment"
	DomainEducation    GoalDomain = "education"
	DomainHousing      GoalDomain = "housing"
	DomainFamily       GoalDomain = "family"
	DomainFinances     GoalDomain = "finances"
	DomainThinking     GoalDomain = "thinking"
	DomainOther        GoalDomain = "other"
)

var goalDomains = []Option[GoalDomain]{
	{DomainSubstanceUse, "Substance use", "Cutting down or stopping use, treatment, staying in recovery."},
	{DomainMentalHealth, "Mental health", "Counselling, medication, coping with stress and mood."},
	{DomainEmployment, "Employment", "Finding, keeping or training for work."},
	{DomainEducation, "Education", "GED, literacy, courses and qualifications."},
	{DomainHousing, "Housing", "A safe, stable place to live."},
	{DomainFamily, "Family and relationships", "Children, partner, family and the people around the client."},
	{DomainFinances, "Finances", "Budgeting, debts, benefits, fines and fees."},
	{DomainThinking, "Thinking and behaviour", "Attitudes, decisions, anger and the habits that led to offending."},
	{DomainOther, "Other", "Anything else the client wants to work on."},
}

// GoalDomains lists the goal domains.
func GoalDomains() []Option[GoalDomain] { return copyOf(goalDomains) }

// Label is the officer-facing name.
func (v GoalDomain) Label() string { return labelOf(goalDomains, v) }

// Help is the one-line explanation.
func (v GoalDomain) Help() string { return helpOf(goalDomains, v) }

// Valid reports whether v is known.
func (v GoalDomain) Valid() bool { return valid(goalDomains, v) }

// GoalStatus is where a goal stands.
type GoalStatus string

// Goal statuses.
const (
	GoalOpen     GoalStatus = "open"
	GoalAchieved GoalStatus = "achieved"
	GoalChanged  GoalStatus = "changed"
	GoalDropped  GoalStatus = "dropped"
)

var goalStatuses = []Option[GoalStatus]{
	{GoalOpen, "Open", "The client is working on it."},
	{GoalAchieved, "Achieved", "The client reached the goal."},
	{GoalChanged, "Changed", "Replaced by a different goal the client chose."},
	{GoalDropped, "Dropped", "No longer pursued."},
}

// GoalStatuses lists the goal statuses.
func GoalStatuses() []Option[GoalStatus] { return copyOf(goalStatuses) }

// Label is the officer-facing name.
func (v GoalStatus) Label() string { return labelOf(goalStatuses, v) }

// Help is the one-line explanation.
func (v GoalStatus) Help() string { return helpOf(goalStatuses, v) }

// Valid reports whether v is known.
func (v GoalStatus) Valid() bool { return valid(goalStatuses, v) }

// Step is one small, dated step toward a goal.
type Step struct {
	Text string
	Due  Date
	Done bool
}

// Goal is one version of a supervision-plan goal the client set with the
// officer. A goal is never changed in place: each change is a new version
// with the next number, and the goal's current state is its latest version.
type Goal struct {
	ID          string // the goal's id, shared by all its versions
	ClientID    string
	Version     int // 1 for the first; set by the store
	Domain      GoalDomain
	Words       string // the goal in the client's own words
	Steps       []Step
	TargetDate  Date
	Status      GoalStatus
	ReferralIDs []string // the referrals that serve the goal
	Note        string   // why this version was made, for the history
	At          time.Time
}

// Goal field names used in validation errors.
const (
	FieldDomain     = "domain"
	FieldWords      = "words"
	FieldTargetDate = "target_date"
	FieldReferrals  = "referrals"
	FieldSteps      = "steps"
)

// FieldStepText and FieldStepDue name step n's (1-based) fields in
// validation errors.
func FieldStepText(n int) string { return "step_" + strconv.Itoa(n) + "_text" }

// FieldStepDue names step n's (1-based) due date in validation errors.
func FieldStepDue(n int) string { return "step_" + strconv.Itoa(n) + "_due" }

// maxSteps keeps a goal a handful of small steps, as the plan is meant to be.
const maxSteps = 50

// Validate checks a goal version: no step may fall due after the goal's
// target date.
func (g Goal) Validate() error {
	var p problems
	if g.ClientID == "" {
		p.add("client", "required")
	}
	if !g.Domain.Valid() {
		p.add(FieldDomain, "choose a domain")
	}
	checkText(&p, FieldWords, g.Words, true, 2000)
	if !g.Status.Valid() {
		p.add(FieldStatus, "choose open, achieved, changed or dropped")
	}
	if len(g.Steps) > maxSteps {
		p.add(FieldSteps, "at most "+strconv.Itoa(maxSteps)+" steps")
	}
	for i, s := range g.Steps {
		checkText(&p, FieldStepText(i+1), s.Text, true, 500)
		if !s.Due.IsZero() && !g.TargetDate.IsZero() && g.TargetDate.Before(s.Due) {
			p.add(FieldStepDue(i+1), "is after the goal's target date "+g.TargetDate.String())
		}
	}
	seen := map[string]bool{}
	for _, id := range g.ReferralIDs {
		if strings.TrimSpace(id) == "" || seen[id] {
			p.add(FieldReferrals, "each referral is linked once")
			break
		}
		seen[id] = true
	}
	checkText(&p, FieldNote, g.Note, false, maxNote)
	return p.err()
}

// StepsDone counts the steps ticked done.
func (g Goal) StepsDone() int {
	n := 0
	for _, s := range g.Steps {
		if s.Done {
			n++
		}
	}
	return n
}

// CanTickSteps reports whether the goal's steps may be ticked: only while
// it is open. An achieved, changed or dropped goal's steps are a record of
// how it ended; reopening the goal is an edit with its own history.
func (g Goal) CanTickSteps() bool { return g.Status == GoalOpen }

// TickRefusal says why a closed goal's steps are not ticked, for the field.
func (g Goal) TickRefusal() string {
	return "the goal is " + g.Status.Label() + ": set it to Open to tick its steps"
}

// WithStep returns the goal with step i (0-based) ticked done or not, as a
// new version to save; ok is false when there is no such step.
func (g Goal) WithStep(i int, done bool) (Goal, bool) {
	if i < 0 || i >= len(g.Steps) {
		return g, false
	}
	g.Steps = append([]Step(nil), g.Steps...)
	g.Steps[i].Done = done
	return g, true
}

// StepsOverdue lists the open goal's steps not done by their due date.
func (g Goal) StepsOverdue(today Date) []Step {
	if g.Status != GoalOpen {
		return nil
	}
	var out []Step
	for _, s := range g.Steps {
		if !s.Done && !s.Due.IsZero() && s.Due.Before(today) {
			out = append(out, s)
		}
	}
	return out
}
