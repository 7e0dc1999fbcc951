package summary

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// noticeIn reports whether a rendered summary carries the Part 2 notice, and
// whether it carries it at the top (before any client's records).
func noticeIn(t *testing.T, f Format, out []byte) (present, atTop bool) {
	t.Helper()
	if f == JSON {
		var doc struct {
			Notice *string `json:"part2_notice"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		present = doc.Notice != nil && *doc.Notice == model.Part2Notice
		return present, present && bytes.Index(out, []byte(`"part2_notice"`)) < bytes.Index(out, []byte(`"clients"`))
	}
	text := string(out)
	i := strings.Index(text, "This record which has been disclosed to you is protected by Federal")
	j := strings.Index(strings.ToLower(text), strings.ToLower(model.Part2NoticeTitle))
	present = i >= 0 && j >= 0
	// The notice comes before the first client (the fixture's Bob Baker).
	return present, present && i < strings.Index(text, "Bob Baker")
}

func TestNoticeAppearsExactlyWhenSubstanceUseIsShown(t *testing.T) {
	f := newFixture(t)
	// Bob Baker alone on the 10th had a negative test: protected.
	// Bob Baker on the 10th before 8:30: a curfew violation, nothing protected;
	// by 11:15, still before his test, a referral whose reason is marked
	// sensitive.
	ctx := context.Background()
	bob, _, err := f.st.ClientByCaseNumber(ctx, "CR-1002")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		req    Request
		notice bool
	}{
		{"the day, in full", Request{From: fixtureFrom, To: fixtureTo}, true},
		{"the day, redacted", Request{From: fixtureFrom, To: fixtureTo, Redact: true}, false},
		{"one client with a negative test", Request{From: fixtureFrom, To: fixtureTo, ClientID: bob.ID, CaseNumber: "CR-1002"}, true},
		{"one client before any test", Request{From: fixtureFrom, To: day(10, 8, 30), ClientID: bob.ID, CaseNumber: "CR-1002"}, false},
		{"one client with a referral reason marked sensitive", Request{From: fixtureFrom, To: day(10, 11, 15), ClientID: bob.ID, CaseNumber: "CR-1002"}, true},
		{"a range with nothing in it", Request{From: day(5, 0, 0), To: day(6, 0, 0)}, false},
	}
	for _, c := range cases {
		c.req.Now = fixtureNow
		s, err := Load(ctx, f.st, c.req)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []Format{Markdown, PlainText, JSON, CSV} {
			out, err := Render(s, format)
			if err != nil {
				t.Fatal(err)
			}
			present, atTop := noticeIn(t, format, out)
			if present != c.notice {
				t.Errorf("%s, %s: notice present = %v, want %v", c.name, format, present, c.notice)
			}
			if present && !atTop && len(s.Clients) > 0 {
				t.Errorf("%s, %s: the notice is not at the top", c.name, format)
			}
		}
	}
}

func TestRedactedSummaryLeavesNoProtectedTextInAnyFormat(t *testing.T) {
	s := newFixture(t).load(t, true)
	for _, format := range []Format{Markdown, PlainText, JSON, CSV} {
		out, err := Render(s, format)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"cocaine", "used at a party", "drinking again", "Positive", "positive", "Negative", "negative", "not_tested"} {
			if bytes.Contains(out, []byte(secret)) {
				t.Errorf("%s: redacted summary holds %q", format, secret)
			}
		}
		// Plain text wraps the statement: compare the words.
		if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), model.RedactionStatement) {
			t.Errorf("%s: the redacted summary does not say what it leaves out", format)
		}
	}
}

func TestAmendedCheckInIsReplacedByItsCorrection(t *testing.T) {
	f := newFixture(t)
	s := f.load(t, false)
	out, err := Render(s, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Entered on the wrong client")) {
		t.Error("the amended check-in is in the summary")
	}
	if !bytes.Contains(out, []byte("Called to move Thursday")) {
		t.Error("the correction is not in the summary")
	}
	if s.Totals.Contacts != 5 {
		t.Errorf("contacts = %d, want 5 (the amended one not counted)", s.Totals.Contacts)
	}
}

func TestUnknownClientIsNotFound(t *testing.T) {
	f := newFixture(t)
	_, err := Load(context.Background(), f.st, Request{From: fixtureFrom, To: fixtureTo, ClientID: "nobody", Now: fixtureNow})
	if err == nil || !strings.Contains(err.Error(), store.ErrNotFound.Error()) {
		t.Errorf("err = %v, want not found", err)
	}
}

// part2Texts collects, from the officer's full summary, every piece of text
// the Part 2 rule of the model names: substances and sensitive notes,
// referrals to substance-use resources with their reasons and notes,
// reasons and notes marked sensitive, substance-use conditions with their
// progress, and substance-use violations with their responses.
func part2Texts(s model.Summary) []string {
	var out []string
	add := func(texts ...string) {
		for _, t := range texts {
			if strings.TrimSpace(t) != "" {
				out = append(out, t)
			}
		}
	}
	for _, c := range s.Clients {
		for _, k := range c.CheckIns {
			add(k.Substances...)
			if k.Sensitive {
				add(k.Note)
			}
		}
		for _, ch := range c.StageChanges {
			if ch.Sensitive {
				add(ch.Note)
			}
		}
		for _, r := range c.Referrals {
			if r.SubstanceUse {
				add(r.Resource, r.Reason)
			} else if r.ReasonSensitive {
				add(r.Reason)
			}
			for _, e := range r.Changes {
				if r.SubstanceUse || e.Sensitive {
					add(e.Note)
				}
			}
		}
		for _, cd := range c.Conditions {
			if cd.Condition.Kind.SubstanceUse() {
				add(cd.Condition.Wording)
				for _, e := range cd.Entries {
					add(e.Note, e.Where)
				}
			}
		}
		for _, v := range c.Violations {
			if v.Violation.SubstanceUse(v.ConditionKind) {
				add(v.Violation.Description, v.ConditionWording)
				for _, r := range v.Responses {
					add(r.Note)
				}
			}
		}
		for _, i := range c.Incentives {
			if i.ConditionKind.SubstanceUse() {
				add(i.Incentive.Reason)
			}
		}
	}
	return out
}

// Every piece of substance-use information in the fixture is searched for
// in every redacted format, words compared regardless of line wrapping.
func TestRedactedSummaryLeavesOutEveryPart2RecordOfTheFixture(t *testing.T) {
	f := newFixture(t)
	secrets := part2Texts(f.load(t, false))
	for _, want := range []string{"Riverside Recovery", "Outpatient treatment", "Faxed the intake form.",
		"Job training; drinking cost him his last job", "Counsellor there knows his AA sponsor",
		"Complete outpatient substance-use treatment at Riverside Recovery", "Group on relapse triggers",
		"Positive for cocaine at the office visit", "Referred back to the outpatient group", "cocaine",
		"Eight weeks of treatment without a missed session"} {
		found := false
		for _, s := range secrets {
			found = found || s == want
		}
		if !found {
			t.Errorf("the Part 2 rule does not name %q in the fixture (it names %q)", want, secrets)
		}
	}
	redacted := f.load(t, true)
	for _, format := range []Format{Markdown, PlainText, JSON, CSV} {
		out, err := Render(redacted, format)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Join(strings.Fields(string(out)), " ")
		for _, secret := range secrets {
			if strings.Contains(words, strings.Join(strings.Fields(secret), " ")) {
				t.Errorf("%s: the redacted summary holds %q", format, secret)
			}
		}
	}
	if left := part2Texts(redacted); len(left) > 0 {
		t.Errorf("the redacted summary still holds %q", left)
	}
}
