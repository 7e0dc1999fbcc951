package summary

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// TestDocumentInPartsIsTheWholeSummary checks the summary read and made a
// few clients at a time (what the export command writes) against the
// summary read and made whole, byte for byte, in every format: a month of a
// demo caseload, redacted or not, the fixture's day (its notice, its
// corrected check-in), and a range with nothing in it.
func TestDocumentInPartsIsTheWholeSummary(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 20, 0, 0, 0, 0, zone)
	if _, err := demo.Fill(ctx, st, demo.Options{Clients: 40, Seed: 7, Now: now}); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	cases := []struct {
		name     string
		st       *store.Store
		from, to time.Time
		redact   bool
		clients  int // at least
	}{
		{"a month", st, now.AddDate(0, -1, 0), now, false, 20},
		{"a month, redacted", st, now.AddDate(0, -1, 0), now, true, 20},
		{"the fixture's day", f.st, fixtureFrom, fixtureTo, false, 2},
		{"nothing in the range", st, now.AddDate(-5, 0, 0), now.AddDate(-5, 0, 1), false, 0},
		{"records entered day by day", interleaved(t), day(3, 0, 0), day(7, 0, 0), false, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := Request{From: c.from, To: c.to, Redact: c.redact, Now: now}
			read := func() model.SummaryRecords {
				rec, err := c.st.SummaryRecords(ctx, Query(req))
				if err != nil {
					t.Fatal(err)
				}
				return rec
			}
			whole := model.BuildSummary(read(), options(req))
			if len(whole.Clients) < c.clients {
				t.Fatalf("the summary has %d clients, want at least %d", len(whole.Clients), c.clients)
			}
			for _, opt := range Formats() {
				want, err := Render(whole, opt.Value)
				if err != nil {
					t.Fatal(err)
				}
				// Make, reading whole and in parts.
				for _, upTo := range []int{0, 1 << 30} {
					d, err := makeDocument(ctx, c.st, req, opt.Value, upTo)
					if err != nil {
						t.Fatal(err)
					}
					if got := d.Bytes(); !bytes.Equal(got, want) {
						t.Fatalf("%s, made with at most %d records read whole: %s", opt.Value, upTo, firstDifference(string(want), string(got)))
					}
					sameClients(t, d, whole)
				}
				for _, size := range []int{1, 3, 7, partSize} {
					d, err := inParts(func(each func(model.SummaryRecords) error) error {
						return c.st.SummaryInParts(ctx, Query(req), size, each)
					}, options(req), opt.Value)
					if err != nil {
						t.Fatal(err)
					}
					var out bytes.Buffer
					if _, err := d.WriteTo(&out); err != nil {
						t.Fatal(err)
					}
					if got := out.Bytes(); !bytes.Equal(got, want) {
						t.Fatalf("%s, %d clients a part: %s", opt.Value, size, firstDifference(string(want), string(got)))
					}
					if d.Len() != len(want) || d.Records() != whole.Records() || d.Clients() != len(whole.Clients) {
						t.Errorf("%s, %d clients a part: %d bytes, %d records, %d clients; want %d, %d, %d", opt.Value, size,
							d.Len(), d.Records(), d.Clients(), len(want), whole.Records(), len(whole.Clients))
					}
					sameClients(t, d, whole)
				}
			}
		})
	}
}

// sameClients checks that a document names the clients of the summary built
// whole, and carries the Part 2 notice when it does.
func sameClients(t *testing.T, d *Document, whole model.Summary) {
	t.Helper()
	var want []string
	for _, c := range whole.Clients {
		want = append(want, c.ClientID)
	}
	got := slices.Clone(d.ClientIDs())
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the document names clients %v, want %v", got, want)
	}
	if d.HoldsSubstanceUse() != whole.HoldsSubstanceUse() {
		t.Errorf("the document's Part 2 notice is %v, the summary's %v", d.HoldsSubstanceUse(), whole.HoldsSubstanceUse())
	}
	if d.Summary.Clients != nil {
		t.Errorf("the document keeps %d clients' summaries beside their sections", len(d.Summary.Clients))
	}
}

