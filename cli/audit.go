package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"caseload/model"
)

// auditPage is how many entries are read at a time: the log grows with every
// write and is printed as it is read.
const auditPage = 1000

func newAuditCmd(e *env) *cobra.Command {
	var since string
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "List every write and every export, newest first",
		Example: `
# Everything since the first of the month:
caseload audit --since 2026-12-01

# The exports only:
caseload audit | grep export`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error { return runAudit(cmd.Context(), e, since) }),
	}
	cmd.Flags().StringVar(&since, "since", "", "list entries from this date on (2026-01-31 or 1/31/2026)")
	return cmd
}

func runAudit(ctx context.Context, e *env, since string) error {
	q := model.AuditQuery{Limit: auditPage}
	if since != "" {
		d, err := model.ParseCommonDate(since)
		if err != nil {
			return fmt.Errorf("%w: --since: %v", errUsage, err)
		}
		q.Since = d.In(time.Local)
	}
	s, err := openExisting(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer s.Close()
	total := 0
	for {
		page, err := s.AuditLog(ctx, q)
		if err != nil {
			return err
		}
		for _, en := range page {
			fmt.Fprintf(e.stdout, "%s  %-6s  %-15s  %s%s\n", en.At.Format("2006-01-02 15:04:05"), en.Action, en.EntityLabel(),
				en.EntityID, exportDetail(en.Export))
		}
		total += len(page)
		if len(page) < auditPage {
			break
		}
		q.AfterSeq = page[len(page)-1].Seq
	}
	fmt.Fprintf(e.stdout, "%d entries\n", total)
	return nil
}

func exportDetail(x model.ExportTrace) string {
	if x.Format == "" {
		return ""
	}
	redacted := ""
	if x.Redacted {
		redacted = ", redacted"
	}
	to := "to " + printable(x.Destination)
	if x.Recipient != "" {
		to = "for " + printable(x.Recipient) + ", " + to
	}
	return fmt.Sprintf("  %s, %d records%s, %s", x.Format, x.Records, redacted, to)
}
