package summary

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"caseload/model"
)

// TestTheSafetyPromptIsInTheOfficersRecordAndNeverShared: a PHQ-9 with item
// 9 above zero prompted the officer to ask about safety. The officer's own
// summary says so, in every format that lists screenings; a summary for a
// recipient whose consent covers screenings (stage of change) and notes
// carries the score and the note but never the prompt, like a risk flag.
func TestTheSafetyPromptIsInTheOfficersRecordAndNeverShared(t *testing.T) {
	f := newShareFixture(t)
	if _, err := f.st.AddScreening(context.Background(), model.Screening{ClientID: f.bea.ID, Instrument: model.InstrumentPHQ9,
		At: day(10, 11, 0), Answers: []int{1, 1, 1, 1, 1, 1, 1, 0, 2}, Note: "BEA-SCREEN-NOTE"}); err != nil {
		t.Fatal(err)
	}
	req := f.forHarbor()
	shared := mustLoad(t, f.st, req)
	req.For = nil
	own := mustLoad(t, f.st, req)

	const prompt = "prompted to ask about safety"
	for _, format := range []Format{Markdown, PlainText} {
		if out := render(t, own, format); !strings.Contains(out, prompt) || !strings.Contains(out, "BEA-SCREEN-NOTE") {
			t.Errorf("%s: the officer's summary lacks the safety prompt or the screening's note:\n%s", format.Extension(), out)
		}
		out := render(t, shared, format)
		if strings.Contains(out, prompt) || strings.Contains(strings.ToLower(out), "safety") {
			t.Errorf("%s: the summary for Harbor Clinic carries the safety prompt:\n%s", format.Extension(), out)
		}
		if !strings.Contains(out, "PHQ-9 · total 9 of 27") || !strings.Contains(out, "BEA-SCREEN-NOTE") {
			t.Errorf("%s: the summary for Harbor Clinic lacks Bea's PHQ-9 and its note, which the consent allows:\n%s", format.Extension(), out)
		}
	}
	if out := render(t, own, JSON); !strings.Contains(out, `"ask_about_safety": true`) {
		t.Errorf("the officer's JSON lacks ask_about_safety: true:\n%s", out)
	}
	if out := render(t, shared, JSON); strings.Contains(out, "ask_about_safety") {
		t.Errorf("the JSON for Harbor Clinic carries ask_about_safety:\n%s", out)
	}

	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "summary.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []model.Summary{own, shared} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(render(t, s, JSON)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("summary (for %q) does not match the schema: %v", s.SharedWith, err)
		}
	}
	// The schema itself refuses the prompt in a summary for a recipient.
	leaked := strings.Replace(render(t, shared, JSON), `"instrument": "phq9",`, `"instrument": "phq9", "ask_about_safety": true,`, 1)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(leaked))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err == nil {
		t.Error("a summary for a recipient with ask_about_safety passed the schema")
	}
}
