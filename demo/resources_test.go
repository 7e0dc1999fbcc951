package demo

import (
	"strings"
	"testing"

	"caseload/importer"
)

// The demo's programs carry the taxonomy terms a real directory would give
// them; imported with those terms, each would land in the same category.
func TestDemoResourceTermsMapOntoTheirCategory(t *testing.T) {
	for _, tmpl := range resourceTemplates {
		if len(tmpl.terms) == 0 {
			t.Errorf("%s: no taxonomy terms", tmpl.category)
			continue
		}
		if got := importer.Categorize(strings.Join(tmpl.terms, "; ")); got != tmpl.category {
			t.Errorf("terms %q map onto %s; the demo files them under %s", tmpl.terms, got, tmpl.category)
		}
	}
}
