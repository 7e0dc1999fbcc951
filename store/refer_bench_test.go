package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"caseload/demo"
	"caseload/importer"
	"caseload/model"
	"caseload/store"
)

// benchNow is the frozen "today" of the benchmark databases, so that a cached
// file and the queries against it agree on what is due.
var benchNow = time.Date(2026, 11, 2, 0, 0, 0, 0, time.Local)

// benchDemoVersion changes whenever the demo's data or the schema changes, so
// that a file cached by an older build is not reused.
const benchDemoVersion = 10

// benchDemo returns a demo caseload of the given size, built once with
// demo.Fill into the user's cache directory (outside the repository) and
// reused by later runs; the name holds everything that shapes the data.
func benchDemo(b *testing.B, clients, resources int) *store.Store {
	b.Helper()
	s, err := store.Open(context.Background(), benchDemoPath(b, clients, resources), store.WithClock(func() time.Time { return benchNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchDemoPath returns the cached file of benchDemo, building it first if
// it is missing.
func benchDemoPath(b *testing.B, clients, resources int) string {
	b.Helper()
	ctx := context.Background()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "caseload-bench")
	path := filepath.Join(dir, fmt.Sprintf("demo-v%d-%s-c%d-r%d-seed1-%s.db", benchDemoVersion, store.SchemaKey(), clients, resources, benchNow.Format("20060102")))
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			b.Fatal(err)
		}
		// Build beside the final name and rename, so that an interrupted
		// build never leaves a half-filled file to be reused.
		tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
		b.Logf("building %s once (%d clients, %d resources)", path, clients, resources)
		s, err := store.Open(ctx, tmp, store.WithClock(func() time.Time { return benchNow }))
		if err != nil {
			b.Fatal(err)
		}
		_, err = demo.Fill(ctx, s, demo.Options{Clients: clients, Resources: resources, Seed: 1, Now: benchNow})
		s.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// cpuTime returns the CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopWithCPU runs fn in the benchmark loop and also reports the CPU time per
// operation: on a shared machine the wall time measures the neighbours too.
func loopWithCPU(b *testing.B, fn func()) {
	start, n := cpuTime(b), 0
	for b.Loop() {
		fn()
		n++
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(n)/1e6, "cpu-ms/op")
}

// BenchmarkSearchResources5000 searches a directory of 5,000 resources for a
// page of 50 (target: under 5 ms).
func BenchmarkSearchResources5000(b *testing.B) {
	s := benchDemo(b, 20, 5000)
	ctx := context.Background()
	for _, q := range []model.ResourceQuery{
		{Text: "recovery", Limit: 50},
		{Text: "harbor recovery center", Limit: 50},
		{Text: "counsel", Category: model.CategoryMentalHealth, Limit: 50},
		{Text: "main st", Limit: 50},
	} {
		b.Run(strings.ReplaceAll(q.Text, " ", "_")+"/"+string(q.Category), func(b *testing.B) {
			got, err := s.SearchResources(ctx, q)
			if err != nil || len(got) == 0 {
				b.Fatalf("search %q: %d results, %v", q.Text, len(got), err)
			}
			loopWithCPU(b, func() {
				if _, err := s.SearchResources(ctx, q); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkAgenda10000 reads the whole agenda of a 10,000-client caseload
// (target: under 10 ms).
func BenchmarkAgenda10000(b *testing.B) {
	s := benchDemo(b, 10000, 60)
	ctx := context.Background()
	now := benchNow.Add(9 * time.Hour)
	for _, limit := range []int{0, 50} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			ag, err := s.Agenda(ctx, now, limit)
			if err != nil {
				b.Fatal(err)
			}
			for _, sec := range ag.Sections {
				b.Logf("%s: %d of %d", sec.Kind, len(sec.Items), sec.Total)
			}
			loopWithCPU(b, func() {
				if _, err := s.Agenda(ctx, now, limit); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkImportCSV5000 reads and imports a 5,000-row CSV into a new file
// (target: under 2 s).
func BenchmarkImportCSV5000(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "directory.csv")
	var sb strings.Builder
	sb.WriteString("name,category,phone,email,address,hours,eligibility,notes\n")
	cats := []string{"Substance use", "Housing", "Job training", "Mental health", "Peer support", "Legal aid"}
	for i := range 5000 {
		fmt.Fprintf(&sb, "\"Program %d, %s\",%s,(555) %03d-%04d,intake%d@example.org,\"%d Main St, Springfield\",Mon-Fri 9-5,Adults 18+,\"Call first; ask for intake\"\n",
			i, cats[i%len(cats)], cats[i%len(cats)], i%1000, i, i, i)
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	n := 0
	loopWithCPU(b, func() {
		n++
		s, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("c%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		in, err := importer.Read(path)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := s.ImportResources(ctx, in, false)
		s.Close()
		if err != nil || rep.Added != 5000 {
			b.Fatalf("import: %+v, %v", rep, err)
		}
	})
}
