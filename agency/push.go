package agency

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"caseload/model"
	"caseload/store"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pushed counts what one push did.
type pushed struct {
	entries, rejected, conflicts int
}

// push sends the outbox in batches, one server transaction each, and takes
// a batch off the outbox only after its COMMIT: a push cut off anywhere is
// repeated whole by the next sync, and the server recognises what it
// already holds. The next batch is read from the file while the server
// applies the last (overlap).
func push(ctx context.Context, conn *pgx.Conn, st *store.Store, batch int) (pushed, error) {
	var total pushed
	var after int64
	read := func(ctx context.Context) ([]store.OutboxEntry, bool, error) {
		entries, err := st.Outbox(ctx, after, batch)
		if err != nil || len(entries) == 0 {
			return nil, false, err
		}
		after = entries[len(entries)-1].Seq
		return entries, true, nil
	}
	send := func(ctx context.Context, entries []store.OutboxEntry) error {
		var got pushed
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			var err error
			got, err = pushBatch(ctx, tx, entries)
			return err
		})
		if err != nil {
			return fmt.Errorf("push: %w", err)
		}
		total.entries += got.entries
		total.rejected += got.rejected
		total.conflicts += got.conflicts
		return nil
	}
	taken := func(ctx context.Context, entries []store.OutboxEntry) error {
		seqs := make([]int64, len(entries))
		for i, e := range entries {
			seqs[i] = e.Seq
		}
		return st.MarkPushed(ctx, seqs)
	}
	err := overlap(ctx, read, send, taken)
	return total, err
}

// pushBatch applies one batch in the server transaction tx: the changing
// records first (a client before the records that name it), then history
// table by table in pull order (a check-in before its stage note).
func pushBatch(ctx context.Context, tx pgx.Tx, entries []store.OutboxEntry) (pushed, error) {
	got := pushed{entries: len(entries)}
	var serverNow time.Time
	if err := tx.QueryRow(ctx, "SELECT now()").Scan(&serverNow); err != nil {
		return got, err
	}
	history := map[string][]store.OutboxEntry{}
	var changes []store.OutboxEntry
	for _, e := range entries {
		if e.Op == store.OpInsert {
			history[e.Table] = append(history[e.Table], e)
		} else {
			changes = append(changes, e)
		}
	}
	for _, t := range store.SyncTables() {
		if !t.Changes {
			continue
		}
		var ops []store.OutboxEntry
		for _, e := range changes {
			if e.Table == t.Name {
				ops = append(ops, e)
			}
		}
		if len(ops) == 0 {
			continue
		}
		r, c, err := pushChanges(ctx, tx, t, ops, serverNow)
		if err != nil {
			return got, fmt.Errorf("%s: %w", t.Name, err)
		}
		got.rejected += r
		got.conflicts += c
	}
	for _, t := range store.SyncTables() {
		if t.Changes || len(history[t.Name]) == 0 {
			continue
		}
		r, err := pushHistory(ctx, tx, t, history[t.Name])
		if err != nil {
			return got, fmt.Errorf("%s: %w", t.Name, err)
		}
		got.rejected += r
	}
	return got, nil
}

