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
	// Bob Baker on the 10th before his test, from midnight to 11:15: nothing protected.
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
		{"one client before any test", Request{From: fixtureFrom, To: day(10, 11, 15), ClientID: bob.ID, CaseNumber: "CR-1002"}, false},
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
