package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"caseload/chart"
	"caseload/model"
	"caseload/store"
	"caseload/text"
)

// defaultReportWeeks is this week and the last four.
const defaultReportWeeks = 5

func newReportWorkloadCmd(e *env) *cobra.Command {
	var weeks int
	var format, officer string
	cmd := &cobra.Command{
		Use:   "workload",
		Short: "Your week, the caseload's shape and your load against the caseload standards",
		Long: "Contacts due, done, missed and overdue week by week (weeks start on Monday, local time), tests and\n" +
			"referrals; the active caseload by level, stage and type; risk flags and positive tests in the last\n" +
			"30 days; and the weighted load against the APPA caseload standards, or your agency's (caseload\n" +
			"settings --standard). Information for planning, never a score of the officer.",
		Example: `
# For a supervisor meeting:
caseload report workload > workload.md

# Twelve weeks, for another system:
caseload report workload --weeks 12 --format json

# In a supervisor's file (the team's caseloads), one officer's:
caseload report workload --officer jsmith`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error {
			return runReportWorkload(cmd.Context(), e, weeks, format, officer)
		}),
	}
	cmd.Flags().IntVar(&weeks, "weeks", defaultReportWeeks, fmt.Sprintf("how many weeks, this one included (1 to %d)", store.MaxWorkloadWeeks))
	cmd.Flags().StringVar(&format, "format", "md", "md (Markdown, reads as plain text) or json")
	cmd.Flags().StringVar(&officer, "officer", "", "in a supervisor's file, one officer's clients only (their login name)")
	return cmd
}

func runReportWorkload(ctx context.Context, e *env, weeks int, format, officer string) error {
	if weeks < 1 || weeks > store.MaxWorkloadWeeks {
		return fmt.Errorf("%w: --weeks: between 1 and %d, not %d", errUsage, store.MaxWorkloadWeeks, weeks)
	}
	if format != "md" && format != "json" {
		return fmt.Errorf("%w: --format: md or json, not %q", errUsage, format)
	}
	s, err := openStore(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	name := set.OfficerName
	if officer != "" {
		officers, err := s.Officers(ctx)
		if err != nil {
			return err
		}
		known := false
		var names []string
		for _, o := range officers {
			known = known || o.Owner == officer
			names = append(names, o.Owner)
		}
		if !known {
			return fmt.Errorf("%w: --officer: no client of this file is %s's (the file holds %s)", errUsage, text.Plain(officer), officerList(names))
		}
		name = officer
	}
	wl, err := s.WorkloadOf(ctx, time.Now(), weeks, officer)
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(workloadJSON(wl, name))
	}
	writeWorkloadMarkdown(e.stdout, wl, name)
	return nil
}

// officerList names the officers a file's clients belong to, for a message.
func officerList(officers []string) string {
	if len(officers) == 0 {
		return "no officer's clients: it is not a supervisor's file"
	}
	return "the clients of " + text.Plain(strings.Join(officers, ", "))
}

// workloadDoc is the JSON of the workload report; its field names are
// stable (see testdata/workload.schema.json).
type workloadDoc struct {
	Officer   string          `json:"officer"`
	AsOf      time.Time       `json:"as_of"`
	WeekStart string          `json:"week_starts_on"`
	Weeks     []workloadWeek  `json:"weeks"`
	Caseload  workloadShape   `json:"caseload"`
	Signals   workloadSignals `json:"signals"`
	Load      workloadLoad    `json:"load"`
}

type workloadWeek struct {
	Start           string         `json:"start"`
	End             string         `json:"end"`
	ContactsDue     int            `json:"contacts_due"`
	Contacts        int            `json:"contacts"`
	Done            map[string]int `json:"done"`
	DoneTotal       int            `json:"done_total"`
	Missed          int            `json:"missed"`
	Rescheduled     int            `json:"rescheduled"`
	OverdueAtEnd    int            `json:"overdue_at_end"`
	Tests           map[string]int `json:"tests"`
	TestsGiven      int            `json:"tests_given"`
	ReferralsMade   int            `json:"referrals_made"`
	ReferralsClosed int            `json:"referrals_closed"`
	StagesAtEnd     map[string]int `json:"stages_at_end"`
}

