package store

import (
	"context"
	"fmt"
	"slices"

	"caseload/model"
)

// ClientCourse reads what a client's charts draw: every recorded stage, and
// the latest tests and contacts (model.CourseLength of each), amended records
// left out. Each part is a range of the client's (client_id, at) index.
func (s *Store) ClientCourse(ctx context.Context, clientID string) (model.ClientCourse, error) {
	var course model.ClientCourse
	var d decoder
	rows, err := s.db.QueryContext(ctx, `SELECT n.at, n.stage FROM stage_notes n WHERE n.client_id = ? AND `+notAmended("n")+`
		AND (n.checkin_id IS NULL OR NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = n.checkin_id))
		ORDER BY n.at, n.id`, clientID)
	if err != nil {
		return course, fmt.Errorf("read stage history: %w", explain(err))
	}
	for rows.Next() {
		var at string
		var m model.StageMark
		if err := rows.Scan(&at, &m.Stage); err != nil {
			rows.Close()
			return course, fmt.Errorf("read stage history: %w", err)
		}
		m.At = d.time(at)
		course.Stages = append(course.Stages, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return course, fmt.Errorf("read stage history: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT k.at, k.outcome, k.test_result FROM checkins k
		WHERE k.client_id = ? AND `+notAmended("k")+` ORDER BY k.at DESC, k.id DESC`, clientID)
	if err != nil {
		return course, fmt.Errorf("read recent contacts: %w", explain(err))
	}
	defer rows.Close()
	// Newest first, stopping once both strips are full: a long history is
	// not read to the end.
	for rows.Next() && (len(course.Contacts) < model.CourseLength || len(course.Tests) < model.CourseLength) {
		var at string
		var outcome model.Outcome
		var test model.TestResult
		if err := rows.Scan(&at, &outcome, &test); err != nil {
			return course, fmt.Errorf("read recent contacts: %w", err)
		}
		t := d.time(at)
		if len(course.Contacts) < model.CourseLength {
			course.Contacts = append(course.Contacts, model.ContactMark{At: t, Outcome: outcome})
		}
		if test.Tested() && len(course.Tests) < model.CourseLength {
			course.Tests = append(course.Tests, model.TestMark{At: t, Result: test})
		}
	}
	if err := rows.Err(); err != nil {
		return course, fmt.Errorf("read recent contacts: %w", err)
	}
	if d.err != nil {
		return course, d.err
	}
	slices.Reverse(course.Contacts)
	slices.Reverse(course.Tests)
	return course, nil
}
