package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"caseload/store"
)

func TestWorkloadReportJSONMatchesItsSchemaAndTheStore(t *testing.T) {
	path := demoDB(t, "60")
	code, out, stderr := cli(t, nil, "report", "workload", "--db", path, "--format", "json", "--weeks", "12")
	if code != 0 {
		t.Fatalf("report workload: %d %s", code, stderr)
	}
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "workload.schema.json"))
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the workload JSON does not match its schema: %v\n%s", err, out)
	}
	var got workloadDoc
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want, err := s.Workload(context.Background(), time.Now(), 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Weeks) != 12 || got.Caseload.Active != want.Shape.Active || got.Weeks[11].DoneTotal != want.Weeks[11].DoneTotal ||
		got.Weeks[0].OverdueAtEnd != want.Weeks[0].Overdue || got.Load.Clients != want.Load.Clients {
		t.Errorf("the report says %+v, the store %+v", got, want)
	}
	if !strings.HasPrefix(got.Load.Standard, "the APPA") || got.Load.Levels[0].Level != "intensive" || got.Load.Levels[0].PerOfficer != 20 {
		t.Errorf("a new caseload is weighed against the APPA standards: %+v", got.Load)
	}
}

// TestWorkloadSchemaRejectsAStrayField keeps the schema strict enough that
// the test above can fail on a renamed field.
func TestWorkloadSchemaRejectsAStrayField(t *testing.T) {
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "workload.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	path := demoDB(t, "10")
	_, out, _ := cli(t, nil, "report", "workload", "--db", path, "--format", "json")
	renamed := bytes.Replace([]byte(out), []byte(`"overdue_at_end"`), []byte(`"overdue"`), 1)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(renamed))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(doc) == nil {
		t.Error("the schema accepted a week without overdue_at_end")
	}
}

func TestWorkloadReportMarkdownFollowsTheStandardsInSettings(t *testing.T) {
	path := demoDB(t, "30")
	if code, _, stderr := cli(t, nil, "settings", "--db", path, "--standard", "intensive=10", "--standard", "low=100"); code != 0 {
		t.Fatalf("settings: %s", stderr)
	}
	code, out, stderr := cli(t, nil, "report", "workload", "--db", path)
	if code != 0 {
		t.Fatalf("report workload: %s", stderr)
	}
	for _, want := range []string{"## This week and the last 4", "(this week)", "## The caseload's shape", "## Recent signals",
		"the agency's caseload standards", "| Intensive | ", "Contacts logged      ", "Share completed      ", " | 10 | 10.0% | ", " | 100 | 1.0% | "} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "APPA") {
		t.Error("edited standards are not the APPA's")
	}
}

func TestWorkloadReportRefusesBadFlagsInOneLine(t *testing.T) {
	path := demoDB(t, "5")
	code, _, stderr := cli(t, nil, "report", "workload", "--db", path, "--weeks", "0")
	assertOneLineError(t, code, stderr, "--weeks")
	code, _, stderr = cli(t, nil, "report", "workload", "--db", path, "--format", "csv")
	assertOneLineError(t, code, stderr, "--format")
	code, _, stderr = cli(t, nil, "settings", "--db", path, "--standard", "intensive=0")
	assertOneLineError(t, code, stderr, "standard_intensive")
}

// In a supervisor's file, --officer reports one officer's clients, under
// their name; an officer the file does not hold is refused in one line.
func TestWorkloadReportOfOneOfficer(t *testing.T) {
	path := demoDB(t, "30")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE clients SET owner = CASE WHEN rowid % 2 = 0 THEN 'jsmith' ELSE 'mlopez' END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	active := map[string]int{}
	for _, officer := range []string{"", "jsmith", "mlopez"} {
		args := []string{"report", "workload", "--db", path, "--format", "json"}
		if officer != "" {
			args = append(args, "--officer", officer)
		}
		code, out, stderr := cli(t, nil, args...)
		if code != 0 {
			t.Fatalf("report workload --officer %q: %d %s", officer, code, stderr)
		}
		var got workloadDoc
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if officer != "" && got.Officer != officer {
			t.Errorf("the report of %s is under the name %q", officer, got.Officer)
		}
		active[officer] = got.Caseload.Active
	}
	if active["jsmith"] == 0 || active["mlopez"] == 0 || active["jsmith"]+active["mlopez"] != active[""] {
		t.Errorf("active clients: jsmith %d + mlopez %d, the file %d", active["jsmith"], active["mlopez"], active[""])
	}
	code, _, stderr := cli(t, nil, "report", "workload", "--db", path, "--officer", "nobody")
	assertOneLineError(t, code, stderr, "--officer")
}
