package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// shareExportFixture makes a caseload file with a day (10 June 2025) of two
// clients: Ana consents to attendance for Harbor Clinic and to notes for the
// person Pat Rivers; Ben gave no consent. A second resource, Harbor Clinic
// East, makes "harbor" ambiguous.
func shareExportFixture(t *testing.T) (db string, harbor, east model.Resource) {
	t.Helper()
	ctx := context.Background()
	db = filepath.Join(t.TempDir(), "caseload.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	day := func(h int) time.Time { return time.Date(2025, 6, 10, h, 0, 0, 0, time.Local) }
	harbor, err = st.CreateResource(ctx, model.Resource{Name: "Harbor Clinic", Category: model.CategorySubstanceUse})
	must(err)
	east, err = st.CreateResource(ctx, model.Resource{Name: "Harbor Clinic East", Category: model.CategorySubstanceUse})
	must(err)
	client := func(name, caseNo string) model.Client {
		c, err := st.CreateClient(ctx, model.Client{Name: name, CaseNumber: caseNo, SupervisionType: model.SupervisionParole,
			Level: model.LevelHigh, Status: model.StatusActive, CreatedAt: day(0).AddDate(0, -1, 0)})
		must(err)
		return c
	}
	ana, ben := client("Ana Diaz", "A-1"), client("Ben Ortiz", "B-2")
	for _, k := range []model.CheckIn{
		{ClientID: ana.ID, At: day(9), Type: model.ContactOffice, Outcome: model.OutcomeCompleted, Test: model.TestPositive,
			Substances: []string{"opioids"}, Note: "ANA-NOTE", Sensitive: false},
		{ClientID: ben.ID, At: day(11), Type: model.ContactHome, Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: "BEN-NOTE"},
	} {
		_, err := st.AddCheckIn(ctx, k)
		must(err)
	}
	signed, expires := model.DateOf(day(0).AddDate(0, -1, 0)), model.DateOf(time.Now().AddDate(1, 0, 0))
	for _, c := range []model.Consent{
		{ClientID: ana.ID, Recipient: model.Recipient{ResourceID: harbor.ID}, Kinds: []model.ShareKind{model.ShareAttendance}},
		{ClientID: ana.ID, Recipient: model.Recipient{Person: "Pat Rivers"}, Kinds: []model.ShareKind{model.ShareNotes}},
	} {
		c.Purpose, c.SignedOn, c.ExpiresOn = "Treatment", signed, expires
		_, err := st.CreateConsent(ctx, c)
		must(err)
	}
	return db, harbor, east
}

func exportFor(t *testing.T, db string, extra ...string) (int, string, string) {
	t.Helper()
	args := append([]string{"export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10"}, extra...)
	return cli(t, nil, args...)
}

func TestExportForAResourceWritesOnlyWhatTheConsentAllows(t *testing.T) {
	db, harbor, _ := shareExportFixture(t)
	for _, name := range []string{"harbor  CLINIC", harbor.ID} {
		out := filepath.Join(t.TempDir(), "for.md")
		code, stdout, stderr := exportFor(t, db, "--for", name, "-o", out)
		if code != 0 {
			t.Fatalf("--for %q: exit %d: %s", name, code, stderr)
		}
		if !strings.Contains(stdout, "for Harbor Clinic") {
			t.Errorf("--for %q: the report %q does not say who the summary is for", name, stdout)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if !strings.Contains(text, "Ana Diaz") || !strings.Contains(text, "For: Harbor Clinic") {
			t.Errorf("--for %q: the summary lacks Ana or its recipient:\n%s", name, text)
		}
		for _, bad := range []string{"ANA-NOTE", "opioids", "Positive", "Ben Ortiz", "BEN-NOTE", "42 CFR"} {
			if strings.Contains(text, bad) {
				t.Errorf("--for %q: the summary holds %q, which no consent allows", name, bad)
			}
		}
	}
	log := exportLog(t, db)
	if len(log) != 2 || log[0].Recipient != "Harbor Clinic" || log[1].Recipient != "Harbor Clinic" {
		t.Errorf("export log = %+v, want two entries that say who they were for", log)
	}
	_, listed, _ := cli(t, nil, "export", "--db", db, "--list")
	if strings.Count(listed, "for Harbor Clinic: ") != 2 {
		t.Errorf("export --list does not say who the summaries were for:\n%s", listed)
	}
	_, audit, _ := cli(t, nil, "audit", "--db", db)
	if !strings.Contains(audit, "for Harbor Clinic, to ") {
		t.Errorf("the audit log does not say who the summary was for:\n%s", audit)
	}
}

func TestExportForAPersonNamedOnAConsent(t *testing.T) {
	db, _, _ := shareExportFixture(t)
	code, stdout, stderr := exportFor(t, db, "--for", "pat rivers", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"recipient": "Pat Rivers"`) || !strings.Contains(stdout, "ANA-NOTE") ||
		strings.Contains(stdout, `"type"`) || strings.Contains(stdout, "opioids") || strings.Contains(stdout, "Ben Ortiz") {
		t.Errorf("the summary for Pat Rivers should hold Ana's note and nothing else:\n%s", stdout)
	}
}

func TestExportForIsRefusedWithoutAnActiveConsentAndWritesNothing(t *testing.T) {
	db, _, _ := shareExportFixture(t)
	out := filepath.Join(t.TempDir(), "for.md")
	code, _, stderr := exportFor(t, db, "--for", "Harbor Clinic", "--client", "B-2", "-o", out)
	if code == 0 {
		t.Fatal("a summary for Harbor Clinic about Ben, who gave no consent, was made")
	}
	if !strings.Contains(stderr, "no active consent") || !strings.Contains(stderr, "B-2") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("stderr = %q, want one line that says client B-2 has no active consent", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a file was written for a refused summary: %v", err)
	}
	if log := exportLog(t, db); len(log) != 0 {
		t.Errorf("a refused summary was recorded: %+v", log)
	}
	// Harbor Clinic East has no consent at all.
	if code, _, stderr := exportFor(t, db, "--for", "Harbor Clinic East"); code == 0 || !strings.Contains(stderr, "no active consent") {
		t.Errorf("--for a resource nobody consented to: exit %d, %q", code, stderr)
	}
}

func TestExportForANameThatFitsSeveralResourcesListsThem(t *testing.T) {
	db, harbor, east := shareExportFixture(t)
	code, stdout, stderr := exportFor(t, db, "--for", "harbor")
	if code == 0 || stdout != "" {
		t.Fatalf("an ambiguous --for made a summary: exit %d", code)
	}
	for _, want := range []string{"matches 2 resources", "Harbor Clinic (" + harbor.ID + ")", "Harbor Clinic East (" + east.ID + ")", "give the id"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr = %q, want %q", stderr, want)
		}
	}
	if code, _, stderr := exportFor(t, db, "--for", "Nobody Known"); code == 0 || !strings.Contains(stderr, `no resource or consent recipient is named "Nobody Known"`) {
		t.Errorf("--for an unknown name: exit %d, %q", code, stderr)
	}
}

func TestExportForStripsTerminalEscapesFromTheName(t *testing.T) {
	db, _, _ := shareExportFixture(t)
	_, _, stderr := exportFor(t, db, "--for", "\x1b[31mred")
	if strings.ContainsRune(stderr, 0x1b) {
		t.Errorf("stderr carries an escape: %q", stderr)
	}
}

// TestExportForAPersonNamedByTwoClientsNeedsTheClient: Ben's contact may
// share a name with Ana's and be someone else, so a name that two clients'
// consents give is refused until --client says whose; with it, only that
// client's record goes.
func TestExportForAPersonNamedByTwoClientsNeedsTheClient(t *testing.T) {
	db, _, _ := shareExportFixture(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	ben, _, err := st.ClientByCaseNumber(ctx, "B-2")
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.CreateConsent(ctx, model.Consent{ClientID: ben.ID, Recipient: model.Recipient{Person: "PAT rivers"},
		Kinds: []model.ShareKind{model.ShareNotes}, Purpose: "Family support",
		SignedOn: model.DateOf(time.Now().AddDate(0, -1, 0)), ExpiresOn: model.DateOf(time.Now().AddDate(1, 0, 0))})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := exportFor(t, db, "--for", "Pat Rivers")
	if code != 2 || !strings.Contains(stderr, "2 clients") || !strings.Contains(stderr, "--client") || stdout != "" {
		t.Fatalf("exit %d, stderr %q, stdout %q; want a usage refusal that asks for --client", code, stderr, stdout)
	}
	code, stdout, stderr = exportFor(t, db, "--for", "Pat Rivers", "--client", "B-2")
	if code != 0 {
		t.Fatalf("with --client B-2: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "BEN-NOTE") || strings.Contains(stdout, "ANA-NOTE") || strings.Contains(stdout, "Ana Diaz") {
		t.Errorf("the summary for Ben's Pat Rivers should hold Ben's note and nothing of Ana:\n%s", stdout)
	}
}

// TestExportForAnEmptyNameIsRefused: an empty --for (an unset variable in a
// script) must never turn into the officer's full record.
func TestExportForAnEmptyNameIsRefused(t *testing.T) {
	db, _, _ := shareExportFixture(t)
	code, stdout, stderr := exportFor(t, db, "--for", "  ")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "--for needs") {
		t.Errorf("exit %d, stdout %q, stderr %q; want a usage refusal and nothing written", code, stdout, stderr)
	}
	code, stdout, _ = exportFor(t, db, "--for=")
	if code != 2 || stdout != "" {
		t.Errorf("--for= : exit %d, stdout %q; want a usage refusal", code, stdout)
	}
	if log := exportLog(t, db); len(log) != 0 {
		t.Errorf("a refused summary was recorded: %+v", log)
	}
}
