package model

import (
	"strings"
	"testing"
	"time"
)

func TestSuggestClimbsTheLadderWithHistory(t *testing.T) {
	r := DefaultResponseSettings()
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	ago := func(days int, step string) PriorResponse {
		return PriorResponse{At: now.AddDate(0, 0, -days), StepKey: step}
	}
	tests := []struct {
		name    string
		s       Seriousness
		level   Level
		history []PriorResponse
		tier    int
		step    string
	}{
		{"low lapse, low level, first", SeriousnessLow, LevelLow, nil, 1, "verbal_warning"},
		{"medium, high level, first", SeriousnessMedium, LevelHigh, nil, 2, "increased_reporting"},
		{"medium, high level, second", SeriousnessMedium, LevelHigh, []PriorResponse{ago(30, "increased_reporting")}, 2, "curfew"},
		{"medium, high level, third", SeriousnessMedium, LevelHigh, []PriorResponse{ago(60, "increased_reporting"), ago(30, "curfew")}, 2, "community_service"},
		{"medium, high level, fourth raises the tier", SeriousnessMedium, LevelHigh,
			[]PriorResponse{ago(90, "increased_reporting"), ago(60, "curfew"), ago(30, "community_service")}, 3, "short_custody"},
		{"old history does not count", SeriousnessMedium, LevelHigh, []PriorResponse{ago(200, "curfew")}, 2, "increased_reporting"},
		{"the climb stops at the tier's last step", SeriousnessLow, LevelLow, []PriorResponse{ago(10, "written_warning")}, 1, "written_warning"},
		{"a response below the tier starts it at its first", SeriousnessHigh, LevelModerate, []PriorResponse{ago(10, "verbal_warning")}, 3, "short_custody"},
		{"a violation with no response recorded still counts", SeriousnessLow, LevelModerate, []PriorResponse{ago(5, ""), ago(6, ""), ago(7, "")}, 2, "increased_reporting"},
		{"high, intensive", SeriousnessHigh, LevelIntensive, nil, 3, "short_custody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Suggest(Violation{At: now, Seriousness: tt.s}, tt.level, tt.history)
			if got.Tier != tt.tier || got.Step.Key != tt.step {
				t.Errorf("got tier %d %s (%s), want tier %d %s", got.Tier, got.Step.Key, got.Why, tt.tier, tt.step)
			}
			if got.Why == "" {
				t.Error("a suggestion says why")
			}
		})
	}
}

func TestSuggestSaysWhy(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	got := DefaultResponseSettings().Suggest(Violation{At: now, Seriousness: SeriousnessMedium}, LevelHigh,
		[]PriorResponse{{At: now.AddDate(0, 0, -30), StepKey: "increased_reporting"}})
	want := "medium seriousness at high level: tier 2; 1 earlier violation in 180 days; one step above the last response"
	if got.Why != want {
		t.Errorf("why = %q, want %q", got.Why, want)
	}
}

func TestResponseSettingsValidate(t *testing.T) {
	if err := DefaultResponseSettings().Validate(); err != nil {
		t.Fatalf("defaults rejected: %v", err)
	}
	bad := DefaultResponseSettings()
	bad.Sanctions = append(Ladder{{"x", "X", 3}}, bad.Sanctions...)
	if FieldErrors(bad.Validate()).For("sanctions") == "" {
		t.Error("a ladder out of tier order was taken")
	}
	bad = DefaultResponseSettings()
	delete(bad.Matrix[SeriousnessHigh], LevelLow)
	if FieldErrors(bad.Validate()).For("matrix") == "" {
		t.Error("a matrix with a hole was taken")
	}
}

