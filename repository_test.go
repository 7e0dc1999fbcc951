package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// upward is a run of parent-folder steps in a path: "../..", "/.." after
// $(dirname "$0"), or filepath.Join("..", "..") once its arguments are
// joined. Variadic dots ("args...") and ellipses are not runs.
var upward = regexp.MustCompile(`(?:^|[^.\w])(\.\.(?:/\.\.)*)(?:/|["'\s)]|$)`)

// joinedArgs turns `"..", "..", "x"` into `"../../x"` so that
// filepath.Join's arguments read as one path.
var joinedArgs = regexp.MustCompile(`"\s*,\s*"`)

// hostPath is an absolute path into someone's home or this machine's work
// folders: what only one machine has.
var hostPath = regexp.MustCompile(`(?:^|["'\s=(:])(~/|/(?:home|root|work|Users|mnt|srv)/)`)

// fileAccess is a Go call that reads or writes a path. In Go, a home path
// elsewhere is data (where a summary was written, as the export log
// records it), not a file the test reads.
var fileAccess = regexp.MustCompile(`\b(?:os\.(?:Open|OpenFile|ReadFile|ReadDir|Stat|Lstat|Create|WriteFile|MkdirAll|Remove|RemoveAll|Chdir|DirFS)|filepath\.(?:Join|Glob|WalkDir|Walk|Abs)|exec\.Command|store\.Open|fs\.Sub)\(`)

// pathsLeavingTheRepository lists the lines of one file (at rel, a path from
// the repository's root) that name a path outside the repository.
func pathsLeavingTheRepository(rel, text string) []string {
	depth := strings.Count(filepath.ToSlash(filepath.Dir(rel)), "/") + 1
	if filepath.Dir(rel) == "." {
		depth = 0
	}
	var found []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := joinedArgs.ReplaceAllString(sc.Text(), "/")
		for _, m := range upward.FindAllStringSubmatch(line, -1) {
			if strings.Count(m[1], "..") > depth {
				found = append(found, fmt.Sprintf("%s:%d: %s leaves the repository", rel, n, strings.TrimSpace(sc.Text())))
			}
		}
		if hostPath.MatchString(line) && (!strings.HasSuffix(rel, ".go") || fileAccess.MatchString(line)) {
			found = append(found, fmt.Sprintf("%s:%d: %s names a path of one machine", rel, n, strings.TrimSpace(sc.Text())))
		}
	}
	return found
}

// readsOutside reports whether a file is one the tests, benchmarks or
// scripts run: a Go test, a shell script or the Makefile.
func readsOutside(rel string) bool {
	base := filepath.Base(rel)
	return strings.HasSuffix(base, "_test.go") || strings.HasSuffix(base, ".sh") || base == "Makefile" ||
		strings.HasPrefix(filepath.ToSlash(rel), "scripts/")
}

// TestNothingOutsideTheRepositoryIsRead keeps a fresh clone able to run its
// tests: no test, benchmark or script names a path beside or above the
// repository (a shared folder, a home directory).
func TestNothingOutsideTheRepositoryIsRead(t *testing.T) {
	var found []string
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "bin") {
				return filepath.SkipDir
			}
			return nil
		}
		// This file names the forbidden paths to test the check itself.
		if !readsOutside(path) || path == "repository_test.go" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		found = append(found, pathsLeavingTheRepository(path, string(b))...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d test files and scripts were checked: the walk missed the repository", checked)
	}
	if len(found) > 0 {
		t.Errorf("keep what the tests read inside the repository (testdata/):\n%s", strings.Join(found, "\n"))
	}
}

// TestPathsLeavingTheRepositoryAreFound checks the check itself. Its
// samples name a folder beside the repository by a made-up name: the check
// finds any path that climbs out of the repository, whatever it is called.
func TestPathsLeavingTheRepositoryAreFound(t *testing.T) {
	cases := []struct {
		rel, line string
		leaves    bool
	}{
		{"cmd_import_test.go", `dir := filepath.Join("..", "elsewhere", "hsds", "csv")`, true},
		{"store/import_test.go", `dir := filepath.Join("..", "..", "elsewhere", "hsds")`, true},
		{"store/import_test.go", `dir := filepath.Join("..", "testdata", "hsds")`, false},
		{"importer/a_test.go", `os.ReadFile("../../elsewhere/hsds/services.csv")`, true},
		{"scripts/bench.sh", `root=$(cd "$(dirname "$0")/.." && pwd)`, false},
		{"scripts/bench.sh", `cp "$(dirname "$0")/../../elsewhere/x" .`, true},
		{"Makefile", `	cp ../elsewhere/hsds testdata`, true},
		{"tui/a_test.go", `f, _ := os.Open("/home/officer/caseload.db")`, true},
		{"tui/a_test.go", `f, _ := os.Open("/root/caseload.db")`, true},
		{"scripts/x.sh", `cat ~/notes.txt`, true},
		{"tui/a_test.go", `cli(t, args...)`, false},
		{"tui/a_test.go", `want := "Ann…" + "..."`, false},
		{"tui/a_test.go", `os.OpenFile("/dev/full", os.O_WRONLY, 0)`, false},
		{"store/a_test.go", `x := model.Export{Destination: "/home/officer/summary.md"}`, false},
		{"store/a_test.go", `st, err := store.Open(ctx, "/work/caseload.db")`, true},
	}
	for _, c := range cases {
		if got := len(pathsLeavingTheRepository(c.rel, c.line)) > 0; got != c.leaves {
			t.Errorf("%s: %s: leaves = %v, want %v", c.rel, c.line, got, c.leaves)
		}
	}
}
