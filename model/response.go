package model

import (
	"fmt"
	"strings"
	"time"
)

// LadderStep is one rung of the agency's response ladder (sanctions) or
// incentive ladder. Tier is its intensity, 1 (least) to 3 (most): the
// response matrix suggests a tier, and the ladder's steps in it.
type LadderStep struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Tier  int    `json:"tier"`
}

// Ladder is a list of steps, least intense first.
type Ladder []LadderStep

// Step finds a step by key.
func (l Ladder) Step(key string) (LadderStep, bool) {
	for _, s := range l {
		if s.Key == key {
			return s, true
		}
	}
	return LadderStep{}, false
}

func (l Ladder) index(key string) int {
	for i, s := range l {
		if s.Key == key {
			return i
		}
	}
	return -1
}

// MaxTier is the most intense tier of the ladders and the matrix.
const MaxTier = 3

// ResponseMatrix gives the tier of response to a violation from its
// seriousness and the client's supervision level, as the behaviour-response
// matrices agencies publish do.
type ResponseMatrix map[Seriousness]map[Level]int

// ResponseSettings are the agency's ladders and matrix, which it may change.
type ResponseSettings struct {
	Sanctions  Ladder         `json:"sanctions"`
	Incentives Ladder         `json:"incentives"`
	Matrix     ResponseMatrix `json:"matrix"`
}

// DefaultResponseSettings are the ladders of the example and a
// matrix in the shape most published ones take: a low-seriousness lapse by
// a low-level client gets the least, a serious one by an intensive-level
// client the most.
func DefaultResponseSettings() ResponseSettings {
	return ResponseSettings{
		Sanctions: Ladder{
			{"verbal_warning", "Verbal warning", 1},
			{"written_warning", "Written warning", 1},
			{"increased_reporting", "Increased reporting", 2},
			{"curfew", "Curfew", 2},
			{"community_service", "Community service", 2},
			{"treatment_referral", "Treatment referral", 2},
			{"short_custody", "Short custody", 3},
			{"report_to_court", "Report to the court", 3},
		},
		Incentives: Ladder{
			{"praise", "Verbal praise", 1},
			{"certificate", "Certificate of progress", 1},
			{"reduced_reporting", "Reduced reporting", 2},
			{"travel_permit", "Travel permit", 2},
			{"early_termination", "Recommend early termination", 3},
		},
		Matrix: ResponseMatrix{
			SeriousnessLow:    {LevelLow: 1, LevelModerate: 1, LevelHigh: 2, LevelIntensive: 2},
			SeriousnessMedium: {LevelLow: 1, LevelModerate: 2, LevelHigh: 2, LevelIntensive: 3},
			SeriousnessHigh:   {LevelLow: 2, LevelModerate: 3, LevelHigh: 3, LevelIntensive: 3},
		},
	}
}

// Validate checks that each ladder has steps with unique keys in tier
// order, covering every tier, and that the matrix has a tier for every
// seriousness and level.
func (r ResponseSettings) Validate() error {
	var p problems
	for name, l := range map[string]Ladder{"sanctions": r.Sanctions, "incentives": r.Incentives} {
		seen, tiers, last := map[string]bool{}, map[int]bool{}, 0
		for _, s := range l {
			switch {
			case strings.TrimSpace(s.Key) == "" || strings.TrimSpace(s.Label) == "":
				p.add(name, "every step needs a key and a label")
			case seen[s.Key]:
				p.add(name, "step "+s.Key+" is listed twice")
			case s.Tier < 1 || s.Tier > MaxTier:
				p.add(name, fmt.Sprintf("step %s: tier must be 1 to %d", s.Key, MaxTier))
			case s.Tier < last:
				p.add(name, "steps go from least to most intense")
			}
			seen[s.Key], tiers[s.Tier], last = true, true, s.Tier
		}
		if len(tiers) < MaxTier && name == "sanctions" {
			p.add(name, "every tier needs at least one step")
		}
	}
	for _, s := range seriousnesses {
		for _, l := range levels {
			if t := r.Matrix[s.Value][l.Value]; t < 1 || t > MaxTier {
				p.add("matrix", fmt.Sprintf("%s seriousness at %s level: tier must be 1 to %d", s.Value, l.Value, MaxTier))
			}
		}
	}
	return p.err()
}

// HistoryWindowDays is how far back earlier violations raise the response.
const HistoryWindowDays = 180

// PriorResponse is an earlier violation of the client and the ladder step
// chosen for it ("" when none was recorded).
type PriorResponse struct {
	At      time.Time
	StepKey string
}

// Suggestion is the response the matrix suggests; the officer decides.
type Suggestion struct {
	Tier int
	Step LadderStep
	Why  string
}

