package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

func TestExportEncryptWritesAnAgeFileOnlyThePassphraseOpens(t *testing.T) {
	db := exportFixture(t)
	out := filepath.Join(t.TempDir(), "summary.md.age")
	vars := map[string]string{"CASELOAD_PASSPHRASE": "correct horse battery"}
	code, _, errOut := cli(t, vars, "export", "--db", db, "--from", "2025-06-10", "--to", "2025-06-10", "--encrypt", "-o", out)
	if code != 0 {
		t.Fatalf("export --encrypt: exit %d, %s", code, errOut)
	}
	sealed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("Ana Diaz")) || !bytes.HasPrefix(sealed, []byte("age-encryption.org/v1\n")) {
		t.Fatalf("the file is not an age file, or shows the client's name in clear")
	}
	id, err := age.NewScryptIdentity("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatalf("decrypt with the passphrase: %v", err)
	}
	plain, _ := io.ReadAll(r)
	if !strings.Contains(string(plain), "Ana Diaz") {
		t.Errorf("decrypted summary lacks the client: %q", plain)
	}
	wrong, _ := age.NewScryptIdentity("wrong passphrase here")
	if _, err := age.Decrypt(bytes.NewReader(sealed), wrong); err == nil {
		t.Error("a wrong passphrase opened the file")
	}
	if code, _, errOut := cli(t, vars, "export", "--db", db, "--encrypt"); code != 2 || !strings.Contains(errOut, "-o FILE") {
		t.Errorf("--encrypt to standard output: exit %d, %q; want a usage error", code, errOut)
	}
}
