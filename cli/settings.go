package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// intervalFlags collects --interval LEVEL=DAYS, once per level changed.
type intervalFlags map[model.Level]int

// String is empty: there is no default to show.
func (f intervalFlags) String() string { return "" }

// Type names the value in help.
func (f intervalFlags) Type() string { return "LEVEL=DAYS" }

// Set reads one LEVEL=DAYS.
func (f intervalFlags) Set(v string) error {
	level, days, ok := strings.Cut(v, "=")
	n, err := strconv.Atoi(strings.TrimSpace(days))
	if !ok || err != nil || !model.Level(strings.TrimSpace(level)).Valid() {
		return fmt.Errorf("want LEVEL=DAYS with a level of low, moderate, high or intensive, got %q", v)
	}
	f[model.Level(strings.TrimSpace(level))] = n
	return nil
}

// standardFlags collects --standard LEVEL=CLIENTS, once per level changed.
type standardFlags map[model.Level]int

// String is empty: there is no default to show.
func (f standardFlags) String() string { return "" }

// Type names the value in help.
func (f standardFlags) Type() string { return "LEVEL=CLIENTS" }

// Set reads one LEVEL=CLIENTS.
func (f standardFlags) Set(v string) error {
	level, clients, ok := strings.Cut(v, "=")
	n, err := strconv.Atoi(strings.TrimSpace(clients))
	if !ok || err != nil || !model.Level(strings.TrimSpace(level)).Valid() {
		return fmt.Errorf("want LEVEL=CLIENTS with a level of low, moderate, high or intensive, got %q", v)
	}
	f[model.Level(strings.TrimSpace(level))] = n
	return nil
}

// settingsOptions are the flags of `caseload settings`.
type settingsOptions struct {
	officer, exportDir string
	intervals          intervalFlags
	standards          standardFlags
	// syncOnStart and syncOnQuit are "", "yes" or "no" (--sync-on-start
	// and --sync-on-quit: the app syncs by itself).
	syncOnStart, syncOnQuit string
	// responses is a file of the agency's ladders and matrix to keep
	// (--responses); printResponses prints the ones kept, as such a file.
	responses      string
	printResponses bool
}

// changed reports whether any setting is to change.
func (o settingsOptions) changed() bool {
	return o.officer != "" || o.exportDir != "" || len(o.intervals) > 0 || len(o.standards) > 0
}

func newSettingsCmd(e *env) *cobra.Command {
	o := settingsOptions{intervals: intervalFlags{}, standards: standardFlags{}}
	cmd := &cobra.Command{
		Use:   "settings",
		Short: "Show the settings, or change your name, contact intervals or export folder",
		Long:  "With no flags, show the settings. A level's contact interval moves every next-due date with it.",
		Example: `
# Your name on summaries, and ten days between contacts at the high level:
caseload settings --officer "P. Officer" --interval high=10

# Summaries from the app go to a folder of their own:
caseload settings --export-dir ~/summaries`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runSettings(cmd.Context(), e, o) }),
	}
	cmd.Flags().StringVar(&o.officer, "officer", "", "your name, as summaries show it")
	cmd.Flags().StringVar(&o.exportDir, "export-dir", "", "the folder the app writes summaries to (default: your home folder)")
	cmd.Flags().Var(o.intervals, "interval", "the expected days between contacts for a level (repeat for each)")
	cmd.Flags().StringVar(&o.syncOnStart, "sync-on-start", "", "yes: the app syncs with the agency when it starts (no to stop)")
	cmd.Flags().StringVar(&o.syncOnQuit, "sync-on-quit", "", "yes: the app syncs with the agency when you quit with q (no to stop)")
	cmd.Flags().StringVar(&o.responses, "responses", "", "a JSON file of the agency's sanction and incentive ladders and response matrix to use (- for standard input)")
	cmd.Flags().BoolVar(&o.printResponses, "print-responses", false, "print the ladders and matrix in use, as a file for --responses")
	cmd.Flags().Var(o.standards, "standard", "clients of a level that make one full caseload, for the workload (default the APPA's: intensive=20, high=50, moderate=50, low=200)")
	return cmd
}

