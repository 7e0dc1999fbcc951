package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"caseload/model"
)

// Keys of sync_state.
const (
	keyLaptopID = "laptop_id"
	keyClock    = "clock"
)

// OutboxEntry is one change waiting to reach the agency's server.
type OutboxEntry struct {
	Seq      int64
	Table    string
	RowID    string
	ClientID string
	// Op is insert (a history record, Row holds it), create (a record
	// that changes, Value holds its fields as a JSON object), set (one
	// Field becomes Value) or delete.
	Op    string
	Field string
	Value string
	At    model.HLC
	Base  model.HLC
	// Row is the history record to insert, column by column.
	Row map[string]any
}

// Outbox ops.
const (
	OpInsert = "insert"
	OpCreate = "create"
	OpSet    = "set"
	OpDelete = "delete"
)

// LaptopID is this laptop's id for agency sync, "" when sync is not set up.
func (s *Store) LaptopID(ctx context.Context) (string, error) {
	return readSyncState(ctx, s.db, keyLaptopID)
}

func readSyncState(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM sync_state WHERE key = ?", key).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("read sync state: %w", explain(err))
	}
	return v, nil
}

// StartSync gives the laptop its sync id and puts every record already in
// the file into the outbox, in one transaction; from then on every change
// records its own. It returns the laptop's id, and is a no-op the second
// time.
func (s *Store) StartSync(ctx context.Context) (string, error) {
	var id string
	err := s.write(ctx, func(w *Writer) error {
		var err error
		if id, err = readSyncState(ctx, w.tx, keyLaptopID); err != nil || id != "" {
			return err
		}
		id = newID()
		if _, err := w.exec("INSERT INTO sync_state (key, value) VALUES (?, ?)", keyLaptopID, id); err != nil {
			return fmt.Errorf("set up sync: %w", explain(err))
		}
		w.sync = &writerSync{laptop: id, clock: model.NewClock(id, model.HLC{}), dirty: true}
		return w.seedOutbox()
	})
	if err != nil {
		return "", fmt.Errorf("set up sync: %w", err)
	}
	return id, nil
}

// seedOutbox queues every record in the file, for a laptop that starts to
// sync with records already made.
func (w *Writer) seedOutbox() error {
	rows, err := w.tx.QueryContext(w.ctx, "SELECT id FROM clients ORDER BY id")
	if err != nil {
		return fmt.Errorf("list clients: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if err := w.recordCreate(SyncClients, id, id); err != nil {
			return err
		}
	}
	for _, t := range SyncTables() {
		if t.Name == SyncClients.Name {
			continue // queued above
		}
		if t.Name == SyncAgencySettings.Name {
			// A file's own settings do not become the agency's by joining
			// it: the agency's arrive with the pull, and a supervisor sets
			// them in the synced file.
			continue
		}
		if err := w.queueTable(t); err != nil {
			return err
		}
	}
	return nil
}

// queueTable queues every record a client's table holds: history whole,
// a record that changes as its creation.
func (w *Writer) queueTable(t SyncTable) error {
	if t.Changes {
		return w.seedChanging(t)
	}
	where := ""
	if t.StandIns {
		where = " WHERE provisional = 0" // made from a pull, not this laptop's to send
	}
	_, err := w.exec(`INSERT INTO sync_outbox (tbl, row_id, client_id, op) SELECT ?, id, `+t.ClientColumn+`, 'insert' FROM `+t.Name+where+` ORDER BY id`, t.Name)
	if err != nil {
		return fmt.Errorf("queue %s: %w", t.Name, explain(err))
	}
	return nil
}

