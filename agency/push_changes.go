package agency

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"caseload/model"
	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// serverRow is a changing record as the server holds it, while a batch is
// merged into it.
type serverRow struct {
	values  map[string]string
	state   model.RowState
	dirty   bool
	applied []store.OutboxEntry // operations to log once the row is saved
}

// pushChanges merges a batch's field operations on one table into the
// server's rows by the model's rules, logs every operation it received,
// and records the conflicts the rules find. It returns how many operations
// were filed as rejected and how many conflicts were recorded.
func pushChanges(ctx context.Context, tx pgx.Tx, t store.SyncTable, ops []store.OutboxEntry, serverNow time.Time) (int, int, error) {
	// A login that may not write these records at all (a supervisor's, for
	// clients) has every change filed, not the whole push refused; one that
	// may add but not change them (an officer, for the resource directory)
	// has its additions taken and its changes filed.
	var mayCreate, mayChange bool
	if err := tx.QueryRow(ctx, "SELECT has_table_privilege('caseload.'||$1, 'INSERT'), has_table_privilege('caseload.'||$1, 'UPDATE')",
		t.Name).Scan(&mayCreate, &mayChange); err != nil {
		return 0, 0, err
	}
	if !mayCreate && !mayChange {
		for _, e := range ops {
			if err := fileRejected(ctx, tx, t.Name, e.RowID, e.ClientID, "your login may not change these records", opContent(e)); err != nil {
				return 0, 0, err
			}
		}
		return len(ops), 0, nil
	}
	rows, err := lockRows(ctx, tx, t, ops, mayChange)
	if err != nil {
		return 0, 0, err
	}
	known, err := knownOps(ctx, tx, t, ops)
	if err != nil {
		return 0, 0, err
	}
	created, refused, err := createRows(ctx, tx, t, ops, rows, known, serverNow)
	if err != nil {
		return 0, 0, err
	}
	rejected, conflicts := 0, 0
	reject := func(e store.OutboxEntry, reason string) error {
		rejected++
		return fileRejected(ctx, tx, t.Name, e.RowID, e.ClientID, reason, opContent(e))
	}
	var order []string // rows in the order first touched, for a stable write order
	var logged []store.OutboxEntry
	for _, e := range ops {
		if err := checkLead(e, serverNow); err != nil {
			if err := reject(e, err.Error()); err != nil {
				return 0, 0, err
			}
			continue
		}
		if known[opKey(e)] {
			continue // a resend after a lost reply
		}
		row := rows[e.RowID]
		switch {
		case e.Op == store.OpCreate && row == nil:
			if !created[e.RowID] {
				if err := reject(e, refused[e.RowID]); err != nil {
					return 0, 0, err
				}
				continue
			}
			row = newServerRow(t, e)
			rows[e.RowID] = row
			row.applied = append(row.applied, e)
			order = append(order, e.RowID)
			continue
		case row == nil:
			if err := reject(e, "the record is not on your caseload on the server"); err != nil {
				return 0, 0, err
			}
			continue
		}
		if !mayChange {
			// An addition the server already holds as it is (the same Open
			// Referral resource imported on another laptop) is received;
			// anything else would change the record, which is not this
			// login's to do.
			if e.Op == store.OpCreate && sameAsHeld(t, row, e) {
				logged = append(logged, e)
				continue
			}
			if err := reject(e, "your login may not change these records: a supervisor keeps them"); err != nil {
				return 0, 0, err
			}
			continue
		}
		if len(row.applied) == 0 && !row.dirty {
			order = append(order, e.RowID)
		}
		for _, op := range fieldOps(t, e) {
			m := model.MergeOp(row.state, op, false)
			for _, c := range m.Conflicts {
				if t.IsQuiet(c.Field) {
					continue
				}
				conflicts++
				if err := recordConflict(ctx, tx, e.ClientID, c); err != nil {
					return 0, 0, err
				}
			}
			if !m.Apply {
				continue
			}
			row.dirty = true
			if op.Field == model.Tombstone {
				row.state.Deleted = op.At
				continue
			}
			row.values[op.Field] = op.Value
			row.state.Fields[op.Field] = model.FieldState{Value: op.Value, At: op.At}
		}
		row.applied = append(row.applied, e)
	}
	for _, id := range uniq(order) {
		row := rows[id]
		if row.dirty {
			ok, reason, err := saveRow(ctx, tx, t, id, row)
			if err != nil {
				return 0, 0, err
			}
			if !ok {
				for _, e := range row.applied {
					if err := reject(e, reason); err != nil {
						return 0, 0, err
					}
				}
				continue
			}
		}
		logged = append(logged, row.applied...)
	}
	if err := logOps(ctx, tx, logged); err != nil {
		return 0, 0, err
	}
	return rejected, conflicts, nil
}

