package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"caseload/model"
	"caseload/store"
)

// buildBinary builds the real caseload binary once for the test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "caseload")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// importBatch is how many clients each killed import carries: enough that a
// kill often lands inside the transaction.
const importBatch = 40

func batchCSV(t *testing.T, dir string, run int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("name,case number,supervision type,level,conditions\n")
	for i := 0; i < importBatch; i++ {
		fmt.Fprintf(&b, "Person %d-%d,K-%d-%d,probation,moderate,%s\n", run, i, run, i, strings.Repeat("report weekly; ", 40))
	}
	p := filepath.Join(dir, fmt.Sprintf("batch-%d.csv", run))
	if err := os.WriteFile(p, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKilledWritesLoseNothingReported runs real imports and kills them with
// SIGKILL at random moments, over and over: after every kill the file must
// pass a full check, every import that reported success must be there, and
// every other must be there whole or not at all.
func TestKilledWritesLoseNothingReported(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it many times")
	}
	ctx := context.Background()
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "caseload.db")

	// One run untouched, to learn how long a run takes here.
	began := time.Now()
	if out, err := exec.Command(bin, "import-clients", "--db", db, batchCSV(t, dir, 0)).CombinedOutput(); err != nil {
		t.Fatalf("first import: %v\n%s", err, out)
	}
	runTime := time.Since(began)

	rng := rand.New(rand.NewPCG(1, 2))
	reported := []int{0}
	var killed, runs int
	deadline := time.Now().Add(3 * time.Second)
	for run := 1; time.Now().Before(deadline) && run <= 200; run++ {
		runs++
		cmd := exec.Command(bin, "import-clients", "--db", db, batchCSV(t, dir, run))
		var stdout bytes.Buffer
		cmd.Stdout = &stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill anywhere from the start to a little after a typical run.
		timer := time.AfterFunc(time.Duration(rng.Int64N(int64(runTime)*3/2)), func() { cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		timer.Stop()
		switch {
		case err == nil && strings.Contains(stdout.String(), fmt.Sprintf("%d added", importBatch)):
			reported = append(reported, run)
		case err != nil && strings.Contains(err.Error(), "killed"):
			killed++
		default:
			t.Fatalf("run %d failed without being killed: %v\n%s", run, err, stdout.String())
		}
		checkAfterKill(ctx, t, db, run, reported)
	}
	t.Logf("%d runs in %s: %d killed, %d reported success (a run takes %s)", runs, 3*time.Second, killed, len(reported), runTime)
	if killed == 0 || len(reported) < 2 {
		t.Fatalf("the loop must both kill runs and let some finish: %d killed, %d finished", killed, len(reported))
	}
}

// checkAfterKill opens the file as the next start of the app would.
func checkAfterKill(ctx context.Context, t *testing.T, db string, run int, reported []int) {
	t.Helper()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatalf("after run %d the file does not open: %v", run, err)
	}
	defer s.Close()
	rep, err := s.FullCheck(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("after run %d the file is not sound: %+v %v", run, rep, err)
	}
	for _, r := range reported {
		if _, _, err := s.ClientByCaseNumber(ctx, fmt.Sprintf("K-%d-%d", r, importBatch-1)); err != nil {
			t.Fatalf("run %d reported success but its clients are gone after run %d: %v", r, run, err)
		}
	}
	n, err := s.CaseloadCount(ctx, model.CaseloadQuery{Filter: fmt.Sprintf("K-%d-", run)})
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 && n != importBatch {
		t.Fatalf("run %d left %d of its %d clients: an import must be all or nothing", run, n, importBatch)
	}
}
