package model

import "testing"

// Every enum value needs a label and a one-line help, or a form shows a blank.
func TestEnumsHaveLabelsAndHelp(t *testing.T) {
	check := func(kind string, values []struct{ v, label, help string }) {
		seen := map[string]bool{}
		for _, o := range values {
			if o.v == "" || o.label == "" || o.help == "" {
				t.Errorf("%s %q: label %q help %q", kind, o.v, o.label, o.help)
			}
			if seen[o.v] {
				t.Errorf("%s %q listed twice", kind, o.v)
			}
			seen[o.v] = true
		}
	}
	check("contact type", flatten(ContactTypes()))
	check("outcome", flatten(Outcomes()))
	check("test result", flatten(TestResults()))
	check("risk flag", flatten(RiskFlags()))
	check("supervision type", flatten(SupervisionTypes()))
	check("level", flatten(Levels()))
	check("client status", flatten(ClientStatuses()))
	check("resource category", flatten(ResourceCategories()))
	check("referral status", flatten(ReferralStatuses()))
	check("stage", flatten(Stages()))
	if len(ResourceCategories()) != 11 || len(ReferralStatuses()) != 10 || len(RiskFlags()) != 7 {
		t.Error("enum sizes differ from PRODUCT.md")
	}
}

func flatten[T ~string](opts []Option[T]) []struct{ v, label, help string } {
	out := make([]struct{ v, label, help string }, len(opts))
	for i, o := range opts {
		out[i] = struct{ v, label, help string }{string(o.Value), o.Label, o.Help}
	}
	return out
}

func TestUnknownValueShowsAsItself(t *testing.T) {
	if got := ContactType("drone").Label(); got != "drone" {
		t.Errorf("unknown contact type label = %q", got)
	}
	if ContactType("drone").Valid() || !ContactHome.Valid() {
		t.Error("Valid is wrong")
	}
}

func TestMovedBack(t *testing.T) {
	tests := []struct {
		from, to Stage
		want     bool
	}{
		{StageAction, StageContemplation, true},
		{StageContemplation, StageAction, false},
		{StageMaintenance, StageRecurrence, true},
		{StageRecurrence, StagePreparation, false},
		{"", StageAction, false},
		{StageAction, StageAction, false},
	}
	for _, tt := range tests {
		if got := MovedBack(tt.from, tt.to); got != tt.want {
			t.Errorf("MovedBack(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
