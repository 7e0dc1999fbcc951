package summary

import "caseload/model"

// The conditions of supervision in JSON (schema version 2): amounts in
// integer minutes, cents or sessions as the condition's measure says, with
// the progress also in words.
type jsonCondition struct {
	ConditionID string                `json:"condition_id"`
	Kind        model.ConditionKind   `json:"kind"`
	Wording     string                `json:"wording"`
	OrderedOn   string                `json:"ordered_on"`
	DueBy       *string               `json:"due_by"`
	Measure     *model.Measure        `json:"measure"`
	Target      int64                 `json:"target"`
	Done        int64                 `json:"done"`
	Status      model.ConditionStatus `json:"status"`
	Progress    string                `json:"progress"`
	NextDue     *string               `json:"next_due"`
	Behind      bool                  `json:"behind"`
	Entries     []jsonProgress        `json:"entries"`
}

type jsonProgress struct {
	At      string                 `json:"at"`
	Kind    model.ProgressKind     `json:"kind"`
	Amount  int64                  `json:"amount"`
	Where   string                 `json:"where"`
	Receipt string                 `json:"receipt"`
	Status  *model.ConditionStatus `json:"status"`
	From    *model.ConditionStatus `json:"from"`
	Note    maybe[string]          `json:"note,omitzero"`
}

type jsonCourtEvent struct {
	ID             string               `json:"id"`
	Kind           model.CourtEventKind `json:"kind"`
	At             string               `json:"at"`
	Court          string               `json:"court"`
	Courtroom      string               `json:"courtroom"`
	Judge          string               `json:"judge"`
	OfficerAttends bool                 `json:"officer_attends"`
	ReportDueOn    *string              `json:"report_due_on"`
	Outcome        *model.CourtOutcome  `json:"outcome"`
	OutcomeNote    string               `json:"outcome_note"`
}

type jsonViolation struct {
	ID          string              `json:"id"`
	Kind        model.ViolationKind `json:"kind"`
	At          string              `json:"at"`
	Seriousness model.Seriousness   `json:"seriousness"`
	Description maybe[string]       `json:"description,omitzero"`
	Condition   *string             `json:"condition"`
	Responses   []jsonResponse      `json:"responses"`
}

type jsonResponse struct {
	At    string        `json:"at"`
	Step  string        `json:"step"`
	Label string        `json:"label"`
	Tier  int           `json:"tier"`
	Note  maybe[string] `json:"note,omitzero"`
}

type jsonIncentive struct {
	At     string        `json:"at"`
	Step   string        `json:"step"`
	Label  string        `json:"label"`
	Tier   int           `json:"tier"`
	Reason maybe[string] `json:"reason,omitzero"`
}

type jsonJob struct {
	Employer     string              `json:"employer"`
	Position     string              `json:"position"`
	StartOn      string              `json:"start_on"`
	EndOn        *string             `json:"end_on"`
	HoursPerWeek int                 `json:"hours_per_week"`
	VerifiedBy   *model.Verification `json:"verified_by"`
	VerifiedOn   *string             `json:"verified_on"`
}

func optDate(d model.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// jsonCompliance fills a client's conditions of supervision, each part
// only where the summary may show it.
func jsonCompliance(jc *jsonClient, c model.ClientActivity) {
	notes := c.Shows(model.ShareNotes)
	conds := []jsonCondition{}
	for _, sc := range c.Conditions {
		cd := sc.Condition
		x := jsonCondition{ConditionID: cd.ID, Kind: cd.Kind, Wording: clean(cd.Wording), OrderedOn: cd.OrderedOn.String(),
			DueBy: optDate(cd.DueBy), Measure: optional(cd.Kind.Measure()), Target: cd.Target, Done: sc.Progress.Done,
			Status: cd.Status, Progress: clean(sc.Progress.Text), NextDue: optDate(sc.Progress.NextDue),
			Behind: sc.Progress.Behind, Entries: []jsonProgress{}}
		for _, e := range sc.Entries {
			x.Entries = append(x.Entries, jsonProgress{At: rfc3339(e.At), Kind: e.Kind, Amount: e.Amount, Where: clean(e.Where),
				Receipt: clean(e.Receipt), Status: optional(e.Status), From: optional(e.From), Note: when(notes, clean(e.Note))})
		}
		conds = append(conds, x)
	}
	compliance := c.Shows(model.ShareCompliance)
	jc.Conditions = when(compliance, conds)
	events := []jsonCourtEvent{}
	for _, e := range c.CourtEvents {
		events = append(events, jsonCourtEvent{ID: e.ID, Kind: e.Kind, At: rfc3339(e.At), Court: clean(e.Court),
			Courtroom: clean(e.Courtroom), Judge: clean(e.Judge), OfficerAttends: e.OfficerAttends,
			ReportDueOn: optDate(e.ReportDueOn), Outcome: optional(e.Outcome), OutcomeNote: clean(e.OutcomeNote)})
	}
	jc.CourtEvents = when(c.Shows(model.ShareCourtEvents), events)
	vs := []jsonViolation{}
	for _, v := range c.Violations {
		x := jsonViolation{ID: v.Violation.ID, Kind: v.Violation.Kind, At: rfc3339(v.Violation.At),
			Seriousness: v.Violation.Seriousness, Description: when(notes, clean(v.Violation.Description)),
			Condition: optional(clean(v.ConditionWording)), Responses: []jsonResponse{}}
		for _, r := range v.Responses {
			x.Responses = append(x.Responses, jsonResponse{At: rfc3339(r.At), Step: r.StepKey, Label: clean(r.StepLabel),
				Tier: r.Tier, Note: when(notes, clean(r.Note))})
		}
		vs = append(vs, x)
	}
	jc.Violations = when(compliance, vs)
	inc := []jsonIncentive{}
	for _, x := range c.Incentives {
		i := x.Incentive
		inc = append(inc, jsonIncentive{At: rfc3339(i.At), Step: i.StepKey, Label: clean(i.StepLabel), Tier: i.Tier,
			Reason: when(notes, clean(i.Reason))})
	}
	jc.Incentives = when(compliance, inc)
	jobs := []jsonJob{}
	for _, e := range c.Employment {
		jobs = append(jobs, jsonJob{Employer: clean(e.Employer), Position: clean(e.Position), StartOn: e.StartOn.String(),
			EndOn: optDate(e.EndOn), HoursPerWeek: e.HoursPerWeek, VerifiedBy: optional(e.VerifiedBy), VerifiedOn: optDate(e.VerifiedOn)})
	}
	jc.Employment = when(compliance, jobs)
}
