package store_test

import (
	"context"
	"testing"

	"caseload/model"
)

func TestNothingIsDueFromAClientWhoIsNotActive(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	cl := newClient("C-7")
	cl.Conditions = "Pay fines of $400 at $50 a month"
	cl.SupervisionFrom = model.DateOf(testNow.AddDate(0, -3, 0))
	c, err := s.CreateClient(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	due := func() int {
		t.Helper()
		sections, err := s.ComplianceAgenda(ctx, testNow, 0)
		if err != nil {
			t.Fatal(err)
		}
		return sections[1].Total
	}
	if n := due(); n != 1 {
		t.Fatalf("an unpaid plan of an active client: %d due, want 1", n)
	}
	c.Status = model.StatusAbsconded
	if c, err = s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n := due(); n != 0 {
		t.Errorf("an absconder's instalments: %d due, want 0", n)
	}
	c.Status = model.StatusActive
	if _, err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n := due(); n != 1 {
		t.Errorf("back on supervision: %d due, want 1", n)
	}
}

func TestCaseloadFiltersClientsNotInCompliance(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	var ids []string
	for _, n := range []string{"N-1", "N-2", "N-3"} {
		cl := newClient(n)
		cl.Conditions = "Curfew 10pm-6am"
		c, err := s.CreateClient(ctx, cl)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	conds, err := s.Conditions(ctx, ids[1], model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProgress(ctx, model.ProgressEntry{ConditionID: conds[0].Condition.ID, Kind: model.ProgressStatus,
		Status: model.ConditionNotCompliant, Note: "Out after curfew three times", At: testNow}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.CaseloadPage(ctx, model.CaseloadQuery{NotCompliant: true, Sort: model.SortName, Limit: 10, Now: testNow})
	if err != nil || len(rows) != 1 || rows[0].ClientID != ids[1] || rows[0].NotCompliant != 1 {
		t.Fatalf("not in compliance: %+v, %v", rows, err)
	}
	if n, err := s.CaseloadCount(ctx, model.CaseloadQuery{NotCompliant: true, Now: testNow}); err != nil || n != 1 {
		t.Errorf("count %d, %v", n, err)
	}
	for _, tab := range model.CaseloadTabs() {
		if _, err := s.CaseloadPage(ctx, model.CaseloadQuery{NotCompliant: true, Tab: tab.Value, Filter: "N-", Limit: 10, Now: testNow}); err != nil {
			t.Errorf("tab %s with the filter: %v", tab.Value, err)
		}
	}
}

func TestACourtsChangeReplacesTheConditionInOneSave(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	cl := newClient("M-1")
	cl.Conditions = "Curfew 10pm-6am"
	c, err := s.CreateClient(ctx, cl)
	if err != nil {
		t.Fatal(err)
	}
	conds, _ := s.Conditions(ctx, c.ID, model.DateOf(testNow))
	old := conds[0].Condition
	bad := model.Condition{ClientID: c.ID, Kind: model.ConditionCurfew, OrderedOn: model.DateOf(testNow)} // no wording
	if _, err := s.ModifyCondition(ctx, old.ID, bad, "Review hearing: curfew moved to 9pm"); model.FieldErrors(err).For(model.FieldWording) == "" {
		t.Fatalf("a replacement without words: %v", err)
	}
	if conds, _ = s.Conditions(ctx, c.ID, model.DateOf(testNow)); len(conds) != 1 || conds[0].Condition.Status != old.Status {
		t.Fatalf("a failed change left %+v", conds)
	}
	bad.Wording = "Curfew 9pm-6am"
	if _, err := s.ModifyCondition(ctx, old.ID, bad, "Review hearing: curfew moved to 9pm"); err != nil {
		t.Fatal(err)
	}
	conds, _ = s.Conditions(ctx, c.ID, model.DateOf(testNow))
	if len(conds) != 2 || conds[0].Condition.Status != model.ConditionModified || conds[1].Condition.Wording != "Curfew 9pm-6am" ||
		conds[0].Entries[0].Note != "Review hearing: curfew moved to 9pm" {
		t.Errorf("after the change: %+v", conds)
	}
}
