package model

import (
	"fmt"
	"sort"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// naturalRules are olebedev/when's English and common rules, the ones the
// forms read. The library's root package is not imported: at start-up it
// builds ready-made parsers for four languages, about 3 ms of every start of
// the app (GODEBUG=inittrace=1), where the forms need one.
var naturalRules = append(append([]rules.Rule(nil), en.All...), common.All...)

// naturalOptions are the library's defaults: matches up to five characters
// apart belong to one expression, and they apply in the order of the rules.
var naturalOptions = &rules.Options{Distance: 5, MatchByOrder: true}

// parseNatural reads the first date expression in text as the library's
// Parser does: every rule that matches, the first cluster of matches by
// position, applied in rule order to base. matched is the text the cluster
// covers; ok is false when no rule applied.
func parseNatural(text string, base time.Time) (t time.Time, matched string, ok bool, err error) {
	var matches []*rules.Match
	for i, r := range naturalRules {
		if m := r.Find(text); m != nil {
			m.Order = float64(i)
			matches = append(matches, m)
		}
	}
	if len(matches) == 0 {
		return base, "", false, nil
	}
	sort.Sort(rules.MatchByIndex(matches))
	start, end := matches[0].Left, matches[0].Right
	for i, m := range matches {
		if m.Left > end+naturalOptions.Distance {
			matches = matches[:i]
			break
		}
		end = m.Right
	}
	matched = text[start:end]
	sort.Sort(rules.MatchByOrder(matches))
	ctx := &rules.Context{Text: matched}
	for _, m := range matches {
		applied, err := m.Apply(ctx, naturalOptions, base)
		if err != nil {
			return base, "", false, err
		}
		ok = ok || applied
	}
	if !ok {
		return base, "", false, nil
	}
	if t, err = ctx.Time(base); err != nil {
		return base, "", false, fmt.Errorf("read the date: %w", err)
	}
	return t, matched, true, nil
}
