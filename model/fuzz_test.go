package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Run one target at a time, for a bounded time:
//
//	go test ./model -run '^$' -fuzz '^FuzzReadClientsCSV$' -fuzztime 10s
//
// Seeds live in testdata/fuzz/<target>/; a crash the fuzzer finds is written
// there and becomes a test case of every plain `go test`.

func FuzzReadClientsCSV(f *testing.F) {
	f.Add([]byte("name,case number,date of birth,supervision type,level,status,tags\nAnn Ames,A-1,1/2/1980,probation,low,active,\"a, b\"\n"))
	f.Add([]byte("\ufeffName;Case\n\"unterminated\n"))
	f.Add([]byte("name,case number\n,\n\n\"\"\"\",x\n"))
	today := Date{2026, 3, 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := ReadClientsCSV(bytes.NewReader(data))
		if err != nil {
			if strings.Contains(err.Error(), "\n") && !strings.Contains(err.Error(), "read the file") {
				t.Fatalf("a file-level error must be one line: %q", err)
			}
			return
		}
		for _, l := range imp.Lines {
			if l.Line < 2 {
				t.Fatalf("a client cannot come from line %d: the header is line 1", l.Line)
			}
			_ = l.Client.Validate(today)
			_ = l.Client.Merge(l.Client, imp.Fields)
		}
		for _, r := range imp.Rejected {
			if r.Line < 2 || r.Reason == "" {
				t.Fatalf("a rejection needs a line after the header and a reason: %+v", r)
			}
		}
	})
}

func FuzzParseCommonDate(f *testing.F) {
	for _, s := range []string{"2006-01-02", "1/2/2006", "02/29/2024", "0/0/0", "9999-12-31", " 1-2-2006 ", "2006/1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseCommonDate(s)
		if err != nil || d.IsZero() {
			return
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q read as %v, which does not read back (%v, %v)", s, d, again, err)
		}
	})
}

// FuzzValidate gives every record's Validate random text in every field:
// whatever a form, an import or a damaged file holds, validation answers
// with field errors and never panics.
func FuzzValidate(f *testing.F) {
	f.Add("Ann Ames", "A-1", "probation", "low", "active", "a,b", "office", "completed", "positive", "craving", "action", "note", int64(0))
	f.Add("", "\r\n", "", "", "", ",,", "", "", "", "", "", strings.Repeat("x", 20001), int64(-1<<62))
	f.Fuzz(func(t *testing.T, name, caseNo, kind, level, status, tags, contact, outcome, test, flag, stage, note string, at int64) {
		now := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
		when := time.Unix(at%(1<<40), 0)
		dob, _ := ParseCommonDate(note)
		checks := []func() error{
			func() error {
				return Client{Name: name, CaseNumber: caseNo, SupervisionType: SupervisionType(kind), Level: Level(level),
					Status: ClientStatus(status), Tags: ParseTags(tags), DateOfBirth: dob, Conditions: note}.Validate(DateOf(now))
			},
			func() error {
				return CheckIn{ClientID: caseNo, At: when, Type: ContactType(contact), Outcome: Outcome(outcome), Test: TestResult(test),
					Substances: ParseTags(tags), Flags: []RiskFlag{RiskFlag(flag)}, Stage: Stage(stage), Note: note}.Validate(now)
			},
			func() error {
				return StageNote{ClientID: caseNo, At: when, Stage: Stage(stage), Note: note}.Validate(now)
			},
			func() error {
				return Resource{Name: name, Category: ResourceCategory(kind), Email: caseNo, Description: note, Tags: ParseTags(tags)}.Validate()
			},
			func() error {
				return Referral{ClientID: caseNo, ResourceID: name, Reason: note, ReferredOn: dob, Status: ReferralStatus(status), FollowUpOn: dob}.Validate()
			},
			func() error {
				return ReferralEvent{ReferralID: name, At: when, From: ReferralStatus(kind), To: ReferralStatus(status), Note: note, FollowUpOn: dob}.Validate()
			},
			func() error {
				return Amendment{TargetKind: RecordKind(kind), TargetID: caseNo, ReplacementID: name, Reason: note}.Validate()
			},
			func() error {
				return Settings{OfficerName: name, Intervals: Intervals{Level(level): int(at % 1000)}}.Validate()
			},
		}
		for _, check := range checks {
			if err := check(); err != nil && FieldErrors(err) == nil {
				t.Fatalf("validation must answer with field errors, got %T: %v", err, err)
			}
		}
	})
}
