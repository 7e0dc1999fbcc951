package model

import (
	"reflect"
	"testing"
	"time"
)

// at is a clock reading for a table of cases.
func at(wall int64, laptop string) HLC { return HLC{Wall: wall, Laptop: laptop} }

func TestMergeOp(t *testing.T) {
	phone := func(v string, h HLC) RowState {
		return RowState{Fields: map[string]FieldState{"phone": {Value: v, At: h}}}
	}
	tests := []struct {
		name          string
		row           RowState
		op            FieldOp
		known         bool
		wantApply     bool
		wantConflicts []Conflict
	}{
		{
			name:      "first write of a field",
			op:        FieldOp{Field: "phone", Value: "555", At: at(10, "a")},
			wantApply: true,
		},
		{
			name:      "a later change that saw the current value",
			row:       phone("555", at(10, "a")),
			op:        FieldOp{Field: "phone", Value: "556", At: at(20, "b"), Base: at(10, "a")},
			wantApply: true,
		},
		{
			name:  "an operation the server already holds",
			row:   phone("556", at(20, "b")),
			op:    FieldOp{Field: "phone", Value: "555", At: at(10, "a")},
			known: true,
		},
		{
			name:          "a later concurrent change wins and records the loser",
			row:           phone("X", at(10, "a")),
			op:            FieldOp{Table: "clients", Row: "c1", Field: "phone", Value: "Y", At: at(20, "b")},
			wantApply:     true,
			wantConflicts: []Conflict{{Table: "clients", Row: "c1", Field: "phone", Kept: "Y", Lost: "X", KeptAt: at(20, "b"), LostAt: at(10, "a")}},
		},
		{
			name:          "an earlier change new to the server loses and is recorded",
			row:           phone("Y", at(20, "b")),
			op:            FieldOp{Table: "clients", Row: "c1", Field: "phone", Value: "X", At: at(10, "a")},
			wantConflicts: []Conflict{{Table: "clients", Row: "c1", Field: "phone", Kept: "Y", Lost: "X", KeptAt: at(20, "b"), LostAt: at(10, "a")}},
		},
		{
			name:      "concurrent changes to the same value are no conflict",
			row:       phone("X", at(10, "a")),
			op:        FieldOp{Field: "phone", Value: "X", At: at(20, "b")},
			wantApply: true,
		},
		{
			name:          "a tie in wall time and counter breaks by laptop id",
			row:           phone("X", at(10, "a")),
			op:            FieldOp{Field: "phone", Value: "Y", At: at(10, "b")},
			wantApply:     true,
			wantConflicts: []Conflict{{Field: "phone", Kept: "Y", Lost: "X", KeptAt: at(10, "b"), LostAt: at(10, "a")}},
		},
		{
			name:          "a tombstone beats a later concurrent change",
			row:           RowState{Deleted: at(15, "a")},
			op:            FieldOp{Table: "resources", Row: "r1", Field: "phone", Value: "Y", At: at(20, "b")},
			wantConflicts: []Conflict{{Table: "resources", Row: "r1", Field: "phone", Lost: "Y", KeptAt: at(15, "a"), LostAt: at(20, "b"), Deleted: true}},
		},
		{
			name: "a delete records the changes its laptop had not seen",
			row: RowState{Fields: map[string]FieldState{
				"name":  {Value: "Harbor House", At: at(5, "a")},
				"phone": {Value: "Y", At: at(30, "b")},
			}},
			op:            FieldOp{Table: "resources", Row: "r1", Field: Tombstone, Value: "1", At: at(10, "a"), Base: at(5, "a")},
			wantApply:     true,
			wantConflicts: []Conflict{{Table: "resources", Row: "r1", Field: "phone", Lost: "Y", KeptAt: at(10, "a"), LostAt: at(30, "b"), Deleted: true}},
		},
		{
			name: "a second delete changes nothing",
			row:  RowState{Deleted: at(10, "a")},
			op:   FieldOp{Field: Tombstone, Value: "1", At: at(20, "b")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergeOp(tt.row, tt.op, tt.known)
			if got.Apply != tt.wantApply {
				t.Errorf("apply = %v, want %v", got.Apply, tt.wantApply)
			}
			if !reflect.DeepEqual(got.Conflicts, tt.wantConflicts) {
				t.Errorf("conflicts = %+v, want %+v", got.Conflicts, tt.wantConflicts)
			}
		})
	}
}

