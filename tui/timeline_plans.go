package tui

import (
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/text"
)

// planEntrySummary is the timeline line of a screening or a goal change.
func planEntrySummary(e model.TimelineEntry, s styles) string {
	if sc := e.Screening; sc != nil {
		r := sc.Result()
		line := "Screen   " + sc.Instrument.Label() + " "
		if r.Totalled {
			line += "total " + strconv.Itoa(r.Total)
			if r.Band != nil {
				line += " · " + r.Band.String()
			}
		} else {
			var nums []string
			for _, a := range r.Items {
				nums = append(nums, strconv.Itoa(a))
			}
			line += strings.Join(nums, " / ") + " (importance / confidence / readiness)"
		}
		if r.AskAboutSafetyNow {
			line = s.errText.Bold(true).Reverse(true).Render("⚠ SAFETY") + " " + line
		}
		return line
	}
	g := e.Goal
	return "Goal     " + g.Domain.Label() + ": " + text.Clean(model.ChangeOf(e.Previous, *g).String()) + "  " + s.dim.Render(firstLine(text.Clean(g.Words)))
}

// planEntryNote is the full text of a screening or goal change, for the pane
// under the timeline.
func planEntryNote(e model.TimelineEntry) string {
	if sc := e.Screening; sc != nil {
		form, _ := model.FormOf(sc.Instrument)
		var b strings.Builder
		if sc.Result().AskAboutSafetyNow {
			b.WriteString("Item 9 was answered above \"Not at all\": ask about safety now. ")
		}
		var parts []string
		for i, a := range sc.Answers {
			parts = append(parts, strconv.Itoa(i+1)+": "+answerLabel(form.Questions, i, a))
		}
		for i, a := range sc.Unscored {
			if a != model.Unanswered {
				parts = append(parts, strconv.Itoa(len(form.Questions)+i+1)+" (not scored): "+answerLabel(form.Unscored, i, a))
			}
		}
		b.WriteString("Answers " + strings.Join(parts, "; ") + ". ")
		b.WriteString(sc.Note)
		return b.String()
	}
	g := e.Goal
	text := "In the client's words: " + g.Words + " · " + g.Status.Label() + " · steps done " +
		strconv.Itoa(g.StepsDone()) + " of " + strconv.Itoa(len(g.Steps))
	if g.Note != "" {
		text += "\n" + g.Note
	}
	return text
}

// answerLabel is the published answer a number of points stands for.
func answerLabel(qs []model.Question, i, points int) string {
	if i < len(qs) {
		for _, c := range qs[i].Choices {
			if c.Points == points {
				return c.Label
			}
		}
	}
	return strconv.Itoa(points)
}

// safetyBanner puts the "ask about safety now" notice in front of the notice
// line while a PHQ-9 given today answered item 9 above "Not at all", so it
// stays on the client screen after the form is saved.
func (v *clientView) safetyBanner(s styles, now time.Time, notice string) string {
	today := model.DateOf(now)
	for _, e := range v.timeline {
		if e.Screening == nil || model.DateOf(e.At) != today || e.AmendedBy != "" {
			continue
		}
		if e.Screening.Result().AskAboutSafetyNow {
			banner := s.errText.Bold(true).Reverse(true).Render("⚠ ASK ABOUT SAFETY NOW · PHQ-9 item 9 today " + e.At.Format("15:04"))
			if notice == "" {
				return banner
			}
			return banner + "  " + notice
		}
	}
	return notice
}