// fieldOps turns an outbox entry into the model's operations: a creation
// that meets an existing row is each of its fields.
func fieldOps(t store.SyncTable, e store.OutboxEntry) []model.FieldOp {
	switch e.Op {
	case store.OpCreate:
		var fields map[string]string
		_ = json.Unmarshal([]byte(e.Value), &fields)
		var out []model.FieldOp
		for _, f := range t.Fields() {
			if v, ok := fields[f]; ok {
				out = append(out, model.FieldOp{Table: t.Name, Row: e.RowID, Field: f, Value: v, At: e.At})
			}
		}
		return out
	case store.OpDelete:
		return []model.FieldOp{{Table: t.Name, Row: e.RowID, Field: model.Tombstone, Value: "1", At: e.At, Base: e.Base}}
	}
	if !t.HasField(e.Field) {
		return nil
	}
	return []model.FieldOp{{Table: t.Name, Row: e.RowID, Field: e.Field, Value: e.Value, At: e.At, Base: e.Base}}
}

// lockRows reads, and locks for the rest of the transaction when the login
// may change them, the server's rows the operations name that the sender
// may see.
func lockRows(ctx context.Context, tx pgx.Tx, t store.SyncTable, ops []store.OutboxEntry, lock bool) (map[string]*serverRow, error) {
	var ids []string
	for _, e := range ops {
		ids = append(ids, e.RowID)
	}
	fields := t.Fields()
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = "coalesce(" + f + "::text, '')" // a NULL field merges as ""
	}
	q := `SELECT id::text, ` + strings.Join(cols, ", ") + `, clocks::text, deleted FROM caseload.` + t.Name +
		` WHERE id = ANY($1::uuid[]) ORDER BY id`
	if lock {
		q += " FOR UPDATE"
	}
	res, err := tx.Query(ctx, q, uniq(ids))
	if err != nil {
		return nil, err
	}
	defer res.Close()
	out := map[string]*serverRow{}
	for res.Next() {
		vals := make([]string, len(fields))
		var id, clocks, deleted string
		dest := []any{&id}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		dest = append(dest, &clocks, &deleted)
		if err := res.Scan(dest...); err != nil {
			return nil, err
		}
		row := &serverRow{values: map[string]string{}, state: model.RowState{Fields: map[string]model.FieldState{}}}
		stamps, err := parseClocks(clocks)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", t.Name, id, err)
		}
		for i, f := range fields {
			row.values[f] = vals[i]
			row.state.Fields[f] = model.FieldState{Value: vals[i], At: stamps[f]}
		}
		if row.state.Deleted, err = model.ParseHLC(deleted); err != nil {
			return nil, err
		}
		out[id] = row
	}
	return out, res.Err()
}

// knownOps finds which of the operations the server already holds.
//
// Each operation is looked up by its whole key: a match on row and stamp
// apart let the planner scan the log, a second for a batch of hearings.
func knownOps(ctx context.Context, tx pgx.Tx, t store.SyncTable, ops []store.OutboxEntry) (map[string]bool, error) {
	ids, fields, ats := make([]string, len(ops)), make([]string, len(ops)), make([]string, len(ops))
	for i, e := range ops {
		ids[i], fields[i], ats[i] = e.RowID, opField(e), e.At.String()
	}
	res, err := tx.Query(ctx, `SELECT o.row_id, o.field, o.at FROM unnest($2::text[], $3::text[], $4::text[]) AS k (r, f, a)
		JOIN caseload.field_ops o ON o.tbl = $1 AND o.row_id = k.r AND o.field = k.f AND o.at = k.a`, t.Name, ids, fields, ats)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	known := map[string]bool{}
	for res.Next() {
		var row, field, at string
		if err := res.Scan(&row, &field, &at); err != nil {
			return nil, err
		}
		known[row+"\x00"+field+"\x00"+at] = true
	}
	return known, res.Err()
}

// opKey names an operation as field_ops keys it.
func opKey(e store.OutboxEntry) string {
	return e.RowID + "\x00" + opField(e) + "\x00" + e.At.String()
}

// opField is the field an operation is logged under: a creation is field
// "", a delete the tombstone.
func opField(e store.OutboxEntry) string {
	switch e.Op {
	case store.OpSet:
		return e.Field
	case store.OpDelete:
		return model.Tombstone
	}
	return ""
}

