package store

import (
	"context"
	"fmt"
)

// IsEmpty reports whether the file holds no clients and no resources: a new
// file, one the demo may fill.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM resources)").Scan(&n)
	if err != nil {
		return false, fmt.Errorf("count records: %w", explain(err))
	}
	return n == 0, nil
}

// IsDemo reports whether the file was filled by the demo.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	v, err := readSetting(ctx, s.db, keyDemo)
	return v == "1", err
}

// MarkDemo records that the file holds the demo caseload, and names its
// officer.
func (w *Writer) MarkDemo(officer string) error {
	if err := w.setSetting(keyDemo, "1"); err != nil {
		return err
	}
	return w.setSetting(keyOfficerName, officer)
}
