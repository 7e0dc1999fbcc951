package model

import "strconv"

// Instrument is a standard, free-to-use brief screening.
type Instrument string

// Instruments.
const (
	InstrumentPHQ2      Instrument = "phq2"
	InstrumentPHQ9      Instrument = "phq9"
	InstrumentGAD2      Instrument = "gad2"
	InstrumentGAD7      Instrument = "gad7"
	InstrumentAUDITC    Instrument = "auditc"
	InstrumentReadiness Instrument = "readiness"
)

var instruments = []Option[Instrument]{
	{InstrumentPHQ2, "PHQ-2", "Two questions about low mood and loss of interest; a positive screen is followed by the PHQ-9."},
	{InstrumentPHQ9, "PHQ-9", "Nine questions about depression over the last two weeks."},
	{InstrumentGAD2, "GAD-2", "Two questions about anxiety; a positive screen is followed by the GAD-7."},
	{InstrumentGAD7, "GAD-7", "Seven questions about anxiety over the last two weeks."},
	{InstrumentAUDITC, "AUDIT-C", "The first three questions of the WHO AUDIT, about how much and how often the client drinks."},
	{InstrumentReadiness, "Readiness ruler", "How important change is to the client, how confident and how ready they are, each 0 to 10."},
}

// Instruments lists the screenings the app can record.
func Instruments() []Option[Instrument] { return copyOf(instruments) }

// Label is the officer-facing name.
func (v Instrument) Label() string { return labelOf(instruments, v) }

// Help is the one-line explanation.
func (v Instrument) Help() string { return helpOf(instruments, v) }

// Valid reports whether v is known.
func (v Instrument) Valid() bool { return valid(instruments, v) }

// Choice is one published answer to a question and the points it scores.
type Choice struct {
	Label  string
	Points int
}

// Question is one item of an instrument, worded as published.
type Question struct {
	Text    string
	Choices []Choice
}

// Allows reports whether points is one of the question's answers.
func (q Question) Allows(points int) bool {
	for _, c := range q.Choices {
		if c.Points == points {
			return true
		}
	}
	return false
}

// ScoreBand is a published range of total scores and what the instrument's
// authors say about a score in it. It describes the score, never the person.
type ScoreBand struct {
	Min, Max int
	Label    string
}

// Contains reports whether total falls in the band.
func (b ScoreBand) Contains(total int) bool { return total >= b.Min && total <= b.Max }

// String reads "score band 5–9: mild".
func (b ScoreBand) String() string {
	return "score band " + strconv.Itoa(b.Min) + "–" + strconv.Itoa(b.Max) + ": " + b.Label
}

// Form is an instrument as it is given: its instructions, questions and
// answers as published, and the score bands shown next to the total.
type Form struct {
	Instrument Instrument
	Title      string
	Source     string
	Lead       string // the instruction read before the questions
	Questions  []Question
	// Totalled is false for the readiness ruler, whose three rulers are read
	// one by one and have no published total.
	Totalled bool
	Bands    []ScoreBand
	Note     string // what the bands mean and do not mean
	// Unscored are questions printed after the scored ones (the PHQ-9's
	// tenth, about how difficult the problems have made life): asked if the
	// client wants to answer, never counted in the total.
	Unscored []Question
}

// MaxTotal is the highest total the form can score.
func (f Form) MaxTotal() int {
	total := 0
	for _, q := range f.Questions {
		best := 0
		for _, c := range q.Choices {
			best = max(best, c.Points)
		}
		total += best
	}
	return total
}

// FormOf returns the published form of an instrument; ok is false for an
// unknown one.
func FormOf(i Instrument) (Form, bool) {
	f, ok := forms[i]
	if !ok {
		return Form{}, false
	}
	f.Questions = append([]Question(nil), f.Questions...)
	f.Bands = append([]ScoreBand(nil), f.Bands...)
	f.Unscored = append([]Question(nil), f.Unscored...)
	return f, true
}

// frequency is the answer scale of the PHQ and GAD questionnaires.
var frequency = []Choice{{"Not at all", 0}, {"Several days", 1}, {"More than half the days", 2}, {"Nearly every day", 3}}

func items(texts []string, choices []Choice) []Question {
	out := make([]Question, len(texts))
	for i, t := range texts {
		out[i] = Question{Text: t, Choices: choices}
	}
	return out
}

const (
	pfizer   = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
	phqLead  = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
	gadLead  = "Over the last 2 weeks, how often have you been bothered by the following problems?"
	bandNote = "Score bands describe the total score as the instrument's authors publish them; they are not a diagnosis and say nothing about the person."
)

var phq9Items = []string{
	"Little interest or pleasure in doing things",
	"Feeling down, depressed, or hopeless",
	"Trouble falling or staying asleep, or sleeping too much",
	"Feeling tired or having little energy",
	"Poor appetite or overeating",
	"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
	"Trouble concentrating on things, such as reading the newspaper or watching television",
	"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
	"Thoughts that you would be better off dead or of hurting yourself in some way",
}

