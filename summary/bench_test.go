package summary

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"caseload/demo"
	"caseload/store"
)

// The benchmark caseload: 10,000 clients and about 200,000 check-ins, as
// made by the demo up to benchNow. It is built once into the user's cache
// directory (keyed by size, seed and day) and reused: building it takes
// about a minute.
const (
	benchClients = 10000
	benchSeed    = 1
)

var benchNow = time.Date(2026, 11, 2, 0, 0, 0, 0, zone)

// benchDay is the last full day of the demo's records, the day summarised.
func benchDay() (from, to time.Time) { return benchNow.AddDate(0, 0, -1), benchNow }

func benchDB(b *testing.B) string {
	b.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(cache, "caseload-bench")
	path := filepath.Join(dir, fmt.Sprintf("demo-%d-seed%d-%s-conditions.db", benchClients, benchSeed, benchNow.Format("20060102T1504-0700")))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	// Built under a temporary name and renamed when complete, so an
	// interrupted build is never taken for a finished one.
	tmp := path + fmt.Sprintf(".%d.building", os.Getpid())
	defer os.Remove(tmp)
	ctx := context.Background()
	st, err := store.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	began := time.Now()
	rep, err := demo.Fill(ctx, st, demo.Options{Clients: benchClients, Seed: benchSeed, Now: benchNow})
	if err == nil {
		_, err = st.Check(ctx) // a read that also folds the WAL back in at close
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s: %d clients, %d check-ins in %s", path, rep.Clients, rep.CheckIns, time.Since(began).Round(time.Second))
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkDaySummaryMarkdown loads, builds and writes as Markdown one day's
// summary of the 10,000-client caseload (target: under 20 ms).
func BenchmarkDaySummaryMarkdown(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	from, to := benchDay()
	var checkins, size int
	b.ResetTimer()
	for b.Loop() {
		s, err := Load(ctx, st, Request{From: from, To: to, Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		out, err := Render(s, Markdown)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Discard.Write(out); err != nil {
			b.Fatal(err)
		}
		checkins, size = s.Totals.Contacts, len(out)
	}
	b.ReportMetric(float64(checkins), "checkins")
	b.ReportMetric(float64(size), "bytes/summary")
}

// BenchmarkDaySummaryMarkdownFile is the same with the file written as the
// CLI writes it: a temporary file, fsync, rename.
func BenchmarkDaySummaryMarkdownFile(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	from, to := benchDay()
	out := filepath.Join(b.TempDir(), "summary.md")
	b.ResetTimer()
	for b.Loop() {
		doc, err := Make(ctx, st, Request{From: from, To: to, Now: benchNow}, Markdown)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := WriteFile(out, doc, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSQLite3MarkdownDay has the sqlite3 shell print the same day's
// check-ins (with client names, in the summary's order) as a Markdown table:
// the yardstick for the benchmark above. It includes starting the process.
func BenchmarkSQLite3MarkdownDay(b *testing.B) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Fatalf("the sqlite3 command-line shell is needed for this comparison: %v", err)
	}
	path := benchDB(b)
	from, to := benchDay()
	query := fmt.Sprintf(`SELECT c.name, c.case_number, k.at, k.type, k.outcome, k.location, k.test_result, k.substances,
		k.stage, k.flags, k.note, k.next_appointment_at
		FROM checkins k JOIN clients c ON c.id = k.client_id
		WHERE k.at >= '%s' AND k.at < '%s' AND NOT EXISTS (SELECT 1 FROM amendments a WHERE a.target_id = k.id)
		ORDER BY c.sort_name, c.case_number, k.at, k.id;`,
		from.UTC().Format("2006-01-02T15:04:05.000Z"), to.UTC().Format("2006-01-02T15:04:05.000Z"))
	b.ResetTimer()
	for b.Loop() {
		var stderr bytes.Buffer
		cmd := exec.Command(sqlite3, "-readonly", "-markdown", path, query)
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("sqlite3: %v: %s", err, stderr.Bytes())
		}
	}
}
