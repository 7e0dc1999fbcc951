package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata" // the zones of the officers in the tests

	"caseload/internal/schematest"
	"caseload/model"
	"caseload/store"
)

// expectedWorkload computes the workload the slow, obvious way: every record
// of the file read into memory and run through the model's rules. The
// store's indexed reads must agree with it exactly.
func expectedWorkload(t *testing.T, path string, now time.Time, weeks int) model.Workload {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	query := func(q string, args ...any) *sql.Rows {
		rows, err := db.Query(q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return rows
	}
	parse := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		v, err := time.Parse("2006-01-02T15:04:05.000Z", s)
		if err != nil {
			t.Fatal(err)
		}
		return v.Local()
	}
	amended := map[string]bool{}
	rows := query("SELECT target_id FROM amendments")
	for rows.Next() {
		var id string
		rows.Scan(&id)
		amended[id] = true
	}
	rows.Close()

	iv := model.DefaultIntervals()
	figs := model.NewWeekFigures(model.LastWeeks(now, weeks))
	active := map[string]model.DueInput{}
	var shape []model.ShapeTally
	rows = query("SELECT id, status, level, supervision_type, supervision_from, created_at, current_stage FROM clients")
	for rows.Next() {
		var id, status, level, typ, from, created, stage string
		if err := rows.Scan(&id, &status, &level, &typ, &from, &created, &stage); err != nil {
			t.Fatal(err)
		}
		d, _ := model.ParseDate(from)
		active[id] = model.DueInput{Status: model.ClientStatus(status), Level: model.Level(level), SupervisionFrom: d, Created: parse(created), Location: time.Local}
		if status == string(model.StatusActive) {
			shape = append(shape, model.ShapeTally{Level: model.Level(level), Type: model.SupervisionType(typ), Stage: model.Stage(stage), N: 1})
		}
	}
	rows.Close()
	// Past weeks count a client while the case was active, by its history.
	rows = query("SELECT client_id, at, status FROM client_status_changes ORDER BY client_id, at")
	for rows.Next() {
		var id, at, status string
		if err := rows.Scan(&id, &at, &status); err != nil {
			t.Fatal(err)
		}
		in := active[id]
		in.History = append(in.History, model.StatusChange{At: parse(at), Status: model.ClientStatus(status)})
		active[id] = in
	}
	rows.Close()

	var contacts []model.ContactTally
	var signals []model.SignalContact
	due := map[string][]model.DueContact{}
	rows = query("SELECT id, client_id, at, type, outcome, test_result, flags, next_appointment_at FROM checkins")
	for rows.Next() {
		var id, client, at, typ, outcome, test, flags, appt string
		if err := rows.Scan(&id, &client, &at, &typ, &outcome, &test, &flags, &appt); err != nil {
			t.Fatal(err)
		}
		if amended[id] {
			continue
		}
		var fl []model.RiskFlag
		json.Unmarshal([]byte(flags), &fl)
		contacts = append(contacts, model.ContactTally{At: parse(at), Type: model.ContactType(typ), Outcome: model.Outcome(outcome), Test: model.TestResult(test), N: 1})
		signals = append(signals, model.SignalContact{ClientID: client, At: parse(at), Test: model.TestResult(test), Flags: fl})
		due[client] = append(due[client], model.DueContact{At: parse(at), Completed: outcome == "completed", NextAppointment: parse(appt)})
	}
	rows.Close()
	model.AddContacts(figs, contacts)

	var spells []model.DueSpell
	for id, in := range active {
		spells = append(spells, model.DueSpells(in, due[id], iv)...)
	}
	model.AddDue(figs, spells, now)

	marks := map[string][]model.StageMark{}
	rows = query("SELECT id, client_id, coalesce(checkin_id, ''), at, stage FROM stage_notes")
	for rows.Next() {
		var id, client, checkin, at, stage string
		if err := rows.Scan(&id, &client, &checkin, &at, &stage); err != nil {
			t.Fatal(err)
		}
		if amended[id] || amended[checkin] {
			continue
		}
		marks[client] = append(marks[client], model.StageMark{At: parse(at), Stage: model.Stage(stage)})
	}
	rows.Close()
	var stageSpells []model.StageSpell
	for id, in := range active {
		stageSpells = append(stageSpells, model.StageSpellsWhileActive(marks[id], in)...)
	}
	model.AddStages(figs, stageSpells, func(t time.Time) int {
		n := 0
		for _, in := range active {
			if model.ActiveAt(in, t) {
				n++
			}
		}
		return n
	}, now)

	var made, closed []model.ReferralTally
	rows = query("SELECT referred_on FROM referrals")
	for rows.Next() {
		var on string
		rows.Scan(&on)
		d, _ := model.ParseDate(on)
		made = append(made, model.ReferralTally{On: d, N: 1})
	}
	rows.Close()
	rows = query("SELECT id, at, from_status, to_status FROM referral_events")
	for rows.Next() {
		var id, at, from, to string
		rows.Scan(&id, &at, &from, &to)
		if !amended[id] && model.ClosesReferral(model.ReferralStatus(from), model.ReferralStatus(to)) {
			closed = append(closed, model.ReferralTally{At: parse(at), N: 1})
		}
	}
	rows.Close()
	model.AddReferrals(figs, made, closed)

	var violations []model.Violation
	rows = query("SELECT client_id, at FROM violations")
	for rows.Next() {
		var client, at string
		rows.Scan(&client, &at)
		violations = append(violations, model.Violation{ClientID: client, At: parse(at)})
	}
	rows.Close()

	var screenings []model.Screening
	rows = query("SELECT instrument, at, answers FROM screenings")
	for rows.Next() {
		var inst, at, answers string
		rows.Scan(&inst, &at, &answers)
		var a []int
		json.Unmarshal([]byte(answers), &a)
		screenings = append(screenings, model.Screening{Instrument: model.Instrument(inst), At: parse(at), Answers: a})
	}
	rows.Close()

	wl := model.Workload{Now: now, Weeks: figs, Shape: model.ShapeOf(shape), Signals: model.SignalsOf(now, signals, violations, screenings),
		Standards: model.APPAStandards()}
	wl.Load = model.LoadOf(wl.Shape.ByLevel, wl.Standards)
	return wl
}

