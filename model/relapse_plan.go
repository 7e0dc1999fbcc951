package model

import (
	"strconv"
	"strings"
	"time"
)

// SupportPerson is someone the client can call when things get hard.
type SupportPerson struct {
	Name  string
	Phone string
}

// RelapsePlan is one saved version of a client's relapse-prevention plan.
// The officer edits the plan as a whole; each save is a new version with the
// next number and older versions stay readable.
type RelapsePlan struct {
	ID       string
	ClientID string
	Version  int // 1 for the first; set by the store
	// Triggers, by kind.
	People     []string
	Places     []string
	Feelings   []string
	Situations []string
	// WarningSigns are the client's own early signs that a relapse is coming.
	WarningSigns []string
	Coping       []string // coping strategies that work for the client
	Supports     []SupportPerson
	Note         string // why this version was made, for the history
	At           time.Time
}

// RelapseSection is one part of a relapse-prevention plan.
type RelapseSection string

// Relapse-prevention plan sections.
const (
	SectionTriggers     RelapseSection = "triggers"
	SectionWarningSigns RelapseSection = "warning_signs"
	SectionCoping       RelapseSection = "coping"
	SectionSupports     RelapseSection = "supports"
)

var relapseSections = []Option[RelapseSection]{
	{SectionTriggers, "Triggers", "People, places, feelings and situations that set off cravings or old habits."},
	{SectionWarningSigns, "Warning signs", "The client's own early signs that a relapse is coming."},
	{SectionCoping, "Coping strategies", "What the client does instead, that has worked before."},
	{SectionSupports, "Support people", "Who the client can call, with their numbers."},
}

// RelapseSections lists the plan's sections in the order they are shown.
func RelapseSections() []Option[RelapseSection] { return copyOf(relapseSections) }

// Label is the officer-facing name.
func (v RelapseSection) Label() string { return labelOf(relapseSections, v) }

// Help is the one-line explanation.
func (v RelapseSection) Help() string { return helpOf(relapseSections, v) }

// Valid reports whether v is known.
func (v RelapseSection) Valid() bool { return valid(relapseSections, v) }

// sectionsForFlag says which parts of the plan help with what a risk flag
// reports, most useful first: a trigger calls for the known triggers and what
// to do about them; a craving for coping and someone to call; distress for
// the warning signs it may be; a high-risk situation for the situations to
// avoid and the people who help get out of them.
var sectionsForFlag = map[RiskFlag][]RelapseSection{
	FlagTrigger:  {SectionTriggers, SectionCoping},
	FlagCraving:  {SectionCoping, SectionSupports},
	FlagDistress: {SectionWarningSigns, SectionCoping},
	FlagHighRisk: {SectionTriggers, SectionSupports},
}

// SectionsForFlags returns the plan sections the check-in form shows next to
// the given risk flags, without repeats, in the order the flags ask for them.
// Flags the plan does not speak to (a new arrest, a lost job) ask for none.
func SectionsForFlags(flags []RiskFlag) []RelapseSection {
	var out []RelapseSection
	seen := map[RelapseSection]bool{}
	for _, f := range flags {
		for _, s := range sectionsForFlag[f] {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// Lines returns a section as lines to show: triggers with their kind in
// front, support people with their numbers.
func (p RelapsePlan) Lines(s RelapseSection) []string {
	var out []string
	switch s {
	case SectionTriggers:
		for _, kind := range []struct {
			label string
			items []string
		}{{"People", p.People}, {"Places", p.Places}, {"Feelings", p.Feelings}, {"Situations", p.Situations}} {
			for _, it := range kind.items {
				out = append(out, kind.label+": "+it)
			}
		}
	case SectionWarningSigns:
		out = append(out, p.WarningSigns...)
	case SectionCoping:
		out = append(out, p.Coping...)
	case SectionSupports:
		for _, sp := range p.Supports {
			out = append(out, sp.Name+" — "+sp.Phone)
		}
	}
	return out
}

// Relapse-plan field names used in validation errors; a bad entry is named
// with its 1-based position, as in "coping_2".
const (
	FieldPeople       = "people"
	FieldPlaces       = "places"
	FieldFeelings     = "feelings"
	FieldSituations   = "situations"
	FieldWarningSigns = "warning_signs"
	FieldCoping       = "coping"
	FieldSupports     = "supports"
	FieldPlan         = "plan"
)

// FieldEntry names entry n (1-based) of a list field in validation errors.
func FieldEntry(field string, n int) string { return field + "_" + strconv.Itoa(n) }

// maxEntries bounds each list of a plan, which is meant to fit on a card.
const maxEntries = 30

// Validate checks a plan version: no blank entries, and every support person
// with a name and a phone number.
func (p RelapsePlan) Validate() error {
	var pr problems
	if p.ClientID == "" {
		pr.add("client", "required")
	}
	lists := []struct {
		field string
		items []string
	}{
		{FieldPeople, p.People}, {FieldPlaces, p.Places}, {FieldFeelings, p.Feelings}, {FieldSituations, p.Situations},
		{FieldWarningSigns, p.WarningSigns}, {FieldCoping, p.Coping},
	}
	entries := len(p.Supports)
	for _, l := range lists {
		entries += len(l.items)
		if len(l.items) > maxEntries {
			pr.add(l.field, "at most "+strconv.Itoa(maxEntries)+" entries")
		}
		for i, it := range l.items {
			checkText(&pr, FieldEntry(l.field, i+1), it, true, 500)
		}
	}
	if len(p.Supports) > maxEntries {
		pr.add(FieldSupports, "at most "+strconv.Itoa(maxEntries)+" people")
	}
	for i, sp := range p.Supports {
		checkText(&pr, FieldEntry(FieldSupports, i+1)+"_name", sp.Name, true, 200)
		checkText(&pr, FieldEntry(FieldSupports, i+1)+"_phone", sp.Phone, true, 64)
		if strings.ContainsAny(sp.Phone, "\r\n") {
			pr.add(FieldEntry(FieldSupports, i+1)+"_phone", "must be on one line")
		}
	}
	if entries == 0 {
		pr.add(FieldPlan, "the plan is empty: add at least one trigger, sign, strategy or person")
	}
	checkText(&pr, FieldNote, p.Note, false, maxNote)
	return pr.err()
}
