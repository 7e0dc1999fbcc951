package summary

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// zone is the officer's zone in every test here: not UTC, so that times carry
// an offset.
var zone = time.FixedZone("EST", -5*3600)

// shared is the fixture file the tests read; none of them writes to it, so
// it is built once for the package.
var shared struct {
	once sync.Once
	dir  string
	f    *fixture
	err  error
}

func TestMain(m *testing.M) {
	time.Local = zone
	code := m.Run()
	if shared.f != nil {
		shared.f.st.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// newFixture returns the shared fixture, building it on first use.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "caseload-summary-test-"); shared.err == nil {
			shared.f, shared.err = buildFixture(filepath.Join(shared.dir, "fixture.db"))
		}
	})
	if shared.err != nil {
		t.Fatalf("build the fixture: %v", shared.err)
	}
	return shared.f
}

func day(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, zone) }

// The fixture's range is 10 November; the clock is frozen the next morning.
var (
	fixtureFrom = day(10, 0, 0)
	fixtureTo   = day(11, 0, 0)
	fixtureNow  = day(11, 8, 0)
)

// correctedID stands, in golden files, for the id the store gives the
// corrected check-in (a fresh UUIDv7 each run).
const correctedID = "01900000-0000-7000-8000-00000000c0de"

// fixture is a caseload file with one day of varied records: a positive test
// with substances, sensitive notes, stage changes (one backwards), a referral
// made and scheduled, an amended check-in, text that tries CSV formulas,
// Markdown and terminal escapes, a client seen only outside the range, and
// the conditions of supervision (buildComplianceFixture).
type fixture struct {
	path        string
	st          *store.Store
	replacement string // the id of the corrected check-in
}