// createRows inserts the records the batch creates, in one statement, and
// falls back to one by one when the server refuses the set (a case number
// already used), so that only the refused records are filed. It returns
// the ids created and, for the others, why not.
func createRows(ctx context.Context, tx pgx.Tx, t store.SyncTable, ops []store.OutboxEntry, existing map[string]*serverRow,
	known map[string]bool, serverNow time.Time) (map[string]bool, map[string]string, error) {
	var creates []store.OutboxEntry
	var bodies []map[string]any
	for _, e := range ops {
		if e.Op != store.OpCreate || existing[e.RowID] != nil || known[opKey(e)] || checkLead(e, serverNow) != nil {
			continue
		}
		body, err := createBody(t, e)
		if err != nil {
			continue // filed one by one below
		}
		creates = append(creates, e)
		bodies = append(bodies, body)
	}
	created, refused := map[string]bool{}, map[string]string{}
	if len(creates) == 0 {
		return created, refused, nil
	}
	payload, err := json.Marshal(bodies)
	if err != nil {
		return nil, nil, err
	}
	cols := strings.Join(t.Columns, ", ")
	sp, err := tx.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	res, err := sp.Query(ctx, `INSERT INTO caseload.`+t.Name+` (`+cols+`, clocks) SELECT `+cols+`, clocks
		FROM json_populate_recordset(null::caseload.`+t.Name+`, $1::json) ON CONFLICT (id) DO NOTHING RETURNING id::text`, string(payload))
	if err == nil {
		for res.Next() {
			var id string
			if err = res.Scan(&id); err != nil {
				break
			}
			created[id] = true
		}
		res.Close()
		if err == nil {
			err = res.Err()
		}
	}
	if err == nil {
		if err := sp.Commit(ctx); err != nil {
			return nil, nil, err
		}
		for _, e := range creates {
			if !created[e.RowID] {
				refused[e.RowID] = "the record is on the server under another officer"
			}
		}
		return created, refused, nil
	}
	if err := sp.Rollback(ctx); err != nil {
		return nil, nil, err
	}
	created = map[string]bool{}
	for _, e := range creates {
		ok, reason, err := createRow(ctx, tx, t, e)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			created[e.RowID] = true
		} else {
			refused[e.RowID] = reason
		}
	}
	return created, refused, nil
}

// createBody is a creation as the server's row: its fields, its id, and
// every field stamped with the creation's stamp.
func createBody(t store.SyncTable, e store.OutboxEntry) (map[string]any, error) {
	var body map[string]any
	if err := json.Unmarshal([]byte(e.Value), &body); err != nil {
		return nil, err
	}
	body["id"] = e.RowID
	for f, v := range body {
		if v == "" && t.IsNullable(f) {
			body[f] = nil
		}
	}
	clocks := map[string]string{}
	for _, f := range t.Fields() {
		clocks[f] = e.At.String()
	}
	body["clocks"] = clocks
	return body, nil
}

// createRow inserts a new record owned by the sender, every field stamped
// with the creation's stamp. ok is false, with the reason, when the server
// refuses it.
func createRow(ctx context.Context, tx pgx.Tx, t store.SyncTable, e store.OutboxEntry) (ok bool, reason string, err error) {
	body, err := createBody(t, e)
	if err != nil {
		return false, "the record is not readable: " + err.Error(), nil
	}
	values, _ := json.Marshal(body)
	cols := strings.Join(t.Columns, ", ")
	sp, err := tx.Begin(ctx)
	if err != nil {
		return false, "", err
	}
	tag, err := sp.Exec(ctx, `INSERT INTO caseload.`+t.Name+` (`+cols+`, clocks) SELECT `+cols+`, clocks
		FROM json_populate_record(null::caseload.`+t.Name+`, $1::json) ON CONFLICT (id) DO NOTHING`, string(values))
	if err != nil {
		if rbErr := sp.Rollback(ctx); rbErr != nil {
			return false, "", rbErr
		}
		if isUniqueViolation(err) {
			return false, "the case number is already used by another client on the server", nil
		}
		return false, "the server refused it: " + err.Error(), nil
	}
	if err := sp.Commit(ctx); err != nil {
		return false, "", err
	}
	if tag.RowsAffected() == 0 {
		return false, "the record is on the server under another officer", nil
	}
	return true, "", nil
}

// sameAsHeld tells a creation whose every field, but the time of the last
// edit, is what the server's row holds.
func sameAsHeld(t store.SyncTable, row *serverRow, e store.OutboxEntry) bool {
	var fields map[string]string
	if err := json.Unmarshal([]byte(e.Value), &fields); err != nil {
		return false
	}
	for _, f := range t.Fields() {
		if !t.IsQuiet(f) && fields[f] != row.values[f] {
			return false
		}
	}
	return true
}

