package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// stepsHelp documents the steps field's mini-syntax: a line is a step, "by"
// and a date at its end is the due date (any date the other fields take),
// "[x]" in front marks it done.
const stepsHelp = `One step a line; end it with "by DATE" for a due date; "[x] " in front: done. ` +
	`DATE is any date the other fields take: "by 2026-12-01", "by fri", "by +14d".`

// goalForm adds a goal to the client's supervision plan, or saves a change
// to one as its next version when original is set.
type goalForm struct {
	original *model.Goal
}

// prepareGoalForm reads what the goal form offers (the client's referrals)
// and, to edit a goal, its current version, then opens the form.
func (a *App) prepareGoalForm(c model.Client, goalID string) tea.Cmd {
	st, now := a.st, a.now()
	return func() tea.Msg {
		f, err := goalFormFor(context.Background(), st, c, goalID, now)
		return formReadyMsg{form: f, err: err}
	}
}

func goalFormFor(ctx context.Context, st *store.Store, c model.Client, goalID string, now time.Time) (*recordForm, error) {
	refs, err := referralOptions(ctx, st, c.ID)
	if err != nil {
		return nil, err
	}
	if goalID == "" {
		return newGoalForm(c, refs, nil, now), nil
	}
	g, err := st.Goal(ctx, goalID)
	if err != nil {
		return nil, err
	}
	return newGoalForm(c, refs, &g, now), nil
}

// referralOptions are the client's referrals as the goal form offers them:
// by resource, with the reason as help.
func referralOptions(ctx context.Context, st *store.Store, clientID string) ([]model.Option[string], error) {
	refs, err := st.Referrals(ctx, clientID)
	if err != nil {
		return nil, err
	}
	out := make([]model.Option[string], 0, len(refs))
	for _, r := range refs {
		res, err := st.Resource(ctx, r.ResourceID)
		if err != nil {
			return nil, err
		}
		out = append(out, model.Option[string]{Value: r.ID, Label: text.Clean(res.Name) + " (" + r.ReferredOn.String() + ")",
			Help: r.Status.Label() + ": " + text.Clean(r.Reason)})
	}
	return out, nil
}

func newGoalForm(c model.Client, refs []model.Option[string], original *model.Goal, now time.Time) *recordForm {
	g := model.Goal{Domain: model.DomainSubstanceUse, Status: model.GoalOpen}
	title := "New goal · " + c.DisplayName() + " · " + c.CaseNumber
	draftKey, target := "goal:"+c.ID, ""
	if original != nil {
		g = *original
		title = "Goal · " + c.DisplayName() + " · " + c.CaseNumber + " · version " + strconv.Itoa(g.Version+1)
		draftKey, target = "goal:"+g.ID, g.ID
	}
	steps := noteField(model.FieldSteps, "Steps", formatSteps(g.Steps), stepsHelp)
	steps.SetPlaceholder("Call the clinic by 2026-12-01")
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now,
			Fields: []*form.Field{
				choiceField(model.FieldDomain, "Domain", model.GoalDomains(), g.Domain, "The part of the client's life the goal is about."),
				textField(model.FieldWords, "Goal", text.Clean(g.Words), "The goal in the client's own words."),
				whenField(model.FieldTargetDate, "Target date", g.TargetDate.String(), whenHelp+" Empty for none.", true),
				choiceField(model.FieldStatus, "Status", model.GoalStatuses(), g.Status, ""),
				steps,
			},
		},
		spec: goalForm{original: original}, kind: "goal", clientID: c.ID, draftKey: draftKey, target: target,
	}
	// A client with no referrals has none to link: the field would offer
	// nothing.
	if len(refs) > 0 {
		f.Fields = append(f.Fields, multiField(model.FieldReferrals, "Referrals", refs, g.ReferralIDs,
			"The referrals that serve this goal: space or a number links one; ← → move."))
	}
	f.Fields = append(f.Fields, textField(model.FieldNote, "Why", "", "Optional: why the goal was set or changed; kept with this version in its history."))
	f.MoveTo(0)
	return f
}

