package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"caseload/demo"
	"caseload/internal/pgtest"
	"caseload/internal/secrettest"
	"caseload/model"
	"caseload/store"
)

// The agency sync's everyday figures, whole process: what the officer waits
// for when they type `caseload sync` (or the app runs it), from the
// process's start to its exit, against a real server over its Unix socket.

// syncBenchDay is "today" for the benchmark caseloads.
var syncBenchDay = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// syncAgency is a server with its schema, and officers to log in as.
type syncAgency struct {
	db    *pgtest.Database
	admin map[string]string
}

func newSyncAgency(b *testing.B) *syncAgency {
	b.Helper()
	db := agencyServer(b).NewDatabase(b)
	a := &syncAgency{db: db, admin: map[string]string{"CASELOAD_SERVER": db.URL, "CASELOAD_NEW_PASSWORD": "a long enough password"}}
	if code, _, errOut := cli(b, a.admin, "server", "init"); code != 0 {
		b.Fatal(errOut)
	}
	return a
}

// officer adds a login and returns its role.
func (a *syncAgency) officer(b *testing.B, name string) string {
	b.Helper()
	role := a.db.Role(b, name)
	if code, _, errOut := cli(b, a.admin, "server", "officer", "add", role); code != 0 {
		b.Fatal(errOut)
	}
	return role
}

// demoLaptop makes a caseload file of clients demo clients (seed seed), its
// case numbers made the laptop's own with prefix: demos of different seeds
// may share case numbers, which the server keeps unique.
func demoLaptop(b *testing.B, path string, clients int, seed uint64, prefix string) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return syncBenchDay }))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Fill(ctx, st, demo.Options{Clients: clients, Seed: seed, Now: syncBenchDay}); err != nil {
		b.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE clients SET case_number = ? || case_number", prefix); err != nil {
		b.Fatal(err)
	}
}

// dayOfWork adds n check-ins, as an officer's day brings, spread over the
// laptop's clients.
func dayOfWork(b *testing.B, path string, n int, when time.Time, note string) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rows, err := st.CaseloadPage(ctx, model.CaseloadQuery{Now: when, Limit: n})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i++ {
		r := rows[i%len(rows)]
		_, err := st.AddCheckIn(ctx, model.CheckIn{ClientID: r.ClientID, At: when.Add(time.Duration(i) * time.Minute), Type: model.ContactOffice,
			Outcome: model.OutcomeCompleted, Test: model.TestNotTested, Note: note})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// timedSync runs `caseload sync` as its own process in the environment env
// and returns how long it took, start to exit, and what it said.
func timedSync(b *testing.B, bin, path string, env []string) (time.Duration, string) {
	start := time.Now()
	cmd := exec.Command(bin, "sync", "--db", path)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		b.Fatalf("sync %s: %v\n%s", path, err, out)
	}
	return took, strings.TrimSpace(string(out))
}

