package store

import (
	"context"
	"fmt"

	"caseload/model"
)

// stepJSON is how a goal's steps are stored: the store owns its encoding so
// that the model stays free of storage tags.
type stepJSON struct {
	Text string `json:"text"`
	Due  string `json:"due,omitempty"`
	Done bool   `json:"done,omitempty"`
}

func encodeSteps(steps []model.Step) string {
	out := make([]stepJSON, len(steps))
	for i, s := range steps {
		out[i] = stepJSON{s.Text, s.Due.String(), s.Done}
	}
	return jsonList(out)
}

func decodeSteps(d *decoder, s string) []model.Step {
	var out []model.Step
	for _, j := range decodeList[stepJSON](d, s) {
		out = append(out, model.Step{Text: j.Text, Due: d.date(j.Due), Done: j.Done})
	}
	return out
}

const goalColumns = `g.id, g.client_id, v.version, v.domain, v.words, v.steps, v.target_date, v.status, v.referral_ids,
	v.note, v.at`

func scanGoal(row scanner) (model.Goal, error) {
	var g model.Goal
	var steps, target, refs, at string
	if err := row.Scan(&g.ID, &g.ClientID, &g.Version, &g.Domain, &g.Words, &steps, &target, &g.Status, &refs,
		&g.Note, &at); err != nil {
		return g, err
	}
	var d decoder
	g.Steps = decodeSteps(&d, steps)
	g.TargetDate, g.At = d.date(target), d.time(at)
	g.ReferralIDs = decodeList[string](&d, refs)
	return g, d.err
}

// latestGoalVersion joins a goal to its current state: its latest version.
const latestGoalVersion = `FROM goals g JOIN goal_versions v ON v.goal_id = g.id
	AND v.version = (SELECT max(version) FROM goal_versions WHERE goal_id = g.id)`

// CreateGoal adds a goal to a client's supervision plan as its first version.
func (s *Store) CreateGoal(ctx context.Context, g model.Goal) (model.Goal, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		g, err = w.CreateGoal(g)
		return err
	})
	return g, err
}

// CreateGoal adds a goal in the writer's transaction.
func (w *Writer) CreateGoal(g model.Goal) (model.Goal, error) {
	g.Version = 1
	if err := w.checkGoal(g); err != nil {
		return g, err
	}
	if g.ID == "" {
		g.ID = newID()
	}
	if g.At.IsZero() {
		g.At = w.now
	}
	if _, err := w.exec("INSERT INTO goals (id, client_id, created_at) VALUES (?, ?, ?)", g.ID, g.ClientID, fmtTime(g.At)); err != nil {
		return g, fmt.Errorf("save goal: %w", explain(err))
	}
	return g, w.insertGoalVersion(g)
}

// SaveGoal records a change to a goal as its next version; the versions
// before it stay as they were. The goal's id and client cannot change.
func (s *Store) SaveGoal(ctx context.Context, g model.Goal) (model.Goal, error) {
	err := s.write(ctx, func(w *Writer) error {
		var err error
		g, err = w.SaveGoal(g)
		return err
	})
	return g, err
}

// SaveGoal records a goal's next version in the writer's transaction.
func (w *Writer) SaveGoal(g model.Goal) (model.Goal, error) {
	cur, err := scanGoal(w.queryRow("SELECT "+goalColumns+" "+latestGoalVersion+" WHERE g.id = ?", g.ID))
	if err != nil {
		return g, fmt.Errorf("change goal %s: %w", g.ID, notFound(err))
	}
	g.ClientID, g.Version = cur.ClientID, cur.Version+1
	if err := w.checkGoal(g); err != nil {
		return g, err
	}
	// A version is never dated before the one it follows, so history read by
	// time and by version number agree.
	if g.At.IsZero() || !g.At.After(cur.At) {
		g.At = w.now
	}
	return g, w.insertGoalVersion(g)
}