// phq9Difficulty is the PHQ-9's tenth question as published: optional and
// never scored.
var phq9Difficulty = Question{
	Text:    "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
	Choices: []Choice{{"Not difficult at all", 0}, {"Somewhat difficult", 1}, {"Very difficult", 2}, {"Extremely difficult", 3}},
}

var gad7Items = []string{
	"Feeling nervous, anxious or on edge",
	"Not being able to stop or control worrying",
	"Worrying too much about different things",
	"Trouble relaxing",
	"Being so restless that it is hard to sit still",
	"Becoming easily annoyed or irritable",
	"Feeling afraid as if something awful might happen",
}

// screenBands are the PHQ-2 and GAD-2 bands: a total of 3 or more is a
// positive screen, which the full questionnaire follows up.
func screenBands(followUp string) []ScoreBand {
	return []ScoreBand{
		{0, 2, "below the screening cut-off of 3"},
		{3, 6, "positive screen (3 or more): follow up with the " + followUp},
	}
}

// ruler is the 0–10 answer scale of the readiness ruler.
func ruler() []Choice {
	out := make([]Choice, 11)
	for i := range out {
		out[i] = Choice{strconv.Itoa(i), i}
	}
	out[0].Label, out[10].Label = "0 (not at all)", "10 (extremely)"
	return out
}

var forms = map[Instrument]Form{
	InstrumentPHQ9: {
		Instrument: InstrumentPHQ9, Title: "Patient Health Questionnaire (PHQ-9)", Source: pfizer, Lead: phqLead,
		Questions: items(phq9Items, frequency), Totalled: true,
		Bands:    []ScoreBand{{0, 4, "minimal"}, {5, 9, "mild"}, {10, 14, "moderate"}, {15, 19, "moderately severe"}, {20, 27, "severe"}},
		Note:     bandNote + " Any answer above \"Not at all\" to item 9 calls for asking about safety now.",
		Unscored: []Question{phq9Difficulty},
	},
	InstrumentPHQ2: {
		Instrument: InstrumentPHQ2, Title: "Patient Health Questionnaire (PHQ-2)", Source: pfizer, Lead: phqLead,
		Questions: items(phq9Items[:2], frequency), Totalled: true, Bands: screenBands("PHQ-9"), Note: bandNote,
	},
	InstrumentGAD7: {
		Instrument: InstrumentGAD7, Title: "Generalized Anxiety Disorder scale (GAD-7)", Source: pfizer, Lead: gadLead,
		Questions: items(gad7Items, frequency), Totalled: true,
		Bands: []ScoreBand{{0, 4, "minimal"}, {5, 9, "mild"}, {10, 14, "moderate"}, {15, 21, "severe"}},
		Note:  bandNote,
	},
	InstrumentGAD2: {
		Instrument: InstrumentGAD2, Title: "Generalized Anxiety Disorder scale (GAD-2)", Source: pfizer, Lead: gadLead,
		Questions: items(gad7Items[:2], frequency), Totalled: true, Bands: screenBands("GAD-7"), Note: bandNote,
	},
	InstrumentAUDITC: {
		Instrument: InstrumentAUDITC, Title: "AUDIT-C (items 1–3 of the WHO Alcohol Use Disorders Identification Test)",
		Source: "World Health Organization, AUDIT: The Alcohol Use Disorders Identification Test, 2nd edition (2001), questions 1–3.",
		Lead:   "One drink means one standard drink.",
		Questions: []Question{
			{"How often do you have a drink containing alcohol?", []Choice{
				{"Never", 0}, {"Monthly or less", 1}, {"2 to 4 times a month", 2}, {"2 to 3 times a week", 3}, {"4 or more times a week", 4}}},
			{"How many drinks containing alcohol do you have on a typical day when you are drinking?", []Choice{
				{"1 or 2", 0}, {"3 or 4", 1}, {"5 or 6", 2}, {"7, 8, or 9", 3}, {"10 or more", 4}}},
			{"How often do you have six or more drinks on one occasion?", []Choice{
				{"Never", 0}, {"Less than monthly", 1}, {"Monthly", 2}, {"Weekly", 3}, {"Daily or almost daily", 4}}},
		},
		Totalled: true,
		Bands: []ScoreBand{
			{0, 2, "below the usual cut-offs"},
			{3, 3, "at the usual cut-off for women (3 or more)"},
			{4, 12, "at or above the usual cut-offs (4 or more for men, 3 or more for women)"},
		},
		Note: bandNote + " The usual positive-screen cut-off is 4 or more for men and 3 or more for women; the total runs from 0 to 12.",
	},
	InstrumentReadiness: {
		Instrument: InstrumentReadiness, Title: "Readiness ruler", Lead: "On a scale from 0 to 10, where 0 is not at all and 10 is extremely:",
		Source: "Motivational interviewing readiness rulers (importance, confidence, readiness); free to use.",
		Questions: []Question{
			{"How important is it to you to make this change?", ruler()},
			{"How confident are you that you could make this change?", ruler()},
			{"How ready are you to make this change?", ruler()},
		},
		Note: "Each ruler is read on its own; there is no total and no score band. Ask what makes it that number and not a lower one.",
	},
}