// interleaved makes a file whose records were entered as an officer enters
// them, day by day across the caseload: every table's rows lie out of the
// order of their clients, as the demo's (written a client at a time) do not.
func interleaved(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "interleaved.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var errs []error
	must := func(_ any, err error) { errs = append(errs, err) }
	must(nil, st.SaveSettings(ctx, model.Settings{OfficerName: "Officer Ray", Intervals: model.DefaultIntervals()}))
	res, err := st.CreateResource(ctx, model.Resource{Name: "Riverside Recovery", Category: model.CategorySubstanceUse, CreatedAt: day(1, 8, 0)})
	must(nil, err)
	names := []string{"Zoe Young", "ann lee", "Ann Lee", "Bo Chan", "Émile Roy", "Ann Lee"}
	var clients []model.Client
	for i, name := range names {
		c, err := st.CreateClient(ctx, model.Client{Name: name, CaseNumber: fmt.Sprintf("CR-%d", 9-i), SupervisionType: model.SupervisionProbation,
			Level: model.LevelHigh, Status: model.StatusActive, CreatedAt: day(1, 8, 0).AddDate(0, -1, 0)})
		must(nil, err)
		clients = append(clients, c)
	}
	conditions := map[string]string{}
	referrals := map[string]string{}
	// Later clients first, then the others, each day: no table's rows are
	// in the order of their clients' ids.
	for d := 2; d <= 6; d++ {
		for _, i := range []int{5, 0, 3, 1, 4, 2} {
			c := clients[i]
			at := day(d, 8+i, 0)
			must(st.AddCheckIn(ctx, model.CheckIn{ClientID: c.ID, At: at, Type: model.ContactOffice, Outcome: model.OutcomeCompleted,
				Test: model.TestNegative, Stage: model.StageAction, Note: fmt.Sprintf("day %d, %s", d, c.Name)}))
			must(st.AddStageNote(ctx, model.StageNote{ClientID: c.ID, At: at.Add(time.Minute), Stage: model.Stage([]string{"contemplation", "preparation", "action"}[d%3]),
				Note: "talked about work"}))
			if d == 2 {
				cd, err := st.AddCondition(ctx, model.Condition{ClientID: c.ID, Kind: model.ConditionCommunityWork, Wording: "Complete 40 hours of community service",
					Target: 40 * 60, OrderedOn: model.DateOf(at), Status: model.ConditionInProgress})
				must(nil, err)
				conditions[c.ID] = cd.ID
				ref, err := st.CreateReferral(ctx, model.Referral{ClientID: c.ID, ResourceID: res.ID, Reason: "Outpatient treatment",
					ReferredOn: model.DateOf(at), FollowUpOn: model.DateOf(at).AddDays(7)}, "")
				must(nil, err)
				referrals[c.ID] = ref.ID
				must(st.AddEmployment(ctx, model.Employment{ClientID: c.ID, Employer: "Acme", Position: "Picker", StartOn: model.DateOf(at), HoursPerWeek: 30}))
				continue
			}
			must(st.AddProgress(ctx, model.ProgressEntry{ConditionID: conditions[c.ID], Kind: model.ProgressHours, Amount: int64(60 * d), At: at.Add(2 * time.Minute)}))
			if d == 4 {
				must(st.ChangeReferralStatus(ctx, referrals[c.ID], store.StatusChange{To: model.ReferralScheduled, At: at.Add(3 * time.Minute),
					FollowUpOn: model.DateOf(at).AddDays(7)}))
				must(st.RecordViolation(ctx, model.Violation{ClientID: c.ID, Kind: model.ViolationCurfew, At: at.Add(4 * time.Minute),
					Seriousness: model.SeriousnessLow, Description: "Home late"}, &model.Response{StepKey: "verbal_warning", At: at.Add(5 * time.Minute)}))
				must(st.AddIncentive(ctx, model.Incentive{ClientID: c.ID, StepKey: "praise", At: at.Add(6 * time.Minute), Reason: "Every appointment kept"}))
				must(st.AddCourtEvent(ctx, model.CourtEvent{ClientID: c.ID, Kind: model.CourtReview, At: at.Add(7 * time.Minute), Court: "District Court"}))
				must(st.AddScreening(ctx, model.Screening{ClientID: c.ID, Instrument: model.InstrumentPHQ9, At: at.Add(8 * time.Minute),
					Answers: []int{1, 0, 1, 0, 1, 0, 1, 0, 0}}))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return st
}
