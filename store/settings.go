package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"caseload/model"
)

// Settings keys. Contact intervals are stored one per level.
const (
	keyOfficerName = "officer_name"
	keyExportDir   = "export_dir"
	keyDemo        = "demo"
	intervalPrefix = "interval_"
	standardPrefix = "standard_"
)

func readSetting(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// intervalsQuery reads every contact interval setting.
const intervalsQuery = "SELECT name, value FROM agency_settings WHERE name >= ? AND name < ?"

// readIntervals reads the contact intervals in one query: every write
// needs them to recompute a next-due date.
func readIntervals(ctx context.Context, q querier) (model.Intervals, error) {
	rows, err := q.QueryContext(ctx, intervalsQuery, intervalPrefix, intervalPrefix+"~")
	if err != nil {
		return nil, fmt.Errorf("read contact intervals: %w", explain(err))
	}
	return scanIntervals(rows)
}

// scanIntervals reads the rows of intervalsQuery over the defaults, and
// closes them.
func scanIntervals(rows *sql.Rows) (model.Intervals, error) {
	iv := model.DefaultIntervals()
	defer rows.Close()
	for rows.Next() {
		var key, v string
		if err := rows.Scan(&key, &v); err != nil {
			return nil, fmt.Errorf("read contact intervals: %w", err)
		}
		level := model.Level(strings.TrimPrefix(key, intervalPrefix))
		if !level.Valid() {
			// A level this version does not know (the agency's server may
			// hold one a later version added): not this version's to use.
			continue
		}
		days, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("setting %s is %q, not a number of days", key, v)
		}
		iv[level] = days
	}
	return iv, rows.Err()
}

// Settings reads the officer's settings, with defaults for what is unset.
func (s *Store) Settings(ctx context.Context) (model.Settings, error) {
	set := model.DefaultSettings()
	name, err := readSetting(ctx, s.db, keyOfficerName)
	if err != nil {
		return set, err
	}
	set.OfficerName = name
	if set.ExportDir, err = readSetting(ctx, s.db, keyExportDir); err != nil {
		return set, err
	}
	if set.Intervals, err = readIntervals(ctx, s.db); err != nil {
		return set, err
	}
	if set.Standards, err = readStandards(ctx, s.db); err != nil {
		return set, err
	}
	return set, nil
}

// readStandards reads the caseload standards over the APPA's.
func readStandards(ctx context.Context, q querier) (model.CaseloadStandards, error) {
	std := model.APPAStandards()
	rows, err := q.QueryContext(ctx, "SELECT name, value FROM agency_settings WHERE name >= ? AND name < ?", standardPrefix, standardPrefix+"~")
	if err != nil {
		return nil, fmt.Errorf("read caseload standards: %w", explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var key, v string
		if err := rows.Scan(&key, &v); err != nil {
			return nil, fmt.Errorf("read caseload standards: %w", err)
		}
		level := model.Level(strings.TrimPrefix(key, standardPrefix))
		if !level.Valid() {
			continue // as for the intervals
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("setting %s is %q, not a number of clients", key, v)
		}
		std[level] = n
	}
	return std, rows.Err()
}

// SaveSettings stores the settings; when the contact intervals change, every
// client's next-due date is recomputed in the same transaction.
func (s *Store) SaveSettings(ctx context.Context, set model.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(w *Writer) error {
		if err := w.setSetting(keyOfficerName, set.OfficerName); err != nil {
			return err
		}
		if err := w.setSetting(keyExportDir, set.ExportDir); err != nil {
			return err
		}
		values, effective := map[string]string{}, map[string]string{}
		held, err := readStandards(w.ctx, w.tx)
		if err != nil {
			return err
		}
		changed := false
		for _, l := range model.Levels() {
			if set.Standards != nil {
				k := standardPrefix + string(l.Value)
				values[k], effective[k] = strconv.Itoa(set.Standards.PerOfficer(l.Value)), strconv.Itoa(held.PerOfficer(l.Value))
			}
			days := set.Intervals.Days(l.Value)
			if days != w.intervals.Days(l.Value) {
				changed = true
			}
			k := intervalPrefix + string(l.Value)
			values[k], effective[k] = strconv.Itoa(days), strconv.Itoa(w.intervals.Days(l.Value))
		}
		if err := w.setAgencySettings(values, effective); err != nil {
			return err
		}
		if !changed {
			return nil
		}
		w.intervals = set.Intervals
		return w.refreshAll()
	})
}

func (w *Writer) setSetting(key, value string) error {
	_, err := w.exec(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}