// seedChanging queues every record of a client's table that changes (a
// condition, a hearing), each as its creation.
func (w *Writer) seedChanging(t SyncTable) error {
	client := t.ClientColumn
	if client == "" {
		client = "''" // the agency's, no client's
	}
	rows, err := w.tx.QueryContext(w.ctx, "SELECT id, "+client+" FROM "+t.Name+" ORDER BY id")
	if err != nil {
		return fmt.Errorf("list %s: %w", t.Name, explain(err))
	}
	var ids, clients []string
	for rows.Next() {
		var id, client string
		if err := rows.Scan(&id, &client); err != nil {
			rows.Close()
			return err
		}
		ids, clients = append(ids, id), append(clients, client)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, id := range ids {
		if err := w.recordCreate(t, id, clients[i]); err != nil {
			return err
		}
	}
	return nil
}

// writerSync is a writer's view of agency sync: the laptop's clock, loaded
// on first use and saved before the commit.
type writerSync struct {
	laptop string // "" when sync is not set up
	clock  *model.Clock
	dirty  bool
}

// syncing loads the laptop's sync state, once per transaction, and tells
// whether changes are to be recorded.
func (w *Writer) syncing() (bool, error) {
	if w.sync != nil {
		return w.sync.laptop != "", nil
	}
	w.sync = &writerSync{}
	laptop, err := readSyncState(w.ctx, w.tx, keyLaptopID)
	if err != nil || laptop == "" {
		return false, err
	}
	text, err := readSyncState(w.ctx, w.tx, keyClock)
	if err != nil {
		return false, err
	}
	last, err := model.ParseHLC(text)
	if err != nil {
		return false, fmt.Errorf("read the sync clock: %w", err)
	}
	w.sync = &writerSync{laptop: laptop, clock: model.NewClock(laptop, last)}
	return true, nil
}

// stamp reads the laptop's clock for a change made now.
func (w *Writer) stamp() model.HLC {
	w.sync.dirty = true
	return w.sync.clock.Now(w.now)
}

// saveClock keeps the clock's last reading, in the transaction that used it.
func (w *Writer) saveClock() error {
	if w.sync == nil || !w.sync.dirty {
		return nil
	}
	_, err := w.exec(`INSERT INTO sync_state (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, keyClock, w.sync.clock.Last().String())
	if err != nil {
		return fmt.Errorf("save the sync clock: %w", explain(err))
	}
	return nil
}

// rowFields reads a changing record's fields as text.
func (w *Writer) rowFields(t SyncTable, id string) (map[string]string, error) {
	fields := t.Fields()
	vals := make([]sql.NullString, len(fields))
	dest := make([]any, len(fields))
	for i := range vals {
		dest[i] = &vals[i]
	}
	if err := w.queryRow("SELECT "+strings.Join(fields, ", ")+" FROM "+t.Name+" WHERE id = ?", id).Scan(dest...); err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t.Name, id, notFound(err))
	}
	out := make(map[string]string, len(fields))
	for i, f := range fields {
		out[f] = vals[i].String
	}
	return out, nil
}

// recordCreate queues a new record that changes later: all its fields, one
// stamp.
func (w *Writer) recordCreate(t SyncTable, id, clientID string) error {
	if on, err := w.syncing(); err != nil || !on {
		return err
	}
	fields, err := w.rowFields(t, id)
	if err != nil {
		return err
	}
	var created string
	if err := w.queryRow("SELECT created_at FROM "+t.Name+" WHERE id = ?", id).Scan(&created); err != nil {
		return fmt.Errorf("read %s %s: %w", t.Name, id, err)
	}
	body := map[string]string{"created_at": created}
	for k, v := range fields {
		body[k] = v
	}
	value, err := json.Marshal(body)
	if err != nil {
		return err
	}
	at := w.stamp()
	if _, err := w.exec(`INSERT INTO sync_outbox (tbl, row_id, client_id, op, value, at) VALUES (?, ?, ?, 'create', ?, ?)`,
		t.Name, id, clientID, string(value), at.String()); err != nil {
		return fmt.Errorf("queue %s %s: %w", t.Name, id, explain(err))
	}
	if t.Name == SyncClients.Name {
		if err := w.statusAfterCreation(id); err != nil {
			return err
		}
	}
	return w.setFieldStamp(t.Name, id, "", at)
}

// statusBehindCreation move a client's queued status changes to the end
// of the outbox. Saying the client id is not empty lets the outbox's
// index by client (a partial one, of entries with a client) answer, rather
// than a scan of every entry up to seq: setting up sync on a file of
// 10,000 clients runs them once per client.
var statusBehindCreation = []string{
	`INSERT INTO sync_outbox (tbl, row_id, client_id, op) SELECT tbl, row_id, client_id, op FROM sync_outbox
		WHERE tbl = 'client_status_changes' AND client_id = ?1 AND client_id <> '' AND seq <= ?2 ORDER BY seq`,
	"DELETE FROM sync_outbox WHERE tbl = 'client_status_changes' AND client_id = ?1 AND client_id <> '' AND seq <= ?2",
}

// statusAfterCreation moves a new client's first status, queued by a
// trigger as the client's row went in, behind the client's creation: a
// push in batches must never send it before the client it belongs to.
func (w *Writer) statusAfterCreation(clientID string) error {
	var last int64
	if err := w.queryRow("SELECT max(seq) FROM sync_outbox").Scan(&last); err != nil {
		return fmt.Errorf("read the outbox: %w", explain(err))
	}
	for _, q := range statusBehindCreation {
		if _, err := w.exec(q, clientID, last); err != nil {
			return fmt.Errorf("queue the status of client %s: %w", clientID, explain(err))
		}
	}
	return nil
}

// recordUpdate queues the fields of a record that an edit changed; before
// is what the record held (from rowFields).
func (w *Writer) recordUpdate(t SyncTable, id, clientID string, before map[string]string) error {
	if before == nil {
		return nil // sync is not set up
	}
	after, err := w.rowFields(t, id)
	if err != nil {
		return err
	}
	changed := model.ChangedFields(before, after)
	if len(changed) == 0 {
		return nil
	}
	at := w.stamp()
	for _, f := range changed {
		base, err := w.fieldStamp(t.Name, id, f)
		if err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO sync_outbox (tbl, row_id, client_id, op, field, value, at, base) VALUES (?, ?, ?, 'set', ?, ?, ?, ?)`,
			t.Name, id, clientID, f, after[f], at.String(), base.String()); err != nil {
			return fmt.Errorf("queue %s %s: %w", t.Name, id, explain(err))
		}
		if err := w.setFieldStamp(t.Name, id, f, at); err != nil {
			return err
		}
	}
	return nil
}