func TestLaterKeepsTheLaterStamp(t *testing.T) {
	local := FieldState{Value: "mine", At: at(20, "a")}
	pulled := FieldState{Value: "theirs", At: at(10, "b")}
	if got := Later(local, pulled); got != local {
		t.Errorf("got %v, want the local change made later", got)
	}
	if got := Later(pulled, local); got != local {
		t.Errorf("got %v, want the later change whichever side holds it", got)
	}
}

func TestConflictSaysWhatChanged(t *testing.T) {
	c := Conflict{Field: "phone", Kept: "555-0101", Lost: "555-0199"}
	if got, want := c.String(), `changed on another laptop: phone was "555-0199", now "555-0101"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	d := Conflict{Field: "phone", Lost: "555-0199", Deleted: true}
	if got, want := d.String(), `deleted on another laptop: the change of phone to "555-0199" was not kept`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	e := Conflict{Table: "court_events", Field: "outcome_note", Kept: "continued", Lost: "revoked"}
	if got, want := e.String(), `changed on another laptop: a hearing's outcome note was "revoked", now "continued"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// replica is the server's copy of a set of records, merged by the model's
// rules.
type replica struct {
	rows      map[string]*RowState
	known     map[string]bool
	conflicts []Conflict
}

func newReplica() *replica { return &replica{rows: map[string]*RowState{}, known: map[string]bool{}} }

func (r *replica) apply(op FieldOp) {
	row := r.rows[op.Row]
	if row == nil {
		row = &RowState{Fields: map[string]FieldState{}}
		r.rows[op.Row] = row
	}
	key := op.Row + "/" + op.Field + "/" + op.At.String()
	m := MergeOp(*row, op, r.known[key])
	r.known[key] = true
	r.conflicts = append(r.conflicts, m.Conflicts...)
	if !m.Apply {
		return
	}
	if op.Field == Tombstone {
		row.Deleted = op.At
		return
	}
	row.Fields[op.Field] = FieldState{Value: op.Value, At: op.At}
}

// visible is what an officer sees: the fields of living records, and which
// records were deleted.
func (r *replica) visible() map[string]string {
	out := map[string]string{}
	for id, row := range r.rows {
		if !row.Deleted.IsZero() {
			out[id] = "deleted"
			continue
		}
		for f, st := range row.Fields {
			out[id+"/"+f] = st.Value
		}
	}
	return out
}

func (r *replica) lost() map[string]bool {
	out := map[string]bool{}
	for _, c := range r.conflicts {
		out[c.Row+"/"+c.Field+"="+c.Lost] = true
	}
	return out
}

func TestReplicasConvergeWhateverOrderTheOperationsArrive(t *testing.T) {
	// Two officers edit the same client offline: different fields and the
	// same field; a third laptop, an hour slow, pulled B's change before
	// making its own; a resource is deleted on one laptop while another
	// edits it.
	a, b := NewClock("laptop-a", HLC{}), NewClock("laptop-b", HLC{})
	slow := NewClock("laptop-slow", HLC{})
	now := clockBase
	opA1 := FieldOp{Table: "clients", Row: "c1", Field: "phone", Value: "555-0101", At: a.Now(now)}
	opB1 := FieldOp{Table: "clients", Row: "c1", Field: "phone", Value: "555-0199", At: b.Now(now.Add(time.Minute))}
	opB2 := FieldOp{Table: "clients", Row: "c1", Field: "address", Value: "1 Main St", At: b.Now(now.Add(2 * time.Minute))}
	if err := slow.Observe(opB1.At, now.Add(-time.Hour+3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	opSlow := FieldOp{Table: "clients", Row: "c1", Field: "phone", Value: "555-0123", At: slow.Now(now.Add(-time.Hour + 4*time.Minute)), Base: opB1.At}
	opName := FieldOp{Table: "resources", Row: "r1", Field: "name", Value: "Harbor House", At: a.Now(now.Add(4 * time.Minute))}
	opDel := FieldOp{Table: "resources", Row: "r1", Field: Tombstone, Value: "1", At: a.Now(now.Add(5 * time.Minute)), Base: opName.At}
	opEdit := FieldOp{Table: "resources", Row: "r1", Field: "hours", Value: "9-5", At: b.Now(now.Add(6 * time.Minute)), Base: opName.At}
	ops := []FieldOp{opA1, opB1, opB2, opSlow, opName, opDel, opEdit}

	// Orders the server could see: the slow laptop's change only after
	// B's (it pulled it), the resource's creation before both its delete
	// and its edit.
	orders := [][]int{{0, 1, 2, 3, 4, 5, 6}, {4, 6, 5, 2, 1, 3, 0}, {1, 3, 4, 5, 6, 0, 2}, {1, 0, 3, 2, 4, 6, 5}}
	var first *replica
	for _, order := range orders {
		r := newReplica()
		for _, i := range order {
			r.apply(ops[i])
		}
		// Resends change nothing and record nothing.
		before := len(r.conflicts)
		for _, i := range order {
			r.apply(ops[i])
		}
		if len(r.conflicts) != before {
			t.Errorf("order %v: resends recorded %d more conflicts", order, len(r.conflicts)-before)
		}
		if first == nil {
			first = r
			continue
		}
		if !reflect.DeepEqual(r.visible(), first.visible()) {
			t.Errorf("order %v ends with %v, order %v with %v", order, r.visible(), orders[0], first.visible())
		}
		if !reflect.DeepEqual(r.lost(), first.lost()) {
			t.Errorf("order %v records lost changes %v, order %v %v", order, r.lost(), orders[0], first.lost())
		}
	}
	got := first.visible()
	// The slow laptop's change came after it saw B's, so it wins although
	// its wall clock read an hour earlier.
	if got["c1/phone"] != "555-0123" {
		t.Errorf("phone = %q, want the slow laptop's later change", got["c1/phone"])
	}
	if got["c1/address"] != "1 Main St" {
		t.Errorf("address = %q: a change to another field was lost", got["c1/address"])
	}
	if got["r1"] != "deleted" {
		t.Errorf("the deleted resource came back: %v", got)
	}
	// A's phone number and B's resource hours were lost to concurrent
	// changes: both recorded, in every order.
	wantLost := map[string]bool{"c1/phone=555-0101": true, "r1/hours=9-5": true}
	if !reflect.DeepEqual(first.lost(), wantLost) {
		t.Errorf("lost changes = %v, want %v", first.lost(), wantLost)
	}
}

func TestASlowLaptopOfflineLosesToALaterWallClockAndSaysSo(t *testing.T) {
	// Offline, the slow laptop never saw the other change: its own, made
	// later in real time but stamped an hour earlier, is concurrent and
	// loses; the loss is recorded, not silent.
	fast, slow := NewClock("fast", HLC{}), NewClock("slow", HLC{})
	opFast := FieldOp{Row: "c1", Field: "level", Value: "high", At: fast.Now(clockBase)}
	opSlow := FieldOp{Row: "c1", Field: "level", Value: "low", At: slow.Now(clockBase.Add(-time.Hour + time.Minute))}
	r := newReplica()
	r.apply(opSlow)
	r.apply(opFast)
	if got := r.visible()["c1/level"]; got != "high" {
		t.Errorf("level = %q, want the change with the later stamp", got)
	}
	if !r.lost()["c1/level=low"] {
		t.Errorf("conflicts = %v, want the slow laptop's change recorded", r.conflicts)
	}
}

func TestChangedFieldsListsOnlyWhatDiffers(t *testing.T) {
	before := map[string]string{"name": "Ana", "phone": "1", "tags": "[]"}
	after := map[string]string{"name": "Ana", "phone": "2", "tags": `["x"]`, "address": ""}
	got := ChangedFields(before, after)
	want := []string{"address", "phone", "tags"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
