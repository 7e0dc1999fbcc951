package model

import (
	"sort"
	"time"
)

// StageNote records the stage of change the officer observed. A check-in may
// carry one (CheckInID set); a note may also stand alone.
type StageNote struct {
	ID        string
	ClientID  string
	CheckInID string
	At        time.Time
	Stage     Stage
	Note      string
	Sensitive bool
	CreatedAt time.Time
}

// Validate checks the note as of now.
func (n StageNote) Validate(now time.Time) error {
	var p problems
	if n.ClientID == "" {
		p.add("client", "required")
	}
	if n.At.IsZero() {
		p.add(FieldAt, "required")
	} else if n.At.After(now.Add(maxFuture)) {
		p.add(FieldAt, "is in the future")
	}
	if !n.Stage.Valid() {
		p.add(FieldStage, "choose a stage of change")
	}
	checkText(&p, FieldNote, n.Note, false, maxNote)
	return p.err()
}

// CurrentStage is the stage of the latest note by time ("" with no notes).
// Notes at the same instant are ordered by id, which is time-ordered, so the
// one recorded last wins.
func CurrentStage(history []StageNote) (Stage, time.Time) {
	var best *StageNote
	for i := range history {
		n := &history[i]
		if best == nil || n.At.After(best.At) || (n.At.Equal(best.At) && n.ID > best.ID) {
			best = n
		}
	}
	if best == nil {
		return "", time.Time{}
	}
	return best.Stage, best.At
}

// StageSince is when the client came to the stage they are in now: the last
// change, not the last note, since noting the same stage again at a check-in
// changes nothing. The zero time when there is no history.
func StageSince(history []StageNote) time.Time {
	changes := StageChanges(history)
	if len(changes) == 0 {
		return time.Time{}
	}
	return changes[len(changes)-1].At
}

// StageChange is a move from one stage to another.
type StageChange struct {
	At       time.Time
	From, To Stage
	Back     bool // a move backwards along the path of change
}

// StageChanges returns the changes in a history, oldest first: each note whose
// stage differs from the one before it. The first note is a change from "".
func StageChanges(history []StageNote) []StageChange {
	notes := append([]StageNote(nil), history...)
	sort.SliceStable(notes, func(i, j int) bool {
		if notes[i].At.Equal(notes[j].At) {
			return notes[i].ID < notes[j].ID
		}
		return notes[i].At.Before(notes[j].At)
	})
	var out []StageChange
	var prev Stage
	for _, n := range notes {
		if n.Stage == prev {
			continue
		}
		out = append(out, StageChange{At: n.At, From: prev, To: n.Stage, Back: MovedBack(prev, n.Stage)})
		prev = n.Stage
	}
	return out
}