type workloadShape struct {
	Active  int            `json:"active"`
	ByLevel map[string]int `json:"by_level"`
	ByType  map[string]int `json:"by_type"`
	ByStage map[string]int `json:"by_stage"`
}

type workloadSignals struct {
	RiskFlagged   int `json:"clients_with_risk_flag_30_days"`
	UseIndicated  int `json:"clients_with_positive_test_30_days"`
	Violations    int `json:"clients_with_violation_30_days"`
	SafetyPrompts int `json:"phq9_safety_prompts_this_month"`
}

type workloadLoad struct {
	Standard string              `json:"standard"`
	Levels   []workloadLevelLoad `json:"levels"`
	Clients  int                 `json:"clients"`
	Percent  float64             `json:"percent_of_full_caseload"`
}

type workloadLevelLoad struct {
	Level      string  `json:"level"`
	Clients    int     `json:"clients"`
	PerOfficer int     `json:"clients_per_full_caseload"`
	PerClient  float64 `json:"percent_per_client"`
	Percent    float64 `json:"percent"`
}

// noStage names, in reports, the clients with no stage recorded yet.
const noStage = "none_recorded"

func counts[K ~string](m map[K]int) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if v == 0 {
			continue
		}
		if k == "" {
			out[noStage] += v
			continue
		}
		out[string(k)] += v
	}
	return out
}

// standardName says which standard the load is weighed against.
func standardName(s model.CaseloadStandards) string {
	if s.IsAPPA() {
		return "the APPA adult caseload standards (Caseload Standards for Probation and Parole, 2006)"
	}
	return "the agency's caseload standards, set in settings"
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }

func workloadJSON(wl model.Workload, officer string) workloadDoc {
	doc := workloadDoc{Officer: officer, AsOf: wl.Now, WeekStart: "monday"}
	for _, w := range wl.Weeks {
		doc.Weeks = append(doc.Weeks, workloadWeek{
			Start: model.DateOf(w.Week.Start).String(), End: model.DateOf(w.Week.End).String(),
			ContactsDue: w.Due, Contacts: w.Contacts, Done: counts(w.Done), DoneTotal: w.DoneTotal, Missed: w.Missed,
			Rescheduled: w.Rescheduled, OverdueAtEnd: w.Overdue, Tests: counts(w.Tests), TestsGiven: w.TestsGiven,
			ReferralsMade: w.ReferralsMade, ReferralsClosed: w.ReferralsClosed, StagesAtEnd: counts(w.Stages),
		})
	}
	doc.Caseload = workloadShape{Active: wl.Shape.Active, ByLevel: counts(wl.Shape.ByLevel), ByType: counts(wl.Shape.ByType),
		ByStage: counts(wl.Shape.ByStage)}
	doc.Signals = workloadSignals{RiskFlagged: wl.Signals.RiskFlagged, UseIndicated: wl.Signals.UseIndicated,
		Violations: wl.Signals.Violations, SafetyPrompts: wl.Signals.SafetyPrompts}
	doc.Load = workloadLoad{Standard: standardName(wl.Standards), Clients: wl.Load.Clients, Percent: round1(wl.Load.Percent)}
	for _, l := range wl.Load.Levels {
		doc.Load.Levels = append(doc.Load.Levels, workloadLevelLoad{Level: string(l.Level), Clients: l.Clients,
			PerOfficer: l.PerOfficer, PerClient: round1(l.PerClient), Percent: round1(l.Percent)})
	}
	return doc
}