// fieldsBeforeEdit reads a record's fields before an edit, when sync is
// set up (nil otherwise), for recordUpdate.
func (w *Writer) fieldsBeforeEdit(t SyncTable, id string) (map[string]string, error) {
	if on, err := w.syncing(); err != nil || !on {
		return nil, err
	}
	return w.rowFields(t, id)
}

// fieldStamp is the stamp of a field's last write as this laptop knows it:
// its own, else the record's creation stamp.
func (w *Writer) fieldStamp(table, id, field string) (model.HLC, error) {
	var text string
	err := w.queryRow(`SELECT at FROM sync_fields WHERE tbl = ? AND row_id = ? AND field IN (?, '') ORDER BY field DESC LIMIT 1`,
		table, id, field).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return model.HLC{}, nil
	}
	if err != nil {
		return model.HLC{}, fmt.Errorf("read the stamp of %s.%s: %w", table, field, explain(err))
	}
	return model.ParseHLC(text)
}

func (w *Writer) setFieldStamp(table, id, field string, at model.HLC) error {
	_, err := w.exec(`INSERT INTO sync_fields (tbl, row_id, field, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (tbl, row_id, field) DO UPDATE SET at = excluded.at`, table, id, field, at.String())
	if err != nil {
		return fmt.Errorf("keep the stamp of %s.%s: %w", table, field, explain(err))
	}
	return nil
}