func buildFixture(path string) (*fixture, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return fixtureNow }))
	if err != nil {
		return nil, err
	}
	f := &fixture{path: path, st: st}
	// The first error is the one reported.
	var first error
	must := func(err error) {
		if first == nil {
			first = err
		}
	}
	must(st.SaveSettings(ctx, model.Settings{OfficerName: "Officer Dana Kim", Intervals: model.DefaultIntervals()}))
	client := func(id, name, preferred, caseNo string, level model.Level) model.Client {
		if first != nil {
			return model.Client{}
		}
		c, err := st.CreateClient(ctx, model.Client{ID: id, Name: name, PreferredName: preferred, CaseNumber: caseNo,
			SupervisionType: model.SupervisionProbation, Level: level, Status: model.StatusActive, CreatedAt: day(1, 9, 0).AddDate(0, -2, 0)})
		must(err)
		return c
	}
	checkIn := func(k model.CheckIn) model.CheckIn {
		if first != nil {
			return k
		}
		k, err := st.AddCheckIn(ctx, k)
		must(err)
		return k
	}
	maria := client("01900000-0000-7000-8000-000000000001", "Maria Alvarez", "Mari", "CR-1001", model.LevelHigh)
	bob := client("01900000-0000-7000-8000-000000000002", "Bob Baker", "", "CR-1002", model.LevelModerate)
	chen := client("01900000-0000-7000-8000-000000000003", "Chen Li", "", "CR-1003", model.LevelIntensive)
	dana := client("01900000-0000-7000-8000-000000000004", "Dana Evans", "", "CR-1004", model.LevelLow)

	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a1", ClientID: maria.ID, At: day(3, 10, 0), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Stage: model.StageContemplation, Note: "Before the range."})
	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a2", ClientID: maria.ID, At: day(10, 9, 15), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Location: "Main office", Test: model.TestPositive, Substances: []string{"cocaine", "alcohol"},
		Stage: model.StageAction, Flags: []model.RiskFlag{model.FlagCraving}, Sensitive: true,
		Note:            "Said she used at a party on Saturday and wants to go back to treatment. She has been attending meetings twice a week and asked for a referral to an outpatient program near her work. See https://example.org/a-very-long-link-that-is-longer-than-one-line-of-eighty-columns-of-plain-text/index.html",
		NextAppointment: day(17, 9, 0)})
	if first != nil {
		st.Close()
		return nil, first
	}
	res, err := st.CreateResource(ctx, model.Resource{ID: "01900000-0000-7000-8000-0000000000f1", Name: "Riverside Recovery",
		Category: model.CategorySubstanceUse, CreatedAt: day(1, 9, 0)})
	must(err)
	ref, err := st.CreateReferral(ctx, model.Referral{ID: "01900000-0000-7000-8000-0000000000b1", ClientID: maria.ID,
		ResourceID: res.ID, Reason: "Outpatient treatment", ReferredOn: model.DateOf(day(10, 0, 0))}, "Faxed the intake form.")
	must(err)
	_, err = st.ChangeReferralStatus(ctx, ref.ID, store.StatusChange{To: model.ReferralScheduled, At: day(10, 15, 0),
		FollowUpOn: model.DateOf(day(14, 0, 0)), AppointmentAt: day(13, 10, 0), Note: "Intake on Friday."})
	must(err)

	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a3", ClientID: bob.ID, At: day(1, 10, 0), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested})
	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a4", ClientID: bob.ID, At: day(10, 11, 0), Type: model.ContactHome,
		Outcome: model.OutcomeAttempted, Location: "+1 555 0100, back porch", Test: model.TestNotTested,
		Note: "-tried twice\n@neighbour said \"=HYPERLINK(\"\"x\"\")\"\tthen left\r\nno car in drive"})
	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a5", ClientID: bob.ID, At: day(10, 11, 30), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Location: "=1+1", Test: model.TestNegative, Note: "Walked in after the home visit."})
	wrong := checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a6", ClientID: bob.ID, At: day(10, 13, 0), Type: model.ContactPhone,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: "Entered on the wrong client."})
	am, err := st.AmendCheckIn(ctx, wrong.ID, model.CheckIn{At: day(10, 13, 0), Type: model.ContactPhone, Outcome: model.OutcomeRescheduled,
		Test: model.TestNotTested, Note: "Called to move Thursday's visit.", NextAppointment: day(12, 14, 0)}, "Wrong outcome and note.")
	must(err)
	f.replacement = am.ReplacementID

	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a7", ClientID: chen.ID, At: day(1, 16, 0), Type: model.ContactOffice,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Stage: model.StageMaintenance})
	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a8", ClientID: chen.ID, At: day(10, 16, 30), Type: model.ContactOffice,
		Outcome: model.OutcomeNoShow, Location: "District office | room 2", Test: model.TestNotTested,
		Flags: []model.RiskFlag{model.FlagNewArrest, model.FlagDistress},
		Note:  "**Missed** [again](http://x.test) # not a heading\n1. not a list\n\x1b[31mred\x1b[0m <b>bold</b>"})
	_, err = st.AddStageNote(ctx, model.StageNote{ID: "01900000-0000-7000-8000-0000000000c1", ClientID: chen.ID, At: day(10, 17, 0),
		Stage: model.StagePrecontemplation, Note: "Says he does not see a problem with drinking again.", Sensitive: true})
	must(err)

	if first != nil {
		st.Close()
		return nil, first
	}
	must(buildComplianceFixture(ctx, st, maria.ID, bob.ID, chen.ID))

	checkIn(model.CheckIn{ID: "01900000-0000-7000-8000-0000000000a9", ClientID: dana.ID, At: day(9, 23, 59), Type: model.ContactPhone,
		Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: "Outside the range."})
	if first != nil {
		st.Close()
		return nil, first
	}
	return f, nil
}

// load builds the fixture's summary for the day.
func (f *fixture) load(t testing.TB, redact bool) model.Summary {
	t.Helper()
	s, err := Load(context.Background(), f.st, Request{From: fixtureFrom, To: fixtureTo, Redact: redact, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
