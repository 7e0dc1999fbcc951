package store

import (
	"context"
	"fmt"
	"strings"
)

// NoteMatch is a note that matched a search.
type NoteMatch struct {
	Kind     string // checkin, stage_note or referral_event
	RecordID string
	ClientID string
	Snippet  string
}

// SearchNotes finds notes holding all the words of query, best match first;
// clientID narrows the search to one client ("" for all).
func (s *Store) SearchNotes(ctx context.Context, query, clientID string, limit int) ([]NoteMatch, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, record_id, client_id, snippet(notes_fts, 0, '[', ']', '…', 12)
		FROM notes_fts WHERE notes_fts MATCH ?1 AND (?2 = '' OR client_id = ?2) ORDER BY rank LIMIT ?3`,
		match, clientID, limitOrAll(limit))
	if err != nil {
		return nil, fmt.Errorf("search notes: %w", explain(err))
	}
	defer rows.Close()
	var out []NoteMatch
	for rows.Next() {
		var m NoteMatch
		if err := rows.Scan(&m.Kind, &m.RecordID, &m.ClientID, &m.Snippet); err != nil {
			return nil, fmt.Errorf("search notes: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ftsQuery turns what the officer typed into an FTS5 query of quoted words,
// each a prefix, so that punctuation in the input is never FTS syntax.
func ftsQuery(input string) string {
	var terms []string
	for _, w := range strings.Fields(input) {
		w = strings.ReplaceAll(w, `"`, `""`)
		terms = append(terms, `"`+w+`"*`)
	}
	return strings.Join(terms, " ")
}
