package store

import (
	"context"
	"encoding/json"
	"fmt"

	"caseload/model"
)

// keyResponses holds the agency's ladders and response matrix as JSON.
const keyResponses = "responses"

// ResponseSettings reads the agency's response ladders and matrix; the
// defaults until they are changed.
func (s *Store) ResponseSettings(ctx context.Context) (model.ResponseSettings, error) {
	return readResponseSettings(ctx, s.db)
}

func readResponseSettings(ctx context.Context, q querier) (model.ResponseSettings, error) {
	v, err := readAgencySetting(ctx, q, keyResponses)
	if err != nil || v == "" {
		return model.DefaultResponseSettings(), err
	}
	var r model.ResponseSettings
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return r, fmt.Errorf("setting %s: %w", keyResponses, err)
	}
	return r, nil
}

// SaveResponseSettings stores the agency's ladders and matrix. Responses
// already recorded keep the label they were given.
func (s *Store) SaveResponseSettings(ctx context.Context, r model.ResponseSettings) error {
	if err := r.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("save response settings: %w", err)
	}
	return s.write(ctx, func(w *Writer) error {
		held, err := readResponseSettings(w.ctx, w.tx)
		if err != nil {
			return err
		}
		was, err := json.Marshal(held)
		if err != nil {
			return fmt.Errorf("save response settings: %w", err)
		}
		return w.setAgencySettings(map[string]string{keyResponses: string(b)}, map[string]string{keyResponses: string(was)})
	})
}