func newServerRow(t store.SyncTable, e store.OutboxEntry) *serverRow {
	var body map[string]string
	_ = json.Unmarshal([]byte(e.Value), &body)
	row := &serverRow{values: map[string]string{}, state: model.RowState{Fields: map[string]model.FieldState{}}}
	for _, f := range t.Fields() {
		row.values[f] = body[f]
		row.state.Fields[f] = model.FieldState{Value: body[f], At: e.At}
	}
	return row
}

// saveRow writes a merged row back. ok is false, with the reason, when the
// server refuses the new values (a case number already used).
func saveRow(ctx context.Context, tx pgx.Tx, t store.SyncTable, id string, row *serverRow) (ok bool, reason string, err error) {
	fields := t.Fields()
	sets := make([]string, 0, len(fields)+2)
	args := make([]any, 0, len(fields)+3)
	for i, f := range fields {
		sets = append(sets, f+" = $"+strconv.Itoa(i+1))
		args = append(args, t.Stored(f, row.values[f]))
	}
	clocks := map[string]string{}
	for f, st := range row.state.Fields {
		clocks[f] = st.At.String()
	}
	stamps, _ := json.Marshal(clocks)
	n := len(args)
	sets = append(sets, fmt.Sprintf("clocks = $%d::jsonb", n+1), fmt.Sprintf("deleted = $%d", n+2))
	args = append(args, string(stamps), row.state.Deleted.String(), id)
	sp, err := tx.Begin(ctx)
	if err != nil {
		return false, "", err
	}
	_, err = sp.Exec(ctx, `UPDATE caseload.`+t.Name+` SET `+strings.Join(sets, ", ")+fmt.Sprintf(` WHERE id = $%d`, n+3), args...)
	if err != nil {
		if rbErr := sp.Rollback(ctx); rbErr != nil {
			return false, "", rbErr
		}
		if isUniqueViolation(err) {
			return false, "the case number is already used by another client on the server", nil
		}
		return false, "the server refused it: " + err.Error(), nil
	}
	return true, "", sp.Commit(ctx)
}

// logOps keeps every operation received, so a resend is recognised: one
// statement for the lot (a statement per operation cost a first push of
// 10,000 clients a round of the server's work for each of their fields).
func logOps(ctx context.Context, tx pgx.Tx, ops []store.OutboxEntry) error {
	if len(ops) == 0 {
		return nil
	}
	n := len(ops)
	tables, rows, fields, ats := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	bases, values, clients := make([]string, n), make([]string, n), make([]string, n)
	for i, e := range ops {
		tables[i], rows[i], fields[i], ats[i] = e.Table, e.RowID, opField(e), e.At.String()
		bases[i], values[i], clients[i] = e.Base.String(), e.Value, e.ClientID
	}
	_, err := tx.Exec(ctx, `INSERT INTO caseload.field_ops (tbl, row_id, field, at, base, value, client_id)
		SELECT t, r, f, a, b, v, nullif(c, '')::uuid FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
			$5::text[], $6::text[], $7::text[]) AS o (t, r, f, a, b, v, c)
		ON CONFLICT DO NOTHING`, tables, rows, fields, ats, bases, values, clients)
	if err != nil {
		return fmt.Errorf("log field operations: %w", err)
	}
	return nil
}

// recordConflict files a change lost to a concurrent one, for both
// officers to see.
func recordConflict(ctx context.Context, tx pgx.Tx, clientID string, c model.Conflict) error {
	var client any
	if clientID != "" {
		client = clientID
	}
	kept := c.Kept
	if c.Deleted {
		kept = "(deleted)"
	}
	_, err := tx.Exec(ctx, `INSERT INTO caseload.conflicts (client_id, tbl, row_id, field, kept_value, lost_value, kept_at, lost_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, client, c.Table, c.Row, c.Field, kept, c.Lost, c.KeptAt.String(), c.LostAt.String())
	if err != nil {
		return fmt.Errorf("record a conflict on %s %s: %w", c.Table, c.Row, err)
	}
	return nil
}

// parseClocks reads a row's per-field stamps.
func parseClocks(text string) (map[string]model.HLC, error) {
	var raw map[string]string
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, fmt.Errorf("field stamps %q: %w", text, err)
	}
	out := make(map[string]model.HLC, len(raw))
	for f, s := range raw {
		h, err := model.ParseHLC(s)
		if err != nil {
			return nil, err
		}
		out[f] = h
	}
	return out, nil
}

// uniq keeps the first of each string, in order.
func uniq(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
