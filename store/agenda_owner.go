package store

import (
	"context"
	"fmt"
	"time"

	"caseload/model"
)

// AgendaOf is the whole agenda, the headings of the conditions of
// supervision after the others, for one officer's clients in a file that
// holds several (a supervisor's), or for everyone's when owner is "". Each
// heading is cut to limit (0 for all) and Total counts the officer's items.
//
// One officer's agenda reads every heading whole and keeps their clients'
// items: a supervisor's file is a team's caseloads, a few thousand clients
// at most, where that is milliseconds; an officer's own agenda is the
// index-range read of Agenda and ComplianceAgenda.
func (s *Store) AgendaOf(ctx context.Context, now time.Time, limit int, owner string) (model.Agenda, error) {
	if owner == "" {
		ag, err := s.Agenda(ctx, now, limit)
		if err != nil {
			return ag, err
		}
		more, err := s.ComplianceAgenda(ctx, now, limit)
		ag.Sections = append(ag.Sections, more...)
		return ag, err
	}
	ag, err := s.AgendaOf(ctx, now, 0, "")
	if err != nil {
		return ag, err
	}
	theirs := map[string]bool{}
	err = eachRowArgs(ctx, s.db, "SELECT id FROM clients INDEXED BY clients_by_owner WHERE owner <> '' AND owner = ?1", []any{owner},
		func(row scanner) error {
			var id string
			err := row.Scan(&id)
			theirs[id] = true
			return err
		})
	if err != nil {
		return ag, fmt.Errorf("read %s's clients: %w", owner, explain(err))
	}
	for i, sec := range ag.Sections {
		var kept []model.AgendaItem
		for _, it := range sec.Items {
			if theirs[it.ClientID] {
				kept = append(kept, it)
			}
		}
		sec.Total = len(kept)
		if limit > 0 && len(kept) > limit {
			kept = kept[:limit]
		}
		sec.Items = kept
		ag.Sections[i] = sec
	}
	return ag, nil
}
