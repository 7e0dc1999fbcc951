package agency

import (
	"context"
	"fmt"
	"strings"

	"caseload/model"
	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// zeroUUID is the row id below every other, for a table never pulled.
const zeroUUID = "00000000-0000-0000-0000-000000000000"

// beforeAll is the position below every row.
var beforeAll = store.Cursor{TxID: "0", RowID: zeroUUID}

// readFrom is where reading starts after a stored cursor: below every row
// when nothing was pulled yet.
func readFrom(c store.Cursor) store.Cursor {
	if c.TxID == "" {
		return beforeAll
	}
	return c
}

// horizon is the oldest transaction still running on the server: every
// transaction below it has committed or rolled back, so rows stamped below
// it can be pulled without skipping one that commits later.
func horizon(ctx context.Context, conn *pgx.Conn) (string, error) {
	var h string
	if err := conn.QueryRow(ctx, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text").Scan(&h); err != nil {
		return "", fmt.Errorf("read the server's oldest running transaction: %w", err)
	}
	return h, nil
}

// pull brings every table up to the horizon, page by page, each page
// applied with its cursor in one transaction on the laptop.
func pull(ctx context.Context, conn *pgx.Conn, st *store.Store, page int) (int, error) {
	h, err := horizon(ctx, conn)
	if err != nil {
		return 0, err
	}
	changed, err := changedFeeds(ctx, conn, st, h)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, t := range store.SyncTables() {
		if !changed[t.Name] {
			continue
		}
		n, err := pullTable(ctx, conn, st, t, h, page)
		if err != nil {
			return total, fmt.Errorf("pull %s: %w", t.Name, err)
		}
		total += n
	}
	if changed["conflicts"] {
		n, err := pullConflicts(ctx, conn, st, h, page)
		if err != nil {
			return total, fmt.Errorf("pull conflicts: %w", err)
		}
		total += n
	}
	if changed["access_changes"] {
		n, err := pullAccessChanges(ctx, conn, st, h, page)
		if err != nil {
			return total, fmt.Errorf("pull transfers: %w", err)
		}
		total += n
	}
	// Each client the pull touched is summed up once, now that all of
	// its records are in.
	if _, err := st.RefreshStale(ctx); err != nil {
		return total, err
	}
	return total, nil
}

// feed is one stream the pull follows by (txid, id): a synced table, the
// conflicts or the access changes. History streams are read only below the
// horizon; records that change are read whatever their transaction.
type feed struct {
	name    string
	changes bool
}

// feeds lists every stream a pull follows, in the order it is applied.
func feeds() []feed {
	var fs []feed
	for _, t := range store.SyncTables() {
		fs = append(fs, feed{t.Name, t.Changes})
	}
	return append(fs, feed{"conflicts", false}, feed{"access_changes", false})
}

// changedFeeds asks the server, in one round trip, which streams hold rows
// this laptop has not pulled: an everyday sync finds most of them
// unchanged, and reading an empty page of each cost a round trip apiece.
func changedFeeds(ctx context.Context, conn *pgx.Conn, st *store.Store, h string) (map[string]bool, error) {
	var parts []string
	args := []any{h}
	for _, f := range feeds() {
		stored, err := st.PullCursor(ctx, f.name)
		if err != nil {
			return nil, err
		}
		cursor := readFrom(stored)
		bound := ""
		if !f.changes {
			bound = " AND txid < $1::xid8"
		}
		n := len(args)
		parts = append(parts, fmt.Sprintf(`SELECT '%s' WHERE EXISTS (SELECT 1 FROM caseload.%s WHERE (txid, id) > ($%d::xid8, $%d::uuid)%s)`,
			f.name, f.name, n+1, n+2, bound))
		args = append(args, cursor.TxID, cursor.RowID)
	}
	rows, err := conn.Query(ctx, strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, fmt.Errorf("ask which records are new: %w", err)
	}
	defer rows.Close()
	changed := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		changed[name] = true
	}
	return changed, rows.Err()
}

// pullTable pulls one table's rows above the laptop's cursor, the next
// page read from the server while the last is applied (overlap).
//
// History is pulled only below the horizon. Records that change are pulled
// whatever their transaction (a check-in below the horizon may belong to a
// client whose row was rewritten above it, and the client must arrive
// first); the cursor still moves only as far as the last row below the
// horizon, so a row above it is pulled again next time, which the per-field
// merge makes harmless.
func pullTable(ctx context.Context, conn *pgx.Conn, st *store.Store, t store.SyncTable, h string, page int) (int, error) {
	cursor, err := st.PullCursor(ctx, t.Name)
	if err != nil {
		return 0, err
	}
	after := readFrom(cursor)
	bound := ""
	if !t.Changes {
		bound = " AND txid < $3::xid8"
	}
	q := pageQuery(t, bound)
	type pulledPage struct {
		rows []store.PulledRow
		next store.Cursor // the cursor stored with the page
	}
	ended := false
	read := func(ctx context.Context) (pulledPage, bool, error) {
		if ended {
			return pulledPage{}, false, nil
		}
		rows, last, below, err := readPage(ctx, conn, t, q, after, h, page)
		if err != nil || len(rows) == 0 {
			return pulledPage{}, false, err
		}
		if below != (store.Cursor{}) {
			cursor = below
		}
		after, ended = last, len(rows) < page
		return pulledPage{rows: rows, next: cursor}, true, nil
	}
	total := 0
	apply := func(ctx context.Context, p pulledPage) error {
		n, err := st.ApplyPulled(ctx, t, p.rows, p.next)
		total += n
		return err
	}
	err = overlap(ctx, read, apply, nil)
	return total, err
}

