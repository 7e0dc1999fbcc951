package model

import "time"

// SupervisorNote is a supervisor's word on one of the team's clients: a
// direction, a question, a note after a case review. It is written in the
// supervisor's file, the one thing besides the resource directory and a
// transfer that file may add, and reaches the officer's laptop with the
// next sync, where it stays in the client's log. Like the rest of the
// record it is never changed once written.
type SupervisorNote struct {
	ID       string
	ClientID string
	At       time.Time
	// By is the supervisor, as their file names them.
	By        string
	Note      string
	CreatedAt time.Time
}

// FieldBy names the author of a supervisor note in validation errors.
const FieldBy = "by"

// Validate checks a supervisor note as of now.
func (n SupervisorNote) Validate(now time.Time) error {
	var p problems
	if n.ClientID == "" {
		p.add("client", "required")
	}
	if n.At.IsZero() {
		p.add(FieldAt, "required")
	} else if n.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	checkText(&p, FieldBy, n.By, true, 200)
	checkText(&p, FieldNote, n.Note, true, maxNote)
	return p.err()
}