// runSettings shows the settings, or changes those named by flags: the
// officer's name on summaries, the contact interval of each level (which
// moves every client's next-due date), and the folder summaries go to.
func runSettings(ctx context.Context, e *env, o settingsOptions) error {
	s, err := openExisting(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	changed := o.changed()
	if o.officer != "" {
		set.OfficerName = strings.TrimSpace(o.officer)
	}
	if o.exportDir != "" {
		if set.ExportDir, err = filepath.Abs(o.exportDir); err != nil {
			return fmt.Errorf("export folder: %w", err)
		}
	}
	for level, days := range o.intervals {
		set.Intervals[level] = days
	}
	for level, n := range o.standards {
		set.Standards[level] = n
	}
	if changed {
		if err := s.SaveSettings(ctx, set); err != nil {
			if v := model.FieldErrors(err); v != nil {
				return fmt.Errorf("%w: %v", errUsage, v)
			}
			return err
		}
	}
	if o.responses != "" {
		if err := setResponses(ctx, e, s, o.responses); err != nil {
			return err
		}
	}
	if o.printResponses {
		r, err := s.ResponseSettings(ctx)
		if err != nil {
			return err
		}
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	when, err := s.SyncWhen(ctx)
	if err != nil {
		return err
	}
	if o.syncOnStart != "" || o.syncOnQuit != "" {
		if when.OnStart, err = yesNo("--sync-on-start", o.syncOnStart, when.OnStart); err != nil {
			return err
		}
		if when.OnQuit, err = yesNo("--sync-on-quit", o.syncOnQuit, when.OnQuit); err != nil {
			return err
		}
		if err := s.SetSyncWhen(ctx, when); err != nil {
			return err
		}
	}
	printSettings(e, set)
	if fixed, err := s.AgencySettingsFromServer(ctx); err != nil {
		return err
	} else if fixed {
		fmt.Fprintln(e.stdout, "intervals, standards and responses are the agency's: a supervisor sets them")
	}
	fmt.Fprintf(e.stdout, "sync on start  %s\nsync on quit   %s\n", yesNoWord(when.OnStart), yesNoWord(when.OnQuit))
	return nil
}

// setResponses keeps the agency's ladders and matrix from a JSON file, after
// checking them whole: a response keeps the label it was given, so a changed
// ladder leaves the record as it was.
func setResponses(ctx context.Context, e *env, s *store.Store, path string) error {
	var b []byte
	var err error
	if path == "-" {
		b, err = io.ReadAll(e.stdin)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return fmt.Errorf("read the responses file: %w", err)
	}
	var r model.ResponseSettings
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return fmt.Errorf("%w: the responses file: %v", errUsage, err)
	}
	if err := s.SaveResponseSettings(ctx, r); err != nil {
		if v := model.FieldErrors(err); v != nil {
			return fmt.Errorf("%w: the responses file: %v", errUsage, v)
		}
		return err
	}
	fmt.Fprintf(e.stdout, "responses      %d sanctions, %d incentives, the matrix for %d seriousnesses\n",
		len(r.Sanctions), len(r.Incentives), len(r.Matrix))
	return nil
}

// yesNo reads a yes/no flag's value; "" keeps what was.
func yesNo(flag, v string, was bool) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "":
		return was, nil
	case "yes", "true", "on":
		return true, nil
	case "no", "false", "off":
		return false, nil
	}
	return was, fmt.Errorf("%w: %s takes yes or no, not %q", errUsage, flag, v)
}

func yesNoWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
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
	fmt.Fprintf(e.stdout, "officer        %s\n", text.Plain(officer))
	fmt.Fprintf(e.stdout, "export folder  %s\n", text.Plain(dir))
	for _, l := range model.Levels() {
		fmt.Fprintf(e.stdout, "interval       %-9s %3d days\n", l.Value, set.Intervals.Days(l.Value))
	}
	for _, l := range model.Levels() {
		fmt.Fprintf(e.stdout, "standard       %-9s %3d clients per officer\n", l.Value, set.Standards.PerOfficer(l.Value))
	}
}
