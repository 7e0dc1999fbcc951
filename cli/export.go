package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"caseload/model"
	"caseload/outfile"
	"caseload/store"
	"caseload/summary"
	"caseload/text"
)

// exportOptions are the flags of `caseload export`.
type exportOptions struct {
	from, to, caseNumber, format, out, forName string
	redact, force, list, encrypt, forSet       bool
}

func newExportCmd(e *env) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a summary of the work in a range (Markdown, text, JSON or CSV)",
		Long: "A summary of the work in a range: by default since the last export, or today. Days are typed as\n" +
			"2026-12-03, today, yesterday or -7d. A file is written whole or not at all (mode 0600), never over\n" +
			"an existing file without --force, and every export is logged with its SHA-256.",
		Example: `
# Today's work, to read or paste:
caseload export --from today

# Last week for one client, as CSV, into a file:
caseload export --from -7d --client CR-1042 --format csv -o week.csv

# For the treatment provider the client consented to, encrypted for mail:
caseload export --from -30d --for "Harbor Clinic" --encrypt -o harbor.md.age`,
		Args: noArgs,
		RunE: action(func(cmd *cobra.Command, _ []string) error {
			o.forSet = cmd.Flags().Changed("for")
			return runExport(cmd.Context(), e, o)
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&o.from, "from", "", "first day included: YYYY-MM-DD, today, yesterday or -Nd (default: since the last export, or today)")
	fl.StringVar(&o.to, "to", "", "last day included (default: up to now)")
	fl.StringVar(&o.caseNumber, "client", "", "only the client with this case number")
	fl.StringVar(&o.format, "format", "md", "the form of the summary: md, txt, json or csv")
	fl.BoolVar(&o.redact, "redact", false, "leave out all substance-use information (42 CFR Part 2): tests, sensitive notes, AUDIT-C, treatment referrals and conditions")
	fl.BoolVar(&o.force, "force", false, "replace the output file if it exists")
	fl.StringVarP(&o.out, "output", "o", "-", "write to file; - for standard output")
	fl.BoolVar(&o.list, "list", false, "list the summaries exported so far, newest first, and stop")
	fl.BoolVar(&o.encrypt, "encrypt", false, "encrypt the file with a passphrase (age), for a USB stick or mail; needs -o FILE")
	fl.StringVar(&o.forName, "for", "", "make the summary for a recipient (a resource's name or id, or a person named on a consent): only what each client's active consent allows")
	return cmd
}

func runExport(ctx context.Context, e *env, o exportOptions) error {
	f, err := summary.ParseFormat(o.format)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	now := time.Now()
	st, err := openExisting(ctx, e, dbPath(e))
	if err != nil {
		return err
	}
	defer st.Close()
	if o.list {
		return listExports(ctx, st, e.stdout)
	}
	req, err := exportRequest(ctx, st, o.from, o.to, o.caseNumber, now)
	if err != nil {
		return err
	}
	req.Redact = o.redact
	if o.forSet {
		// An empty --for (a script's unset variable) is refused inside
		// recipientFor, never taken as the officer's full record.
		to, err := recipientFor(ctx, st, o.forName, req.ClientID)
		if err != nil {
			return err
		}
		req.For = &to
	}
	if o.encrypt && o.out == "-" {
		return fmt.Errorf("%w: --encrypt writes a file: name it with -o FILE", errUsage)
	}
	if o.out != "-" {
		// Fail before the work when the answer is already known; the write
		// checks again at the moment of writing.
		if err := outfile.Check(o.out); err != nil && !(o.force && errors.Is(err, outfile.ErrExists)) {
			return exportWriteError(err)
		}
	}
	doc, err := summary.Make(ctx, st, req, f)
	if err != nil {
		return err
	}
	var pass string
	if o.encrypt {
		if pass, err = passphraseFor(e, "Passphrase for the summary: ", true)(); err != nil {
			return err
		}
	}
	// What the export log keeps is the SHA-256 of the bytes that left: the
	// document's, or, encrypted, those of the encrypted file.
	digest := sha256.New()
	fill := func(w io.Writer) error {
		digest.Reset()
		// Through a buffer: the document is held a section a client.
		out := bufio.NewWriterSize(io.MultiWriter(w, digest), 64<<10)
		var err error
		if o.encrypt {
			err = encryptSummary(out, pass, doc)
		} else {
			_, err = doc.WriteTo(out)
		}
		if err != nil {
			return err
		}
		return out.Flush()
	}
	dest, kind := "stdout", outfile.Streamed
	// placed is what failed after the file was in place whole: the summary
	// is there, so it is recorded and reported as written, and this after.
	var placed error
	if o.out == "-" {
		if err := fill(e.stdout); err != nil {
			return fmt.Errorf("write summary to standard output: %w", err)
		}
	} else {
		if dest, err = filepath.Abs(o.out); err != nil {
			return fmt.Errorf("write summary: %w", err)
		}
		if kind, err = outfile.WriteWith(dest, o.force, fill); err != nil {
			if !outfile.Placed(err) {
				return exportWriteError(err)
			}
			placed = err
		}
	}
	if _, err := summary.RecordDocument(ctx, st, doc, digest.Sum(nil), dest); err != nil {
		err = fmt.Errorf("the summary was written to %s but the export log could not record it: %w", dest, err)
		if placed != nil {
			err = fmt.Errorf("%w; and %v", err, placed)
		}
		return err
	}
	if o.out != "-" {
		// A summary streamed to a pipe or a terminal (-o /dev/stdout) is
		// what goes down it: the note about it goes beside, on stderr.
		note := e.stdout
		if kind == outfile.Streamed {
			note = e.stderr
		}
		fmt.Fprintf(note, "wrote %s of %s to %s%s\n", plural(doc.Records(), "record"), plural(doc.Clients(), "client"), text.Plain(dest), forWhom(doc.Summary))
	}
	if placed != nil {
		return fmt.Errorf("%w (the export log records it)", placed)
	}
	return nil
}

