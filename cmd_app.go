package main

import (
	"context"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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
	// The colour profile comes from the environment alone (TERM, COLORTERM,
	// NO_COLOR): Bubble Tea's own detection runs `tmux info` inside tmux,
	// which costs more than the rest of start-up together. At worst a tmux
	// with true colour gets 256 colours.
	p := tea.NewProgram(tui.New(s, tui.Options{}), tea.WithContext(ctx),
		tea.WithColorProfile(colorprofile.Env(os.Environ())))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("app: %w", err)
	}
	return nil
}
