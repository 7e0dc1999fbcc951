package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"caseload/model"
)

// intervalFlags collects --interval LEVEL=DAYS, once per level changed.
type intervalFlags map[model.Level]int

func (f intervalFlags) String() string { return "" }

func (f intervalFlags) Set(v string) error {
	level, days, ok := strings.Cut(v, "=")
	n, err := strconv.Atoi(strings.TrimSpace(days))
	if !ok || err != nil || !model.Level(strings.TrimSpace(level)).Valid() {
		return fmt.Errorf("want LEVEL=DAYS with a level of low, moderate, high or intensive, got %q", v)
	}
	f[model.Level(strings.TrimSpace(level))] = n
	return nil
}

// runSettings shows the settings, or changes those named by flags: the
// officer's name on summaries, the contact interval of each level (which
// moves every client's next-due date), and the folder summaries go to.
func runSettings(ctx context.Context, e *env, args []string) error {
	fs, db := flags("settings", e)
	officer := fs.String("officer", "", "your `name`, as summaries show it")
	exportDir := fs.String("export-dir", "", "the `folder` the app writes summaries to (default: your home folder)")
	intervals := intervalFlags{}
	fs.Var(intervals, "interval", "`LEVEL=DAYS`: the expected days between contacts for a level (repeat for each)")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, e, dbPath(*db, e))
	if err != nil {
		return err
	}
	defer s.Close()
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	changed := false
	fs.Visit(func(*flag.Flag) { changed = true })
	if *officer != "" {
		set.OfficerName = strings.TrimSpace(*officer)
	}
	if *exportDir != "" {
		if set.ExportDir, err = filepath.Abs(*exportDir); err != nil {
			return fmt.Errorf("export folder: %w", err)
		}
	}
	for level, days := range intervals {
		set.Intervals[level] = days
	}
	if changed {
		if err := s.SaveSettings(ctx, set); err != nil {
			if v := model.FieldErrors(err); v != nil {
				return fmt.Errorf("%w: %v", errUsage, v)
			}
			return err
		}
	}
	printSettings(e, set)
	return nil
}

func printSettings(e *env, set model.Settings) {
	officer := set.OfficerName
	if officer == "" {
		officer = "(not set)"
	}
	dir := set.ExportDir
	if dir == "" {
		dir = "(your home folder)"
	}
	fmt.Fprintf(e.stdout, "officer        %s\n", printable(officer))
	fmt.Fprintf(e.stdout, "export folder  %s\n", printable(dir))
	for _, l := range model.Levels() {
		fmt.Fprintf(e.stdout, "interval       %-9s %3d days\n", l.Value, set.Intervals.Days(l.Value))
	}
}
