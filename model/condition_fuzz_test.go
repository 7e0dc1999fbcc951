package model

import (
	"strings"
	"testing"
)

// FuzzConditionsFromText: whatever the officer typed, every non-blank part
// becomes exactly one condition, in order, with its words unchanged, and a
// condition the store would accept.
//
//	go test ./model -run '^$' -fuzz '^FuzzConditionsFromText$' -fuzztime 10s
func FuzzConditionsFromText(f *testing.F) {
	f.Add("Complete 40 hours community service; Pay restitution of $1,250.00 at $100 a month\nCurfew 10pm-6am")
	f.Add(";;\n\n  ; x ;\r\n$ a month within 999 months by 2027-13-45")
	f.Add("Pay $0.5 per month; 0 hours community service within 0 days")
	on := Date{2026, 1, 31}
	f.Fuzz(func(t *testing.T, text string) {
		var parts []string
		for _, line := range strings.Split(text, "\n") {
			for _, p := range strings.Split(line, ";") {
				if p = strings.TrimSpace(p); p != "" {
					parts = append(parts, p)
				}
			}
		}
		got := ConditionsFromText("c", text, on)
		if len(got) != len(parts) {
			t.Fatalf("%d parts became %d conditions", len(parts), len(got))
		}
		for i, c := range got {
			if c.Wording != parts[i] {
				t.Fatalf("part %d %q became %q", i, parts[i], c.Wording)
			}
			if len(text) <= maxNote {
				if err := c.Validate(); err != nil {
					t.Fatalf("%q: %v", parts[i], err)
				}
			}
		}
	})
}