func TestRatioOverNinetyDays(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	ago := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	tests := []struct {
		in, out []time.Time
		want    string
	}{
		{[]time.Time{ago(1), ago(10), ago(20), ago(89), ago(91)}, []time.Time{ago(5), ago(100)}, "4:1 (4.0 to 1) in 90 days; research: about 4 to 1"},
		{[]time.Time{ago(1)}, []time.Time{ago(2), ago(3)}, "1:2 (0.5 to 1) in 90 days; research: about 4 to 1"},
		{[]time.Time{ago(1), ago(2)}, nil, "2:0 (no sanctions) in 90 days; research: about 4 to 1"},
		{nil, []time.Time{ago(120)}, "no incentives or sanctions in 90 days; research: about 4 to 1"},
	}
	for _, tt := range tests {
		if got := RatioOf(tt.in, tt.out, now).String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestResponseNeedsAStepOfTheLadder(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	l := DefaultResponseSettings().Sanctions
	r := Response{ClientID: "c", ViolationID: "v", At: now, StepKey: "curfew"}
	if err := r.Validate(l, now); err != nil {
		t.Fatalf("valid response rejected: %v", err)
	}
	r.StepKey = "flogging"
	if FieldErrors(r.Validate(l, now)).For(FieldStep) == "" {
		t.Error("a step not on the ladder was taken")
	}
}

func TestViolationFromCheckIn(t *testing.T) {
	at := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		k    CheckIn
		kind ViolationKind
		ok   bool
		su   bool
	}{
		{CheckIn{Test: TestPositive, Outcome: OutcomeCompleted}, ViolationTest, true, true},
		{CheckIn{Test: TestRefused, Outcome: OutcomeCompleted}, ViolationTest, true, true},
		{CheckIn{Test: TestNegative, Outcome: OutcomeCompleted, Flags: []RiskFlag{FlagNewArrest}}, ViolationNewArrest, true, false},
		{CheckIn{Test: TestNotTested, Outcome: OutcomeNoShow}, ViolationMissedContact, true, false},
		{CheckIn{Test: TestNegative, Outcome: OutcomeCompleted}, "", false, false},
	}
	for _, tt := range tests {
		tt.k.ClientID, tt.k.ID, tt.k.At = "c", "k", at
		v, ok := ViolationFromCheckIn(tt.k)
		if ok != tt.ok || v.Kind != tt.kind || (ok && (v.CheckInID != "k" || !v.At.Equal(at))) {
			t.Errorf("%+v: got %+v %v, want %s %v", tt.k, v, ok, tt.kind, tt.ok)
		}
		if ok && v.SubstanceUse("") != tt.su {
			t.Errorf("%s: substance use = %v, want %v", v.Kind, !tt.su, tt.su)
		}
	}
}

func TestPart2RuleNamesTheSubstanceUseRecords(t *testing.T) {
	for _, o := range ResourceCategories() {
		want := o.Value == CategorySubstanceUse || o.Value == CategoryResidential || o.Value == CategoryPeerSupport
		if SubstanceUseCategory(o.Value) != want {
			t.Errorf("category %s: substance use = %v", o.Value, !want)
		}
	}
	for _, o := range ConditionKinds() {
		want := o.Value == ConditionTesting || o.Value == ConditionSUTreatment
		if o.Value.SubstanceUse() != want {
			t.Errorf("condition %s: substance use = %v", o.Value, !want)
		}
	}
	if !(Violation{Kind: ViolationMissedTreatment}).SubstanceUse(ConditionSUTreatment) {
		t.Error("missed substance-use treatment is not substance-use information")
	}
	if (Violation{Kind: ViolationMissedTreatment}).SubstanceUse(ConditionProgramme) {
		t.Error("a missed anger-management session counted as substance use")
	}
	for _, words := range []string{"test results", "referrals to substance-use", "conditions and their progress", "marked sensitive", "screenings"} {
		if !strings.Contains(RedactionStatement, words) {
			t.Errorf("the redaction statement does not say it leaves out %q", words)
		}
	}
}

func TestLogKindsHaveUniqueKeys(t *testing.T) {
	seen := map[string]LogKind{}
	for _, o := range LogKinds() {
		if prev, dup := seen[o.Key]; dup {
			t.Errorf("key %q filters both %s and %s", o.Key, prev, o.Value)
		}
		seen[o.Key] = o.Value
		if k, ok := LogKindForKey(o.Key); !ok || k != o.Value {
			t.Errorf("key %q selects %s", o.Key, k)
		}
	}
}
