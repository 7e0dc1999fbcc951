package importer

import (
	"strings"
	"unicode"

	"caseload/model"
)

// categoryKeywords is the one mapping from outside words (HSDS taxonomy
// terms, service names and descriptions, the category column of a simple
// CSV) onto the resource categories. Edit it here and nowhere else.
//
// How it is used (see Categorize): text is lower-cased and split into words;
// a keyword matches whole words, and a keyword ending in * matches any word
// that starts with it ("counsel*" matches counselling and counselor). Each
// match scores the number of words in the keyword, so "alcoholics anonymous"
// (peer support, 2) beats "alcohol*" (substance use, 1). The highest score
// wins; a tie goes to the category listed first here, which is why the more
// specific kinds of treatment come before the general ones.
var categoryKeywords = []struct {
	category model.ResourceCategory
	keywords []string
}{
	{model.CategoryResidential, []string{"residential", "inpatient", "rehab*", "detox*", "halfway house", "recovery house",
		"therapeutic community", "live-in", "sober house", "28-day"}},
	{model.CategorySubstanceUse, []string{"substance*", "addiction*", "alcohol*", "drug*", "opioid*", "methadone",
		"buprenorphine", "suboxone", "naloxone", "medication-assisted", "mat", "sud", "chemical dependency",
		"intensive outpatient", "iop", "harm reduction", "dui", "dwi", "outpatient treatment"}},
	{model.CategoryMentalHealth, []string{"mental health", "mental illness", "counsel*", "psychiatr*", "psycholog*",
		"therap*", "cbt", "crisis", "depression", "anxiety", "behavioral health", "behavioural health", "trauma",
		"suicide", "bereavement", "anger management"}},
	{model.CategoryPeerSupport, []string{"peer*", "support group*", "mutual aid", "anonymous", "alcoholics anonymous",
		"narcotics anonymous", "smart recovery", "12-step", "twelve step", "recovery coach*", "recovery cafe",
		"celebrate recovery", "mentor*", "sponsor*"}},
	{model.CategoryHousing, []string{"housing", "shelter*", "homeless*", "transitional", "sober living", "rehousing",
		"accommodation", "hostel*", "oxford house", "rent assistance", "supportive housing", "emergency housing"}},
	{model.CategoryEmployment, []string{"employment", "job", "jobs", "work", "career*", "vocational", "apprentice*",
		"pre-apprenticeship", "staffing", "hiring", "resume", "workforce", "training"}},
	{model.CategoryEducation, []string{"education", "ged", "hiset", "literacy", "school*", "college*", "esl",
		"english language", "tutor*", "class*", "course*", "adult learning", "digital skills"}},
	{model.CategoryMedical, []string{"medical", "health care", "healthcare", "clinic*", "primary care", "doctor*",
		"nurse*", "dental", "dentist*", "hospital*", "hepatitis", "hiv", "pharmacy", "vaccin*", "physician*", "gp"}},
	{model.CategoryLegal, []string{"legal", "law", "laws", "lawyer*", "attorney*", "court", "courts", "expunge*", "expungement",
		"record clearing", "record sealing", "tenant rights", "immigration", "license restoration", "licence restoration",
		"child support", "advocacy"}},
	{model.CategoryFinancial, []string{"financial", "finance*", "benefits", "budget*", "money", "debt", "debts", "tax", "taxes",
		"snap", "food stamps", "cash assistance", "emergency assistance", "welfare", "restitution",
		"utility assistance"}},
}

// exactCategory matches a value typed as the category itself: its stored
// value ("mental_health") or its label ("Mental health").
func exactCategory(s string) (model.ResourceCategory, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return "", false
	}
	for _, o := range model.ResourceCategories() {
		if s == string(o.Value) || s == strings.ToLower(o.Label) || s == strings.ReplaceAll(string(o.Value), "_", " ") {
			return o.Value, true
		}
	}
	return "", false
}

// Categorize picks the category for a resource from outside text. The texts
// are tried in the order given (say the taxonomy terms, then the name, then
// the description), and the first one in which any keyword of
// categoryKeywords is found decides; nothing found anywhere gives Other.
func Categorize(texts ...string) model.ResourceCategory {
	for _, t := range texts {
		if c, ok := exactCategory(t); ok {
			return c
		}
		if c, ok := bestCategory(t); ok {
			return c
		}
	}
	return model.CategoryOther
}

// bestCategory scores one text against the mapping.
func bestCategory(text string) (model.ResourceCategory, bool) {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}), " ") + " "
	if strings.TrimSpace(words) == "" {
		return "", false
	}
	best, bestScore := model.ResourceCategory(""), 0
	for _, c := range categoryKeywords {
		score := 0
		for _, kw := range c.keywords {
			prefix := strings.HasSuffix(kw, "*")
			kw = strings.TrimSuffix(kw, "*")
			needle := " " + kw
			if !prefix {
				needle += " "
			}
			if strings.Contains(words, needle) {
				score += strings.Count(kw, " ") + 1
			}
		}
		if score > bestScore {
			best, bestScore = c.category, score
		}
	}
	return best, bestScore > 0
}
