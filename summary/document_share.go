package summary

import (
	"strconv"
	"strings"

	"caseload/model"
)

// sharedBlocks say in the header who a summary is for and what each client's
// consent lets go, so that the reader knows what an empty part means.
func sharedBlocks(s model.Summary, esc func(string) string) []block {
	out := []block{
		{kind: blockItem, text: "For: " + esc(s.SharedWith)},
		{kind: blockItem, text: "Shared: only what each client's consent, active on " + s.ConsentDay.String() + ", allows"},
	}
	for _, c := range s.Clients {
		out = append(out, block{kind: blockItem, text: "Consent of " + esc(c.Name) + " · " + esc(c.CaseNumber) + ": " +
			shareLabels(c.Shares) + consentScopes(c.Consents, esc)})
	}
	return out
}

// consentScopes explains the consents behind what is shared: the purpose,
// when each was signed and when it ends (42 CFR § 2.32(b) asks that a
// disclosure made with consent say what the consent covers).
func consentScopes(consents []model.Consent, esc func(string) string) string {
	var parts []string
	for _, c := range consents {
		scope := "signed " + c.SignedOn.String() + ", until " + c.ExpiresOn.String()
		if p := strings.TrimSpace(c.Purpose); p != "" {
			scope = "purpose: " + esc(strings.Join(strings.Fields(p), " ")) + "; " + scope
		}
		if len(consents) > 1 {
			scope = shareLabels(c.Kinds) + ", " + scope
		}
		parts = append(parts, scope)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; and ") + ")"
}

// sharedStatement is the header of a summary for a recipient on one line,
// for the CSV format; "" for the officer's own.
func sharedStatement(s model.Summary) string {
	if s.SharedWith == "" {
		return ""
	}
	parts := []string{}
	for _, b := range sharedBlocks(s, clean) {
		parts = append(parts, b.text)
	}
	return strings.Join(parts, ". ") + "."
}

func shareLabels(kinds []model.ShareKind) string {
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.Label()
	}
	return strings.Join(labels, ", ")
}

// screeningBlocks list the screenings in the range: the instrument, its
// total and the published band the total falls in, never a label of the
// person.
func screeningBlocks(list []model.SummaryScreening, esc func(string) string) []block {
	if len(list) == 0 {
		return nil
	}
	out := []block{{kind: blockSubsection, text: "Screenings"}}
	for _, sc := range list {
		var details []string
		if sc.AskAboutSafety {
			details = append(details, "Item 9 answered above zero: the officer was prompted to ask about safety")
		}
		if sc.Note != "" {
			details = append(details, "Note: "+esc(sc.Note))
		}
		out = append(out, block{blockItem, at(sc.At) + " · " + sc.Instrument.Label() + " · " + screeningScore(sc), details})
	}
	return out
}

// screeningScore reads "total 7 of 27, score band 5–9: mild", or the three
// rulers of the readiness ruler.
func screeningScore(sc model.SummaryScreening) string {
	if !sc.Totalled {
		names := []string{"importance", "confidence", "readiness"}
		parts := make([]string, 0, len(sc.Rulers))
		for i, v := range sc.Rulers {
			name := "ruler " + strconv.Itoa(i+1)
			if i < len(names) {
				name = names[i]
			}
			parts = append(parts, name+" "+strconv.Itoa(v)+" of 10")
		}
		return strings.Join(parts, ", ")
	}
	text := "total " + strconv.Itoa(sc.Total)
	if form, ok := model.FormOf(sc.Instrument); ok {
		text += " of " + strconv.Itoa(form.MaxTotal())
	}
	if sc.Band != "" {
		text += ", " + sc.Band
	}
	return text
}

// goalBlocks list the plan goals with their steps.
func goalBlocks(list []model.Goal, esc func(string) string) []block {
	if len(list) == 0 {
		return nil
	}
	out := []block{{kind: blockSubsection, text: "Plan goals"}}
	for _, g := range list {
		head := g.Domain.Label() + " · " + g.Status.Label() + ": " + esc(g.Words)
		if !g.TargetDate.IsZero() {
			head += " (target " + g.TargetDate.String() + ")"
		}
		var details []string
		for _, st := range g.Steps {
			mark := "[ ] "
			if st.Done {
				mark = "[x] "
			}
			line := mark + esc(st.Text)
			if !st.Due.IsZero() {
				line += " (due " + st.Due.String() + ")"
			}
			details = append(details, line)
		}
		out = append(out, block{blockItem, head, details})
	}
	return out
}
