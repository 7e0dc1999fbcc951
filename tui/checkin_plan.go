package tui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// readCheckInPlan reads what the check-in form shows of the plans: the open
// goals, whose steps can be ticked in passing, and the relapse-prevention
// plan, whose sections come up beside a risk flag.
func readCheckInPlan(ctx context.Context, st *store.Store, clientID string, d *checkinDefaults) error {
	goals, err := st.Goals(ctx, clientID)
	if err != nil {
		return err
	}
	for _, g := range goals {
		if g.CanTickSteps() {
			d.goals = append(d.goals, g)
		}
	}
	plan, err := st.RelapsePlan(ctx, clientID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	default:
		d.plan = &plan
	}
	return nil
}

// stepsField lists the open steps of the open goals, to tick done at this
// contact; nil when there is none.
func stepsField(goals []model.Goal) *form.Field {
	var opts []form.Option
	for _, g := range goals {
		for i, st := range g.Steps {
			if st.Done {
				continue
			}
			label := text.Clean(st.Text)
			if !st.Due.IsZero() {
				label += " (due " + st.Due.String() + ")"
			}
			value := g.ID + "/" + strconv.Itoa(i) + "/" + strconv.Itoa(g.Version)
			opts = append(opts, form.Option{Value: value, Label: label, Help: g.Domain.Label() + ": " + text.Clean(g.Words)})
		}
	}
	if len(opts) == 0 {
		return nil
	}
	return form.Multi(model.FieldSteps, "Steps done", opts, nil,
		"Plan steps done since the last contact: space or a number ticks one; ← → move.")
}

// stepTicks reads the ticked steps back as the store takes them.
func stepTicks(f *recordForm) []store.StepTick {
	fl := f.Field(model.FieldSteps)
	if fl == nil {
		return nil
	}
	var out []store.StepTick
	for _, v := range multiValues[string](fl) {
		parts := strings.Split(v, "/")
		if len(parts) != 3 {
			continue
		}
		step, err1 := strconv.Atoi(parts[1])
		version, err2 := strconv.Atoi(parts[2])
		if err1 == nil && err2 == nil {
			out = append(out, store.StepTick{GoalID: parts[0], Step: step, Version: version})
		}
	}
	return out
}

// view draws the check-in form, with the relapse-prevention plan's sections
// for the risk flags ticked under it. At 80x24 there is room for the plan
// only while the focused field has no list of options to show: then the plan
// takes the place of the one-line field help.
func (s checkinForm) view(f *recordForm, st styles, now time.Time) []string {
	fs := st.form()
	body, foot := f.Body(fs, now), f.Footer(fs)
	width, height := f.Size()
	panel := s.planPanel(f, st, max(width, minWidth))
	if len(panel) == 0 {
		return append(body, foot...)
	}
	room := height - 1 - len(body) - len(foot)
	if kind := f.Focused().Kind; room < 3 && kind != form.KindChoice && kind != form.KindMulti && !f.Confirming() && !f.Saving {
		foot = nil
		room = height - 1 - len(body)
	}
	lines := append(body, foot...)
	if room <= 0 {
		return lines
	}
	if len(panel) > room {
		panel = append(panel[:room-1:room-1], st.dim.Render("… more in the relapse-prevention plan"))
	}
	return append(lines, panel...)
}

// planPanel is the relapse-prevention plan's sections for the risk flags
// ticked on the form; nil when no ticked flag calls for one, and on an
// amendment, which corrects a past contact.
func (s checkinForm) planPanel(f *recordForm, st styles, w int) []string {
	fl := f.Field(model.FieldFlags)
	if fl == nil || s.original != nil {
		return nil
	}
	flags := multiValues[model.RiskFlag](fl)
	sections := model.SectionsForFlags(flags)
	if len(sections) == 0 {
		return nil
	}
	var names []string
	for _, fl := range flags {
		if len(model.SectionsForFlags([]model.RiskFlag{fl})) > 0 {
			names = append(names, fl.Label())
		}
	}
	out := []string{st.warn.Render(text.Truncate("⚑ Relapse-prevention plan, for "+strings.Join(names, ", ")+":", w))}
	if s.plan == nil {
		return append(out, st.dim.Render("No relapse-prevention plan on file for this client."))
	}
	// The people to call come first: at 80x24 the panel may be cut, and in
	// a high-risk moment who can help matters more than the rest.
	sort.SliceStable(sections, func(i, j int) bool {
		return sections[i] == model.SectionSupports && sections[j] != model.SectionSupports
	})
	for _, sec := range sections {
		items := s.plan.Lines(sec)
		line := st.bold.Render(sec.Label()+": ") + text.Clean(strings.Join(items, " · "))
		if len(items) == 0 {
			line = st.bold.Render(sec.Label()+": ") + st.dim.Render("none written yet")
		}
		wrapped := text.Wrap(line, w)
		if len(wrapped) > 2 {
			wrapped = append(wrapped[:1:1], text.Truncate(wrapped[1]+" "+wrapped[2], w))
		}
		out = append(out, wrapped...)
	}
	return out
}
