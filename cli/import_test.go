package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"caseload/model"
	"caseload/store"
)

// runCLI runs the command line as main does and returns the exit status and
// what was printed.
func resourceCount(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.CountResources(context.Background(), model.ResourceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func sampleDir(t *testing.T) string {
	dir := filepath.Join("..", "testdata", "hsds", "csv")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the HSDS samples must be at %s: %v", dir, err)
	}
	return dir
}

func TestImportResourcesReportsAndSavesOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	code, out, errOut := cli(t, nil, "import", "resources", "--db", db, sampleDir(t))
	if code != 0 || !strings.Contains(out, "1 added, 0 updated, 0 unchanged, 0 skipped") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = cli(t, nil, "import", "resources", sampleDir(t), "--db", db)
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 1 unchanged") {
		t.Fatalf("second import: exit %d, out %q", code, out)
	}
	if n := resourceCount(t, db); n != 1 {
		t.Errorf("%d resources; want 1", n)
	}
}

func TestImportResourcesDryRunSavesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	code, out, errOut := cli(t, nil, "import", "resources", "--dry-run", "--db", db, sampleDir(t))
	if code != 0 || !strings.Contains(out, "dry run, nothing saved") || !strings.Contains(out, "1 added") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	if n := resourceCount(t, db); n != 0 {
		t.Errorf("a dry run saved %d resources", n)
	}
}

func TestImportResourcesOfAnUnreadableFileFailsAndLeavesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errOut := cli(t, nil, "import", "resources", "--db", db, sampleDir(t)); code != 0 {
		t.Fatal(errOut)
	}
	bad := filepath.Join(dir, "no-category.csv")
	if err := os.WriteFile(bad, []byte("name,phone\nHarbor,555\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing.json")} {
		code, out, errOut := cli(t, nil, "import", "resources", "--db", db, path)
		if code != 1 || out != "" || !strings.Contains(errOut, filepath.Base(path)) {
			t.Errorf("import %s: exit %d, out %q, err %q; want exit 1 and an error naming the file", path, code, out, errOut)
		}
	}
	if n := resourceCount(t, db); n != 1 {
		t.Errorf("%d resources after failed imports; want the 1 from before", n)
	}
}

func TestImportResourcesUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"import"}, {"import", "vehicles", "x"}, {"import", "resources"}, {"import", "resources", "a", "b"}} {
		if code, _, errOut := cli(t, nil, args...); code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, err %q; want a usage error (2)", args, code, errOut)
		}
	}
}

func TestImportReportNeverPrintsControlCharacters(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil\x1b]0;owned\x07\u202e.csv")
	if err := os.WriteFile(evil, []byte("name,category,email\nHarbor\x1b[2J,housing,\x1b[31m@x\n,housing,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, nil, "import", "resources", "--db", filepath.Join(dir, "c.db"), evil)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.ContainsAny(out+errOut, "\x1b\x07\u202e") {
		t.Errorf("the report printed control characters: %q", out)
	}
	if !strings.Contains(out, "1 added") || !strings.Contains(out, "no name") {
		t.Errorf("report %q; want 1 added and the row without a name skipped", out)
	}
	if err := os.WriteFile(evil, []byte("title\x1b[2J\nx\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, nil, "import", "resources", "--db", filepath.Join(dir, "c.db"), evil)
	if code != 1 || strings.ContainsAny(errOut, "\x1b\x07\u202e") || !strings.Contains(errOut, "missing required") {
		t.Errorf("exit %d, error %q; want exit 1 and a printable error", code, errOut)
	}
}
