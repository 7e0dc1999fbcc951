package model

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// conditionKeywords turn the court's words into a kind: the first rule with
// a keyword found in the lower-cased wording wins, so the narrower rules
// come first ("drug testing" is testing, not treatment; "community work" is
// community service, not employment).
var conditionKeywords = []struct {
	kind  ConditionKind
	words []string
}{
	{ConditionCommunityWork, []string{"community service", "community work", "service hours", "public service"}},
	{ConditionPayment, []string{"restitution", "fine", "fees", "court costs", "pay "}},
	{ConditionMonitoring, []string{"electronic monitoring", "gps", "ankle monitor", "monitoring device"}},
	{ConditionCurfew, []string{"curfew"}},
	{ConditionNoContact, []string{"no contact"}},
	{ConditionStayAway, []string{"stay away", "stay out of", "not enter", "not go to"}},
	{ConditionTesting, []string{"drug test", "alcohol test", "testing", "urinalysis", "breathalyz"}},
	{ConditionSUTreatment, []string{"substance", "drug treatment", "alcohol treatment", "recovery", "sobriety", "addiction", "detox", "aa meeting", "na meeting"}},
	{ConditionMHTreatment, []string{"mental-health", "mental health", "psychiatric", "counseling", "counselling", "psycholog"}},
	{ConditionProgramme, []string{"anger", "domestic violence", "domestic-violence", "batterer", "cognitive", "moral reconation", "thinking for a change", "program", "parenting class"}},
	{ConditionEducation, []string{"education", "school", "ged", "high school", "literacy", "college"}},
	{ConditionEmployment, []string{"employment", "job", "employed", "work"}},
	{ConditionTravel, []string{"travel", "leave the county", "leave the state", "leave the area"}},
	{ConditionNoNewOffence, []string{"no new offen", "obey all laws", "violate any law", "commit no", "no new arrest"}},
	{ConditionReport, []string{"report"}},
}

// conditionPatterns are the expressions that read a condition's target, its
// recipient and its due date from the court's words. They are compiled the
// first time a condition is read, not at every start of every command.
type conditionPatterns struct {
	hoursTarget, sessionsTarget, moneyTarget, whomAfter, monthly, within, byDate *regexp.Regexp
}

var patterns = sync.OnceValue(func() conditionPatterns {
	return conditionPatterns{
		hoursTarget:    regexp.MustCompile(`(\d+(?:\.\d+)?)\s*(?:hours|hour|hrs|hr)\b`),
		sessionsTarget: regexp.MustCompile(`(\d{1,3})\s*(?:sessions|session|classes|weeks)\b`),
		moneyTarget:    regexp.MustCompile(`\$\s?(\d[\d,]*(?:\.\d{1,2})?)`),
		whomAfter:      regexp.MustCompile(`(?i)\b(?:with|from|out of)\s+(.+)$`),
		monthly:        regexp.MustCompile(`(?i)\$\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(?:a|per|each)\s*month`),
		within:         regexp.MustCompile(`(?i)\bwithin\s+(\d{1,3})\s*(day|days|month|months)\b`),
		byDate:         regexp.MustCompile(`\bby\s+(\d{4}-\d{2}-\d{2})\b`),
	}
})

// ConditionKindOf finds the kind of a condition from the court's words;
// ConditionOther when no keyword fits.
func ConditionKindOf(wording string) ConditionKind {
	lower := strings.ToLower(wording)
	for _, r := range conditionKeywords {
		for _, w := range r.words {
			if strings.Contains(lower, w) {
				return r.kind
			}
		}
	}
	return ConditionOther
}

// ConditionsFromText turns the free-text conditions of a client, one per
// line or separated by semicolons, into condition records ordered on the
// given day: each keeps its words exactly as typed (only the spaces around
// a separator are dropped), takes its kind from ConditionKindOf, its target
// from the hours or dollars it names, a monthly instalment from "$100 a
// month" (the first due a month after the order), and a deadline from
// "within 6 months" or "by 2027-03-01". The records are in progress: the
// free text never said otherwise. Blank parts are skipped.
func ConditionsFromText(clientID, text string, orderedOn Date) []Condition {
	var out []Condition
	for _, line := range strings.Split(text, "\n") {
		for _, part := range strings.Split(line, ";") {
			wording := strings.TrimSpace(part)
			if wording == "" {
				continue
			}
			c := Condition{ClientID: clientID, Kind: ConditionKindOf(wording), Wording: wording, OrderedOn: orderedOn,
				Status: ConditionInProgress}
			c.Target = targetOf(c.Kind, wording)
			if m := patterns().monthly.FindStringSubmatch(wording); m != nil && c.Kind == ConditionPayment {
				if n, err := ParseMoney(m[1]); err == nil {
					c.Instalment, c.FirstInstalmentOn = n, AddMonths(orderedOn, 1)
					if c.Target == n && len(patterns().moneyTarget.FindAllString(wording, -1)) == 1 {
						c.Target = 0 // the only amount named is the instalment
					}
					if c.Target > 0 && c.Instalment > c.Target {
						c.Instalment, c.FirstInstalmentOn = 0, Date{}
					}
				}
			}
			c.DueBy = deadlineOf(wording, orderedOn)
			if c.Kind == ConditionNoContact || c.Kind == ConditionStayAway {
				if m := patterns().whomAfter.FindStringSubmatch(wording); m != nil {
					c.Whom = strings.TrimSpace(m[1])
				}
			}
			out = append(out, c)
		}
	}
	return out
}

// deadlineOf reads "within 90 days", "within 6 months" or "by 2027-03-01";
// the zero Date when the words set none or one before the order.
func deadlineOf(wording string, orderedOn Date) Date {
	var d Date
	if m := patterns().within.FindStringSubmatch(wording); m != nil {
		n, _ := strconv.Atoi(m[1])
		if strings.HasPrefix(strings.ToLower(m[2]), "month") {
			d = AddMonths(orderedOn, n)
		} else {
			d = orderedOn.AddDays(n)
		}
	} else if m := patterns().byDate.FindStringSubmatch(wording); m != nil {
		d, _ = ParseDate(m[1])
	}
	if d.Before(orderedOn) {
		return Date{}
	}
	return d
}

// targetOf reads "40 hours" or "$1,250.00" from the wording of a measurable
// condition; zero when it names none.
func targetOf(kind ConditionKind, wording string) int64 {
	switch kind.Measure() {
	case MeasureMinutes:
		if m := patterns().hoursTarget.FindStringSubmatch(strings.ToLower(wording)); m != nil {
			if n, err := ParseHours(m[1]); err == nil {
				return n
			}
		}
	case MeasureSessions:
		if m := patterns().sessionsTarget.FindStringSubmatch(strings.ToLower(wording)); m != nil {
			if n, err := strconv.ParseInt(m[1], 10, 64); err == nil {
				return n
			}
		}
	case MeasureCents:
		if m := patterns().moneyTarget.FindStringSubmatch(wording); m != nil {
			if n, err := ParseMoney(m[1]); err == nil {
				return n
			}
		}
	}
	return 0
}
