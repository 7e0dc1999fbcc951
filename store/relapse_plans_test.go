package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"caseload/model"
)

func TestEachRelapsePlanSaveIsANewVersionAndOlderOnesStayReadable(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	if _, err := s.RelapsePlan(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("plan of a client without one: %v", err)
	}
	first := model.RelapsePlan{ClientID: c.ID, People: []string{"Old crew"}, Places: []string{"The Anchor"},
		WarningSigns: []string{"Skipping meetings"}, Coping: []string{"Call sponsor"},
		Supports: []model.SupportPerson{{Name: "Maria", Phone: "(555) 201-3344"}}}
	if _, err := s.SaveRelapsePlan(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := first
	second.Coping = []string{"Call sponsor", "Walk the dog"}
	second.Feelings = []string{"Lonely on Sundays"}
	saved, err := s.SaveRelapsePlan(ctx, second)
	if err != nil || saved.Version != 2 {
		t.Fatalf("second save = %+v, %v", saved, err)
	}
	cur, err := s.RelapsePlan(ctx, c.ID)
	if err != nil || cur.Version != 2 || !reflect.DeepEqual(cur.Coping, second.Coping) || !reflect.DeepEqual(cur.Supports, first.Supports) {
		t.Fatalf("current plan = %+v, %v", cur, err)
	}
	history, err := s.RelapsePlanHistory(ctx, c.ID)
	if err != nil || len(history) != 2 {
		t.Fatalf("history = %d, %v", len(history), err)
	}
	if !reflect.DeepEqual(history[1].Coping, []string{"Call sponsor"}) || history[1].Feelings != nil {
		t.Errorf("version 1 reads back as %+v", history[1])
	}
	if got := strings.Join(auditActions(t, s, "relapse_plan"), ","); got != "create,update" {
		t.Errorf("relapse plan audit = %s", got)
	}
}

func TestBadRelapsePlanWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openFoundation(t)
	c := newClient(t, s, "Ann Lee", "A-1", model.LevelHigh)
	bad := model.RelapsePlan{ClientID: c.ID, Supports: []model.SupportPerson{{Name: "Maria"}}}
	if _, err := s.SaveRelapsePlan(ctx, bad); model.FieldErrors(err).For("supports_1_phone") == "" {
		t.Fatalf("support person without a phone: %v", err)
	}
	if n := count(t, s, "relapse_plans"); n != 0 {
		t.Errorf("%d plans written by a refused save", n)
	}
}