// forWhom says who a summary was made for, after where it went.
func forWhom(s model.Summary) string {
	if s.SharedWith == "" {
		return ""
	}
	return " for " + text.Plain(s.SharedWith)
}

// encryptSummary seals the document with a passphrase the officer typed
// (or $CASELOAD_PASSPHRASE), using the same age encryption as backups.
func encryptSummary(w io.Writer, pass string, doc *summary.Document) error {
	ew, err := store.EncryptWriter(w, pass, backupWorkFactor)
	if err != nil {
		return fmt.Errorf("encrypt summary: %w", err)
	}
	if _, err := doc.WriteTo(ew); err != nil {
		return fmt.Errorf("encrypt summary: %w", err)
	}
	if err := ew.Close(); err != nil {
		return fmt.Errorf("encrypt summary: %w", err)
	}
	return nil
}

func exportWriteError(err error) error {
	if errors.Is(err, outfile.ErrExists) {
		return fmt.Errorf("%w; use --force to replace it", err)
	}
	return err
}

// exportRequest turns the range and client flags into a request. --to names
// the last day included, so the range ends at the start of the day after.
func exportRequest(ctx context.Context, st *store.Store, from, to, caseNumber string, now time.Time) (summary.Request, error) {
	req := summary.Request{Now: now}
	var err error
	if req.From, req.To, err = summary.DefaultRange(ctx, st, now); err != nil {
		return req, err
	}
	if from != "" {
		d, err := parseDay(from, now)
		if err != nil {
			return req, fmt.Errorf("%w: --from: %v", errUsage, err)
		}
		req.From = d.In(now.Location())
	}
	if to != "" {
		d, err := parseDay(to, now)
		if err != nil {
			return req, fmt.Errorf("%w: --to: %v", errUsage, err)
		}
		// A summary cannot cover what has not happened: a range that runs
		// on past now ends now, and the next "since the last export" picks
		// up from there.
		if req.To = d.AddDays(1).In(now.Location()); req.To.After(now) {
			req.To = now
		}
	}
	if !req.From.Before(req.To) {
		if from != "" && to != "" {
			return req, fmt.Errorf("%w: --from %s is after --to %s", errUsage, text.Plain(from), text.Plain(to))
		}
		return req, fmt.Errorf("%w: the range would start %s, after its end %s", errUsage,
			req.From.Format("2006-01-02 15:04"), req.To.Format("2006-01-02 15:04"))
	}
	if caseNumber != "" {
		c, _, err := st.ClientByCaseNumber(ctx, caseNumber)
		if errors.Is(err, store.ErrNotFound) {
			return req, fmt.Errorf("no client with case number %q", text.Plain(caseNumber))
		}
		if err != nil {
			return req, err
		}
		req.ClientID, req.CaseNumber = c.ID, c.CaseNumber
	}
	return req, nil
}

var daysAgo = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-(\d{1,4})d$`) })

// parseDay reads a day as typed after --from or --to: YYYY-MM-DD, "today",
// "yesterday" or "-Nd" (N days ago). It is the one place the command reads
// dates, so that the natural-date parser the forms use can take its place.
func parseDay(s string, now time.Time) (model.Date, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	today := model.DateOf(now)
	switch s {
	case "today":
		return today, nil
	case "yesterday":
		return today.AddDays(-1), nil
	}
	if m := daysAgo().FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1]) // at most four digits: always a number
		return today.AddDays(-n), nil
	}
	d, err := model.ParseDate(s)
	if err != nil || d.IsZero() {
		return d, fmt.Errorf("%q is not a day (want YYYY-MM-DD, today, yesterday or -7d)", text.Plain(s))
	}
	return d, nil
}

// listExports prints the export log, one line each.
func listExports(ctx context.Context, st *store.Store, w io.Writer) error {
	list, err := st.Exports(ctx, 0, 0)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(w, "no summaries exported yet")
		return nil
	}
	const layout = "2006-01-02 15:04"
	for _, x := range list {
		redacted := "full"
		if x.Redacted {
			redacted = "redacted"
		}
		scope := "caseload"
		if x.ClientID != "" {
			scope = "one client"
		}
		dest := text.Plain(x.Destination)
		if x.Recipient != "" {
			dest = "for " + text.Plain(x.Recipient) + ": " + dest
		}
		fmt.Fprintf(w, "%s  %-4s %-8s %-10s %5d records  %s to %s  %s  sha256:%s\n",
			x.At.Format(layout), x.Format, redacted, scope, x.Records, x.From.Format(layout), x.To.Format(layout),
			dest, x.SHA256[:12])
	}
	return nil
}

// plural writes "1 record", "2 records".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
