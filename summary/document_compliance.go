package summary

import (
	"fmt"
	"strings"

	"caseload/model"
)

// complianceBlocks list a client's conditions of supervision in the range:
// each condition with where it stood at the end and what was recorded on
// it, the hearings, the violations with their responses, the incentives
// and the jobs.
func complianceBlocks(c model.ClientActivity, esc func(string) string) []block {
	var out []block
	if len(c.Conditions) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Conditions"})
	}
	for _, sc := range c.Conditions {
		cd := sc.Condition
		head := cd.Kind.Label() + " · " + cd.Status.Label() + ": " + esc(cd.Wording)
		details := []string{"Progress: " + sc.Progress.Text}
		if sc.Progress.Behind {
			details[0] += " · BEHIND"
		}
		for _, e := range sc.Entries {
			details = append(details, at(e.At)+": "+progressLine(e, esc))
		}
		out = append(out, block{blockItem, head, details})
	}
	if len(c.CourtEvents) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Court"})
	}
	for _, e := range c.CourtEvents {
		head := at(e.At) + " · " + e.Kind.Label()
		if where := courtPlace(e, esc); where != "" {
			head += " · " + where
		}
		var details []string
		if e.OfficerAttends {
			details = append(details, "Officer attends")
		}
		if !e.ReportDueOn.IsZero() {
			details = append(details, "Report due: "+e.ReportDueOn.String())
		}
		outcome := "Outcome: " + e.Outcome.Label()
		if e.OutcomeNote != "" {
			outcome += ". " + esc(e.OutcomeNote)
		}
		details = append(details, outcome)
		out = append(out, block{blockItem, head, details})
	}
	if len(c.Violations) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Violations and responses"})
	}
	for _, v := range c.Violations {
		head := at(v.Violation.At) + " · " + v.Violation.Kind.Label() + " · " + v.Violation.Seriousness.Label() + " seriousness"
		var details []string
		if v.Violation.Description != "" {
			details = append(details, "What happened: "+esc(v.Violation.Description))
		}
		if v.ConditionWording != "" {
			details = append(details, "Condition: "+esc(v.ConditionWording))
		}
		if len(v.Responses) == 0 {
			details = append(details, "Response: none recorded")
		}
		for _, r := range v.Responses {
			line := fmt.Sprintf("Response %s: %s (tier %d)", at(r.At), esc(r.StepLabel), r.Tier)
			if r.Note != "" {
				line += ". " + esc(r.Note)
			}
			details = append(details, line)
		}
		out = append(out, block{blockItem, head, details})
	}
	if len(c.Incentives) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Incentives"})
	}
	for _, x := range c.Incentives {
		i := x.Incentive
		var details []string
		if i.Reason != "" {
			details = append(details, "For: "+esc(i.Reason))
		}
		out = append(out, block{blockItem, at(i.At) + " · " + esc(i.StepLabel), details})
	}
	if len(c.Employment) > 0 {
		out = append(out, block{kind: blockSubsection, text: "Employment"})
	}
	for _, e := range c.Employment {
		head := esc(e.Employer)
		if e.Position != "" {
			head += " · " + esc(e.Position)
		}
		head += " · from " + e.StartOn.String()
		if !e.EndOn.IsZero() {
			head += " to " + e.EndOn.String()
		}
		if e.HoursPerWeek > 0 {
			head += fmt.Sprintf(" · %d hours a week", e.HoursPerWeek)
		}
		verified := "Verified: no"
		if e.VerifiedBy != model.VerifiedNot {
			verified = "Verified: " + e.VerifiedBy.Label() + ", " + e.VerifiedOn.String()
		}
		out = append(out, block{blockItem, head, []string{verified}})
	}
	return out
}

// progressLine says one progress entry: "2 hours at Food bank", "payment
// $50.00, receipt R-1", "session attended", "status In progress → Not in
// compliance. No hours since January".
func progressLine(e model.ProgressEntry, esc func(string) string) string {
	var line string
	switch e.Kind {
	case model.ProgressHours:
		line = model.Hours(e.Amount) + " hours"
		if e.Where != "" {
			line += " at " + esc(e.Where)
		}
	case model.ProgressPayment:
		line = "payment " + model.Money(e.Amount)
		if e.Receipt != "" {
			line += ", receipt " + esc(e.Receipt)
		}
	case model.ProgressAttended, model.ProgressMissed:
		line = strings.ToLower(e.Kind.Label())
		if e.Where != "" {
			line += " at " + esc(e.Where)
		}
	case model.ProgressStatus:
		line = "status " + e.From.Label() + " → " + e.Status.Label()
	default:
		line = string(e.Kind)
	}
	if e.Note != "" {
		line += ". " + esc(e.Note)
	}
	return line
}

// courtPlace joins the court, courtroom and judge that are known.
func courtPlace(e model.CourtEvent, esc func(string) string) string {
	var parts []string
	if e.Court != "" {
		parts = append(parts, esc(e.Court))
	}
	if e.Courtroom != "" {
		parts = append(parts, "courtroom "+esc(e.Courtroom))
	}
	if e.Judge != "" {
		parts = append(parts, esc(e.Judge))
	}
	return strings.Join(parts, ", ")
}

// complianceTotals are the totals' lines for the conditions of supervision,
// each only where the summary may show it.
func complianceTotals(s model.Summary) []string {
	t := s.Totals
	var out []string
	if s.Shows(model.ShareCompliance) {
		out = append(out,
			fmt.Sprintf("Conditions with activity: %d (not in compliance at the end of the range: %d)", t.Conditions, t.ConditionsNotCompliant),
			fmt.Sprintf("Violations: %d; responses: %d; incentives: %d", t.Violations, t.Responses, t.Incentives),
			fmt.Sprintf("Jobs started, ended or verified: %d", t.Jobs))
	}
	if s.Shows(model.ShareCourtEvents) {
		out = append(out, fmt.Sprintf("Court events: %d", t.CourtEvents))
	}
	return out
}
