package summary

import (
	"encoding/json"

	"caseload/model"
)

// maybe is a JSON field that may be absent: with the omitzero option it is
// left out unless set, and when set it is written as its value, null
// included. It tells "not shared" (absent) from "none" (null or empty).
type maybe[T any] struct {
	v   T
	set bool
}

// when sets the field only if ok.
func when[T any](ok bool, v T) maybe[T] { return maybe[T]{v, ok} }

// IsZero reports an unset field, which omitzero leaves out.
func (m maybe[T]) IsZero() bool { return !m.set }

// MarshalJSON writes the value.
func (m maybe[T]) MarshalJSON() ([]byte, error) { return json.Marshal(m.v) }

// jsonShared says who a summary is for and the day the consents were judged.
type jsonShared struct {
	Recipient  string `json:"recipient"`
	ConsentDay string `json:"consent_day"`
}

type jsonScreening struct {
	ID         string           `json:"id"`
	At         string           `json:"at"`
	Instrument model.Instrument `json:"instrument"`
	Total      *int             `json:"total"`
	Band       *string          `json:"band"`
	Rulers     []int            `json:"rulers,omitempty"`
	// AskAboutSafety is only in the officer's own record.
	AskAboutSafety *bool  `json:"ask_about_safety,omitempty"`
	Note           string `json:"note,omitempty"`
}

type jsonGoal struct {
	GoalID     string           `json:"goal_id"`
	Version    int              `json:"version"`
	Domain     model.GoalDomain `json:"domain"`
	Words      string           `json:"words"`
	Status     model.GoalStatus `json:"status"`
	TargetDate *string          `json:"target_date"`
	Steps      []jsonStep       `json:"steps"`
}

type jsonStep struct {
	Text string  `json:"text"`
	Due  *string `json:"due"`
	Done bool    `json:"done"`
}

func jsonScreenings(list []model.SummaryScreening, shared bool) []jsonScreening {
	out := []jsonScreening{}
	for _, sc := range list {
		js := jsonScreening{ID: sc.ID, At: rfc3339(sc.At), Instrument: sc.Instrument, Band: optional(sc.Band), Rulers: sc.Rulers,
			Note: clean(sc.Note)}
		if !shared {
			safety := sc.AskAboutSafety
			js.AskAboutSafety = &safety
		}
		if sc.Totalled {
			total := sc.Total
			js.Total = &total
		}
		out = append(out, js)
	}
	return out
}

func jsonGoals(list []model.Goal) []jsonGoal {
	out := []jsonGoal{}
	for _, g := range list {
		jg := jsonGoal{GoalID: g.ID, Version: g.Version, Domain: g.Domain, Words: clean(g.Words), Status: g.Status,
			TargetDate: optional(g.TargetDate.String()), Steps: []jsonStep{}}
		for _, st := range g.Steps {
			jg.Steps = append(jg.Steps, jsonStep{Text: clean(st.Text), Due: optional(st.Due.String()), Done: st.Done})
		}
		out = append(out, jg)
	}
	return out
}
