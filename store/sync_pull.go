package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"caseload/model"
)

// PulledRow is one record as the agency's server holds it.
type PulledRow struct {
	// Values are the synced columns: text, integers or nil.
	Values map[string]any
	// Stamps are, for a record that changes, each field's last write.
	Stamps map[string]model.HLC
}

// Cursor is how far a table has been pulled: the server's transaction id
// (as decimal text) and row id of the last row applied.
type Cursor struct {
	TxID  string
	RowID string
}

// PullCursor reads how far a table has been pulled; the zero Cursor for a
// table never pulled.
func (s *Store) PullCursor(ctx context.Context, table string) (Cursor, error) {
	var c Cursor
	err := s.db.QueryRowContext(ctx, "SELECT txid, row_id FROM sync_cursors WHERE tbl = ?", table).Scan(&c.TxID, &c.RowID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("read the pull cursor of %s: %w", table, explain(err))
	}
	return c, nil
}

// noteKinds names, for the note index, the kind of record each history
// table holds.
var noteKinds = map[string]string{"checkins": "checkin", "stage_notes": "stage_note", "referral_events": "referral_event"}

// ApplyPulled applies one page of pulled records and moves the table's
// cursor to next, in one transaction: an interrupted pull resumes exactly
// where it stopped. History already in the file (the laptop's own, pushed
// earlier) is left as it is; a record that changes takes each field whose
// server stamp is later than this laptop's. The laptop's clock moves past
// every stamp pulled; a stamp far in the future is refused. It returns how
// many records were new or changed.
func (s *Store) ApplyPulled(ctx context.Context, t SyncTable, rows []PulledRow, next Cursor) (int, error) {
	changed := 0
	err := s.Batch(ctx, func(w *Writer) error {
		if _, err := w.exec("INSERT INTO sync_pulling (one) VALUES (1)"); err != nil {
			return fmt.Errorf("apply pulled %s: %w", t.Name, explain(err))
		}
		if on, err := w.syncing(); err != nil {
			return err
		} else if !on {
			return errors.New("sync is not set up on this laptop")
		}
		apply := w.applyPulledHistoryRows
		if t.Changes {
			apply = w.applyPulledChangesRows
		}
		n, err := apply(t, rows)
		if err != nil {
			return err
		}
		changed += n
		if next != (Cursor{}) {
			_, err := w.exec(`INSERT INTO sync_cursors (tbl, txid, row_id) VALUES (?, ?, ?)
				ON CONFLICT (tbl) DO UPDATE SET txid = excluded.txid, row_id = excluded.row_id`, t.Name, next.TxID, next.RowID)
			if err != nil {
				return fmt.Errorf("move the pull cursor of %s: %w", t.Name, explain(err))
			}
		}
		if err := w.markStale(); err != nil {
			return err
		}
		_, err = w.exec("DELETE FROM sync_pulling")
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("apply pulled %s: %w", t.Name, err)
	}
	return changed, nil
}

func (w *Writer) applyPulledHistory(t SyncTable, row PulledRow) (bool, error) {
	args := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		args[i] = row.Values[c]
	}
	onConflict := " ON CONFLICT DO NOTHING"
	if t.StandIns {
		if err := w.dropStandIns(t, row); err != nil {
			return false, err
		}
		onConflict = standInConflict(t)
	}
	res, err := w.exec("INSERT INTO "+t.Name+" ("+strings.Join(t.Columns, ", ")+") VALUES ("+placeholders(len(args))+")"+
		// Any uniqueness conflict: the record is here already, or (an
		// amendment of a record this laptop amended too) the server filed
		// this laptop's own as rejected, for review.
		onConflict, args...)
	if err != nil {
		return false, fmt.Errorf("save pulled %s %v: %w", t.Name, row.Values["id"], explain(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	id, _ := row.Values["id"].(string)
	return true, w.historyPulled(t, id, row)
}

// historyPulled brings up to date, after a pulled history record is
// inserted, what the laptop works out from it: its note in the note index,
// its client's summary, a violation's answer.
func (w *Writer) historyPulled(t SyncTable, id string, row PulledRow) error {
	note, _ := row.Values["note"].(string)
	w.noteWritten(noteKinds[t.Name], id, note)
	client, _ := row.Values[t.ClientColumn].(string)
	if err := w.refresh(client); err != nil {
		return err
	}
	return w.afterPulled(t, id, client, row)
}

func (w *Writer) applyPulledChanges(t SyncTable, row PulledRow) (bool, error) {
	if err := w.observeAll(t, row); err != nil {
		return false, err
	}
	id, _ := row.Values["id"].(string)
	local, err := w.rowFields(t, id)
	if errors.Is(err, ErrNotFound) {
		return true, w.insertPulled(t, id, row)
	}
	if err != nil {
		return false, err
	}
	moved, err := w.setServerColumns(t, id, row)
	if err != nil {
		return false, err
	}
	var sets []string
	var args []any
	for _, f := range t.Fields() {
		theirs, ok := row.Stamps[f]
		if !ok {
			continue
		}
		mine, err := w.fieldStamp(t.Name, id, f)
		if err != nil {
			return false, err
		}
		keep := model.Later(model.FieldState{Value: local[f], At: mine}, model.FieldState{Value: asText(row.Values[f]), At: theirs})
		if keep.At == mine {
			continue
		}
		if err := w.setFieldStamp(t.Name, id, f, theirs); err != nil {
			return false, err
		}
		if keep.Value == local[f] {
			continue
		}
		sets = append(sets, f+" = ?")
		args = append(args, t.Stored(f, keep.Value))
		if f == "name" && t.Name == SyncClients.Name {
			sets = append(sets, "sort_name = ?")
			args = append(args, sortName(keep.Value))
		}
	}
	if len(sets) == 0 {
		return moved, nil
	}
	args = append(args, id)
	if _, err := w.exec("UPDATE "+t.Name+" SET "+strings.Join(sets, ", ")+" WHERE id = ?", args...); err != nil {
		return false, fmt.Errorf("save pulled %s %s: %w", t.Name, id, explain(err))
	}
	return true, w.refreshPulled(t, id, row)
}

// setServerColumns takes the columns only the server writes (a client's
// officer) as they come, and says whether one changed.
func (w *Writer) setServerColumns(t SyncTable, id string, row PulledRow) (bool, error) {
	moved := false
	for _, c := range t.Server {
		v, ok := row.Values[c]
		if !ok {
			continue
		}
		res, err := w.exec("UPDATE "+t.Name+" SET "+c+" = ? WHERE id = ? AND "+c+" IS NOT ?", v, id, v)
		if err != nil {
			return false, fmt.Errorf("save pulled %s %s: %w", t.Name, id, explain(err))
		}
		if n, _ := res.RowsAffected(); n > 0 {
			moved = true
		}
	}
	return moved, nil
}

// insertPulled saves a record this laptop has never held, with the stamp of
// each of its fields.
func (w *Writer) insertPulled(t SyncTable, id string, row PulledRow) error {
	cols, args := insertColumns(t, row)
	if _, err := w.exec("INSERT INTO "+t.Name+" ("+strings.Join(cols, ", ")+") VALUES ("+placeholders(len(args))+")", args...); err != nil {
		return fmt.Errorf("save pulled %s %s: %w", t.Name, id, explain(err))
	}
	if at, ok := oneStamp(t, row.Stamps); ok {
		// Every field carries the same stamp, as a record the server holds
		// as created does: it is kept once, under the field "" that stands
		// for each field not stamped apart (fieldStamp). A first pull of
		// 10,000 clients wrote a stamp for every field of 90,000 records.
		if err := w.setFieldStamp(t.Name, id, "", at); err != nil {
			return err
		}
		return w.refreshPulled(t, id, row)
	}
	for f, h := range row.Stamps {
		if !t.HasField(f) {
			continue
		}
		if err := w.setFieldStamp(t.Name, id, f, h); err != nil {
			return err
		}
	}
	return w.refreshPulled(t, id, row)
}

// insertColumns are the columns a new pulled record goes in with, and their
// values: the synced ones, those the server keeps that came with it, and a
// client's name to sort by.
func insertColumns(t SyncTable, row PulledRow) ([]string, []any) {
	cols := append([]string(nil), t.Columns...)
	for _, c := range t.Server {
		if _, ok := row.Values[c]; ok {
			cols = append(cols, c)
		}
	}
	args := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		args = append(args, row.Values[c])
	}
	if t.Name == SyncClients.Name {
		cols = append(cols, "sort_name")
		name, _ := row.Values["name"].(string)
		args = append(args, sortName(name))
	}
	return cols, args
}

// oneStamp is the stamp every field of a pulled record carries, when they
// all carry one; a field without a stamp reads none, so then there is no
// one stamp.
func oneStamp(t SyncTable, stamps map[string]model.HLC) (model.HLC, bool) {
	var at model.HLC
	for i, f := range t.Fields() {
		h, ok := stamps[f]
		if !ok || h.IsZero() || (i > 0 && h != at) {
			return model.HLC{}, false
		}
		at = h
	}
	return at, !at.IsZero()
}

// refreshPulled brings up to date what a changed record's laptop works
// out from it.
func (w *Writer) refreshPulled(t SyncTable, id string, row PulledRow) error {
	client := id
	if t.ClientColumn != "" {
		client, _ = row.Values[t.ClientColumn].(string)
	}
	return w.afterPulled(t, id, client, row)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// asText is a pulled value as the text a changing record's field holds.
func asText(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// MovePullCursor records how far a table that needs no page applied (the
// transfers) has been pulled.
func (s *Store) MovePullCursor(ctx context.Context, table string, next Cursor) error {
	return s.tx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_cursors (tbl, txid, row_id) VALUES (?, ?, ?)
			ON CONFLICT (tbl) DO UPDATE SET txid = excluded.txid, row_id = excluded.row_id`, table, next.TxID, next.RowID)
		if err != nil {
			return fmt.Errorf("move the pull cursor of %s: %w", table, explain(err))
		}
		return nil
	})
}

// standInConflict: a record already here is left as it is; a stand-in at
// the same moment (stand-ins are one per client and moment) gives way to
// the record its client's own laptop made; a record made at that moment
// here, or pulled before, stays.
func standInConflict(t SyncTable) string {
	var sets []string
	for _, c := range t.Columns {
		if c != t.ClientColumn && c != "at" {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	return " ON CONFLICT (id) DO NOTHING ON CONFLICT (" + t.ClientColumn + ", at) DO UPDATE SET " + strings.Join(sets, ", ") +
		", provisional = 0 WHERE provisional = 1"
}

// dropStandIns lets go of the stand-ins this laptop made for a client
// while taking a pull: the history the client's own laptop recorded is
// arriving, and the two together would count a change twice.
func (w *Writer) dropStandIns(t SyncTable, row PulledRow) error {
	client, _ := row.Values[t.ClientColumn].(string)
	if _, err := w.exec("DELETE FROM "+t.Name+" WHERE "+t.ClientColumn+" = ? AND provisional = 1", client); err != nil {
		return fmt.Errorf("let go of the stand-ins of client %s in %s: %w", client, t.Name, explain(err))
	}
	return nil
}

// keyAccessReplay holds, after migration 0019, the position the access
// changes had been read to under the old order.
const keyAccessReplay = "access_replay_until"

// AccessReplayBound is the position up to which the access changes are being
// read a second time (migration 0019): a change at or below it was acted on
// before, or skipped, so it is acted on by who may see the client now, and
// an arrival is not noted again. ok is false when there is no such bound.
func (s *Store) AccessReplayBound(ctx context.Context) (c Cursor, ok bool, err error) {
	v, err := readSyncState(ctx, s.db, keyAccessReplay)
	if err != nil || v == "" {
		return Cursor{}, false, err
	}
	txid, row, found := strings.Cut(v, " ")
	if !found {
		return Cursor{}, false, fmt.Errorf("sync state %s is %q, not a position", keyAccessReplay, v)
	}
	return Cursor{TxID: txid, RowID: row}, true, nil
}

// EndAccessReplay forgets the bound once every access change has been read
// again.
func (s *Store) EndAccessReplay(ctx context.Context) error {
	return s.tx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sync_state WHERE key = ?", keyAccessReplay); err != nil {
			return fmt.Errorf("end the replay of access changes: %w", explain(err))
		}
		return nil
	})
}
