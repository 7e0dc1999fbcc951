package store

import (
	"context"
	"fmt"

	"caseload/model"
)

const screeningColumns = `sc.id, sc.client_id, sc.instrument, sc.at, sc.answers, sc.note, sc.created_at`

func scanScreening(row scanner) (model.Screening, error) {
	var s model.Screening
	var at, answers, created string
	if err := row.Scan(&s.ID, &s.ClientID, &s.Instrument, &at, &answers, &s.Note, &created); err != nil {
		return s, err
	}
	var d decoder
	s.At, s.CreatedAt = d.time(at), d.time(created)
	s.Answers, s.Unscored = splitAnswers(s.Instrument, decodeList[int](&d, answers))
	return s, d.err
}

// joinAnswers is what the answers column holds: the points of each question
// in the published order, the unscored ones (the PHQ-9's tenth) after the
// scored ones as the form prints them, and only when one was answered, so a
// screening without them reads as it always did. The total column is the
// scored answers' alone.
func joinAnswers(sc model.Screening) []int {
	for _, a := range sc.Unscored {
		if a != model.Unanswered {
			return append(append([]int(nil), sc.Answers...), sc.Unscored...)
		}
	}
	return sc.Answers
}

// splitAnswers reads the answers column back into scored and unscored
// answers by the instrument's number of scored questions.
func splitAnswers(i model.Instrument, all []int) (scored, unscored []int) {
	form, ok := model.FormOf(i)
	if !ok || len(all) <= len(form.Questions) {
		return all, nil
	}
	return all[:len(form.Questions)], all[len(form.Questions):]
}

// AddScreening records a brief screening with its answers and total. A
// screening with an unanswered item is refused and nothing is written.
func (s *Store) AddScreening(ctx context.Context, sc model.Screening) (model.Screening, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		sc, err = w.AddScreening(sc)
		return err
	})
	return sc, err
}

// AddScreening records a screening in the writer's transaction.
func (w *Writer) AddScreening(sc model.Screening) (model.Screening, error) {
	if err := sc.Validate(w.now); err != nil {
		return sc, err
	}
	if sc.ID == "" {
		sc.ID = newID()
	}
	if sc.CreatedAt.IsZero() {
		sc.CreatedAt = w.now
	}
	_, err := w.exec(`INSERT INTO screenings (id, client_id, instrument, at, answers, total, note, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		sc.ID, sc.ClientID, sc.Instrument, fmtTime(sc.At), jsonList(joinAnswers(sc)), sc.Result().Total, sc.Note, fmtTime(sc.CreatedAt))
	if err != nil {
		return sc, fmt.Errorf("save screening: %w", explain(err))
	}
	return sc, nil
}

// Screening returns one screening by id.
func (s *Store) Screening(ctx context.Context, id string) (model.Screening, error) {
	sc, err := scanScreening(s.db.QueryRowContext(ctx, "SELECT "+screeningColumns+" FROM screenings sc WHERE sc.id = ?", id))
	if err != nil {
		return sc, fmt.Errorf("read screening %s: %w", id, notFound(err))
	}
	return sc, nil
}

// Screenings lists a client's screenings, newest first, for the timeline and
// the screening history.
func (s *Store) Screenings(ctx context.Context, clientID string) ([]model.Screening, error) {
	var out []model.Screening
	err := eachRow(ctx, s.db, "SELECT "+screeningColumns+` FROM screenings sc WHERE sc.client_id = ?
		ORDER BY sc.at DESC, sc.id DESC`, clientID, func(row scanner) error {
		sc, err := scanScreening(row)
		out = append(out, sc)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list screenings: %w", explain(err))
	}
	return out, nil
}
