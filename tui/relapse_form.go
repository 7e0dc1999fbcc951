package tui

import (
	"context"
	"errors"
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

// relapseForm saves the client's relapse-prevention plan as a whole, as its
// next version.
type relapseForm struct{}

// relapseList is one list field of the plan: its model field name, label,
// help, and where its entries live in the plan.
type relapseList struct {
	name, label, help string
	items             func(p *model.RelapsePlan) *[]string
}

var relapseLists = []relapseList{
	{model.FieldPeople, "People", "Triggers: people who set off cravings or old habits. One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.People }},
	{model.FieldPlaces, "Places", "Triggers: places that set them off. One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.Places }},
	{model.FieldFeelings, "Feelings", "Triggers: feelings that set them off (bored, lonely, angry). One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.Feelings }},
	{model.FieldSituations, "Situations", "Triggers: situations (payday, a party, a row at home). One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.Situations }},
	{model.FieldWarningSigns, "Warning signs", "The client's own early signs that a relapse is coming. One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.WarningSigns }},
	{model.FieldCoping, "Coping", "Coping strategies that have worked for the client. One a line.",
		func(p *model.RelapsePlan) *[]string { return &p.Coping }},
}

// supportsHelp documents how a support person is written.
const supportsHelp = `One person a line: "Name — phone", e.g. "Aunt Rosa — 555-0142" (" - " or ":" work too).`

// prepareRelapseForm reads the current plan and opens the form filled with
// it.
func (a *App) prepareRelapseForm(c model.Client) tea.Cmd {
	st, now := a.st, a.now()
	return func() tea.Msg {
		f, err := relapseFormFor(context.Background(), st, c, now)
		return formReadyMsg{form: f, err: err}
	}
}

func relapseFormFor(ctx context.Context, st *store.Store, c model.Client, now time.Time) (*recordForm, error) {
	cur, err := st.RelapsePlan(ctx, c.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return newRelapseForm(c, nil, now), nil
	case err != nil:
		return nil, err
	}
	return newRelapseForm(c, &cur, now), nil
}

func newRelapseForm(c model.Client, current *model.RelapsePlan, now time.Time) *recordForm {
	var p model.RelapsePlan
	title := "Relapse-prevention plan · " + c.DisplayName() + " · " + c.CaseNumber + " · first version"
	if current != nil {
		p = *current
		title = "Relapse-prevention plan · " + c.DisplayName() + " · " + c.CaseNumber + " · version " + strconv.Itoa(p.Version+1)
	}
	f := &recordForm{
		Form: &form.Form{Title: title, Opened: now},
		spec: relapseForm{}, kind: "relapse_plan", clientID: c.ID, draftKey: "relapse_plan:" + c.ID,
	}
	for _, l := range relapseLists {
		var lines []string
		for _, it := range *l.items(&p) {
			lines = append(lines, text.Clean(it))
		}
		f.Fields = append(f.Fields, noteField(l.name, l.label, strings.Join(lines, "\n"), l.help))
	}
	var people []string
	for _, sp := range p.Supports {
		people = append(people, text.Clean(sp.Name)+" — "+text.Clean(sp.Phone))
	}
	f.Fields = append(f.Fields, noteField(model.FieldSupports, "Supporters", strings.Join(people, "\n"), supportsHelp))
	for _, fl := range f.Fields {
		fl.Compact = true
	}
	f.Fields = append(f.Fields, textField(model.FieldNote, "Why", "", "Optional: why the plan changed; kept with this version."))
	f.MoveTo(0)
	return f
}

// supportSeparators are what may stand between a name and a number, the
// em dash the form writes first; " - " keeps its spaces so that a
// double-barrelled name or a dashed number is not cut.
var supportSeparators = []string{"—", "–", " - ", ":"}

// parseSupport reads "Name — phone"; without a separator it is a name with
// no phone, which the model refuses with the line named.
func parseSupport(line string) model.SupportPerson {
	for _, sep := range supportSeparators {
		if i := strings.Index(line, sep); i >= 0 {
			return model.SupportPerson{Name: strings.TrimSpace(line[:i]), Phone: strings.TrimSpace(line[i+len(sep):])}
		}
	}
	return model.SupportPerson{Name: line}
}

func (relapseForm) submit(f *recordForm, st *store.Store, _ time.Time) (tea.Cmd, error) {
	p := model.RelapsePlan{ClientID: f.clientID, Note: strings.TrimSpace(f.Field(model.FieldNote).Value())}
	for _, l := range relapseLists {
		*l.items(&p) = entries(f.Field(l.name).Value())
	}
	for _, line := range entries(f.Field(model.FieldSupports).Value()) {
		p.Supports = append(p.Supports, parseSupport(line))
	}
	if err := relapseProblems(p, p.Validate()); err != nil {
		return nil, err
	}
	msg := saved{clientID: f.clientID, draftKey: f.draftKey}
	return func() tea.Msg {
		saved, err := st.SaveRelapsePlan(context.Background(), p)
		msg.err, msg.what = err, "Relapse-prevention plan saved as version "+strconv.Itoa(saved.Version)
		return relapsePlanSavedMsg{msg}
	}, nil
}

// relapseProblems puts the model's problems with single entries ("coping_2",
// "supports_1_phone") next to the list they belong to, naming the entry by
// what was typed, since the entries are lines of one field.
func relapseProblems(p model.RelapsePlan, modelErr error) error {
	v := model.FieldErrors(modelErr)
	if v == nil {
		return modelErr
	}
	byField := map[string][]string{}
	var order []string
	add := func(field, msg string) {
		if _, ok := byField[field]; !ok {
			order = append(order, field)
		}
		byField[field] = append(byField[field], msg)
	}
	var loose []model.FieldError
	for _, fe := range v.Fields {
		field, msg, ok := relapseEntryProblem(p, fe)
		if !ok {
			loose = append(loose, fe)
			continue
		}
		add(field, msg)
	}
	for _, field := range order {
		loose = append(loose, model.FieldError{Field: field, Message: strings.Join(byField[field], "; ")})
	}
	return &model.ValidationError{Fields: loose}
}

// relapseEntryProblem names the entry a model problem is about; ok is false
// for a problem with a whole field or the whole plan.
func relapseEntryProblem(p model.RelapsePlan, fe model.FieldError) (field, msg string, ok bool) {
	for i, sp := range p.Supports {
		who := strconv.Quote(text.Truncate(sp.Name, 30))
		switch fe.Field {
		case model.FieldEntry(model.FieldSupports, i+1) + "_phone":
			if strings.TrimSpace(sp.Phone) == "" {
				return model.FieldSupports, fmt.Sprintf("%s has no phone: write \"%s — 555-0100\"", who, text.Truncate(sp.Name, 30)), true
			}
			return model.FieldSupports, who + "'s phone: " + fe.Message, true
		case model.FieldEntry(model.FieldSupports, i+1) + "_name":
			return model.FieldSupports, fmt.Sprintf("person %d's name: %s", i+1, fe.Message), true
		}
	}
	for _, l := range relapseLists {
		items := *l.items(&p)
		for i, it := range items {
			if fe.Field == model.FieldEntry(l.name, i+1) {
				return l.name, strconv.Quote(text.Truncate(it, 30)) + ": " + fe.Message, true
			}
		}
	}
	return "", "", false
}
