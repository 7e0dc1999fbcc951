package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/model"
)

func TestTimelineShowsScreeningsAndGoalChangesInTimeOrder(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	g := jobGoal(c.ID)
	g.At = frozenNow.Add(-72 * time.Hour)
	g, err := s.CreateGoal(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	k := ticksCheckIn(c.ID)
	k.At = frozenNow.Add(-48 * time.Hour)
	if _, err := s.AddCheckIn(ctx, k); err != nil {
		t.Fatal(err)
	}
	phq := model.Screening{ClientID: c.ID, Instrument: model.InstrumentPHQ9, At: frozenNow.Add(-24 * time.Hour),
		Answers: []int{1, 1, 1, 1, 1, 0, 0, 0, 1}}
	if _, err := s.AddScreening(ctx, phq); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TickStep(ctx, g.ID, 0, true); err != nil { // dated now, by the store's clock
		t.Fatal(err)
	}
	page, err := s.Timeline(ctx, c.ID, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range page {
		kinds = append(kinds, string(e.Kind))
	}
	if got := strings.Join(kinds, ","); got != "goal_version,screening,checkin,goal_version" {
		t.Fatalf("timeline kinds newest first = %s", got)
	}
	tick, sc, created := page[0], page[1], page[3]
	if tick.Goal == nil || tick.Previous == nil || model.ChangeOf(tick.Previous, *tick.Goal).String() != "step done: Sign up at the job centre" {
		t.Errorf("the tick reads %+v (previous %+v)", tick.Goal, tick.Previous)
	}
	if created.Goal == nil || created.Previous != nil || model.ChangeOf(created.Previous, *created.Goal).Kind != model.GoalCreated {
		t.Errorf("the new goal reads %+v (previous %+v)", created.Goal, created.Previous)
	}
	if sc.Screening == nil || !sc.Screening.Result().AskAboutSafetyNow || sc.Screening.Result().Total != 6 {
		t.Errorf("the screening reads %+v", sc.Screening)
	}
	second, err := s.Timeline(ctx, c.ID, 2, 2)
	if err != nil || len(second) != 2 || second[0].Kind != model.TimelineCheckIn || second[1].Kind != model.TimelineGoal {
		t.Errorf("second page of two = %+v, %v", second, err)
	}
}

func TestTimelineQueryReadsEveryTableByIndex(t *testing.T) {
	s := openFoundation(t)
	plan := queryPlan(t, s.db, timelineQuery, "client", 40, 0)
	searched := map[string]bool{}
	for _, d := range plan {
		if strings.HasPrefix(d, "SCAN ") && !strings.Contains(d, "json_each") {
			t.Errorf("the timeline scans a table: %q\n%s", d, strings.Join(plan, "\n"))
		}
		if strings.HasPrefix(d, "SEARCH ") {
			searched[strings.Fields(d)[1]] = true
		}
	}
	for _, table := range []string{"checkins", "stage_notes", "referral_events", "amendments", "screenings", "g", "v"} {
		if !searched[table] {
			t.Errorf("%s is not searched by index:\n%s", table, strings.Join(plan, "\n"))
		}
	}
}
