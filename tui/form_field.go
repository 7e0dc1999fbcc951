package tui

import (
	"time"

	"caseload/model"
	"caseload/tui/form"
)

// The fields of the app's forms, built from the model's options and date
// rules.

func textField(name, label, value, help string) *form.Field {
	return form.Text(name, label, value, help)
}

// whenField reads a date and time, or with dateOnly a calendar date, the
// way model.ParseWhen reads them.
func whenField(name, label, value, help string, dateOnly bool) *form.Field {
	if dateOnly {
		return form.Date(name, label, value, help, parseDate)
	}
	return form.When(name, label, value, help, model.ParseWhen)
}

// readDate reads a calendar date: the start of the day typed.
func parseDate(typed string, now time.Time) (time.Time, error) {
	t, err := model.ParseWhen(typed, now)
	if err == nil && !t.IsZero() {
		t = model.StartOfDay(t)
	}
	return t, err
}

func noteField(name, label, value, help string) *form.Field {
	return form.Note(name, label, value, help)
}

func boolField(name, label string, value bool, help string) *form.Field {
	return form.Bool(name, label, value, help)
}

func options[T ~string](opts []model.Option[T]) []form.Option {
	out := make([]form.Option, len(opts))
	for i, o := range opts {
		out[i] = form.Option{Value: string(o.Value), Label: o.Label, Help: o.Help}
	}
	return out
}

func choiceField[T ~string](name, label string, opts []model.Option[T], value T, help string) *form.Field {
	return form.Choice(name, label, options(opts), string(value), help)
}

func multiField[T ~string](name, label string, opts []model.Option[T], values []T, help string) *form.Field {
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = string(v)
	}
	return form.Multi(name, label, options(opts), vs, help)
}

// stageField is a choice of stage of change whose help is the stage table:
// each stage's description and what helps in it.
func stageField(name, label string, opts []model.Option[model.Stage], value model.Stage, help string) *form.Field {
	fl := choiceField(name, label, opts, value, help)
	for i, o := range fl.Options {
		if st := model.Stage(o.Value); st.Valid() {
			fl.Options[i].Help = st.Help() + " Helps: " + st.Helps()
			fl.Options[i].More = st.Help() + " What helps: " + st.Helps()
		}
	}
	return fl
}

// multiValues reads a multi field's ticked values as the model's type.
func multiValues[T ~string](f *form.Field) []T {
	var out []T
	for _, v := range f.Values() {
		out = append(out, T(v))
	}
	return out
}
