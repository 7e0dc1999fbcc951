package main

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"caseload/store"
	"caseload/tui"
)

func runApp(ctx context.Context, e *env, args []string) error {
	fs, db := flags("", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	path := dbPath(*db, e)
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	p := tea.NewProgram(tui.New(s, tui.Options{}), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("app: %w", err)
	}
	return nil
}