// writeWorkloadMarkdown writes the report as Markdown tables that also read
// as plain text.
func writeWorkloadMarkdown(w io.Writer, wl model.Workload, officer string) {
	title := "# Workload"
	if officer != "" {
		title += ": " + text.Plain(officer)
	}
	fmt.Fprintf(w, "%s\n\nAs of %s. Weeks start on Monday, local time.\n\n", title, wl.Now.Format("Mon 2 Jan 2006 15:04"))
	n := len(wl.Weeks)
	if n == 1 {
		fmt.Fprintf(w, "## This week\n\n")
	} else {
		fmt.Fprintf(w, "## This week and the last %d\n\n", n-1)
	}
	types := model.ContactTypes()
	header := []string{"Week of", "Due", "Done"}
	for _, t := range types {
		header = append(header, t.Label)
	}
	header = append(header, "Missed", "Overdue at end", "Tests", "Positive or admitted", "Referrals made", "Referrals closed")
	fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
	for i, f := range wl.Weeks {
		week := f.Week.Start.Format("2 Jan")
		if i == n-1 {
			week += " (this week)"
		}
		row := []string{week, itoa(f.Due), itoa(f.DoneTotal)}
		for _, t := range types {
			row = append(row, itoa(f.Done[t.Value]))
		}
		row = append(row, itoa(f.Missed), itoa(f.Overdue), itoa(f.TestsGiven), itoa(f.Tests[model.TestPositive]+f.Tests[model.TestAdmitted]),
			itoa(f.ReferralsMade), itoa(f.ReferralsClosed))
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
	writeWorkloadTrend(w, wl)
	fmt.Fprintf(w, "\n## The caseload's shape\n\n%d active clients.\n\n", wl.Shape.Active)
	fmt.Fprintf(w, "| Level | Clients |\n| --- | --- |\n")
	for _, l := range model.LevelsByIntensity() {
		fmt.Fprintf(w, "| %s | %d |\n", l.Label(), wl.Shape.ByLevel[l])
	}
	fmt.Fprintf(w, "\n| Stage of change | Clients |\n| --- | --- |\n")
	for _, st := range model.Stages() {
		fmt.Fprintf(w, "| %s | %d |\n", st.Label, wl.Shape.ByStage[st.Value])
	}
	fmt.Fprintf(w, "| None recorded | %d |\n", wl.Shape.ByStage[""])
	fmt.Fprintf(w, "\n| Supervision | Clients |\n| --- | --- |\n")
	for _, t := range model.SupervisionTypes() {
		fmt.Fprintf(w, "| %s | %d |\n", t.Label, wl.Shape.ByType[t.Value])
	}
	fmt.Fprintf(w, "\n## Recent signals\n\n")
	fmt.Fprintf(w, "- Clients with a risk flag in the last 30 days: %d\n", wl.Signals.RiskFlagged)
	fmt.Fprintf(w, "- Clients with a positive test or admitted use in the last 30 days: %d\n", wl.Signals.UseIndicated)
	fmt.Fprintf(w, "- Clients with a violation recorded in the last 30 days: %d\n", wl.Signals.Violations)
	fmt.Fprintf(w, "- PHQ-9 screenings this month that asked about safety: %d\n", wl.Signals.SafetyPrompts)
	fmt.Fprintf(w, "\n## Weighted load\n\nAgainst %s. One full caseload is 100%%.\n\n", standardName(wl.Standards))
	fmt.Fprintf(w, "| Level | Clients | Clients per full caseload | Each client | Load |\n| --- | --- | --- | --- | --- |\n")
	for _, l := range wl.Load.Levels {
		fmt.Fprintf(w, "| %s | %d | %d | %.1f%% | %.1f%% |\n", l.Level.Label(), l.Clients, l.PerOfficer, l.PerClient, l.Percent)
	}
	fmt.Fprintf(w, "| **All** | **%d** | | | **%.1f%%** |\n", wl.Load.Clients, wl.Load.Percent)
}

func itoa(n int) string { return fmt.Sprint(n) }

// writeWorkloadTrend draws the weeks as one small chart a line, oldest week
// first: the height is the figure, a dot a week with nothing to show.
func writeWorkloadTrend(w io.Writer, wl model.Workload) {
	n := len(wl.Weeks)
	contacts, completed, used := make([]float64, n), make([]float64, n), make([]float64, n)
	most := 0.0
	for i, f := range wl.Weeks {
		contacts[i] = float64(f.Contacts)
		most = max(most, contacts[i])
		completed[i], used[i] = math.NaN(), math.NaN()
		if v, ok := f.CompletedShare(); ok {
			completed[i] = v
		}
		if v, ok := f.PositiveShare(); ok {
			used[i] = v
		}
	}
	plain := lipgloss.NewStyle()
	fmt.Fprintf(w, "\n```\nContacts logged      %s  (most in a week: %d)\n", chart.Sparkline(contacts, most, plain), int(most))
	fmt.Fprintf(w, "Share completed      %s  (0 to 100%%)\n", chart.Sparkline(completed, 1, plain))
	fmt.Fprintf(w, "Tests showing use    %s  (0 to 100%%; · no test that week)\n```\n", chart.Sparkline(used, 1, plain))
}