func medianOf(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// BenchmarkEverydaySync times an everyday sync, whole process: a laptop
// holding a 200-client caseload sends a day's work (30 check-ins) and
// receives the 30 its twin (the same officer's second laptop) made, in
// alternating rounds, beside `caseload --version` (the process alone). The
// password comes from the file beside the database: the session has no
// keyring. The goal is under 200 ms.
//
// 2026-12-04 03:45 UTC, this 2-core machine, Unix socket: median 259 ms
// (231-319 ms over 9 rounds), of which the sync itself said 170 ms;
// `caseload --version` alone took 55 ms (42-77 ms). After the pull asked
// once which tables changed (05:08 UTC): median 155 ms (143-164 ms),
// `--version` 18 ms. Of a sync, about: open 7 ms, log in 16 ms, send 20 ms,
// which tables changed 24 ms (the server plans each table's row-level
// security), receive 15 ms, sum up the 30 clients 36-44 ms, close 11 ms.
func BenchmarkEverydaySync(b *testing.B) {
	everydaySync(b, nil)
}

// BenchmarkEverydaySyncFromTheKeyring is BenchmarkEverydaySync with the
// password in the OS keyring (GNOME Keyring on a session bus of the
// benchmark's own), as on an officer's desktop: what reading it costs.
//
// 2026-12-04 07:14-07:17 UTC, this 2-core machine, four runs of both, each
// 9 rounds: in the two quiet runs the file's median was 161 and 168 ms, the
// keyring's 170 and 165 ms; in two runs beside another test run, 211 and
// 212 ms against 221 and 231 ms. The keyring's read itself takes about 3 ms
// (BenchmarkGet in keyring/), within the rounds' spread.
func BenchmarkEverydaySyncFromTheKeyring(b *testing.B) {
	everydaySync(b, secrettest.Start(b))
}

// everydaySync times the everyday sync with the password kept in session's
// keyring, or in the file when session is nil.
func everydaySync(b *testing.B, session *secrettest.Session) {
	a := newSyncAgency(b)
	role := a.officer(b, "alice")
	bin := buildBinary(b)
	dir := b.TempDir()
	laptop, twin := filepath.Join(dir, "laptop.db"), filepath.Join(dir, "twin.db")
	demoLaptop(b, laptop, 200, 1, "A-")
	vars := map[string]string{}
	if session != nil {
		vars = session.Env()
	}
	env := withoutSession(os.Environ())
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	vars["CASELOAD_AGENCY_PASSWORD"] = "a long enough password"
	for _, p := range []string{laptop, twin} {
		if code, _, errOut := cli(b, vars, "sync", "--setup", loginURL(b, a.db, role), "--db", p); code != 0 {
			b.Fatalf("sync --setup: %s", errOut)
		}
		if _, err := os.Stat(p + ".agency-password"); (err == nil) != (session == nil) {
			b.Fatalf("the password file beside %s: %v; want one only without a keyring", p, err)
		}
	}
	const rounds = 9
	var syncs, versions []time.Duration
	var said string
	day := syncBenchDay
	for i := 0; i < rounds; i++ {
		day = day.Add(24 * time.Hour)
		dayOfWork(b, twin, 30, day, "twin's visit")
		if _, out := timedSync(b, bin, twin, env); !strings.Contains(out, "30 sent") {
			b.Fatalf("the twin's sync: %s", out)
		}
		dayOfWork(b, laptop, 30, day.Add(time.Hour), "laptop's visit")
		start := time.Now()
		if err := exec.Command(bin, "--version").Run(); err != nil {
			b.Fatal(err)
		}
		versions = append(versions, time.Since(start))
		took, out := timedSync(b, bin, laptop, env)
		if !strings.Contains(out, "30 sent") || !strings.Contains(out, "30 received") {
			b.Fatalf("the laptop's sync moved something else: %s", out)
		}
		syncs, said = append(syncs, took), out
	}
	kept := "the file"
	if session != nil {
		kept = "the OS keyring"
	}
	b.Logf("everyday sync (30 sent, 30 received), password from %s, whole process, %s UTC: median %v of %v; caseload --version median %v of %v; it said %q",
		kept, time.Now().UTC().Format("2006-01-02 15:04"), medianOf(syncs), syncs, medianOf(versions), versions, said)
	b.ReportMetric(float64(medianOf(syncs).Milliseconds()), "sync-ms")
	b.ReportMetric(float64(medianOf(versions).Milliseconds()), "version-ms")
}

// withoutSession is environ less what would lead to a desktop's keyring,
// so that a benchmark reaches only the keyring it starts, if any.
func withoutSession(environ []string) []string {
	var env []string
	for _, kv := range environ {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") {
			env = append(env, kv)
		}
	}
	return env
}

