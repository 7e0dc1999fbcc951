package model

import (
	"reflect"
	"testing"
)

func validRelapsePlan() RelapsePlan {
	return RelapsePlan{ClientID: "c1", People: []string{"Old crew from Fifth St"}, Places: []string{"The Anchor bar"},
		Feelings: []string{"Lonely on Sundays"}, WarningSigns: []string{"Skipping meetings"}, Coping: []string{"Call sponsor", "Walk the dog"},
		Supports: []SupportPerson{{"Maria (sponsor)", "(555) 201-3344"}}}
}

func TestRelapsePlanValidateNamesTheEntry(t *testing.T) {
	if err := validRelapsePlan().Validate(); err != nil {
		t.Fatalf("valid plan refused: %v", err)
	}
	tests := []struct {
		name   string
		field  string
		mutate func(*RelapsePlan)
	}{
		{"blank coping strategy", FieldEntry(FieldCoping, 2), func(p *RelapsePlan) { p.Coping = []string{"Call sponsor", " "} }},
		{"support without phone", "supports_1_phone", func(p *RelapsePlan) { p.Supports = []SupportPerson{{"Maria", ""}} }},
		{"support without name", "supports_1_name", func(p *RelapsePlan) { p.Supports = []SupportPerson{{"", "555"}} }},
		{"empty plan", FieldPlan, func(p *RelapsePlan) { *p = RelapsePlan{ClientID: "c1"} }},
	}
	for _, tt := range tests {
		p := validRelapsePlan()
		tt.mutate(&p)
		if FieldErrors(p.Validate()).For(tt.field) == "" {
			t.Errorf("%s: no error on %s (got %v)", tt.name, tt.field, p.Validate())
		}
	}
}

func TestRiskFlagsShowTheMatchingPlanSections(t *testing.T) {
	tests := []struct {
		flags []RiskFlag
		want  []RelapseSection
	}{
		{[]RiskFlag{FlagTrigger}, []RelapseSection{SectionTriggers, SectionCoping}},
		{[]RiskFlag{FlagCraving}, []RelapseSection{SectionCoping, SectionSupports}},
		{[]RiskFlag{FlagDistress}, []RelapseSection{SectionWarningSigns, SectionCoping}},
		{[]RiskFlag{FlagHighRisk}, []RelapseSection{SectionTriggers, SectionSupports}},
		{[]RiskFlag{FlagCraving, FlagTrigger}, []RelapseSection{SectionCoping, SectionSupports, SectionTriggers}},
		{[]RiskFlag{FlagNewArrest, FlagEmploymentLost}, nil},
	}
	for _, tt := range tests {
		if got := SectionsForFlags(tt.flags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%v: sections %v, want %v", tt.flags, got, tt.want)
		}
	}
}

func TestPlanSectionLinesNameKindsAndNumbers(t *testing.T) {
	p := validRelapsePlan()
	want := []string{"People: Old crew from Fifth St", "Places: The Anchor bar", "Feelings: Lonely on Sundays"}
	if got := p.Lines(SectionTriggers); !reflect.DeepEqual(got, want) {
		t.Errorf("triggers = %q", got)
	}
	if got := p.Lines(SectionSupports); !reflect.DeepEqual(got, []string{"Maria (sponsor) — (555) 201-3344"}) {
		t.Errorf("supports = %q", got)
	}
}
