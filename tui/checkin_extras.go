package tui

import (
	"strings"
	"time"

	"caseload/model"
	"caseload/store"
	"caseload/text"
	"caseload/tui/form"
)

// The check-in form's extras: what it saves with the contact in the same
// transaction. A positive or refused test, a new arrest or a no-show offers
// the violation it is (model.ViolationFromCheckIn decides which); a client
// with an open community service or payment condition gets a field for the
// hours done or the amount paid today, which become progress entries.

// Field names of the extras; the model's names where the model checks them.
const (
	fieldOfferViolation = "violation"
	fieldServiceHours   = "service_hours"
	fieldPaymentToday   = "payment"
)

// countedConditions are the first open condition counted in hours and the
// first counted in money, or nil.
func countedConditions(conds []store.ConditionState) (hours, payment *store.ConditionState) {
	for i := range conds {
		c := &conds[i]
		if !c.Condition.Status.Open() {
			continue
		}
		switch m := c.Condition.Kind.Measure(); {
		case m == model.MeasureMinutes && hours == nil:
			hours = c
		case m == model.MeasureCents && payment == nil:
			payment = c
		}
	}
	return hours, payment
}

// extraFields are the extras' fields, hidden until they apply: the offer
// and its seriousness, then today's hours and payment where the client has
// such a condition.
func extraFields(hours, payment *store.ConditionState) []*form.Field {
	offer := form.Choice(fieldOfferViolation, "Violation", []form.Option{
		{Value: "no", Label: "No", Help: "Not recorded now; b records one later."},
		{Value: "yes", Label: "Record it", Help: "Saved with this check-in; answer it from the agenda (g)."},
	}, "no", "")
	seriousness := choiceField(model.FieldSeriousness, "Seriousness", model.Seriousnesses(), model.SeriousnessMedium,
		"How serious: the response matrix suggests a response from it when you respond.")
	offer.Hidden, seriousness.Hidden = true, true
	out := []*form.Field{offer, seriousness}
	if hours != nil {
		out = append(out, textField(fieldServiceHours, "Service hours",
			"", `Hours of community service done today, as "2" or "1.5"; empty for none. Now `+hours.Progress.Text+"."))
	}
	if payment != nil {
		out = append(out, textField(fieldPaymentToday, "Payment", "",
			`The amount paid today toward `+strings.ToLower(payment.Condition.Kind.Label())+`, as "50" or "$12.50"; empty for none. Now `+payment.Progress.Text+"."))
	}
	return out
}

// offerViolation shows the offer when the check-in as typed is a violation,
// and its seriousness when the offer is taken. The seriousness starts on
// the model's for the kind each time the kind changes.
func offerViolation(f *form.Form, offered *model.ViolationKind) {
	offer, seriousness := f.Field(fieldOfferViolation), f.Field(model.FieldSeriousness)
	if offer == nil {
		return
	}
	k := model.CheckIn{Test: model.TestResult(f.Field(model.FieldTest).Value()),
		Outcome: model.Outcome(f.Field(model.FieldOutcome).Value())}
	for _, v := range f.Field(model.FieldFlags).Values() {
		k.Flags = append(k.Flags, model.RiskFlag(v))
	}
	v, ok := model.ViolationFromCheckIn(k)
	offer.Hidden = !ok
	if ok {
		offer.Help = "This check-in is a violation (" + strings.ToLower(v.Kind.Label()) + "): record it with the check-in?"
		if v.Kind != *offered {
			seriousness.SetValue(string(v.Seriousness))
			*offered = v.Kind
		}
	}
	seriousness.Hidden = !ok || offer.Value() != "yes"
}

// checkinExtras reads the extras from the form for the check-in c, with
// their problems under their fields.
func (s checkinForm) checkinExtras(f *recordForm, c model.CheckIn, now time.Time, p *[]model.FieldError) store.CheckInExtras {
	x := store.CheckInExtras{Ticks: stepTicks(f)}
	if offer := f.Field(fieldOfferViolation); offer != nil && !offer.Hidden && offer.Value() == "yes" {
		if v, ok := model.ViolationFromCheckIn(c); ok {
			v.Seriousness = model.Seriousness(f.Field(model.FieldSeriousness).Value())
			x.Violation = &v
		}
	}
	for _, counted := range []struct {
		field string
		cond  *store.ConditionState
		kind  model.ProgressKind
		parse func(string) (int64, error)
	}{
		{fieldServiceHours, s.hours, model.ProgressHours, model.ParseHours},
		{fieldPaymentToday, s.payment, model.ProgressPayment, model.ParseMoney},
	} {
		fl := f.Field(counted.field)
		if fl == nil || counted.cond == nil || strings.TrimSpace(fl.Value()) == "" {
			continue
		}
		amount, err := counted.parse(fl.Value())
		if err != nil {
			*p = append(*p, model.FieldError{Field: counted.field, Message: err.Error()})
			continue
		}
		e := model.ProgressEntry{ConditionID: counted.cond.Condition.ID, ClientID: c.ClientID, Kind: counted.kind, Amount: amount, At: c.At}
		if c.At.IsZero() {
			continue // the check-in's own date is wrong: its field says so
		}
		if v := model.FieldErrors(e.ValidateFor(counted.cond.Condition, now)); v != nil {
			for _, fe := range v.Fields {
				*p = append(*p, model.FieldError{Field: counted.field, Message: fe.Message})
			}
			continue
		}
		x.Progress = append(x.Progress, e)
	}
	return x
}

// extrasSaved says what the save wrote beside the check-in.
func extrasSaved(x store.CheckInExtras) string {
	var parts []string
	for _, e := range x.Progress {
		parts = append(parts, text.Clean(progressSavedText(e)))
	}
	if x.Violation != nil {
		parts = append(parts, "a violation recorded: answer it from the agenda (g)")
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, "; ")
}
