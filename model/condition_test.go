package model

import (
	"testing"
	"time"
)

func ymd(y int, m time.Month, d int) Date { return Date{y, m, d} }

func TestProgressTextIsDerivedFromEntries(t *testing.T) {
	today := ymd(2026, time.December, 3)
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	hours := func(min int64) ProgressEntry { return ProgressEntry{Kind: ProgressHours, Amount: min, At: at} }
	pay := func(cents int64) ProgressEntry { return ProgressEntry{Kind: ProgressPayment, Amount: cents, At: at} }
	tests := []struct {
		name    string
		c       Condition
		entries []ProgressEntry
		want    string
		behind  bool
		next    Date
	}{
		{"hours against a target", Condition{Kind: ConditionCommunityWork, Target: 40 * 60, Status: ConditionInProgress},
			[]ProgressEntry{hours(8 * 60), hours(18 * 60)}, "26 of 40 hours", false, Date{}},
		{"half hours", Condition{Kind: ConditionCommunityWork, Target: 40 * 60, Status: ConditionInProgress},
			[]ProgressEntry{hours(150)}, "2.5 of 40 hours", false, Date{}},
		{"hours with a deadline passed", Condition{Kind: ConditionCommunityWork, Target: 40 * 60, DueBy: ymd(2026, 11, 30), Status: ConditionInProgress},
			[]ProgressEntry{hours(26 * 60)}, "26 of 40 hours, due 30 Nov", true, ymd(2026, 11, 30)},
		{"hours met: nothing due", Condition{Kind: ConditionCommunityWork, Target: 40 * 60, DueBy: ymd(2026, 11, 30), Status: ConditionInProgress},
			[]ProgressEntry{hours(40 * 60)}, "40 of 40 hours", false, Date{}},
		// $1,250 at $110 a month from 15 Sep: $450 paid covers 4 instalments
		// (Sep, Oct, Nov, Dec); the 5th (15 Jan) has $100 left of it.
		{"payment plan", Condition{Kind: ConditionPayment, Target: 125000, Instalment: 11000, FirstInstalmentOn: ymd(2026, 9, 15), Status: ConditionInProgress},
			[]ProgressEntry{pay(25000), pay(20000)}, "$450.00 of $1,250.00, next $100.00 due 15 Jan 2027", false, ymd(2027, 1, 15)},
		// $100 a month from 15 Sep, $250 paid: Sep and Oct covered, Nov
		// (15 Nov) is half paid and past: behind.
		{"payment plan behind", Condition{Kind: ConditionPayment, Target: 100000, Instalment: 10000, FirstInstalmentOn: ymd(2026, 9, 15), Status: ConditionInProgress},
			[]ProgressEntry{pay(25000)}, "$250.00 of $1,000.00, next $50.00 due 15 Nov", true, ymd(2026, 11, 15)},
		{"last instalment is what is left", Condition{Kind: ConditionPayment, Target: 25000, Instalment: 10000, FirstInstalmentOn: ymd(2026, 10, 10), Status: ConditionInProgress},
			[]ProgressEntry{pay(20000)}, "$200.00 of $250.00, next $50.00 due 10 Dec", false, ymd(2026, 12, 10)},
		{"paid in full", Condition{Kind: ConditionPayment, Target: 25000, Instalment: 10000, FirstInstalmentOn: ymd(2026, 10, 1), Status: ConditionInProgress},
			[]ProgressEntry{pay(25000)}, "$250.00 of $250.00, paid in full", false, Date{}},
		{"sessions", Condition{Kind: ConditionProgramme, Target: 12, Status: ConditionInProgress},
			[]ProgressEntry{{Kind: ProgressAttended}, {Kind: ProgressAttended}, {Kind: ProgressMissed}}, "2 of 12 sessions, 1 missed", false, Date{}},
		{"nothing to count", Condition{Kind: ConditionCurfew, Status: ConditionNotCompliant}, nil, "Not in compliance", false, Date{}},
		{"waived: nothing due", Condition{Kind: ConditionCommunityWork, Target: 600, DueBy: ymd(2026, 1, 1), Status: ConditionWaived},
			nil, "0 of 10 hours", false, Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ProgressOf(tt.c, tt.entries, today)
			if p.Text != tt.want || p.Behind != tt.behind || p.NextDue != tt.next {
				t.Errorf("got %q behind=%v next=%v, want %q behind=%v next=%v", p.Text, p.Behind, p.NextDue, tt.want, tt.behind, tt.next)
			}
		})
	}
}