func compareWorkload(t *testing.T, got, want model.Workload) {
	t.Helper()
	if len(got.Weeks) != len(want.Weeks) {
		t.Fatalf("%d weeks, want %d", len(got.Weeks), len(want.Weeks))
	}
	for i := range want.Weeks {
		g, w := got.Weeks[i], want.Weeks[i]
		if !g.Week.Start.Equal(w.Week.Start) || g.Due != w.Due || g.Overdue != w.Overdue || g.Contacts != w.Contacts ||
			g.DoneTotal != w.DoneTotal || g.Missed != w.Missed || g.Rescheduled != w.Rescheduled || g.TestsGiven != w.TestsGiven ||
			g.ReferralsMade != w.ReferralsMade || g.ReferralsClosed != w.ReferralsClosed {
			t.Errorf("week of %s:\n got %+v\nwant %+v", w.Week.Start.Format(time.DateOnly), g, w)
			continue
		}
		for _, m := range []struct {
			name      string
			got, want map[string]int
		}{{"done", keyed(g.Done), keyed(w.Done)}, {"tests", keyed(g.Tests), keyed(w.Tests)}, {"stages", keyed(g.Stages), keyed(w.Stages)}} {
			if !sameMap(m.got, m.want) {
				t.Errorf("week of %s: %s %v, want %v", w.Week.Start.Format(time.DateOnly), m.name, m.got, m.want)
			}
		}
	}
	if got.Shape.Active != want.Shape.Active || !sameMap(keyed(got.Shape.ByLevel), keyed(want.Shape.ByLevel)) ||
		!sameMap(keyed(got.Shape.ByType), keyed(want.Shape.ByType)) || !sameMap(keyed(got.Shape.ByStage), keyed(want.Shape.ByStage)) {
		t.Errorf("shape %+v, want %+v", got.Shape, want.Shape)
	}
	if got.Signals != want.Signals {
		t.Errorf("signals %+v, want %+v", got.Signals, want.Signals)
	}
	if got.Load.Percent != want.Load.Percent {
		t.Errorf("load %v%%, want %v%%", got.Load.Percent, want.Load.Percent)
	}
}

