package model

import (
	"testing"
	"time"
)

func TestNextDue(t *testing.T) {
	loc := time.FixedZone("officer", -5*3600)
	at := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	iv := DefaultIntervals()
	tests := []struct {
		name   string
		in     DueInput
		want   time.Time
		wantOK bool
	}{
		{"appointment after last contact wins", DueInput{Status: StatusActive, Level: LevelModerate,
			LastCompleted: at("2026-11-01 10:00"), NextAppointment: at("2026-11-10 09:00")}, at("2026-11-10 09:00"), true},
		{"interval when no appointment", DueInput{Status: StatusActive, Level: LevelHigh,
			LastCompleted: at("2026-11-01 10:00")}, at("2026-11-15 10:00"), true},
		{"stale appointment before last contact is ignored", DueInput{Status: StatusActive, Level: LevelIntensive,
			LastCompleted: at("2026-11-05 10:00"), NextAppointment: at("2026-11-03 09:00")}, at("2026-11-12 10:00"), true},
		{"low level waits 90 days", DueInput{Status: StatusActive, Level: LevelLow,
			LastCompleted: at("2026-01-01 10:00")}, at("2026-04-01 10:00"), true},
		{"never seen is due from supervision start", DueInput{Status: StatusActive, Level: LevelLow,
			SupervisionFrom: Date{2026, 11, 20}, Created: at("2026-11-21 08:00")}, Date{2026, 11, 20}.In(time.Local), true},
		{"never seen without start is due from creation", DueInput{Status: StatusActive, Level: LevelLow,
			Created: at("2026-11-21 08:00")}, at("2026-11-21 08:00"), true},
		{"closed client is never due", DueInput{Status: StatusClosed, Level: LevelHigh,
			LastCompleted: at("2026-11-01 10:00")}, time.Time{}, false},
		{"in custody is never due", DueInput{Status: StatusInCustody, Level: LevelHigh,
			NextAppointment: at("2026-11-30 10:00")}, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := NextDue(tt.in, iv)
			if ok != tt.wantOK || !got.Equal(tt.want) {
				t.Errorf("NextDue = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestNextDueUsesOfficerIntervals(t *testing.T) {
	last := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	iv := Intervals{LevelIntensive: 3, LevelHigh: 10, LevelModerate: 21, LevelLow: 60}
	got, _ := NextDue(DueInput{Status: StatusActive, Level: LevelIntensive, LastCompleted: last}, iv)
	if want := last.AddDate(0, 0, 3); !got.Equal(want) {
		t.Errorf("NextDue with a 3-day interval = %v, want %v", got, want)
	}
}

func TestIntervalsFallBackToDefaultForMissingLevel(t *testing.T) {
	iv := Intervals{LevelHigh: 10}
	if got := iv.Days(LevelLow); got != 90 {
		t.Errorf("missing low interval = %d, want the default 90", got)
	}
	if err := iv.Validate(); err == nil {
		t.Error("Validate accepted intervals with levels missing")
	}
	if err := DefaultIntervals().Validate(); err != nil {
		t.Errorf("default intervals invalid: %v", err)
	}
}

func TestStateOf(t *testing.T) {
	loc := time.FixedZone("officer", 2*3600)
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, loc)
	tests := []struct {
		due  time.Time
		ok   bool
		want DueState
	}{
		{time.Date(2026, 11, 22, 23, 59, 0, 0, loc), true, DueOverdue},
		{time.Date(2026, 11, 23, 0, 0, 0, 0, loc), true, DueToday},
		{time.Date(2026, 11, 23, 9, 0, 0, 0, loc), true, DueToday}, // earlier today is not yet overdue
		{time.Date(2026, 11, 23, 23, 59, 0, 0, loc), true, DueToday},
		{time.Date(2026, 11, 24, 0, 0, 0, 0, loc), true, DueThisWeek},
		{time.Date(2026, 11, 29, 23, 0, 0, 0, loc), true, DueThisWeek},
		{time.Date(2026, 11, 30, 0, 0, 0, 0, loc), true, DueLater},
		{time.Date(2026, 11, 22, 22, 30, 0, 0, time.UTC), true, DueToday}, // 00:30 on the 23rd in the officer's zone
		{time.Time{}, false, DueNone},
	}
	for _, tt := range tests {
		if got := StateOf(tt.due, tt.ok, now); got != tt.want {
			t.Errorf("StateOf(%v) = %v, want %v", tt.due, got, tt.want)
		}
	}
	if !Overdue(time.Date(2026, 11, 1, 0, 0, 0, 0, loc), now) || Overdue(now, now) {
		t.Error("Overdue disagrees with StateOf")
	}
}
