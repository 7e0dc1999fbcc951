package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"caseload/demo"
	"caseload/model"
	"caseload/store"
)

// benchClients is the size of the caseload the benchmarks run on: far more
// than one officer carries, so a figure here bounds what an officer sees.
const benchClients = 10000

// benchFile returns a copy of a 10k-client demo database, built once into the
// user's cache directory (keyed by size, seed and schema) and reused by later
// runs.
func benchFile(b *testing.B) string {
	b.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(cache, "caseload-bench", fmt.Sprintf("reliab-%d-seed1-%s.db", benchClients, store.SchemaKey()))
	if _, err := os.Stat(src); err != nil {
		if err := os.MkdirAll(filepath.Dir(src), 0o700); err != nil {
			b.Fatal(err)
		}
		tmp := src + ".building"
		os.Remove(tmp)
		s, err := store.Open(context.Background(), tmp)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Fill(context.Background(), s, demo.Options{Clients: benchClients, Seed: 1, Now: model.StartOfDay(testNow)}); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, src); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(b.TempDir(), "caseload.db")
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

func openBench(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(context.Background(), benchFile(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkOpen measures a start of the app on a big file, with its checks
// of the header, the folder and the permissions.
func BenchmarkOpen(b *testing.B) {
	path := benchFile(b)
	for b.Loop() {
		s, err := store.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkBackup measures the VACUUM INTO copy the app takes once a day.
func BenchmarkBackup(b *testing.B) {
	s := openBench(b)
	at := testNow
	for b.Loop() {
		at = at.Add(time.Second)
		if _, err := s.Backup(context.Background(), at, store.BackupOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDailyBackupWhenTaken measures every start after the first of a
// day: it only lists the backups folder.
func BenchmarkDailyBackupWhenTaken(b *testing.B) {
	s := openBench(b)
	if _, err := s.DailyBackup(context.Background(), testNow); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if file, err := s.DailyBackup(context.Background(), testNow); err != nil || file != "" {
			b.Fatalf("want nothing to do, got %q, %v", file, err)
		}
	}
}

// BenchmarkFullCheck measures `caseload check`.
func BenchmarkFullCheck(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		rep, err := s.FullCheck(context.Background())
		if err != nil || !rep.OK() {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}

// BenchmarkImportClients measures a dry run of a 500-client import against
// the big caseload: half the case numbers exist, half are new.
func BenchmarkImportClients(b *testing.B) {
	s := openBench(b)
	var imp model.ClientImport
	imp.Fields = []string{model.FieldName, model.FieldCaseNumber, model.FieldSupervisionType, model.FieldLevel}
	page, err := s.CaseloadPage(context.Background(), model.CaseloadQuery{Sort: model.SortName, Limit: 250})
	if err != nil {
		b.Fatal(err)
	}
	for i, row := range page {
		c, _, err := s.Client(context.Background(), row.ClientID)
		if err != nil {
			b.Fatal(err)
		}
		c.Level = model.LevelHigh
		imp.Lines = append(imp.Lines, model.ClientLine{Line: i + 2, Client: c})
	}
	for i := 0; i < 250; i++ {
		imp.Lines = append(imp.Lines, model.ClientLine{Line: 252 + i, Client: newClient(fmt.Sprintf("BENCH-%d", i))})
	}
	for b.Loop() {
		if _, err := s.ImportClients(context.Background(), imp, true); err != nil {
			b.Fatal(err)
		}
	}
}
