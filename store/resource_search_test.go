package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

func directoryFixture(t *testing.T) *store.Store {
	s, _ := openFrozen(t, time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local))
	for _, r := range []model.Resource{
		{Name: "Harbor Recovery Center", Category: model.CategorySubstanceUse, Tags: []string{"Medication-assisted treatment"},
			Description: "Outpatient treatment and counselling.", Address: "12 Harbor Way, Springfield"},
		{Name: "Open Door Counselling", Category: model.CategoryMentalHealth, Description: "Talking therapy.", Address: "4 Elm St"},
		{Name: "Stepping Stones Housing", Category: model.CategoryHousing, Tags: []string{"Transitional housing"},
			Description: "Rooms for people leaving treatment.", Address: "9 Oak Ave"},
		{Name: "Café Olé (drop-in)", Category: model.CategoryPeerSupport, Description: "Recovery café; peer mentors.", Address: "1 Market Sq"},
	} {
		fixtureResource(t, s, r)
	}
	return s
}

func TestSearchResourcesFindsNameDescriptionTagsAddressAndCategory(t *testing.T) {
	s := directoryFixture(t)
	tests := []struct {
		query    string
		category model.ResourceCategory
		want     string
	}{
		{"harbor", "", "Harbor Recovery Center"},
		{"medication assisted", "", "Harbor Recovery Center"},
		{"elm", "", "Open Door Counselling"},
		{"mental", "", "Open Door Counselling"},
		{"treatment", model.CategoryHousing, "Stepping Stones Housing"},
		{"counsel", "", "Open Door Counselling|Harbor Recovery Center"},
		{"cafe ole", "", "Café Olé (drop-in)"},
		{`"drop-in" OR NOT (x*`, "", ""},
		{"nothing-like-this", "", ""},
		{"   ", model.CategoryHousing, "Stepping Stones Housing"},
	}
	for _, tt := range tests {
		q := model.ResourceQuery{Text: tt.query, Category: tt.category}
		got, err := s.SearchResources(context.Background(), q)
		if err != nil {
			t.Errorf("search %q: %v", tt.query, err)
			continue
		}
		var names []string
		for _, r := range got {
			names = append(names, r.Name)
		}
		if strings.Join(names, "|") != tt.want {
			t.Errorf("search %q in %q = %q; want %q", tt.query, tt.category, names, tt.want)
		}
		n, err := s.CountResources(context.Background(), q)
		if err != nil || n != len(got) {
			t.Errorf("count %q = %d, %v; want %d", tt.query, n, err, len(got))
		}
	}
}

func TestSearchResourcesPagesAndFollowsEdits(t *testing.T) {
	ctx := context.Background()
	s := directoryFixture(t)
	page, err := s.SearchResources(ctx, model.ResourceQuery{Limit: 2, Offset: 1})
	if err != nil || len(page) != 2 || page[0].Name != "Harbor Recovery Center" {
		t.Fatalf("page 2 of all = %v, %v", page, err)
	}
	got, err := s.SearchResources(ctx, model.ResourceQuery{Text: "stepping"})
	if err != nil || len(got) != 1 {
		t.Fatalf("search = %v, %v", got, err)
	}
	r := got[0]
	r.Name = "Bridge House"
	if _, err := s.UpdateResource(ctx, r); err != nil {
		t.Fatal(err)
	}
	if old, _ := s.SearchResources(ctx, model.ResourceQuery{Text: "stepping"}); len(old) != 0 {
		t.Errorf("the old name still finds %v", old)
	}
	if renamed, _ := s.SearchResources(ctx, model.ResourceQuery{Text: "bridge"}); len(renamed) != 1 {
		t.Errorf("the new name finds %v", renamed)
	}
}

func TestResourceReferralsListsClientsOpenFirst(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local)
	s, _ := openFrozen(t, now)
	res := fixtureResource(t, s, model.Resource{Name: "Harbor", Category: model.CategorySubstanceUse})
	other := fixtureResource(t, s, model.Resource{Name: "Elsewhere", Category: model.CategoryOther})
	ada := fixtureClient(t, s, "Ada", "A-1", model.LevelHigh, model.StatusActive)
	ben := fixtureClient(t, s, "Ben", "B-2", model.LevelHigh, model.StatusActive)
	today := model.DateOf(now)
	fixtureReferral(t, s, ada.ID, res.ID, today.AddDays(-1), today.AddDays(6),
		store.StatusChange{To: model.ReferralDeclined, At: now.Add(-time.Hour), Note: "not now"})
	open := fixtureReferral(t, s, ben.ID, res.ID, today.AddDays(-30), today.AddDays(-23))
	fixtureReferral(t, s, ada.ID, other.ID, today, today.AddDays(7))
	got, err := s.ResourceReferrals(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ReferralID != open.ID || got[0].ClientName != "Ben" || got[0].CaseNumber != "B-2" ||
		got[0].Status != model.ReferralReferred || got[1].ClientName != "Ada" || got[1].Status != model.ReferralDeclined {
		t.Errorf("referrals to Harbor = %+v; want Ben's open one, then Ada's declined one", got)
	}
}