// Suggest picks a response to v for a client at level with the given
// earlier violations: the matrix's tier for the seriousness and level,
// raised one tier when there were three or more earlier violations in
// HistoryWindowDays; then the tier's first step, or, after an earlier
// violation whose response was already in the tier, the step above it (up
// to the tier's last), so that repeated violations climb the ladder.
func (r ResponseSettings) Suggest(v Violation, level Level, history []PriorResponse) Suggestion {
	base := r.Matrix[v.Seriousness][level]
	since := v.At.AddDate(0, 0, -HistoryWindowDays)
	priors := 0
	var last PriorResponse
	for _, h := range history {
		if h.At.Before(since) || !h.At.Before(v.At) {
			continue
		}
		priors++
		if h.StepKey != "" && !h.At.Before(last.At) {
			last = h
		}
	}
	tier := base
	if priors >= 3 {
		tier++
	}
	tier = max(1, min(tier, MaxTier))
	first, end := -1, -1
	for i, s := range r.Sanctions {
		if s.Tier == tier {
			if first < 0 {
				first = i
			}
			end = i
		}
	}
	if first < 0 {
		return Suggestion{Tier: tier, Why: "no step of the ladder is in tier " + fmt.Sprint(tier)}
	}
	at := first
	if li := r.Sanctions.index(last.StepKey); li >= first {
		at = min(li+1, end)
	}
	why := fmt.Sprintf("%s seriousness at %s level: tier %d", strings.ToLower(v.Seriousness.Label()),
		strings.ToLower(level.Label()), base)
	if priors > 0 {
		why += fmt.Sprintf("; %d earlier %s in %d days", priors, plural(priors, "violation", "violations"), HistoryWindowDays)
	}
	if tier != base {
		why += fmt.Sprintf(": tier %d", tier)
	}
	if at != first {
		why += "; one step above the last response"
	}
	return Suggestion{Tier: tier, Step: r.Sanctions[at], Why: why}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Response is what the officer did about a violation, kept for ever. The
// step's label is copied so that a later change of the ladder does not
// change what the record says was done.
type Response struct {
	ID          string
	ViolationID string
	ClientID    string
	At          time.Time
	StepKey     string
	StepLabel   string
	Tier        int
	Suggested   string // the step the app suggested, for the record
	Note        string
	CreatedAt   time.Time
}

// Incentive rewards progress, kept for ever.
type Incentive struct {
	ID          string
	ClientID    string
	At          time.Time
	StepKey     string
	StepLabel   string
	Tier        int
	ConditionID string // the condition the progress was on, if any
	Reason      string
	CreatedAt   time.Time
}

// FieldStep names the ladder step in validation errors.
const FieldStep = "step"

// Validate checks a response against the ladder as of now.
func (r Response) Validate(l Ladder, now time.Time) error {
	return validateStep(r.ClientID, r.At, r.StepKey, r.Note, r.ViolationID == "", l, now)
}

// Validate checks an incentive against the ladder as of now.
func (i Incentive) Validate(l Ladder, now time.Time) error {
	return validateStep(i.ClientID, i.At, i.StepKey, i.Reason, false, l, now)
}

func validateStep(clientID string, at time.Time, key, note string, noViolation bool, l Ladder, now time.Time) error {
	var p problems
	if clientID == "" {
		p.add("client", "required")
	}
	if noViolation {
		p.add("violation", "required")
	}
	if at.IsZero() {
		p.add(FieldAt, "required")
	} else if at.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	if _, ok := l.Step(key); !ok {
		p.add(FieldStep, "choose a step of the ladder")
	}
	checkText(&p, FieldNote, note, false, maxNote)
	return p.err()
}

// RatioWindowDays is the span of the incentive-to-sanction ratio.
const RatioWindowDays = 90

// ResearchRatio is the ratio of incentives to sanctions the research on
// behaviour change points to: about four to one.
const ResearchRatio = 4

// Ratio is a client's incentives and sanctions over RatioWindowDays.
type Ratio struct {
	Incentives, Sanctions int
}

// RatioOf counts the incentives and sanctions in the RatioWindowDays up to
// now.
func RatioOf(incentives, sanctions []time.Time, now time.Time) Ratio {
	since := now.AddDate(0, 0, -RatioWindowDays)
	in := func(t time.Time) bool { return !t.Before(since) && !t.After(now) }
	var r Ratio
	for _, t := range incentives {
		if in(t) {
			r.Incentives++
		}
	}
	for _, t := range sanctions {
		if in(t) {
			r.Sanctions++
		}
	}
	return r
}

// String says the ratio beside the research figure: "6:2 (3.0 to 1) in 90
// days; research: about 4 to 1".
func (r Ratio) String() string {
	var s string
	switch {
	case r.Sanctions == 0 && r.Incentives == 0:
		s = "no incentives or sanctions"
	case r.Sanctions == 0:
		s = fmt.Sprintf("%d:0 (no sanctions)", r.Incentives)
	default:
		s = fmt.Sprintf("%d:%d (%.1f to 1)", r.Incentives, r.Sanctions, float64(r.Incentives)/float64(r.Sanctions))
	}
	return fmt.Sprintf("%s in %d days; research: about %d to 1", s, RatioWindowDays, ResearchRatio)
}