// TickStep ticks step i (0-based) of a goal done or not done, as a new version
// of the goal: the check-in form ticks steps in passing with it.
func (s *Store) TickStep(ctx context.Context, goalID string, i int, done bool) (model.Goal, error) {
	var g model.Goal
	err := s.write(ctx, func(w *Writer) error {
		var err error
		g, err = w.TickStep(goalID, i, done)
		return err
	})
	return g, err
}

// TickStep ticks a step in the writer's transaction.
func (w *Writer) TickStep(goalID string, i int, done bool) (model.Goal, error) {
	cur, err := scanGoal(w.queryRow("SELECT "+goalColumns+" "+latestGoalVersion+" WHERE g.id = ?", goalID))
	if err != nil {
		return cur, fmt.Errorf("tick step: %w", notFound(err))
	}
	if !cur.CanTickSteps() {
		return cur, &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldSteps, Message: cur.TickRefusal()}}}
	}
	next, ok := cur.WithStep(i, done)
	if !ok {
		return cur, &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldSteps, Message: fmt.Sprintf("the goal has no step %d", i+1)}}}
	}
	next.At, next.Note = w.now, ""
	return w.SaveGoal(next)
}

// checkGoal validates a goal version and checks that the referrals it links
// are the client's own.
func (w *Writer) checkGoal(g model.Goal) error {
	if err := g.Validate(); err != nil {
		return err
	}
	if len(g.ReferralIDs) == 0 {
		return nil
	}
	var n int
	if err := w.queryRow(`SELECT count(*) FROM referrals WHERE client_id = ? AND id IN (SELECT value FROM json_each(?))`,
		g.ClientID, jsonList(g.ReferralIDs)).Scan(&n); err != nil {
		return fmt.Errorf("check goal referrals: %w", explain(err))
	}
	if n != len(g.ReferralIDs) {
		return &model.ValidationError{Fields: []model.FieldError{{Field: model.FieldReferrals, Message: "links a referral this client does not have"}}}
	}
	return nil
}

func (w *Writer) insertGoalVersion(g model.Goal) error {
	_, err := w.exec(`INSERT INTO goal_versions (goal_id, version, domain, words, steps, target_date, status,
		referral_ids, note, at, id, client_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		g.ID, g.Version, g.Domain, g.Words, encodeSteps(g.Steps), g.TargetDate.String(), g.Status,
		jsonList(g.ReferralIDs), g.Note, fmtTime(g.At), goalVersionID(g.ID, g.Version), g.ClientID)
	if err != nil {
		return fmt.Errorf("save goal: %w", explain(err))
	}
	return nil
}

// Goal returns a goal's current state: its latest version.
func (s *Store) Goal(ctx context.Context, id string) (model.Goal, error) {
	g, err := scanGoal(s.db.QueryRowContext(ctx, "SELECT "+goalColumns+" "+latestGoalVersion+" WHERE g.id = ?", id))
	if err != nil {
		return g, fmt.Errorf("read goal %s: %w", id, notFound(err))
	}
	return g, nil
}

// Goals returns the current state of each of a client's goals, in the order
// they were set.
func (s *Store) Goals(ctx context.Context, clientID string) ([]model.Goal, error) {
	return s.goals(ctx, "SELECT "+goalColumns+" "+latestGoalVersion+" WHERE g.client_id = ? ORDER BY g.created_at, g.id", clientID)
}

// GoalHistory returns every version of a goal, oldest first.
func (s *Store) GoalHistory(ctx context.Context, id string) ([]model.Goal, error) {
	return s.goals(ctx, "SELECT "+goalColumns+" FROM goals g JOIN goal_versions v ON v.goal_id = g.id WHERE g.id = ? ORDER BY v.version", id)
}

func (s *Store) goals(ctx context.Context, query, arg string) ([]model.Goal, error) {
	var out []model.Goal
	err := eachRow(ctx, s.db, query, arg, func(row scanner) error {
		g, err := scanGoal(row)
		out = append(out, g)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read goals: %w", explain(err))
	}
	return out, nil
}
