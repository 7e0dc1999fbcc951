package agency

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"caseload/store"

	"github.com/jackc/pgx/v5"
)

// ErrClientNotOnServer reports a transfer of a client the server does not
// hold for the sender (never pushed, or already someone else's).
var ErrClientNotOnServer = errors.New("the client is not on your caseload on the server: sync first")

// Transfer moves a client to another officer's caseload, over conn (the
// officer giving the case, or their supervisor). The server's trigger moves
// the owner and writes the access change both laptops act on at their next
// sync.
func Transfer(ctx context.Context, conn *pgx.Conn, clientID, toOfficer string) error {
	tag, err := conn.Exec(ctx, `INSERT INTO caseload.transfers (client_id, from_owner, to_owner)
		SELECT id, owner, $2 FROM caseload.clients WHERE id = $1`, clientID, toOfficer)
	if err != nil {
		return fmt.Errorf("transfer to %s: %w", toOfficer, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("transfer to %s: %w", toOfficer, ErrClientNotOnServer)
	}
	return nil
}

// accessChange is a client moving between officers, as the server
// recorded it.
type accessChange struct {
	id, clientID, from, to, txid string
}

// pullAccessChanges acts on the transfers this role may see: a client it no
// longer sees leaves the laptop (once nothing of theirs waits to be
// pushed); a client it now sees arrives with its whole history, whatever
// the laptop's cursors. Transfers that waited for a push are retried.
func pullAccessChanges(ctx context.Context, conn *pgx.Conn, st *store.Store, h string, page int) (int, error) {
	stored, err := st.PullCursor(ctx, "access_changes")
	if err != nil {
		return 0, err
	}
	cursor := readFrom(stored)
	var me string
	if err := conn.QueryRow(ctx, "SELECT current_user").Scan(&me); err != nil {
		return 0, err
	}
	// A file that read access changes under the old order reads them all
	// again once; its arrivals below the bound were noted already.
	bound, replaying, err := st.AccessReplayBound(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for {
		changes, err := readAccessChanges(ctx, conn, cursor, h, page)
		if err != nil {
			return total, err
		}
		for _, c := range changes {
			again := replaying && !pastPosition(c.txid, c.id, bound)
			n, err := applyAccessChange(ctx, conn, st, c, h, page, me, !again)
			if err != nil {
				return total, err
			}
			total += n
			cursor = store.Cursor{TxID: c.txid, RowID: c.id}
			if err := st.MovePullCursor(ctx, "access_changes", cursor); err != nil {
				return total, err
			}
		}
		if len(changes) < page {
			break
		}
	}
	if replaying {
		if err := st.EndAccessReplay(ctx); err != nil {
			return total, err
		}
	}
	waiting, err := st.WaitingReleases(ctx)
	if err != nil {
		return total, err
	}
	for id, to := range waiting {
		if _, err := st.ReleaseClient(ctx, id, to); err != nil {
			return total, err
		}
	}
	return total, nil
}

func readAccessChanges(ctx context.Context, conn *pgx.Conn, after store.Cursor, h string, page int) ([]accessChange, error) {
	// Ordered by the table's columns, not the text selected (see pageQuery).
	res, err := conn.Query(ctx, `SELECT id::text, client_id::text, from_owner, to_owner, txid::text FROM caseload.access_changes a
		WHERE (txid, id) > ($1::xid8, $2::uuid) AND txid < $3::xid8 ORDER BY a.txid, a.id LIMIT $4`, after.TxID, after.RowID, h, page)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	var out []accessChange
	for res.Next() {
		var c accessChange
		if err := res.Scan(&c.id, &c.clientID, &c.from, &c.to, &c.txid); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, res.Err()
}

// applyAccessChange brings the laptop in line with who may now see the
// client: the server's row-level security decides, so the same code serves
// an officer and a supervisor.
//
// noteArrival is false when the change is read a second time (see
// store.AccessReplayBound): its arrival is in the audit log already.
func applyAccessChange(ctx context.Context, conn *pgx.Conn, st *store.Store, c accessChange, h string, page int, me string, noteArrival bool) (int, error) {
	var visible bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM caseload.clients WHERE id = $1)", c.clientID).Scan(&visible); err != nil {
		return 0, err
	}
	if !visible {
		_, err := st.ReleaseClient(ctx, c.clientID, c.to)
		return 0, err
	}
	total := 0
	for _, t := range store.SyncTables() {
		if t.ClientColumn == "" {
			continue // the client itself: its row moved with the transfer, and is pulled as changed
		}
		// The client's records that change (conditions, hearings) were not
		// written by the transfer: the laptop's cursor may be past them.
		bound := " AND txid < $3::xid8"
		if t.Changes {
			bound = ""
		}
		after := beforeAll
		q := pageQuery(t, bound+" AND "+t.ClientColumn+" = $5::uuid")
		for {
			rows, last, _, err := readPage(ctx, conn, t, q, after, h, page, c.clientID)
			if err != nil {
				return total, fmt.Errorf("pull the history of a transferred client: %w", err)
			}
			if len(rows) == 0 {
				break
			}
			n, err := st.ApplyPulled(ctx, t, rows, store.Cursor{})
			if err != nil {
				return total, err
			}
			total += n
			after = last
			if len(rows) < page {
				break
			}
		}
	}
	if c.to == me && noteArrival {
		if err := st.NoteTransferIn(ctx, c.clientID, c.from); err != nil {
			return total, err
		}
	}
	return total, nil
}

// pastPosition tells a row at (txid, id) after the position p, comparing
// the transaction ids as the numbers they are.
func pastPosition(txid, id string, p store.Cursor) bool {
	a, errA := strconv.ParseUint(txid, 10, 64)
	b, errB := strconv.ParseUint(p.TxID, 10, 64)
	if errA != nil || errB != nil {
		return true // not a position this file wrote: treat as new
	}
	if a != b {
		return a > b
	}
	return id > p.RowID // canonical uuid text sorts as the uuid
}
