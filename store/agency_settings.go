package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"caseload/model"
)

// agencySettingNamespace is the namespace of the agency settings' ids.
var agencySettingNamespace = uuid.MustParse("570a80e6-22fd-40f0-8c16-73cdb4579439")

// AgencySettingID is the id of the agency setting called name: the same on
// every laptop, so that two supervisors' files setting the same interval
// change one record on the server, merged field by field.
func AgencySettingID(name string) string {
	return uuid.NewSHA1(agencySettingNamespace, []byte("setting:"+name)).String()
}

// isAgencySetting tells a settings key that is the agency's rather than
// the officer's own.
func isAgencySetting(key string) bool {
	return strings.HasPrefix(key, intervalPrefix) || strings.HasPrefix(key, standardPrefix) || key == keyResponses
}

func readAgencySetting(ctx context.Context, q querier, name string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM agency_settings WHERE name = ?", name).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("read setting %s: %w", name, explain(err))
	}
	return v, nil
}

// setAgencySettings writes the agency's settings given, name to value,
// that differ from effective, the values in force (the defaults for those
// never set); each is queued for the agency's server when the file syncs.
// Only a change is written: a save that leaves a setting as it was must not
// send it, where it would override a newer value another supervisor set.
// In a synced file that is not a supervisor's a change is refused next to
// its field, and nothing is written.
func (w *Writer) setAgencySettings(values, effective map[string]string) error {
	var changed []string
	for n, v := range values {
		if v != effective[n] {
			changed = append(changed, n)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	sort.Strings(changed)
	on, err := w.syncing()
	if err != nil {
		return err
	}
	role, err := readSyncState(w.ctx, w.tx, keyRoleKind)
	if err != nil {
		return err
	}
	if !model.AgencySettingsBy(on, role) {
		return model.AgencySettingKept(changed...)
	}
	exists := map[string]bool{}
	for _, n := range changed {
		var v string
		err := w.queryRow("SELECT value FROM agency_settings WHERE name = ?", n).Scan(&v)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read setting %s: %w", n, explain(err))
		}
		exists[n] = err == nil
	}
	now := fmtTime(w.now)
	for _, n := range changed {
		id := AgencySettingID(n)
		if !exists[n] {
			if _, err := w.exec("INSERT INTO agency_settings (id, name, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
				id, n, values[n], now, now); err != nil {
				return fmt.Errorf("save setting %s: %w", n, explain(err))
			}
			if err := w.recordCreate(SyncAgencySettings, id, ""); err != nil {
				return err
			}
			continue
		}
		fields, err := w.fieldsBeforeEdit(SyncAgencySettings, id)
		if err != nil {
			return err
		}
		if _, err := w.exec("UPDATE agency_settings SET value = ?, updated_at = ? WHERE id = ?", values[n], now, id); err != nil {
			return fmt.Errorf("save setting %s: %w", n, explain(err))
		}
		// A setting this file held before it synced was never sent: the
		// server learns it as a new record, not as a change to one it lacks.
		if fields != nil {
			if held, err := w.fieldStamp(SyncAgencySettings.Name, id, "value"); err != nil {
				return err
			} else if held.IsZero() {
				fields = nil
				if err := w.recordCreate(SyncAgencySettings, id, ""); err != nil {
					return err
				}
			}
		}
		if err := w.recordUpdate(SyncAgencySettings, id, "", fields); err != nil {
			return err
		}
	}
	return nil
}

// dropOwnAgencySettings lets go of the agency settings a synced file held
// from before it synced (those neither taken from the server nor sent to
// it: no stamp), once it knows whose file it is: from then on the agency's
// are in force, the defaults where the agency set none, and a supervisor
// changes them in the synced file. When a contact interval goes, every
// client is summed up again at the end of the sync's pull.
func dropOwnAgencySettings(ctx context.Context, tx *Tx) error {
	if laptop, err := readSyncState(ctx, tx, keyLaptopID); err != nil || laptop == "" {
		return err
	}
	unsent := "FROM agency_settings WHERE id NOT IN (SELECT row_id FROM sync_fields WHERE tbl = 'agency_settings')"
	var intervals int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) "+unsent+" AND name >= ? AND name < ?", intervalPrefix, intervalPrefix+"~").
		Scan(&intervals); err != nil {
		return fmt.Errorf("read the file's own agency settings: %w", explain(err))
	}
	for _, q := range []string{"INSERT INTO sync_pulling (one) VALUES (1)", "DELETE " + unsent, "DELETE FROM sync_pulling"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("let go of the file's own agency settings: %w", explain(err))
		}
	}
	if intervals == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO sync_stale (client_id) SELECT id FROM clients WHERE true ON CONFLICT DO NOTHING"); err != nil {
		return fmt.Errorf("note every client to sum up: %w", explain(err))
	}
	return nil
}

// moveAgencySettings is migration 0017's step: the agency's settings a file
// held among its own move to their table, each with its id; a synced file
// that knows whose it is lets them go instead (dropOwnAgencySettings).
func moveAgencySettings(ctx context.Context, tx *Tx, now time.Time) error {
	rows, err := tx.QueryContext(ctx, "SELECT key, value FROM settings ORDER BY key")
	if err != nil {
		return fmt.Errorf("read settings: %w", explain(err))
	}
	moving := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return err
		}
		if isAgencySetting(k) {
			moving[k] = v
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(moving) == 0 {
		return err
	}
	// sync_pulling lets the rows in whoever's file this is: they were the
	// file's already.
	if _, err := tx.ExecContext(ctx, "INSERT INTO sync_pulling (one) VALUES (1)"); err != nil {
		return fmt.Errorf("move the agency's settings: %w", explain(err))
	}
	at := fmtTime(now)
	for k, v := range moving {
		if _, err := tx.ExecContext(ctx, "INSERT INTO agency_settings (id, name, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
			AgencySettingID(k), k, v, at, at); err != nil {
			return fmt.Errorf("move setting %s: %w", k, explain(err))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", k); err != nil {
			return fmt.Errorf("move setting %s: %w", k, explain(err))
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sync_pulling"); err != nil {
		return err
	}
	if role, err := readSyncState(ctx, tx, keyRoleKind); err != nil || role == "" {
		return err
	}
	return dropOwnAgencySettings(ctx, tx)
}

// AgencySettingsFromServer tells a file whose agency settings come from
// the agency's server and are not changed here: a synced file that is not
// a supervisor's.
func (s *Store) AgencySettingsFromServer(ctx context.Context) (bool, error) {
	laptop, err := readSyncState(ctx, s.db, keyLaptopID)
	if err != nil {
		return false, err
	}
	role, err := readSyncState(ctx, s.db, keyRoleKind)
	if err != nil {
		return false, err
	}
	return !model.AgencySettingsBy(laptop != "", role), nil
}