// pushHistory inserts history records once: a record the server already
// holds is left alone when it is the same, and filed as rejected when it
// differs; a record for a client not on the sender's caseload is filed as
// rejected too. It returns how many were filed.
func pushHistory(ctx context.Context, tx pgx.Tx, t store.SyncTable, entries []store.OutboxEntry) (int, error) {
	rows := make([]map[string]any, len(entries))
	for i, e := range entries {
		rows[i] = e.Row
	}
	body, err := json.Marshal(rows)
	if err != nil {
		return 0, err
	}
	cols := strings.Join(t.Columns, ", ")
	table := "caseload." + t.Name
	incoming := "json_populate_recordset(null::" + table + ", $1::json)"
	type refusal struct{ id, client, content, reason string }
	owned := "EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = i." + t.ClientColumn + " AND c.owner = current_user)"
	notOwned := "the client is not on your caseload on the server"
	if t.Supervisors {
		// A supervisor writes for any client of the team: those the
		// server lets them read.
		owned = "EXISTS (SELECT 1 FROM caseload.clients c WHERE c.id = i." + t.ClientColumn + ")"
		notOwned = "the client is not on your team on the server"
	}
	insert := `INSERT INTO ` + table + ` (` + cols + `) SELECT ` + cols + ` FROM json_populate_recordset(null::` + table +
		`, $1::json) i WHERE ` + owned + ` ON CONFLICT (id) DO NOTHING`
	inserted, failed, err := insertOrSift(ctx, tx, insert, string(body), rows)
	if err != nil {
		return 0, err
	}
	var refusals []refusal
	if inserted+len(failed) < len(rows) {
		// Some rows were neither taken nor refused by the server itself:
		// the server holds them already (the same, after a lost reply, or
		// not: filed), or their client is not the sender's (filed). Asked
		// only then, since a first push has every row taken and the
		// question costs the server another pass over the batch.
		same := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			same[i] = "t." + c + " IS NOT DISTINCT FROM i." + c
		}
		refused, err := tx.Query(ctx, `SELECT i.id::text, i.`+t.ClientColumn+`::text, row_to_json(i)::text,
				CASE WHEN t.id IS NULL THEN $2
				     ELSE 'differs from the record the server already holds' END
			FROM `+incoming+` i LEFT JOIN `+table+` t ON t.id = i.id
			WHERE (t.id IS NULL AND NOT `+owned+`) OR (t.id IS NOT NULL AND NOT (`+strings.Join(same, " AND ")+`))`, string(body), notOwned)
		if err != nil {
			return 0, err
		}
		for refused.Next() {
			var r refusal
			if err := refused.Scan(&r.id, &r.client, &r.content, &r.reason); err != nil {
				refused.Close()
				return 0, err
			}
			refusals = append(refusals, r)
		}
		refused.Close()
		if err := refused.Err(); err != nil {
			return 0, err
		}
	}
	for _, f := range failed {
		id, _ := f.row["id"].(string)
		client, _ := f.row[t.ClientColumn].(string)
		content, _ := json.Marshal(f.row)
		refusals = append(refusals, refusal{id: id, client: client, content: string(content), reason: "the server refused it: " + f.reason})
	}
	for _, r := range refusals {
		if err := fileRejected(ctx, tx, t.Name, r.id, r.client, r.reason, r.content); err != nil {
			return 0, err
		}
	}
	return len(refusals), nil
}

// siftedRow is a record the server refused on its own.
type siftedRow struct {
	row    map[string]any
	reason string
}

// insertOrSift runs insert (whose $1 is a JSON array of records) for the
// whole batch; when the server refuses it (a constraint one record breaks),
// it inserts record by record instead and returns the ones refused, so one
// bad record never holds back the others. inserted counts the records the
// server took.
func insertOrSift(ctx context.Context, tx pgx.Tx, insert, body string, rows []map[string]any) (inserted int, failed []siftedRow, err error) {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return 0, nil, err
	}
	if tag, err := sp.Exec(ctx, insert, body); err == nil {
		return int(tag.RowsAffected()), nil, sp.Commit(ctx)
	}
	if err := sp.Rollback(ctx); err != nil {
		return 0, nil, err
	}
	for _, row := range rows {
		one, err := json.Marshal([]map[string]any{row})
		if err != nil {
			return 0, nil, err
		}
		sp, err := tx.Begin(ctx)
		if err != nil {
			return 0, nil, err
		}
		tag, err := sp.Exec(ctx, insert, string(one))
		if err != nil {
			if rbErr := sp.Rollback(ctx); rbErr != nil {
				return 0, nil, rbErr
			}
			failed = append(failed, siftedRow{row: row, reason: serverMessage(err)})
			continue
		}
		if err := sp.Commit(ctx); err != nil {
			return 0, nil, err
		}
		inserted += int(tag.RowsAffected())
	}
	return inserted, failed, nil
}

// serverMessage is what the server said, without the protocol's codes.
func serverMessage(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Message
	}
	return err.Error()
}

// fileRejected keeps a pushed change the server would not apply, for a
// supervisor to review; a resend is filed once.
func fileRejected(ctx context.Context, tx pgx.Tx, table, rowID, clientID, reason, content string) error {
	var client any
	if clientID != "" {
		client = clientID
	}
	_, err := tx.Exec(ctx, `INSERT INTO caseload.rejected (tbl, row_id, client_id, reason, content)
		VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (tbl, row_id, pushed_by, md5(content::text)) DO NOTHING`,
		table, rowID, client, reason, content)
	if err != nil {
		return fmt.Errorf("file rejected %s %s: %w", table, rowID, err)
	}
	return nil
}

// isUniqueViolation tells an insert or update refused by a unique index
// (a case number already used on the server).
func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}

// opContent is a field operation as filed when rejected.
func opContent(e store.OutboxEntry) string {
	b, _ := json.Marshal(map[string]string{"op": e.Op, "field": e.Field, "value": e.Value, "at": e.At.String(), "base": e.Base.String()})
	return string(b)
}

// checkLead refuses an operation stamped far past the server's clock.
func checkLead(e store.OutboxEntry, serverNow time.Time) error {
	return model.CheckLead(e.At, serverNow)
}