// pageQuery reads a page of t above ($1, $2) in (txid, id) order, $4 rows
// long, telling for each row whether it is below the horizon $3; extra
// conditions follow in where.
func pageQuery(t store.SyncTable, where string) string {
	var selects []string
	for _, c := range append(append([]string(nil), t.Columns...), t.Server...) {
		selects = append(selects, c+"::text")
	}
	if t.Changes {
		selects = append(selects, "clocks::text")
	} else {
		selects = append(selects, "''")
	}
	// Ordered by the table's own columns, named with the table: a bare
	// "txid" would name the text the list selects, and a page in text
	// order ("1000" before "999") would move the cursor past rows not yet
	// read.
	return `SELECT ` + strings.Join(selects, ", ") + `, txid::text, txid < $3::xid8 FROM caseload.` + t.Name + ` r` +
		` WHERE (txid, id) > ($1::xid8, $2::uuid)` + where + ` ORDER BY r.txid, r.id LIMIT $4`
}

// readPage reads one page; last is the position of its last row, below the
// position of its last row under the horizon.
func readPage(ctx context.Context, conn *pgx.Conn, t store.SyncTable, q string, after store.Cursor, h string, page int, more ...any) (rows []store.PulledRow, last, below store.Cursor, err error) {
	res, err := conn.Query(ctx, q, append([]any{after.TxID, after.RowID, h, page}, more...)...)
	if err != nil {
		return nil, last, below, err
	}
	defer res.Close()
	for res.Next() {
		vals := make([]*string, len(t.Columns)+len(t.Server))
		dest := make([]any, 0, len(vals)+3)
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		var clocks, txid string
		var isBelow bool
		dest = append(dest, &clocks, &txid, &isBelow)
		if err := res.Scan(dest...); err != nil {
			return nil, last, below, err
		}
		row := store.PulledRow{Values: make(map[string]any, len(t.Columns))}
		for i, c := range t.Columns {
			if vals[i] != nil {
				row.Values[c] = *vals[i]
			} else {
				row.Values[c] = nil
			}
		}
		for i, c := range t.Server {
			if v := vals[len(t.Columns)+i]; v != nil {
				row.Values[c] = *v
			}
		}
		if t.Changes {
			if row.Stamps, err = parseClocks(clocks); err != nil {
				return nil, last, below, err
			}
		}
		id := *vals[0]
		last = store.Cursor{TxID: txid, RowID: id}
		if isBelow {
			below = last
		}
		rows = append(rows, row)
	}
	return rows, last, below, res.Err()
}

// pullConflicts brings the conflicts recorded on the records this officer
// sees.
func pullConflicts(ctx context.Context, conn *pgx.Conn, st *store.Store, h string, page int) (int, error) {
	stored, err := st.PullCursor(ctx, "conflicts")
	if err != nil {
		return 0, err
	}
	cursor := readFrom(stored)
	total := 0
	for {
		// Ordered by the table's columns, not the text selected (see pageQuery).
		res, err := conn.Query(ctx, `SELECT id::text, coalesce(client_id::text, ''), tbl, row_id, field, kept_value, lost_value,
				kept_at, lost_at, by_role, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), txid::text
			FROM caseload.conflicts c WHERE (txid, id) > ($1::xid8, $2::uuid) AND txid < $3::xid8 ORDER BY c.txid, c.id LIMIT $4`,
			cursor.TxID, cursor.RowID, h, page)
		if err != nil {
			return total, err
		}
		var got []store.SyncConflict
		var next store.Cursor
		for res.Next() {
			var c store.SyncConflict
			var keptAt, lostAt, txid string
			if err := res.Scan(&c.ID, &c.ClientID, &c.Table, &c.RowID, &c.Field, &c.Kept, &c.Lost, &keptAt, &lostAt, &c.By, &c.At, &txid); err != nil {
				res.Close()
				return total, err
			}
			c.KeptAt, _ = model.ParseHLC(keptAt)
			c.LostAt, _ = model.ParseHLC(lostAt)
			got = append(got, c)
			next = store.Cursor{TxID: txid, RowID: c.ID}
		}
		res.Close()
		if err := res.Err(); err != nil {
			return total, err
		}
		if len(got) == 0 {
			return total, nil
		}
		if err := st.SaveConflicts(ctx, got, next); err != nil {
			return total, err
		}
		total += len(got)
		cursor = next
		if len(got) < page {
			return total, nil
		}
	}
}