func keyed[K ~string](m map[K]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if v != 0 {
			out[string(k)] = v
		}
	}
	return out
}

func sameMap(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// inEachZone runs body here, in the zone the tests run in, and again in a
// child process for each of a few zones, with TZ set: the laptop's own zone
// is the officer's, and a local week starts hours away from UTC midnight
// (half an hour off the hour in Kolkata; a day ahead in Auckland).
func inEachZone(t *testing.T, body func(t *testing.T)) {
	t.Helper()
	body(t)
	if os.Getenv("CASELOAD_TEST_ZONE") != "" {
		return
	}
	for _, zone := range []string{"America/New_York", "Asia/Kolkata", "Pacific/Auckland"} {
		cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TZ="+zone, "CASELOAD_TEST_ZONE="+zone)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("in %s: %v\n%s", zone, err, out)
		}
	}
}

func TestWorkloadFromIndexesAgreesWithTheModelOverEveryRecord(t *testing.T) {
	inEachZone(t, func(t *testing.T) {
		path := demoFile(t, 120)
		s := openAt(t, path)
		got, err := s.Workload(context.Background(), testNow, 12)
		if err != nil {
			t.Fatal(err)
		}
		compareWorkload(t, got, expectedWorkload(t, path, testNow, 12))
		total := 0
		for _, w := range got.Weeks {
			total += w.Contacts + w.Due + w.Overdue
		}
		if total == 0 || got.Shape.Active == 0 {
			t.Fatalf("the demo caseload shows no work at all: %+v", got)
		}
	})
}

func TestWorkloadFollowsAmendmentsAndNewContacts(t *testing.T) {
	path := demoFile(t, 40)
	s := openAt(t, path)
	ctx := context.Background()
	before, err := s.Workload(ctx, testNow, 5)
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.CaseloadPage(ctx, model.CaseloadQuery{Tab: model.TabOverdue, Sort: model.SortDue, Limit: 1, Now: testNow})
	if err != nil || len(page) == 0 {
		t.Fatalf("no overdue client in the demo: %v", err)
	}
	c, err := s.AddCheckIn(ctx, model.CheckIn{ClientID: page[0].ClientID, At: testNow.Add(-time.Hour), Type: model.ContactField,
		Outcome: model.OutcomeCompleted, Test: model.TestPositive, Substances: []string{"alcohol"}})
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.Workload(ctx, testNow, 5)
	if err != nil {
		t.Fatal(err)
	}
	this, was := after.Weeks[4], before.Weeks[4]
	if this.Contacts != was.Contacts+1 || this.Done[model.ContactField] != was.Done[model.ContactField]+1 ||
		this.Tests[model.TestPositive] != was.Tests[model.TestPositive]+1 || this.Overdue != was.Overdue-1 {
		t.Errorf("after a completed field contact with a positive test for an overdue client: %+v, before %+v", this, was)
	}
	if _, err := s.StrikeOut(ctx, model.KindCheckIn, c.ID, "entered for the wrong client"); err != nil {
		t.Fatal(err)
	}
	struck, err := s.Workload(ctx, testNow, 5)
	if err != nil {
		t.Fatal(err)
	}
	compareWorkload(t, struck, before)
	compareWorkload(t, struck, expectedWorkload(t, path, testNow, 5))
}

