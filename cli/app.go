package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"caseload/store"
	"caseload/text"
	"caseload/tui"
)

// runApp opens the app on the caseload.
func runApp(ctx context.Context, e *env) error {
	path := dbPath(e)
	opt := tui.Options{Sync: appSync(e, path)}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		opt.NewFile = text.Plain(path)
	}
	// The file opens in the background while the terminal is set up and
	// the first frame is waited for; see tui.Opening.
	app := tui.Opening(ctx, func(ctx context.Context) (*store.Store, error) { return store.Open(ctx, path) }, opt)
	// The colour profile comes from the environment alone (TERM, COLORTERM,
	// NO_COLOR): Bubble Tea's own detection runs `tmux info` inside tmux,
	// which costs more than the rest of start-up together. At worst a tmux
	// with true colour gets 256 colours.
	p := tea.NewProgram(app, tea.WithContext(ctx), tea.WithColorProfile(colorprofile.Env(os.Environ())))
	_, runErr := p.Run()
	// A file that will not open is said first, even when the terminal could
	// not be set up either.
	s, err := app.Opened()
	if errors.Is(err, tui.ErrNotStarted) {
		return nil // no caseload at the path, and the officer chose not to start one
	}
	if err != nil {
		return err
	}
	defer s.Close()
	fixedPermissions(e, s) // said on screen too; here it stays
	if runErr != nil {
		return fmt.Errorf("app: %w", runErr)
	}
	return nil
}
