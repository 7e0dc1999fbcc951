package summary

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./summary -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./summary -update after checking the change):\n%s",
			name, firstDifference(string(want), string(got)))
	}
}

func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

func TestGoldenSummaries(t *testing.T) {
	f := newFixture(t)
	for _, redact := range []bool{false, true} {
		s := f.load(t, redact)
		for _, format := range []Format{Markdown, PlainText, JSON, CSV} {
			name := "summary." + format.Extension()
			if redact {
				name = "summary-redacted." + format.Extension()
			}
			t.Run(name, func(t *testing.T) {
				out, err := Render(s, format)
				if err != nil {
					t.Fatal(err)
				}
				golden(t, name, bytes.ReplaceAll(out, []byte(f.replacement), []byte(correctedID)))
			})
		}
	}
}

// TestJSONMatchesItsSchema validates both JSON summaries against the schema
// shipped in testdata/, which other systems are given.
func TestJSONMatchesItsSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "summary.schema.json"))
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	f := newFixture(t)
	for _, redact := range []bool{false, true} {
		out, err := Render(f.load(t, redact), JSON)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("redact=%v: the JSON summary does not match its schema: %v", redact, err)
		}
	}
}

// TestSchemaRejectsAStrayField makes sure the schema is strict enough to
// catch a renamed field, so that the test above can fail.
func TestSchemaRejectsAStrayField(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "summary.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(newFixture(t).load(t, false), JSON)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	m["producedAt"] = m["produced_at"]
	delete(m, "produced_at")
	if err := schema.Validate(m); err == nil {
		t.Error("a summary with produced_at renamed to producedAt passed the schema")
	}
}