// Outbox returns up to limit changes waiting to be pushed after sequence
// number after (0 for the oldest), oldest first, with the history records
// they name. A push reads the next batch while the server applies the
// last, before that one is taken off the outbox: after keeps it from being
// read twice.
func (s *Store) Outbox(ctx context.Context, after int64, limit int) ([]OutboxEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, tbl, row_id, client_id, op, field, value, at, base
		FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read the outbox: %w", explain(err))
	}
	defer rows.Close()
	var out []OutboxEntry
	for rows.Next() {
		var e OutboxEntry
		var at, base string
		if err := rows.Scan(&e.Seq, &e.Table, &e.RowID, &e.ClientID, &e.Op, &e.Field, &e.Value, &at, &base); err != nil {
			return nil, fmt.Errorf("read the outbox: %w", explain(err))
		}
		if e.At, err = model.ParseHLC(at); err != nil {
			return nil, fmt.Errorf("outbox entry %d: %w", e.Seq, err)
		}
		if e.Base, err = model.ParseHLC(base); err != nil {
			return nil, fmt.Errorf("outbox entry %d: %w", e.Seq, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the outbox: %w", explain(err))
	}
	rows.Close()
	// The history records, one query per table.
	want := map[string][]string{}
	for _, e := range out {
		if e.Op == OpInsert {
			want[e.Table] = append(want[e.Table], e.RowID)
		}
	}
	records := map[string]map[string]any{}
	for table, ids := range want {
		if err := s.syncRecords(ctx, table, ids, records); err != nil {
			return nil, err
		}
	}
	for i := range out {
		if out[i].Op != OpInsert {
			continue
		}
		if out[i].Row = records[out[i].Table+"\x00"+out[i].RowID]; out[i].Row == nil {
			return nil, fmt.Errorf("the outbox names %s %s, which is not in the file", out[i].Table, out[i].RowID)
		}
	}
	return out, nil
}

// syncRecords reads history records column by column into into, keyed by
// table and id.
func (s *Store) syncRecords(ctx context.Context, table string, ids []string, into map[string]map[string]any) error {
	t, ok := syncTable(table)
	if !ok {
		return fmt.Errorf("the outbox names %q, which is not synced", table)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+strings.Join(t.Columns, ", ")+" FROM "+t.Name+
		" WHERE id IN (SELECT value FROM json_each(?))", jsonList(ids))
	if err != nil {
		return fmt.Errorf("read %s for the outbox: %w", t.Name, explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		vals := make([]any, len(t.Columns))
		dest := make([]any, len(t.Columns))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read %s for the outbox: %w", t.Name, explain(err))
		}
		row := make(map[string]any, len(t.Columns))
		for i, c := range t.Columns {
			row[c] = vals[i]
		}
		id, _ := row["id"].(string)
		into[t.Name+"\x00"+id] = row
	}
	return rows.Err()
}

// MarkPushed takes entries off the outbox once the server has committed
// them.
func (s *Store) MarkPushed(ctx context.Context, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	list := make([]string, len(seqs))
	for i, q := range seqs {
		list[i] = strconv.FormatInt(q, 10)
	}
	return s.tx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM sync_outbox WHERE seq IN (SELECT value FROM json_each(?))", "["+strings.Join(list, ",")+"]")
		if err != nil {
			return fmt.Errorf("mark pushed: %w", explain(err))
		}
		return nil
	})
}

// OutboxCount counts the changes waiting to be pushed.
func (s *Store) OutboxCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sync_outbox").Scan(&n); err != nil {
		return 0, fmt.Errorf("count the outbox: %w", explain(err))
	}
	return n, nil
}

// keyServerURL is the agency server's address (never its password).
const keyServerURL = "server_url"

// ServerURL is the agency server this laptop syncs with, "" when not set up.
func (s *Store) ServerURL(ctx context.Context) (string, error) {
	return readSyncState(ctx, s.db, keyServerURL)
}

// SetServerURL keeps the agency server's address; a password must not be
// in it (it is kept apart from the file).
func (s *Store) SetServerURL(ctx context.Context, url string) error {
	return s.setSyncState(ctx, keyServerURL, url)
}
