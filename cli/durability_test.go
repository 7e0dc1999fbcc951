package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds the real caseload binary once for the test.
// importBatch is how many clients each killed import carries: enough that a
// kill often lands inside the transaction.
const importBatch = 40

const batchHeader = "name,case number,supervision type,level,conditions\n"

// batchRows are the CSV lines of one run's clients.
func batchRows(run int) string {
	var b strings.Builder
	for i := 0; i < importBatch; i++ {
		fmt.Fprintf(&b, "Person %d-%d,K-%d-%d,probation,moderate,%s\n", run, i, run, i, strings.Repeat("report weekly; ", 40))
	}
	return b.String()
}

func writeCSV(t *testing.T, path, rows string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(batchHeader+rows), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestKilledWritesLoseNothingReported runs real imports and kills them with
// SIGKILL at random moments, over and over. After every kill the binary, as
// the next start of the app, must find the file sound (caseload check), every
// import that reported success in it unchanged, and the killed import there
// whole or not at all.
func TestKilledWritesLoseNothingReported(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it many times")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "caseload.db")
	caseload := func(args ...string) (string, error) {
		out, err := exec.Command(bin, append(args, "--db", db)...).CombinedOutput()
		return string(out), err
	}

	// Two runs untouched: the first makes the file, the second shows how long
	// a run takes here.
	var runTime time.Duration
	for run := 0; run < 2; run++ {
		began := time.Now()
		if out, err := caseload("import", "clients", writeCSV(t, filepath.Join(dir, fmt.Sprintf("run-%d.csv", run)), batchRows(run))); err != nil {
			t.Fatalf("import %d: %v\n%s", run, err, out)
		}
		runTime = time.Since(began)
	}

	rng := rand.New(rand.NewPCG(1, 2))
	reported := batchRows(0) + batchRows(1)
	var killed, finished, runs int
	deadline := time.Now().Add(3 * time.Second)
	// Kills land at random within window, which adapts: it shrinks when a
	// run finished before its kill and grows when the kill came first, so
	// that kills keep landing while the import writes, however loaded the
	// machine is.
	window := runTime
	for run := 2; (time.Now().Before(deadline) || killed < 3 || finished < 3) && run < 60; run++ {
		runs++
		csv := writeCSV(t, filepath.Join(dir, fmt.Sprintf("run-%d.csv", run)), batchRows(run))
		cmd := exec.Command(bin, "import", "clients", "--db", db, csv)
		var stdout bytes.Buffer
		cmd.Stdout = &stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Every other run is killed within the window; the others run to the
		// end.
		kill := time.AfterFunc(time.Duration(rng.Int64N(int64(window))+1), func() { cmd.Process.Signal(syscall.SIGKILL) })
		if run%2 == 1 {
			kill.Stop()
		}
		err := cmd.Wait()
		kill.Stop()
		switch {
		case err == nil && strings.Contains(stdout.String(), fmt.Sprintf("%d added", importBatch)):
			reported += batchRows(run)
			finished++
			if run%2 == 0 {
				window = window/2 + 1
			}
		case err != nil && strings.Contains(err.Error(), "killed"):
			killed++
			window = min(window*5/4, 2*runTime)
		default:
			t.Fatalf("run %d failed without being killed: %v\n%s", run, err, stdout.String())
		}

		if out, err := caseload("check"); err != nil {
			t.Fatalf("after run %d the file is not sound: %v\n%s", run, err, out)
		}
		// One rehearsal of every import that reported success and of this
		// one: the first must all be there unchanged, this one whole or not
		// at all.
		rows := reported
		if !strings.HasSuffix(reported, batchRows(run)) {
			rows += batchRows(run)
		}
		all := writeCSV(t, filepath.Join(dir, "reported.csv"), rows)
		out, err := caseload("import", "clients", "--dry-run", all)
		if err != nil {
			t.Fatalf("after run %d: %v\n%s", run, err, lastLines(out))
		}
		adds := 0
		if strings.HasSuffix(reported, batchRows(run)) && strings.Contains(out, ": would add ") {
			t.Fatalf("run %d reported success but is not there", run)
		}
		for _, line := range strings.Split(out, "\n") {
			if !strings.Contains(line, ": would add ") {
				continue
			}
			if !strings.Contains(line, fmt.Sprintf(" K-%d-", run)) {
				t.Fatalf("after run %d an import that reported success is not all there: %s", run, line)
			}
			adds++
		}
		if adds != 0 && adds != importBatch {
			t.Fatalf("run %d left %d of its %d clients: an import must be whole or absent", run, importBatch-adds, importBatch)
		}
	}
	t.Logf("%d runs: %d killed, %d finished (an uninterrupted run took %s, the kill window ended at %s)", runs, killed, finished, runTime, window)
	if killed == 0 || finished == 0 {
		t.Fatalf("the loop must both kill runs and let some finish: %d killed, %d finished", killed, finished)
	}
}

// lastLines keeps a failure message short: the summary of an import report.
func lastLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-3):], "\n")
}
