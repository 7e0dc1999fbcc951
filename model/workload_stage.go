package model

import (
	"slices"
	"time"
)

// StageSpell is a stretch of time during which a client's stage of change
// was the one last recorded: from From until Until (zero while it stands).
type StageSpell struct {
	Stage Stage
	From  time.Time
	Until time.Time
}

// StageMark is one recorded stage: a stage note or a check-in's stage.
type StageMark struct {
	At    time.Time
	Stage Stage
}

// StageSpells turns a client's recorded stages (in any order) into spells.
// A mark that repeats the stage before it continues the same spell.
func StageSpells(marks []StageMark) []StageSpell {
	sorted := append([]StageMark(nil), marks...)
	slices.SortStableFunc(sorted, func(a, b StageMark) int { return a.At.Compare(b.At) })
	var spells []StageSpell
	for _, m := range sorted {
		if !m.Stage.Valid() {
			continue
		}
		if n := len(spells); n > 0 {
			if spells[n-1].Stage == m.Stage {
				continue
			}
			spells[n-1].Until = m.At
		}
		spells = append(spells, StageSpell{Stage: m.Stage, From: m.At})
	}
	return spells
}

// StandsAt reports whether the spell was the client's stage at t.
func (s StageSpell) StandsAt(t time.Time) bool {
	return !t.Before(s.From) && (s.Until.IsZero() || t.Before(s.Until))
}

// StageSpellsWhileActive is StageSpells cut to the time the client was
// active (in.History, or in.Status throughout): the stage chart counts the
// caseload as it stood each week.
func StageSpellsWhileActive(marks []StageMark, in DueInput) []StageSpell {
	var out []StageSpell
	for _, s := range StageSpells(marks) {
		for _, p := range clipSpan(span{s.From, s.Until}, activeSpans(in)) {
			out = append(out, StageSpell{Stage: s.Stage, From: p.From, Until: p.Until})
		}
	}
	return out
}

// ActiveAt reports whether a client with this status history (or, without
// one, this status throughout) was active at t.
func ActiveAt(in DueInput, t time.Time) bool {
	for _, a := range activeSpans(in) {
		if (a.From.IsZero() || !t.Before(a.From)) && (a.Until.IsZero() || t.Before(a.Until)) {
			return true
		}
	}
	return false
}

// AddStages counts, for each week, the clients in each stage at its end (now
// for the week under way). active says how many clients were active at a
// time; those with no spell standing are counted under "" (no stage
// recorded).
func AddStages(figs []WeekFigures, spells []StageSpell, active func(time.Time) int, now time.Time) {
	for i := range figs {
		end := figs[i].Week.ReadAt(now)
		clients := active(end)
		staged := 0
		for _, s := range spells {
			if s.StandsAt(end) {
				figs[i].Stages[s.Stage]++
				staged++
			}
		}
		if clients > staged {
			figs[i].Stages[""] = clients - staged
		}
	}
}