func TestAddMonthsKeepsTheDayOrTheMonthsLast(t *testing.T) {
	for _, tt := range []struct {
		from Date
		n    int
		want Date
	}{
		{ymd(2026, 1, 31), 1, ymd(2026, 2, 28)},
		{ymd(2026, 11, 15), 2, ymd(2027, 1, 15)},
		{ymd(2024, 1, 31), 1, ymd(2024, 2, 29)},
		{ymd(2026, 3, 31), 0, ymd(2026, 3, 31)},
	} {
		if got := AddMonths(tt.from, tt.n); got != tt.want {
			t.Errorf("AddMonths(%v, %d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestMoneyAndHoursRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		in    string
		cents int64
		out   string
	}{
		{"50", 5000, "$50.00"}, {"$1,250.00", 125000, "$1,250.00"}, {"12.5", 1250, "$12.50"},
		{".75", 75, "$0.75"}, {"1234567.89", 123456789, "$1,234,567.89"},
	} {
		got, err := ParseMoney(tt.in)
		if err != nil || got != tt.cents || Money(got) != tt.out {
			t.Errorf("ParseMoney(%q) = %d, %v (%s); want %d (%s)", tt.in, got, err, Money(got), tt.cents, tt.out)
		}
	}
	for _, bad := range []string{"", "$", "1.234", "-5", "abc", "1e3"} {
		if _, err := ParseMoney(bad); err == nil {
			t.Errorf("ParseMoney(%q) took it", bad)
		}
	}
	for in, want := range map[string]int64{"2": 120, "1.5": 90, "0.25": 15} {
		if got, err := ParseHours(in); err != nil || got != want {
			t.Errorf("ParseHours(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

func TestConditionsFromTextKeepsTheWordsAndFindsKinds(t *testing.T) {
	text := "Complete 40 hours community service; Pay restitution of $1,250.00\n" +
		"Random drug and alcohol testing\n  \nNo contact with Jane Doe; Curfew 10pm-6am;No firearms\n" +
		"Complete substance-use assessment and follow recommendations\nAttend anger-management program\n" +
		"Stay out of bars and liquor stores\nMaintain employment or job search\nReport as directed\nNo new offenses"
	got := ConditionsFromText("c1", text, ymd(2026, 1, 5))
	want := []struct {
		wording string
		kind    ConditionKind
		target  int64
		whom    string
	}{
		{"Complete 40 hours community service", ConditionCommunityWork, 2400, ""},
		{"Pay restitution of $1,250.00", ConditionPayment, 125000, ""},
		{"Random drug and alcohol testing", ConditionTesting, 0, ""},
		{"No contact with Jane Doe", ConditionNoContact, 0, "Jane Doe"},
		{"Curfew 10pm-6am", ConditionCurfew, 0, ""},
		{"No firearms", ConditionOther, 0, ""},
		{"Complete substance-use assessment and follow recommendations", ConditionSUTreatment, 0, ""},
		{"Attend anger-management program", ConditionProgramme, 0, ""},
		{"Stay out of bars and liquor stores", ConditionStayAway, 0, "bars and liquor stores"},
		{"Maintain employment or job search", ConditionEmployment, 0, ""},
		{"Report as directed", ConditionReport, 0, ""},
		{"No new offenses", ConditionNoNewOffence, 0, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d conditions, want %d: %+v", len(got), len(want), got)
	}
	if got[0].DueBy != (Date{}) || got[1].Instalment != 0 {
		t.Errorf("a deadline or instalment was read from words that name none: %+v %+v", got[0], got[1])
	}
	for i, w := range want {
		g := got[i]
		if g.Wording != w.wording || g.Kind != w.kind || g.Target != w.target || g.Whom != w.whom ||
			g.ClientID != "c1" || g.OrderedOn != ymd(2026, 1, 5) || g.Status != ConditionInProgress {
			t.Errorf("condition %d = %+v, want %+v", i, g, w)
		}
		if err := g.Validate(); err != nil {
			t.Errorf("condition %d does not validate: %v", i, err)
		}
	}
}

func TestProgressEntryMustFitItsCondition(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	work := Condition{Kind: ConditionCommunityWork, Target: 2400, Status: ConditionInProgress}
	tests := []struct {
		name  string
		c     Condition
		e     ProgressEntry
		field string
	}{
		{"payment on hours", work, ProgressEntry{Kind: ProgressPayment, Amount: 5000, At: now}, FieldType},
		{"no amount", work, ProgressEntry{Kind: ProgressHours, At: now}, FieldAmount},
		{"in the future", work, ProgressEntry{Kind: ProgressHours, Amount: 60, At: now.Add(48 * time.Hour)}, FieldAt},
		{"status without reason", work, ProgressEntry{Kind: ProgressStatus, Status: ConditionCompliant, At: now}, FieldNote},
		{"same status", work, ProgressEntry{Kind: ProgressStatus, Status: ConditionInProgress, Note: "x", At: now}, FieldStatus},
		{"hours on a completed one", Condition{Kind: ConditionCommunityWork, Status: ConditionCompleted}, ProgressEntry{Kind: ProgressHours, Amount: 60, At: now}, FieldType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if msg := FieldErrors(tt.e.ValidateFor(tt.c, now)).For(tt.field); msg == "" {
				t.Errorf("want a problem with %s, got %v", tt.field, tt.e.ValidateFor(tt.c, now))
			}
		})
	}
	if err := (ProgressEntry{Kind: ProgressHours, Amount: 120, At: now}).ValidateFor(work, now); err != nil {
		t.Errorf("2 hours rejected: %v", err)
	}
	started := Condition{Status: ConditionNotStarted}.Apply(ProgressEntry{Kind: ProgressHours})
	if started.Status != ConditionInProgress {
		t.Errorf("first hours leave the condition %s, want in progress", started.Status)
	}
	if c := work.Apply(ProgressEntry{Kind: ProgressStatus, Status: ConditionNotCompliant}); c.Status != ConditionNotCompliant {
		t.Errorf("status change gives %s", c.Status)
	}
}

func TestConditionValidateNamesTheBadField(t *testing.T) {
	base := Condition{ClientID: "c", Kind: ConditionPayment, Wording: "Pay $500", OrderedOn: ymd(2026, 1, 1), Target: 50000, Status: ConditionInProgress}
	cases := map[string]func(c *Condition){
		FieldWording:    func(c *Condition) { c.Wording = " " },
		FieldDueBy:      func(c *Condition) { c.DueBy = ymd(2025, 1, 1) },
		FieldInstalment: func(c *Condition) { c.Instalment = 1000 }, // no first date
		FieldTarget:     func(c *Condition) { c.Kind = ConditionCurfew },
		FieldStatus:     func(c *Condition) { c.Status = "nope" },
	}
	for field, change := range cases {
		c := base
		change(&c)
		if FieldErrors(c.Validate()).For(field) == "" {
			t.Errorf("%s: no problem reported, got %v", field, c.Validate())
		}
	}
	if err := base.Validate(); err != nil {
		t.Errorf("valid condition rejected: %v", err)
	}
}

func TestConditionsFromTextReadInstalmentsAndDeadlines(t *testing.T) {
	on := ymd(2026, 1, 31)
	for _, tt := range []struct {
		text         string
		target, each int64
		first, due   Date
	}{
		{"Pay restitution of $1,250.00 at $100 a month", 125000, 10000, ymd(2026, 2, 28), Date{}},
		{"Pay fines and fees, $40 per month", 0, 4000, ymd(2026, 2, 28), Date{}},
		{"Complete 60 hours community service within 6 months", 3600, 0, Date{}, ymd(2026, 7, 31)},
		{"Complete 24 hours of community work within 90 days", 1440, 0, Date{}, ymd(2026, 5, 1)},
		{"Pay court costs of $300 by 2026-06-30", 30000, 0, Date{}, ymd(2026, 6, 30)},
		{"Pay $50 at $100 a month", 5000, 0, Date{}, Date{}}, // an instalment above the amount owed is no plan
		{"Complete 10 hours community service by 2025-01-01", 600, 0, Date{}, Date{}},
		{"Attend a 26-week domestic-violence program", 0, 0, Date{}, Date{}},
		{"Complete 12 sessions of anger management within 4 months", 12, 0, Date{}, ymd(2026, 5, 31)},
	} {
		got := ConditionsFromText("c", tt.text, on)
		if len(got) != 1 {
			t.Fatalf("%q: %d conditions", tt.text, len(got))
		}
		c := got[0]
		if c.Target != tt.target || c.Instalment != tt.each || c.FirstInstalmentOn != tt.first || c.DueBy != tt.due || c.Wording != tt.text {
			t.Errorf("%q: target %d each %d first %v due %v", tt.text, c.Target, c.Instalment, c.FirstInstalmentOn, c.DueBy)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%q: %v", tt.text, err)
		}
	}
}
