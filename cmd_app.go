package main

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/tui"
)

func runApp(ctx context.Context, e *env, args []string) error {
	fs, db := flags("", e)
	if err := parse(fs, args); err != nil {
		return err
	}
	path := dbPath(*db, e)
	s, err := openStore(ctx, e, path)
	if err != nil {
		return err
	}
	defer s.Close()
	// The day's first start keeps a copy while the officer works: on a big
	// file it takes seconds. A failure is said when the app closes, and does
	// not keep the officer out of the caseload.
	backup := make(chan error, 1)
	go func() {
		_, err := s.DailyBackup(ctx, time.Now())
		backup <- err
	}()
	defer func() {
		if err := <-backup; err != nil {
			fmt.Fprintf(e.stderr, "caseload: %v\n", err)
		}
	}()
	p := tea.NewProgram(tui.New(s, tui.Options{}), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("app: %w", err)
	}
	return nil
}