// formatSteps writes steps the way parseSteps reads them back.
func formatSteps(steps []model.Step) string {
	lines := make([]string, len(steps))
	for i, st := range steps {
		line := text.Clean(st.Text)
		if st.Done {
			line = "[x] " + line
		}
		if !st.Due.IsZero() {
			line += " by " + st.Due.String()
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// parseSteps reads the steps field: one step a line, blank lines skipped.
// A line ending in "by" and something that reads as a date has that due
// date; an ending that starts like a date but does not read as one is a
// problem rather than a step that silently has no date.
func parseSteps(text string, now time.Time) ([]model.Step, []string) {
	var steps []model.Step
	var problems []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var st model.Step
		switch lower := strings.ToLower(line); {
		case strings.HasPrefix(lower, "[x]"):
			st.Done, line = true, strings.TrimSpace(line[3:])
		case strings.HasPrefix(lower, "[ ]"):
			line = strings.TrimSpace(line[3:])
		}
		if i := strings.LastIndex(strings.ToLower(line), " by "); i >= 0 {
			tail := strings.TrimSpace(line[i+4:])
			t, err := model.ParseWhen(tail, now)
			switch {
			case err == nil && !t.IsZero():
				st.Due, line = model.DateOf(t), strings.TrimSpace(line[:i])
			case tail != "" && strings.ContainsAny(tail[:1], "0123456789+-"):
				problems = append(problems, fmt.Sprintf("step %d: cannot read %q as a date", len(steps)+1, tail))
			}
		}
		st.Text = line
		steps = append(steps, st)
	}
	return steps, problems
}

// stepProblems turns the model's problems with single steps into one message
// for the steps field that names each step, since the steps are lines of one
// field and not fields of their own.
func stepProblems(steps []model.Step, modelErr error) (own []string, rest error) {
	v := model.FieldErrors(modelErr)
	if v == nil {
		return nil, modelErr
	}
	var others []model.FieldError
	for _, fe := range v.Fields {
		n := 0
		for i := range steps {
			if fe.Field == model.FieldStepDue(i+1) || fe.Field == model.FieldStepText(i+1) {
				n = i + 1
			}
		}
		switch {
		case n > 0 && fe.Field == model.FieldStepDue(n):
			// Short enough to stand next to the field at 80 columns; the
			// target date is on the screen just above.
			own = append(own, fmt.Sprintf("step %d %q: due %s, after the target", n, text.Truncate(steps[n-1].Text, 20), steps[n-1].Due))
		case n > 0:
			own = append(own, fmt.Sprintf("step %d: %s", n, fe.Message))
		default:
			others = append(others, fe)
		}
	}
	if len(others) == 0 {
		return own, nil
	}
	return own, &model.ValidationError{Fields: others}
}

func (s goalForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	var p []model.FieldError
	g := model.Goal{
		ClientID: f.clientID,
		Domain:   model.GoalDomain(f.Field(model.FieldDomain).Value()),
		Words:    strings.TrimSpace(f.Field(model.FieldWords).Value()),
		Status:   model.GoalStatus(f.Field(model.FieldStatus).Value()),
		Note:     strings.TrimSpace(f.Field(model.FieldNote).Value()),
	}
	if s.original != nil {
		g.ID = s.original.ID
	}
	if refs := f.Field(model.FieldReferrals); refs != nil {
		g.ReferralIDs = multiValues[string](refs)
	}
	g.TargetDate = readDate(f, model.FieldTargetDate, &p)
	steps, bad := parseSteps(f.Field(model.FieldSteps).Value(), f.Opened)
	g.Steps = steps
	own, rest := stepProblems(steps, g.Validate())
	if bad = append(bad, own...); len(bad) > 0 {
		p = append(p, model.FieldError{Field: model.FieldSteps, Message: strings.Join(bad, "; ")})
	}
	if err := mergeErrors(p, rest); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey, what: "Goal added"}
	return func() tea.Msg {
		ctx := context.Background()
		if s.original == nil {
			_, msg.err = st.CreateGoal(ctx, g)
			return goalSavedMsg{msg}
		}
		saved, err := st.SaveGoal(ctx, g)
		msg.err, msg.what = err, "Goal saved as version "+strconv.Itoa(saved.Version)
		return goalSavedMsg{msg}
	}, nil
}

// planDraftForm rebuilds a goal or relapse-prevention plan form from its
// draft; ok is false for a draft of another form.
func planDraftForm(ctx context.Context, st *store.Store, d store.Draft, c model.Client, now time.Time) (f *recordForm, ok bool, err error) {
	switch d.Form {
	case "goal":
		f, err := goalFormFor(ctx, st, c, d.Data["_target"], now)
		return f, true, err
	case "relapse_plan":
		f, err := relapseFormFor(ctx, st, c, now)
		return f, true, err
	}
	return nil, false, nil
}
