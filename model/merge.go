package model

import (
	"fmt"
	"sort"
	"strings"
)

// The rules of agency sync for records that change (a client's details, a
// resource, an agency setting), borrowed from per-field last-writer-wins
// replication. Every change travels through the agency's server, so a
// change the server has not yet received cannot have been seen by anyone
// else: the server is where these rules are applied and conflicts found.
//
//   - A change is recorded as field operations: the new value of one field,
//     stamped with the laptop's clock, and the stamp of the value it
//     replaced as the laptop knew it (its base).
//   - A field takes an operation only when the operation's stamp is later
//     than the field's; stamps are totally ordered (wall time, counter,
//     laptop id), so every copy ends with the same value whatever order
//     the operations arrive in. Two laptops that changed different fields
//     keep both changes. An operation the server already holds (a resend
//     after a lost reply) changes nothing.
//   - Two laptops that changed the same field without seeing each other's
//     change conflict: the later one is kept and the other is recorded as
//     a conflict both officers see ("changed on another laptop: phone was
//     X, now Y"), never dropped silently.
//   - A delete is a tombstone that beats every concurrent change: a change
//     that arrives for a deleted record is not applied, and a change the
//     deleting laptop had not seen is recorded as a conflict, whichever
//     arrives first. A delete's base is the latest stamp its laptop had
//     seen on the record.

// Tombstone is the field an operation names to delete its record.
const Tombstone = "deleted"

// FieldOp is one change to one field of a record, as a laptop made it.
type FieldOp struct {
	Table string
	Row   string
	Field string
	Value string
	// At is the laptop's clock when the change was made.
	At HLC
	// Base is the stamp of the value the change replaced, as the laptop saw
	// it; zero when the laptop had never seen the field written.
	Base HLC
}

// FieldState is what a copy holds of one field: its value and the stamp of
// the write that set it.
type FieldState struct {
	Value string
	At    HLC
}

// RowState is what a copy holds of one record that changes.
type RowState struct {
	Fields  map[string]FieldState
	Deleted HLC // the tombstone's stamp; zero while the record lives
}

// Conflict is a change that lost to a concurrent one made on another
// laptop: kept for both officers to see.
type Conflict struct {
	Table   string
	Row     string
	Field   string
	Kept    string
	Lost    string
	KeptAt  HLC
	LostAt  HLC
	Deleted bool // the record was deleted; Lost is the change not kept
}

// String says what happened in an officer's words.
func (c Conflict) String() string {
	what := conflictRecord[c.Table] + strings.ReplaceAll(c.Field, "_", " ")
	if c.Deleted {
		return fmt.Sprintf("deleted on another laptop: the change of %s to %q was not kept", what, c.Lost)
	}
	return fmt.Sprintf("changed on another laptop: %s was %q, now %q", what, c.Lost, c.Kept)
}

// conflictRecord names, before a field, the kind of record it belongs to;
// a client's own fields need no name.
var conflictRecord = map[string]string{
	"conditions": "a condition's ", "court_events": "a hearing's ", "employment": "a job's ", "custody": "a custody's ",
}

// Merge is the decision for one operation against one record.
type Merge struct {
	// Apply: the operation's value becomes the field's (for a tombstone:
	// the record is deleted).
	Apply bool
	// Conflicts are the changes lost to a concurrent one.
	Conflicts []Conflict
}

// MergeOp decides what an operation does to a record. known tells an
// operation the server already holds.
func MergeOp(row RowState, op FieldOp, known bool) Merge {
	if known {
		return Merge{}
	}
	if op.Field == Tombstone {
		if !row.Deleted.IsZero() {
			return Merge{}
		}
		m := Merge{Apply: true}
		for _, f := range sortedFields(row.Fields) {
			cur := row.Fields[f]
			if cur.At.After(op.Base) {
				m.Conflicts = append(m.Conflicts, Conflict{Table: op.Table, Row: op.Row, Field: f, Lost: cur.Value,
					KeptAt: op.At, LostAt: cur.At, Deleted: true})
			}
		}
		return m
	}
	if !row.Deleted.IsZero() {
		return Merge{Conflicts: []Conflict{{Table: op.Table, Row: op.Row, Field: op.Field, Lost: op.Value,
			KeptAt: row.Deleted, LostAt: op.At, Deleted: true}}}
	}
	cur := row.Fields[op.Field]
	if op.At.After(cur.At) {
		m := Merge{Apply: true}
		// Its author had not seen the field's value, which it replaces.
		if !cur.At.IsZero() && op.Base != cur.At && op.Value != cur.Value {
			m.Conflicts = []Conflict{{Table: op.Table, Row: op.Row, Field: op.Field, Kept: op.Value, Lost: cur.Value, KeptAt: op.At, LostAt: cur.At}}
		}
		return m
	}
	// Older than the field's value and new to the server: nobody else can
	// have seen it, so it lost to a concurrent change.
	if op.Value != cur.Value {
		return Merge{Conflicts: []Conflict{{Table: op.Table, Row: op.Row, Field: op.Field, Kept: cur.Value, Lost: op.Value, KeptAt: cur.At, LostAt: op.At}}}
	}
	return Merge{}
}

// Later is the field state a copy keeps when it holds a and is sent b: the
// one with the later stamp.
func Later(a, b FieldState) FieldState {
	if b.At.After(a.At) {
		return b
	}
	return a
}

func sortedFields(fields map[string]FieldState) []string {
	out := make([]string, 0, len(fields))
	for f := range fields {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// ChangedFields lists, in name order, the fields whose values differ
// between before and after: the operations an edit records.
func ChangedFields(before, after map[string]string) []string {
	var out []string
	for f, v := range after {
		if old, ok := before[f]; !ok || old != v {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}