func TestCaseloadStandardsAreKeptInSettings(t *testing.T) {
	s := openAt(t, t.TempDir()+"/caseload.db")
	ctx := context.Background()
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.Standards[model.LevelIntensive] != 20 || set.Standards[model.LevelLow] != 200 {
		t.Fatalf("a new file weighs against the APPA standards, got %v", set.Standards)
	}
	set.Standards[model.LevelIntensive] = 25
	if err := s.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	wl, err := s.Workload(ctx, testNow, 1)
	if err != nil {
		t.Fatal(err)
	}
	if wl.Standards[model.LevelIntensive] != 25 {
		t.Errorf("the workload weighs against %v, want the saved 25 for intensive", wl.Standards)
	}
	set.Standards[model.LevelLow] = 0
	if err := s.SaveSettings(ctx, set); err == nil {
		t.Error("a standard of 0 was saved")
	}
	if _, err := s.Workload(ctx, testNow, store.MaxWorkloadWeeks+1); err == nil {
		t.Error("a workload of more weeks than the limit was read")
	}
	if _, err := s.Workload(ctx, testNow, 0); err == nil {
		t.Error("a workload of 0 weeks was read")
	}
}

func TestClientCourseHoldsTheLatestTwentyOldestFirst(t *testing.T) {
	s := openAt(t, t.TempDir()+"/caseload.db")
	ctx := context.Background()
	c, err := s.CreateClient(ctx, model.Client{Name: "Ana Ruiz", CaseNumber: "C-1", SupervisionType: model.SupervisionProbation,
		Level: model.LevelHigh, Status: model.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	results := []model.TestResult{model.TestNegative, model.TestNotTested, model.TestPositive, model.TestRefused, model.TestDilute, model.TestAdmitted}
	outcomes := []model.Outcome{model.OutcomeCompleted, model.OutcomeNoShow, model.OutcomeAttempted, model.OutcomeRescheduled}
	var last model.CheckIn
	for i := range 30 {
		k := model.CheckIn{ClientID: c.ID, At: testNow.AddDate(0, 0, -60+2*i), Type: model.ContactOffice,
			Outcome: outcomes[i%len(outcomes)], Test: results[i%len(results)]}
		if k.Test.NamesSubstances() {
			k.Substances = []string{"cannabis"}
		}
		if i%10 == 0 {
			k.Stage = []model.Stage{model.StageContemplation, model.StageAction, model.StageRecurrence}[i/10]
		}
		if last, err = s.AddCheckIn(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.StrikeOut(ctx, model.KindCheckIn, last.ID, "wrong client"); err != nil {
		t.Fatal(err)
	}
	course, err := s.ClientCourse(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(course.Contacts) != 20 || len(course.Tests) != 20 {
		t.Fatalf("%d contacts and %d tests, want 20 of each", len(course.Contacts), len(course.Tests))
	}
	// Contacts 9 to 28 (29 is struck out), oldest first.
	for i, m := range course.Contacts {
		if want := outcomes[(i+9)%len(outcomes)]; m.Outcome != want || !m.At.Equal(testNow.AddDate(0, 0, -60+2*(i+9))) {
			t.Errorf("contact %d = %v at %v, want %v", i, m.Outcome, m.At, want)
		}
	}
	for i := 1; i < len(course.Tests); i++ {
		if !course.Tests[i-1].At.Before(course.Tests[i].At) || course.Tests[i].Result == model.TestNotTested {
			t.Errorf("tests are tested results, oldest first: %v", course.Tests)
			break
		}
	}
	if len(course.Stages) != 3 || course.Stages[2].Stage != model.StageRecurrence {
		t.Errorf("stages %v, want contemplation, action, recurrence", course.Stages)
	}
}

// Contacts late at night or early in the morning fall between UTC midnight
// and the officer's midnight: they must land in the officer's week.
func TestWorkloadCountsTheHoursBetweenUTCAndLocalMidnight(t *testing.T) {
	inEachZone(t, func(t *testing.T) {
		path := t.TempDir() + "/caseload.db"
		s := openAt(t, path)
		ctx := context.Background()
		c, err := s.CreateClient(ctx, model.Client{Name: "Ana Ruiz", CaseNumber: "C-1", SupervisionType: model.SupervisionParole,
			Level: model.LevelIntensive, Status: model.StatusActive})
		if err != nil {
			t.Fatal(err)
		}
		// Every hour and a half over the three days around each UTC Monday
		// of the last three weeks.
		monday := model.WeekOf(testNow.UTC()).Start
		for w := 0; w < 3; w++ {
			for h := -36.0; h <= 36; h += 1.5 {
				at := monday.AddDate(0, 0, -7*w).Add(time.Duration(h * float64(time.Hour)))
				if at.After(testNow) {
					continue
				}
				outcome := []model.Outcome{model.OutcomeCompleted, model.OutcomeNoShow, model.OutcomeAttempted}[int(h+36)%3]
				k := model.CheckIn{ClientID: c.ID, At: at, Type: model.ContactPhone, Outcome: outcome, Test: model.TestNotTested}
				if int(h+36)%4 == 0 {
					k.Stage = []model.Stage{model.StageAction, model.StageRecurrence}[int(h+36)/4%2]
				}
				if _, err := s.AddCheckIn(ctx, k); err != nil {
					t.Fatal(err)
				}
			}
		}
		got, err := s.Workload(ctx, testNow, 4)
		if err != nil {
			t.Fatal(err)
		}
		want := expectedWorkload(t, path, testNow, 4)
		compareWorkload(t, got, want)
		if want.Weeks[1].Contacts == 0 {
			t.Error("the fixture has no contacts in the week before last")
		}
	})
}

// A file made before the workload figures is brought up to date when it is
// opened: the day counters are filled from the check-ins by the migration,
// and every client's spells are replayed once. To make such a file, the
// tables, indexes and triggers of the workload migration and of every one
// after it are dropped again from a file with records, and its schema
// version is set back to before them.
func TestAFileFromBeforeTheWorkloadFiguresIsBroughtUpToDate(t *testing.T) {
	path := demoFile(t, 40)
	names, err := filepath.Glob("migrations/*_workload.sql")
	if err != nil || len(names) != 1 {
		t.Fatalf("the workload migration: %v %v", names, err)
	}
	workload, err := schematest.Version("migrations", filepath.Base(names[0]))
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Rewind(db, "migrations", workload-1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := openAt(t, path)
	got, err := s.Workload(context.Background(), testNow, 8)
	if err != nil {
		t.Fatal(err)
	}
	want := expectedWorkload(t, path, testNow, 8)
	compareWorkload(t, got, want)
	if want.Weeks[7].Overdue+want.Weeks[7].Contacts == 0 {
		t.Fatal("the fixture shows nothing to bring up to date")
	}
}

// A client transferred to another officer leaves this laptop's workload:
// their contacts, due dates and stages are no longer counted.
func TestATransferredClientLeavesTheWorkload(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := openAt(t, path)
	if _, err := s.StartSync(ctx); err != nil {
		t.Fatal(err)
	}
	var gone model.Client
	for i, cn := range []string{"X-1", "S-1"} {
		c, err := s.CreateClient(ctx, newClient(cn))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			gone = c
		}
		for d := 1; d <= 3; d++ {
			if _, err := s.AddCheckIn(ctx, syncVisit(c.ID, testNow.AddDate(0, 0, -7*d))); err != nil {
				t.Fatal(err)
			}
		}
	}
	var seqs []int64
	for _, e := range outboxOps(t, s) {
		seqs = append(seqs, e.Seq)
	}
	if err := s.MarkPushed(ctx, seqs); err != nil {
		t.Fatal(err)
	}
	if released, err := s.ReleaseClient(ctx, gone.ID, "bob"); err != nil || !released {
		t.Fatalf("release = %v, %v", released, err)
	}
	got, err := s.Workload(ctx, testNow, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := expectedWorkload(t, path, testNow, 5)
	compareWorkload(t, got, want)
	if got.Shape.Active != 1 || want.Weeks[3].Contacts != 1 {
		t.Errorf("after the transfer: %d active, %d contacts in the week before last; want 1 and 1", got.Shape.Active, want.Weeks[3].Contacts)
	}
}