// BenchmarkFiftyLaptopsAtOnce starts 50 officers' laptops, 200 clients each,
// syncing against one server at the same moment, 50 processes: first each
// sending its whole caseload, then each a day's work (30 check-ins). Every
// sync must complete, and the server must hold every record of every
// laptop, once; it reports the slowest sync of each wave.
//
// 2026-12-04 03:48 UTC, this 2-core machine: every sync completed and the
// server held every laptop's clients and check-ins once; the first wave's
// slowest sync took 160 s (median 158 s), the everyday wave's 31.4 s (median
// 30.0 s): 50 processes and the server's 50 backends share two cores.
// 14:30 UTC, pulled records many to a statement: first wave slowest 182 s
// (median 180 s), everyday 40.7 s (36.9 s); the code before that change, run
// right after on the same machine (14:35 UTC): 192 s (189 s) and 50.2 s
// (46.2 s).
func BenchmarkFiftyLaptopsAtOnce(b *testing.B) {
	const laptops, clients = 50, 200
	a := newSyncAgency(b)
	bin := buildBinary(b)
	dir := b.TempDir()
	paths := make([]string, laptops)
	setups := make([][]string, laptops) // each laptop's first sync: --setup
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("laptop-%02d", i), "caseload.db")
		demoLaptop(b, paths[i], clients, uint64(100+i), fmt.Sprintf("L%02d-", i))
		role := a.officer(b, fmt.Sprintf("officer%02d", i))
		setups[i] = []string{"sync", "--setup", loginURL(b, a.db, role), "--db", paths[i]}
	}
	wave := func(what string, args func(i int) []string) time.Duration {
		var wg sync.WaitGroup
		took := make([]time.Duration, laptops)
		errs := make([]error, laptops)
		for i := range paths {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				start := time.Now()
				cmd := exec.Command(bin, args(i)...)
				cmd.Env = append(cmd.Environ(), "CASELOAD_AGENCY_PASSWORD=a long enough password")
				out, err := cmd.CombinedOutput()
				took[i] = time.Since(start)
				if err != nil {
					errs[i] = fmt.Errorf("laptop %d: %v: %s", i, err, out)
				}
			}(i)
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatalf("%s: %v", what, err)
			}
		}
		b.Logf("%s: %d laptops at once, slowest %v, median %v (%s UTC)", what, laptops, slowest(took), medianOf(took),
			time.Now().UTC().Format("2006-01-02 15:04"))
		return slowest(took)
	}
	first := wave("first sync (--setup), every laptop's whole caseload", func(i int) []string { return setups[i] })
	for i, p := range paths {
		dayOfWork(b, p, 30, syncBenchDay.Add(24*time.Hour), fmt.Sprintf("laptop %d's visit", i))
	}
	everyday := wave("everyday sync, 30 check-ins each", func(i int) []string { return []string{"sync", "--db", paths[i]} })
	// Nothing lost, nothing twice: the server holds each laptop's clients
	// and check-ins, and every outbox is empty.
	var wantClients, wantCheckIns int
	for _, p := range paths {
		c, k, waiting := laptopCounts(b, p)
		wantClients, wantCheckIns = wantClients+c, wantCheckIns+k
		if waiting != 0 {
			b.Errorf("%s still holds %d changes to send", p, waiting)
		}
	}
	gotClients, gotCheckIns := serverCounts(b, a.db.URL)
	if gotClients != wantClients || gotCheckIns != wantCheckIns {
		b.Errorf("the server holds %d clients and %d check-ins, the laptops %d and %d", gotClients, gotCheckIns, wantClients, wantCheckIns)
	}
	b.ReportMetric(first.Seconds(), "first-slowest-s")
	b.ReportMetric(everyday.Seconds(), "everyday-slowest-s")
}

func slowest(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

func laptopCounts(b *testing.B, path string) (clients, checkins, waiting int) {
	b.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	err = db.QueryRow(`SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM checkins),
		(SELECT count(*) FROM sync_outbox)`).Scan(&clients, &checkins, &waiting)
	if err != nil {
		b.Fatal(err)
	}
	return clients, checkins, waiting
}

func serverCounts(b *testing.B, url string) (clients, checkins int) {
	b.Helper()
	out, err := exec.Command(agencyServer(b).Program("psql"), "-X", "-q", "-A", "-t", url, "-c",
		"SELECT (SELECT count(*) FROM caseload.clients) || ' ' || (SELECT count(*) FROM caseload.checkins)").CombinedOutput()
	if err != nil {
		b.Fatalf("psql: %v\n%s", err, out)
	}
	if _, err := fmt.Sscan(string(out), &clients, &checkins); err != nil {
		b.Fatalf("psql said %q: %v", out, err)
	}
	return clients, checkins
}
